// Racy: the goroutine stores flag atomically but main reads it with a plain load.
// An atomic access synchronises only with other atomic accesses; a plain access
// conflicting with an atomic one is a race.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var flag int64

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		atomic.StoreInt64(&flag, 1)
	}()
	time.Sleep(20 * time.Millisecond)
	v := flag // plain read
	wg.Wait()
	fmt.Println("flag read:", v == 0 || v == 1)
}
