// Deadlock: transfer(a, b) locks a then b; transfer(b, a) at the same time locks b
// then a. Each holds one lock and waits for the other's, forever. When every goroutine
// is blocked, the runtime stops the process: "fatal error: all goroutines are asleep -
// deadlock!" (exit status 2). The fix, ordered.go, always locks in account order.
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
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(time.Millisecond) // a database write: long enough for the other transfer to lock its first account
	to.mu.Lock()
	defer to.mu.Unlock()
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
	fmt.Println("alice", alice.balance, "bob", bob.balance) // never printed
}
