package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("about to receive with no sender")
	v := <-ch
	fmt.Println(v)
}
