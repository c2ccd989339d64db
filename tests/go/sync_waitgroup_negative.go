package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Wait()
	fmt.Println("balanced Add/Done is fine")
	wg.Done()
}
