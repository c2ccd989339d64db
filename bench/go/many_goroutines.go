// Memory benchmark (issue 3 §5): 100k goroutines alive at once, each parked on a channel.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 100000
	start := make(chan struct{})
	var wg sync.WaitGroup
	results := make(chan int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			<-start
			results <- id % 7
		}(i)
	}
	fmt.Println("alive:", runtime.NumGoroutine())
	close(start)
	wg.Wait()
	close(results)
	sum := 0
	for v := range results {
		sum += v
	}
	fmt.Println("sum:", sum)
}
