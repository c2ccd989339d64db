package main

import "fmt"

func main() {
	var ch chan string
	fmt.Println("nil channel:", ch == nil)
	close(ch)
}
