// Race-free: sync.Once. The call of f by the first Do happens before every Do
// returns, so all goroutines may read what f wrote.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func load() {
	loads++
	config = map[string]string{"mode": "fast"}
}

func main() {
	var wg sync.WaitGroup
	modes := make([]string, 4)
	for i := range modes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(load)
			modes[i] = config["mode"]
		}(i)
	}
	wg.Wait()
	fmt.Println("loads:", loads, "modes:", modes)
}
