// Multi-core: four workers split a sum of 100 000 numbers; on 4 cores they run at
// once, nearly 4 times faster than on 1. Set shared = true: each worker adds every
// number into one mutex-guarded total, and the time goes to waiting for the lock and
// for the total's cache line: 4 cores are now slower than 1. The output never changes.
package main

import (
	"fmt"
	"sync"
)

const shared = false // knob: true makes every worker add each number into one mutex-guarded total

const workers, n = 4, 100000

func main() {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int64 // guarded by mu
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(lo, hi int64) {
			defer wg.Done()
			var mine int64
			for i := lo; i < hi; i++ {
				if shared {
					mu.Lock() // contention: one lock and one cache line for all workers
					total += i
					mu.Unlock()
				} else {
					mine += i // private: stays in this core's registers and cache
				}
			}
			mu.Lock()
			total += mine
			mu.Unlock()
		}(int64(w*n/workers), int64((w+1)*n/workers))
	}
	wg.Wait()
	fmt.Println("sum of 0 ..", n-1, "=", total)
}
