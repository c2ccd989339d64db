// Racy: the classic lost update. balance += 1 is a read and a write; two goroutines
// doing it with no synchronisation race on both. (The second one sleeps first only
// so that the same access is reported as the current one on every run; a sleep does
// not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var balance int

func deposit(times int, delay time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(delay)
	for i := 0; i < times; i++ {
		balance += 1
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go deposit(100, 0, &wg)
	go deposit(100, 10*time.Millisecond, &wg)
	wg.Wait()
	fmt.Println("balance at most 200:", balance <= 200)
}
