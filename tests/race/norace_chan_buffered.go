// Race-free: with a buffered channel, each send happens before the receive that
// takes its value, so the producer's writes to results[i] are visible to main after
// it receives i.
package main

import "fmt"

func main() {
	results := make([]int, 6)
	ready := make(chan int, 3)
	go func() {
		for i := range results {
			results[i] = i * i
			ready <- i
		}
		close(ready)
	}()
	sum := 0
	for i := range ready {
		sum += results[i]
	}
	fmt.Println("sum of squares:", sum)
}
