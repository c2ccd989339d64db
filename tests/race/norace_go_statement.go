// Race-free: a write before the go statement happens before the new goroutine's
// first step, and the goroutine's write before close(done) happens before main's
// receive that sees the close.
package main

import "fmt"

var greeting string
var reply string

func main() {
	greeting = "hello"
	done := make(chan bool)
	go func() {
		reply = greeting + ", main" // reads greeting: ordered by the go statement
		close(done)
	}()
	<-done
	fmt.Println(reply)
}
