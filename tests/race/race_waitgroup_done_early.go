// Racy: the goroutine calls Done before writing its result, so Wait returning says
// nothing about the write; main's read of result is unordered with it. (The sleep
// after Wait makes the write come first in time on every run, so the read is the
// reported access; it does not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var result int

func main() {
	var wg sync.WaitGroup
	finished := make(chan bool)
	wg.Add(1)
	go func() {
		wg.Done() // too early
		result = 7
		close(finished)
	}()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	r := result
	<-finished
	fmt.Println("result:", r)
}
