package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked; locking again blocks forever (Mutex is not reentrant)")
	mu.Lock()
}
