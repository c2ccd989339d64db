// A data race: two goroutines each add 1 to balance 1000 times. `balance += 1` is a
// load, an add and a store; when the other goroutine stores between our load and our
// store (a preemption on 1 core, the cache line moving between cores on 2), one update
// is lost. The fixes: mutex.go and atomic.go. `go run -race` reports this program.
package main

import (
	"fmt"
	"sync"
)

var balance int64

func deposit(times int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		balance += 1 // load, add, store: not one step
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(1000, &wg)
	go deposit(1000, &wg)
	wg.Wait()
	fmt.Println("balance:", balance, "want 2000, lost updates:", 2000-balance)
}
