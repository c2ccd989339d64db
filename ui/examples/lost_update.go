// Two goroutines add 1 to one balance, 1000 times each, with no lock.
// `balance += 1` is a load and a store: on 2 cores both load the
// same value, both store value+1, and one update is lost. Step by
// memory access and watch the line move between the caches.
package main

import (
	"fmt"
	"sync"
)

var balance int

func deposit(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		balance += 1
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(1000, &wg)
	go deposit(1000, &wg)
	wg.Wait()
	fmt.Println("balance =", balance, "(2000 expected)")
}
