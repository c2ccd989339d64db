// The studio's load for `gopherbus --measure` (README: the studio's frame rate): 1000 goroutines alive at
// once on 8 cores, each reading 64 lines of a shared array (read-only: no race) and adding into a mutex-guarded total, so every
// core's cache holds well over 64 valid lines and the scheduler board lists 1000 Gs.
package main

import (
	"fmt"
	"sync"
)

const lines = 2048 // 64-byte lines of data: 16384 int64s

var data [lines * 8]int64
var mu sync.Mutex
var total int64

func worker(id int, rounds int, start *sync.WaitGroup, wg *sync.WaitGroup) {
	defer wg.Done()
	start.Wait() // all 1000 exist before any works
	for r := 0; r < rounds; r++ {
		s := int64(0)
		for i := 0; i < 64; i++ {
			s += data[((id+r)*64+i)%lines*8]
		}
		mu.Lock()
		total += s
		mu.Unlock()
	}
}

func main() {
	for i := range data {
		data[i] = int64(i % 7)
	}
	var start, wg sync.WaitGroup
	start.Add(1)
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go worker(i, 300, &start, &wg)
	}
	start.Done()
	wg.Wait()
	fmt.Println("total", total)
}
