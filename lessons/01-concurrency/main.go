// Concurrency is not parallelism: eight payment requests, each served by its own
// goroutine that checks the request (a signature computed the slow way) and
// charges a fee. On 1 core the goroutines take turns; on 4 they run at once.
// The output is the same either way: only the time it takes differs.
package main

import (
	"fmt"
	"sync"
)

type Request struct {
	ID     int
	Amount int64 // cents
}

// sign stands in for real work (checking a signature): a hash over many rounds.
func sign(r Request) uint32 {
	h := uint32(2166136261)
	for i := 0; i < 2000; i++ {
		h = (h ^ uint32(r.ID+i)) * 16777619
		h ^= uint32(r.Amount)
	}
	return h
}

func serve(r Request) string {
	fee := r.Amount*29/1000 + 30 // 2.9% + 30 cents
	return fmt.Sprintf("request %d: %5d cents, fee %4d, signature %08x", r.ID, r.Amount, fee, sign(r))
}

func main() {
	requests := []Request{{1, 1250}, {2, 999}, {3, 45000}, {4, 300}, {5, 7800}, {6, 150}, {7, 22000}, {8, 5}}
	results := make([]string, len(requests))
	var wg sync.WaitGroup
	for i, r := range requests {
		wg.Add(1)
		go func(i int, r Request) { // one goroutine per request
			defer wg.Done()
			results[i] = serve(r) // each writes its own slot: no lock needed
		}(i, r)
	}
	wg.Wait()
	for _, line := range results {
		fmt.Println(line)
	}
}
