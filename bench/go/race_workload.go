// The --race benchmark's workload: four workers take jobs from a buffered channel, fill and sum a slice of their
// own (plain loads and stores, all checked), and add to a shared total under a mutex; main waits on a WaitGroup.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	total int
)

func worker(jobs <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	buf := make([]int, 64)
	for j := range jobs {
		for i := range buf {
			buf[i] = i * j
		}
		sum := 0
		for _, v := range buf {
			sum += v
		}
		mu.Lock()
		total += sum % 1000
		mu.Unlock()
	}
}

func main() {
	jobs := make(chan int, 16)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go worker(jobs, &wg)
	}
	for i := 0; i < 100000; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Println(total)
}
