package main

import (
	"fmt"
	"runtime"
	"sync"
)

func work(lo, hi int) int {
	s := 0
	for i := lo; i < hi; i++ {
		s += i % 7
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(4)
	const parts = 8
	sums := make([]int, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			sums[p] = work(p*100000, (p+1)*100000)
		}(p)
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0), "total:", total, "serial:", work(0, parts*100000))
}
