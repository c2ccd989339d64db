// Racy, three reports: which races Go reports once. hits, misses and counts[0]
// each race (three addresses, three reports). The later write to hits is not
// reported: a race on that address was already reported. Nor is the race on
// counts[1]: its two stacks equal those of the counts[0] report. (The sleep
// fixes which side is reported first; it does not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var hits, misses int
var counts [2]int

func bump(i int) { counts[i]++ }

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		hits = 1
		misses = 1
		for i := 0; i < 2; i++ {
			bump(i)
		}
	}()
	time.Sleep(20 * time.Millisecond)
	h := hits  // reported
	misses = 2 // reported
	hits = 3   // not reported: same address as the first report
	for i := 0; i < 2; i++ {
		bump(i) // reported for counts[0] only
	}
	wg.Wait()
	fmt.Println("hits read:", h, "counts:", counts)
}
