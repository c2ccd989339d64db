package main

import "fmt"

func main() {
	ping := make(chan string)
	pong := make(chan string)
	go func() {
		for msg := range ping {
			pong <- msg + "-pong"
		}
		close(pong)
	}()
	for i := 0; i < 3; i++ {
		ping <- fmt.Sprint("ping", i)
		fmt.Println(<-pong)
	}
	close(ping)
	v, ok := <-pong
	fmt.Printf("%q %v\n", v, ok)
	ch := make(chan int)
	fmt.Println(len(ch), cap(ch))
	sync := make(chan bool)
	go func() {
		fmt.Println("worker runs before main continues")
		sync <- true
	}()
	<-sync
	fmt.Println("main continues")
}
