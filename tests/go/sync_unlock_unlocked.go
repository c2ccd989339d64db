package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("fatal errors cannot be recovered:", recover())
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("locked and unlocked once")
	mu.Unlock()
}
