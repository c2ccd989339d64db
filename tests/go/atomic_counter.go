package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var flag int32
	var wins int32
	var wg sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 1000; k++ {
				atomic.AddInt64(&hits, 1)
			}
			if atomic.CompareAndSwapInt32(&flag, 0, 1) {
				atomic.AddInt32(&wins, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits), "CAS winners:", wins)
	var max int64
	for g := 1; g <= 20; g++ {
		wg.Add(1)
		go func(v int64) {
			defer wg.Done()
			for {
				old := atomic.LoadInt64(&max)
				if v <= old || atomic.CompareAndSwapInt64(&max, old, v) {
					return
				}
			}
		}(int64(g * 3))
	}
	wg.Wait()
	fmt.Println("max via CAS loop:", max)
}
