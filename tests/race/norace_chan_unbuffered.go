// Race-free: an unbuffered channel orders both ways. The send happens before the
// matching receive completes (data is published to main), and the receive happens
// before the send completes (ack, written by main before receiving, is visible to
// the sender after its send returns).
package main

import "fmt"

var data int
var ack string

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		data = 42
		ch <- 1
		ack += " and seen" // main wrote ack before its receive
		done <- true
	}()
	ack = "ready"
	<-ch
	fmt.Println("data:", data)
	<-done
	fmt.Println("ack:", ack)
}
