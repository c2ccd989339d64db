// sync.Mutex from the inside. An uncontended Lock is one CAS on the state word (fast
// path). A contended one spins a little (on several cores), then parks on the mutex's
// semaphore. A greedy goroutine that unlocks and relocks at once keeps winning against
// a woken waiter; once the waiter has waited over 1 ms the mutex turns to starvation
// mode, and Unlock hands the lock straight to the waiter.
package main

import (
	"fmt"
	"sync"
	"time"
)

const rounds = 20

func main() {
	var mu sync.Mutex
	greedyDone := 0 // rounds the greedy goroutine has finished; guarded by mu
	waiterSaw := -1
	var wg sync.WaitGroup
	wg.Add(2)
	started := make(chan bool)
	go func() { // greedy: 20 critical sections of 200 µs, relocking straight away
		defer wg.Done()
		for i := 0; i < rounds; i++ {
			mu.Lock()
			if i == 0 {
				close(started)
			}
			time.Sleep(200 * time.Microsecond) // work while holding the lock
			greedyDone++
			mu.Unlock()
		}
	}()
	go func() { // waiter: wants the lock once
		defer wg.Done()
		<-started // the greedy goroutine holds the lock now
		mu.Lock() // CAS fails -> (spin) -> park on the semaphore
		waiterSaw = greedyDone
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println("the waiter got the lock before the greedy goroutine finished:", waiterSaw < rounds)
}
