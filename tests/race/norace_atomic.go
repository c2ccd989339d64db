// Race-free: sync/atomic. Concurrent atomic.AddInt64 on one counter do not race,
// and an atomic store that a later atomic load observes orders the plain write of
// payload (before the store) before the plain read (after the load).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var (
	hits    int64
	ready   int32
	payload string
)

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				atomic.AddInt64(&hits, 1)
			}
		}()
	}
	go func() {
		payload = "published"
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	fmt.Println("payload:", payload)
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
