package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var ready atomic.Bool
	var i32 atomic.Int32
	var u32 atomic.Uint32
	var u64 atomic.Uint64
	fmt.Println(n.Load(), ready.Load())
	var wg sync.WaitGroup
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				n.Add(2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(n.Load())
	n.Store(-5)
	fmt.Println(n.Load(), n.Swap(10), n.Load())
	fmt.Println(n.CompareAndSwap(10, 11), n.CompareAndSwap(10, 12), n.Load())
	ready.Store(true)
	fmt.Println(ready.Load(), ready.Swap(false), ready.Load())
	fmt.Println(ready.CompareAndSwap(false, true), ready.Load())
	fmt.Println(i32.Add(-3), u32.Add(1), u64.Add(1<<33))
	fmt.Println(u32.Add(^uint32(0)), u64.Swap(1), i32.CompareAndSwap(-3, 3), i32.Load())
}
