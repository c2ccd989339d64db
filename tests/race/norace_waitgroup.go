// Race-free: Add before the go statements, Done at the end of each goroutine, and
// Wait in main: every Done happens before Wait returns, so main may read all parts.
package main

import (
	"fmt"
	"sync"
)

func main() {
	parts := make([]int, 4)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			parts[i] = (i + 1) * 100
		}(i)
	}
	wg.Wait()
	total := 0
	for _, p := range parts {
		total += p
	}
	fmt.Println("total:", total)
}
