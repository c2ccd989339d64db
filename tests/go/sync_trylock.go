package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	fmt.Println("first TryLock:", mu.TryLock())
	fmt.Println("second TryLock:", mu.TryLock())
	done := make(chan bool)
	go func() { done <- mu.TryLock() }()
	fmt.Println("TryLock from another goroutine:", <-done)
	mu.Unlock()
	fmt.Println("after Unlock:", mu.TryLock())
	mu.Unlock()
	var rw sync.RWMutex
	rw.RLock()
	fmt.Println("RW TryRLock while read-locked:", rw.TryRLock())
	fmt.Println("RW TryLock while read-locked:", rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println("RW TryLock when free:", rw.TryLock())
	fmt.Println("RW TryRLock while write-locked:", rw.TryRLock())
	rw.Unlock()
}
