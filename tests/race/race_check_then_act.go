// Racy: the balance check is done under the lock, but the withdrawal is done after
// Unlock. The write outside the lock is unordered with the other goroutine's locked
// read (and a real interleaving could overdraw). The sleep fixes which access is
// reported first; it does not synchronise.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	balance = 100
)

func withdraw(amount int) {
	mu.Lock()
	ok := balance >= amount
	mu.Unlock()
	if ok {
		balance -= amount // acts outside the lock
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); withdraw(80) }()
	go func() { defer wg.Done(); time.Sleep(10 * time.Millisecond); withdraw(80) }()
	wg.Wait()
	fmt.Println("balance:", balance)
}
