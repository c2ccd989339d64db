// Racy: wg.Add is called inside the goroutine instead of before the go statement.
// The race runtime models the first Add (counter 0 -> 1) as a read of the
// WaitGroup's semaphore word and the first blocking Wait as a write of it, so the
// misuse shows as a race inside sync.(*WaitGroup).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1) // belongs in main, before the go statement
		time.Sleep(50 * time.Millisecond)
		wg.Done()
	}()
	time.Sleep(10 * time.Millisecond) // the goroutine has added by now
	wg.Wait()
	fmt.Println("waited")
}
