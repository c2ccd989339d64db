package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func filter(in <-chan int, pred func(int) bool) <-chan int {
	out := make(chan int, 2)
	go func() {
		for v := range in {
			if pred(v) {
				out <- v
			}
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range filter(square(gen(10)), func(x int) bool { return x%2 == 1 }) {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
