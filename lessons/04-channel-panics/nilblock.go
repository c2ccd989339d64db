// A nil channel blocks forever, and that is not a panic: the deferred recover below never
// runs. When every goroutine is blocked, the runtime stops the process with
// "fatal error: all goroutines are asleep - deadlock!" (exit status 2).
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("recovered:", recover()) // never printed: a fatal error skips defers
	}()
	var c chan int
	fmt.Println("receiving from a nil channel...")
	<-c
}
