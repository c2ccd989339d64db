// Channels. Unbuffered: the sender parks on the channel's sendq until a receiver comes,
// and the value is copied straight from the sender to the receiver. Buffered: a ring of
// cap slots; sendx is where the next send writes, recvx where the next receive reads.
package main

import "fmt"

func main() {
	handoff := make(chan string) // unbuffered: no slots at all
	done := make(chan bool)
	go func() {
		v := <-handoff // takes the value from the parked sender
		fmt.Println("receiver: got", v)
		done <- true
	}()
	fmt.Println("main: sending")
	handoff <- "payment #1" // main parks here until the receiver runs
	<-done
	fmt.Println("main: the handoff is over")

	ring := make(chan int, 3) // buffered: 3 slots, sendx = recvx = 0
	for i := 1; i <= 3; i++ {
		ring <- i // fills slot sendx, then sendx++ (wrapping at 3)
		fmt.Printf("sent %d: len %d cap %d\n", i, len(ring), cap(ring))
	}
	fmt.Println("received", <-ring) // reads slot recvx = 0, recvx becomes 1
	ring <- 4                       // the ring is not full: slot 0 again (sendx wrapped)
	close(ring)
	for v := range ring { // drains 2, 3, 4, then stops: closed and empty
		fmt.Println("received", v)
	}
}
