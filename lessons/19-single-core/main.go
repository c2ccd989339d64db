// Single core (GOMAXPROCS=1): one goroutine runs at a time, in time slices. A goroutine
// that never calls or blocks still gives up its P: sysmon preempts any G that has run
// for 10 ms (the lessons' time scale shrinks this) and it queues again. Without that, the
// `for {}` below would keep main and the other goroutines off the only P forever.
package main

import "fmt"

func spin(name string, n int, out chan<- string) {
	h := 0
	for i := 0; i < n; i++ { // no calls, no channel, no lock: only preemption interrupts it
		h = h*31 + i
	}
	out <- fmt.Sprintf("%s finished: checksum %d", name, h)
}

func main() {
	go func() {
		for { // never yields
		}
	}()
	a, b := make(chan string), make(chan string)
	go spin("a", 200000, a)
	go spin("b", 100000, b)
	fmt.Println(<-a)
	fmt.Println(<-b)
	fmt.Println("main ran again beside a goroutine that never yields")
}
