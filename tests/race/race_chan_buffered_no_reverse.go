// Racy: the rule "a receive happens before the send completes" holds only for
// unbuffered channels. Here the channel has capacity 1, so main's write before its
// receive is not ordered before the sender's read after its send.
package main

import (
	"fmt"
	"time"
)

var data int

func main() {
	ch := make(chan int, 1)
	done := make(chan int)
	go func() {
		ch <- 1
		time.Sleep(20 * time.Millisecond)
		done <- data // reads data: no happens-before from main's write
	}()
	data = 42
	<-ch
	fmt.Println("sender saw:", <-done)
}
