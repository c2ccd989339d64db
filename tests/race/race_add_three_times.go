// Racy: two goroutines each add 1 to count three times, as a separate load and
// store; whatever the interleaving, the accesses of the two goroutines are
// unordered. (The sleep fixes which access is reported first; it does not
// synchronise.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var count int

func addThree(delay time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(delay)
	for i := 0; i < 3; i++ {
		v := count
		count = v + 1
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go addThree(0, &wg)
	go addThree(10*time.Millisecond, &wg)
	wg.Wait()
	fmt.Println("count between 3 and 6:", count >= 3 && count <= 6)
}
