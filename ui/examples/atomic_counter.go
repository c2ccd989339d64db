// The lost update fixed with sync/atomic: each add is one locked
// read-modify-write, so the line must be in M in the adding core's
// cache, and the other core's copy drops to I every time.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var balance int64

func deposit(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		atomic.AddInt64(&balance, 1)
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(1000, &wg)
	go deposit(1000, &wg)
	wg.Wait()
	fmt.Println("balance =", atomic.LoadInt64(&balance))
}
