// gopherbus: schedule-dependent
// property: same-lines-any-order (Go 1.19 with GOMAXPROCS(1) almost always prints 9 then 0..8: the last go statement's G sits in runnext)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	var order []int
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			order = append(order, n)
		}(i)
	}
	wg.Wait()
	for _, n := range order {
		fmt.Println(n)
	}
}
