// Reported race-free, although the memory model does not order it: the same
// capacity-2 semaphore as race_chan_semaphore_cap2.go, but with chan struct{}.
// For zero-size elements the race runtime keeps one sync point for the whole
// buffer and accumulates every send and receive into it (runtime/chan.go:
// racenotify), so the second holder is ordered after the first.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2)
	count := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func(delay time.Duration) {
			defer wg.Done()
			time.Sleep(delay)
			sem <- struct{}{}
			count++
			<-sem
		}(time.Duration(g) * 10 * time.Millisecond)
	}
	wg.Wait()
	fmt.Println("count:", count)
}
