// Racy: a buffered channel of capacity 2 admits two holders at once. The k-th
// receive only happens before the (k+2)-th send completes, so the two goroutines'
// count++ are unordered (the detector tracks one sync point per buffer slot) even
// though here the second goroutine starts after the first has left: it fills the
// other slot.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan int, 2)
	count := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func(delay time.Duration) {
			defer wg.Done()
			time.Sleep(delay)
			sem <- 1
			count++
			<-sem
		}(time.Duration(g) * 10 * time.Millisecond)
	}
	wg.Wait()
	fmt.Println("count:", count)
}
