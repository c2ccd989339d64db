// A pipeline over channels: a producer sends jobs into a buffered
// channel, three workers square them, and main sums the results from
// an unbuffered one. Watch Gs park on "chan send" and "chan receive"
// and wake each other (the Channels and locks panel shows the hchan).
package main

import "fmt"

func produce(jobs chan<- int, n int) {
	for i := 1; i <= n; i++ {
		jobs <- i
	}
	close(jobs)
}

func work(jobs <-chan int, results chan<- int, done chan<- bool) {
	for j := range jobs {
		sq := 0
		for k := 0; k < j; k++ { // j*j the slow way: some work between channel operations
			sq += j
		}
		results <- sq
	}
	done <- true
}

func main() {
	jobs := make(chan int, 4)
	results := make(chan int)
	done := make(chan bool)
	go produce(jobs, 200)
	for w := 0; w < 3; w++ {
		go work(jobs, results, done)
	}
	go func() {
		for w := 0; w < 3; w++ {
			<-done
		}
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum of squares =", sum)
}
