// MESI, line by line. Each goroutine walks its own 32 cache lines, reading then writing
// each one. Under MESI the read finds no other copy and loads the line Exclusive, so
// the write turns E into M with no bus transaction; under MSI the read loads it Shared
// and the write must broadcast a BusUpgr. The shared counter is different under both:
// each atomic add takes the line Modified from the other cache (BusRdX, then I there).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const lines = 32

type line struct {
	v int64
	_ [7]int64 // fills the rest of the 64-byte line
}

var (
	own     [2][lines]line // each goroutine's private data: one value per cache line
	counter int64          // shared by both goroutines: one line that moves back and forth
)

func work(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := range own[id] {
		v := own[id][i].v           // read miss: BusRd; MESI loads E, MSI loads S
		own[id][i].v = v + int64(i) // MESI: E -> M silently; MSI: S -> M with BusUpgr
		atomic.AddInt64(&counter, 1)
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go work(0, &wg)
	go work(1, &wg)
	wg.Wait()
	sum := int64(0)
	for id := range own {
		for i := range own[id] {
			sum += own[id][i].v
		}
	}
	fmt.Println("counter:", atomic.LoadInt64(&counter), "private sum:", sum)
}
