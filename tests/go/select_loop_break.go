package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 1; i <= 5; i++ {
			data <- i
		}
		close(quit)
	}()
	sum := 0
loop:
	for {
		select {
		case v := <-data:
			if v == 4 {
				continue
			}
			sum += v
		case <-quit:
			break loop
		}
	}
	fmt.Println("sum without 4:", sum)
	results := make(chan string, 1)
	for i := 0; i < 3; i++ {
		select {
		case results <- fmt.Sprint("r", i):
			fmt.Println("sent", i)
		case r := <-results:
			fmt.Println("drained", r)
		}
	}
}
