// MESI's E: each goroutine reads, then writes, a line no other core
// holds. The read misses and gets the line Exclusive (no other copy);
// the write then upgrades E to M silently, with no bus transaction.
// Switch the shared knob on: both counters sit in one line, so the
// second reader makes it S and every write needs the bus again.
package main

import (
	"fmt"
	"sync"
)

const shared = false // knob: true puts both counters in one cache line (S and bus traffic, not E)

type slot struct {
	n   int64
	pad [7]int64 // the rest of a 64-byte line: each slot a line of its own
}

var own [2]slot     // one line each
var packed [2]int64 // both in one line

func work(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 1000; i++ {
		if shared {
			v := packed[id] // read: S once the other core has the line
			packed[id] = v + 1
		} else {
			v := own[id].n    // read: I -> E, nobody else has the line
			own[id].n = v + 1 // write: E -> M, silently
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go work(0, &wg)
	go work(1, &wg)
	wg.Wait()
	fmt.Println(own[0].n+packed[0], own[1].n+packed[1])
}
