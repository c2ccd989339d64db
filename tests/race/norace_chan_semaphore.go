// Race-free: a buffered channel of capacity 1 used as a lock. The k-th receive
// happens before the (k+1)-th send completes (k+C with C = 1), so each goroutine's
// count++ is ordered after the previous holder's.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan int, 1)
	count := 0
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				sem <- 1
				count++
				<-sem
			}
		}()
	}
	wg.Wait()
	fmt.Println("count:", count)
}
