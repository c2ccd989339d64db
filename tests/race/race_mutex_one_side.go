// Racy: one goroutine updates total under the mutex, the other forgets to lock.
// A lock only orders the code of goroutines that all take it. (The sleep fixes
// which access is reported first; it does not synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	total int
)

func addLocked(n int) {
	mu.Lock()
	total += n
	mu.Unlock()
}

func addUnlocked(n int) {
	total += n // missing mu.Lock()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); addLocked(1) }()
	go func() { defer wg.Done(); time.Sleep(10 * time.Millisecond); addUnlocked(2) }()
	wg.Wait()
	fmt.Println("total:", total)
}
