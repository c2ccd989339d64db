package main

import (
	"fmt"
	"runtime"
)

func main() {
	const n = 10000
	first := make(chan int)
	left := first
	for i := 0; i < n; i++ {
		right := make(chan int)
		go func(l, r chan int) { l <- 1 + <-r }(left, right)
		left = right
	}
	fmt.Println("goroutines alive:", runtime.NumGoroutine() >= n)
	left <- 0
	fmt.Println("daisy chain result:", <-first)
}
