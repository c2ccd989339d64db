package main

import (
	"fmt"
	"time"
)

func main() {
	defer func() {
		fmt.Println("main's recover cannot catch another goroutine's panic:", recover())
	}()
	fmt.Println("starting worker")
	go func() {
		panic("worker failed")
	}()
	time.Sleep(time.Second)
	fmt.Println("unreachable")
}
