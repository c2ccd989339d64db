package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// transfer locks the two accounts in the order of their ids, whichever way the money goes: no cycle, no deadlock.
func transfer(from, to *Account, amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	first, second := from, to
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock()
	second.mu.Lock()
	from.balance -= amount
	to.balance += amount
	second.mu.Unlock()
	first.mu.Unlock()
}

func main() {
	a := &Account{id: 1, balance: 100}
	b := &Account{id: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(a, b, 10, &wg)
	go transfer(b, a, 20, &wg)
	wg.Wait()
	fmt.Println(a.balance, b.balance)
}
