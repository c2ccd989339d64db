// gopherbus: schedule-dependent
// property: same-lines-any-order (one line per goroutine and half; on one P the order is 3 0 1 2, then 3 0 1 2)
// `go` and the G/M/P board: main starts four goroutines without blocking. The newest waits in its P's
// runnext, the others in the local run queue; runtime.Gosched sends a G to the global run queue.
// With GOMAXPROCS >= 2 an idle P's spinning M steals half of a local queue, and the order changes.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) { // a new G: into runnext, the previous runnext into the local queue
			defer wg.Done()
			fmt.Printf("g%d first half\n", id)
			runtime.Gosched() // off the P, into the global run queue
			fmt.Printf("g%d second half\n", id)
		}(i)
	}
	wg.Wait() // main parks: its P picks runnext first, then the local queue, then the global one
	fmt.Println("main: all done")
}
