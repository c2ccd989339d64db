// Three correct counters, three costs. Four goroutines each add 1 250 times. "atomic":
// one locked add per increment (LOCK XADD), the line moving between caches. "mutex": a
// Lock (a CAS) and an Unlock (an atomic add) around a plain add, plus parking when
// contended. "channel": each increment is a send to one owner goroutine that adds.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const mode = "mutex" // knob: "atomic", "mutex" or "channel"

const workers, times = 4, 250

func main() {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		counter int64
	)
	incs := make(chan int64)
	owned := make(chan int64)
	go func() { // the channel mode's owner: the only goroutine that touches its total
		total := int64(0)
		for d := range incs {
			total += d
		}
		owned <- total
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < times; i++ {
				switch mode {
				case "atomic":
					atomic.AddInt64(&counter, 1)
				case "mutex":
					mu.Lock()
					counter++
					mu.Unlock()
				case "channel":
					incs <- 1
				}
			}
		}()
	}
	wg.Wait()
	close(incs)
	counter += <-owned
	fmt.Println(mode, "counter:", counter, "want", workers*times)
}
