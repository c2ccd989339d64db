package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func worker(ctx context.Context, id int, work *int64, wg *sync.WaitGroup, stopped chan<- int) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			stopped <- id
			return
		default:
			atomic.AddInt64(work, 1)
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var work int64
	var wg sync.WaitGroup
	stopped := make(chan int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go worker(ctx, i, &work, &wg, stopped)
	}
	time.Sleep(20 * time.Millisecond)
	cancel()
	wg.Wait()
	close(stopped)
	sum := 0
	for id := range stopped {
		sum += id
	}
	fmt.Println("all workers stopped, id sum:", sum, "did work:", atomic.LoadInt64(&work) > 5)
	fmt.Println("reason:", ctx.Err())
}
