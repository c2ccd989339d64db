// Racy: two goroutines write hits while holding only the read lock. RLock orders a
// reader after the last writer's Unlock, but readers are not ordered with each
// other, so two writes under RLock race. (The sleep fixes which access is reported
// first; it does not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	rw   sync.RWMutex
	hits int
)

func record() {
	rw.RLock()
	hits++ // a write under the read lock
	rw.RUnlock()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); record() }()
	go func() { defer wg.Done(); time.Sleep(10 * time.Millisecond); record() }()
	wg.Wait()
	rw.Lock()
	fmt.Println("hits:", hits)
	rw.Unlock()
}
