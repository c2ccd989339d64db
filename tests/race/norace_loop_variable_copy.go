// Race-free: the fix for race_loop_variable.go. Each iteration copies i into a new
// variable (i := i) before the go statement, so a goroutine reads only its own copy.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 3)
	for i := 0; i < 3; i++ {
		i := i
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println("seen:", seen)
}
