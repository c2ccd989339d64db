// Two goroutines share one counter behind a sync.Mutex.
// On 2 cores, watch the mutex's and the counter's lines
// ping-pong between the caches: M in one, I in the other.
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var counter int

func worker(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		mu.Lock()
		counter++
		mu.Unlock()
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(1000, &wg)
	go worker(1000, &wg)
	wg.Wait()
	fmt.Println("counter =", counter)
}
