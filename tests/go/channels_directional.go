package main

import "fmt"

func producer(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan<- int) {
	sum := 0
	for v := range in {
		sum += v
	}
	done <- sum
}

func main() {
	ch := make(chan int)
	done := make(chan int)
	go producer(ch, 100)
	go consumer(ch, done)
	fmt.Println("sum:", <-done)
	var ro <-chan int = ch
	var wo chan<- int = ch
	fmt.Printf("%T %T %T\n", ch, ro, wo)
	buf := make(chan int, 1)
	var send chan<- int = buf
	var recv <-chan int = buf
	send <- 5
	fmt.Println(<-recv, len(send), cap(recv))
}
