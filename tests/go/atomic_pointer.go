// atomic.Pointer[T] (Go 1.19): Load, Store, Swap, CompareAndSwap, shared by goroutines.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	c1 := &Config{"a", 1}
	p.Store(c1)
	fmt.Println(*p.Load())
	old := p.Swap(&Config{"b", 2})
	fmt.Println(old == c1, *p.Load())
	fmt.Println(p.CompareAndSwap(c1, &Config{"c", 3}), p.Load().Name)
	var wg sync.WaitGroup
	var counter atomic.Pointer[int]
	zero := 0
	counter.Store(&zero)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				for {
					cur := counter.Load()
					next := *cur + 1
					if counter.CompareAndSwap(cur, &next) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(*counter.Load())
	fmt.Printf("%T\n", &p)
}
