// What channels are for (the notes' answer): synchronising goroutines (a done channel),
// limiting concurrency (a buffered channel as a semaphore: at most 2 payments at once),
// and passing data through a pipeline (amounts -> fees -> total).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// 1. Synchronise: main waits until the worker says it is done.
	done := make(chan struct{})
	go func() {
		fmt.Println("worker: settled the batch")
		close(done)
	}()
	<-done
	fmt.Println("main: the worker is done")

	// 2. Limit concurrency: a send takes one of the 2 slots, a receive gives it back.
	sem := make(chan struct{}, 2)
	var mu sync.Mutex // guards inside and most, which only count
	var wg sync.WaitGroup
	inside, most := 0, 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			if inside++; inside > most {
				most = inside
			}
			mu.Unlock()
			time.Sleep(time.Millisecond) // calling the bank
			mu.Lock()
			inside--
			mu.Unlock()
			<-sem // give the slot back
		}()
	}
	wg.Wait()
	fmt.Println("most payments at once:", most)

	// 3. Pipeline: each stage owns its output channel and closes it when done.
	amounts, fees := make(chan int64), make(chan int64)
	go func() {
		defer close(amounts)
		for _, a := range []int64{1250, 999, 45000, 300} {
			amounts <- a
		}
	}()
	go func() {
		defer close(fees)
		for a := range amounts {
			fees <- a*29/1000 + 30
		}
	}()
	total := int64(0)
	for f := range fees {
		total += f
	}
	fmt.Println("total fees:", total, "cents")
}
