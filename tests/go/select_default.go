package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing ready")
	}
	select {
	case ch <- 1:
		fmt.Println("sent 1")
	default:
		fmt.Println("full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("buffer full, dropped 2")
	}
	select {
	case v, ok := <-ch:
		fmt.Println("received", v, ok)
	default:
		fmt.Println("unexpected")
	}
	close(ch)
	select {
	case v, ok := <-ch:
		fmt.Println("closed channel is ready:", v, ok)
	default:
		fmt.Println("unexpected")
	}
	unbuf := make(chan int)
	select {
	case unbuf <- 1:
		fmt.Println("unexpected")
	default:
		fmt.Println("no receiver waiting")
	}
	count := 0
	for i := 0; i < 5; i++ {
		select {
		default:
			count++
		}
	}
	fmt.Println("default-only select ran", count, "times")
}
