// Racy (Go 1.19 semantics): the three-clause loop has one variable i shared by all
// iterations; each goroutine's read of i races with main's i++ after it started.
// Only the first read is reported: later ones touch the same address. (The sleeps
// fix which goroutine reads first; they do not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(slot int) {
			defer wg.Done()
			time.Sleep(time.Duration(slot+1) * 10 * time.Millisecond)
			seen[slot] = i // reads the shared loop variable
		}(i)
	}
	wg.Wait()
	fmt.Println("seen:", seen)
}
