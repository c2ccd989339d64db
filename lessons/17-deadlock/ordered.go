// The deadlock fixed by lock ordering: every transfer locks the account with the smaller
// ID first, so the two transfers queue on the same first lock and neither can hold what
// the other waits for.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Account struct {
	ID      int
	mu      sync.Mutex
	balance int64
}

func transfer(from, to *Account, amount int64, wg *sync.WaitGroup) {
	defer wg.Done()
	first, second := from, to
	if second.ID < first.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	time.Sleep(time.Millisecond) // the same database write as before
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func main() {
	alice := &Account{ID: 1, balance: 100}
	bob := &Account{ID: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(alice, bob, 30, &wg)
	go transfer(bob, alice, 20, &wg)
	wg.Wait()
	fmt.Println("alice", alice.balance, "bob", bob.balance)
}
