// Race-free: closing a channel happens before a receive that returns because the
// channel is closed, both for a receiver already blocked when close runs and for
// one that arrives later (main, after its sleep).
package main

import (
	"fmt"
	"sync"
	"time"
)

var results [3]int
var seen int

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-done // blocked here when close runs
		seen = results[2]
	}()
	go func() {
		for i := range results {
			results[i] = (i + 1) * 10
		}
		close(done)
	}()
	time.Sleep(20 * time.Millisecond) // the close has happened by now
	_, ok := <-done
	fmt.Println("open:", ok, "results:", results)
	wg.Wait()
	fmt.Println("seen:", seen)
}
