// Race-free: select receives. Each worker writes its own slot, then sends on its
// own channel; a select case that receives from a channel is ordered after that
// send like a plain receive, so main may read the slot of the worker it heard from.
package main

import (
	"fmt"
	"time"
)

func main() {
	var fast, slow string
	fastCh := make(chan bool)
	slowCh := make(chan bool, 1)
	go func() { fast = "fast done"; fastCh <- true }()
	go func() {
		time.Sleep(10 * time.Millisecond)
		slow = "slow done"
		slowCh <- true
	}()
	for got := 0; got < 2; got++ {
		select {
		case <-fastCh:
			fmt.Println(fast)
		case <-slowCh:
			fmt.Println(slow)
		case <-time.After(time.Second):
			fmt.Println("timeout")
		}
	}
}
