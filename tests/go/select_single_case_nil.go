// A single-case select on a nil channel blocks forever as the plain send would: [chan send (nil chan)].
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("before")
	select {
	case ch <- 1:
		fmt.Println("sent")
	}
}
