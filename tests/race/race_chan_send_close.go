// Racy: a send and a close of the same channel that nothing orders. The race
// runtime treats every send as a read of the channel and close as a write of it
// (runtime/chan.go: chansend, closechan), so it reports the pair although the send
// completed long before the close and nothing panicked.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		ch <- 5
	}()
	time.Sleep(20 * time.Millisecond)
	close(ch)
	v, ok := <-ch
	fmt.Println("received:", v, ok)
}
