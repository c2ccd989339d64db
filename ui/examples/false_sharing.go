// False sharing: each goroutine has its own counter, yet the two
// counters share one 64-byte cache line, so every increment steals the
// line from the other core. Switch the padded knob on (controls
// panel): each counter gets a line of its own and the bus goes quiet.
package main

import (
	"fmt"
	"sync"
)

const padded = false // knob: true gives each counter a cache line of its own

type counter struct {
	n   int64
	pad [7]int64 // used only when padded: fills the rest of the line
}

var tight [2]int64
var spaced [2]counter

func count(id int, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		if padded {
			spaced[id].n++
		} else {
			tight[id]++
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go count(0, 500, &wg)
	go count(1, 500, &wg)
	wg.Wait()
	fmt.Println(tight[0]+spaced[0].n, tight[1]+spaced[1].n)
}
