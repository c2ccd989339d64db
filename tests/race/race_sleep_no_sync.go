// Racy: time.Sleep does not synchronise. The goroutine has certainly written
// status when main wakes up, but nothing orders the write before main's read.
package main

import (
	"fmt"
	"sync"
	"time"
)

var status string

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		status = "loaded"
	}()
	time.Sleep(50 * time.Millisecond)
	s := status
	wg.Wait()
	fmt.Println("status:", s)
}
