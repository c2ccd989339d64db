// Racy: a map written from two goroutines without a lock. The race runtime reports
// it as a race on the map itself, at the runtime's map-assign entry point.
// The sleep keeps the two writes apart in time (a real overlap could also stop
// the program with "fatal error: concurrent map writes").
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ages := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ages["ann"] = 31
	}()
	time.Sleep(20 * time.Millisecond)
	ages["bob"] = 42
	wg.Wait()
	fmt.Println("entries:", len(ages))
}
