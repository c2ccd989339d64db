// The data race fixed with an atomic add: atomic.AddInt64 is one locked
// read-modify-write instruction (LOCK XADD): the cache line stays in this core
// from the load to the store, so no update can be lost.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var balance int64 // only touched through sync/atomic

func deposit(times int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		atomic.AddInt64(&balance, 1)
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(1000, &wg)
	go deposit(1000, &wg)
	wg.Wait()
	fmt.Println("balance:", atomic.LoadInt64(&balance), "want 2000")
}
