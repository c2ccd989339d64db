// close readies the blocked receivers in the reverse of their queue order (chan.go's gList is LIFO),
// and each goready puts the G in runnext, kicking the previous one to the run queue.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	order := make(chan int, 5)
	for i := 0; i < 5; i++ {
		go func(id int) {
			<-ch
			order <- id
		}(i)
		runtime.Gosched() // let it block on ch, so the queue is 0, 1, 2, 3, 4
	}
	close(ch)
	var got []int
	for i := 0; i < 5; i++ {
		got = append(got, <-order)
	}
	fmt.Println(got)

	// Senders blocked on a channel that is then closed panic; recovered, each reports its id.
	sc := make(chan int)
	res := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(id int) {
			defer func() {
				recover()
				res <- id
			}()
			sc <- id
		}(i)
		runtime.Gosched()
	}
	close(sc)
	var sent []int
	for i := 0; i < 3; i++ {
		sent = append(sent, <-res)
	}
	fmt.Println(sent)
}
