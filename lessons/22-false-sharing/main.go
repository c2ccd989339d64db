// False sharing: two goroutines each count into their own counter, so nothing is shared
// and nothing races; yet two int64s side by side sit in one 64-byte cache line, and each
// write takes the whole line away from the other core (BusRdX / BusUpgr, then a miss).
// Set padded = true: each counter gets a line to itself and the bus goes quiet.
package main

import (
	"fmt"
	"sync"
)

const padded = false // knob: true puts each counter on its own cache line

type paddedCounter struct {
	n int64
	_ [56]byte // 8 + 56 = 64 bytes: the next counter starts on the next line
}

var (
	side  [2]int64         // both counters in one line
	apart [2]paddedCounter // one line each
)

func count(id, times int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < times; i++ {
		if padded {
			apart[id].n++
		} else {
			side[id]++
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go count(0, 1000, &wg)
	go count(1, 1000, &wg)
	wg.Wait()
	fmt.Println("counters:", side[0]+apart[0].n, side[1]+apart[1].n)
}
