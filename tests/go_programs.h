// Go programs that the tests of more than one layer run, one copy each, with what they exercise.
#pragma once

namespace gb::test {

// Four goroutines take one sync.Mutex 20 times each and hold it for 300 increments: at a teaching time scale
// (sync.Mutex's 1 ms starvation threshold times 0.001) a waiter waits past the threshold and the mutex enters
// starvation mode. Prints 24000.
inline constexpr const char* kLongHold = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var n int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				mu.Lock()
				for k := 0; k < 300; k++ {
					n++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
)";

// Eight goroutines of work made on P0 while main waits: with two Ps the second one steals from the first
// (proc.go's stealWork). Prints done.
inline constexpr const char* kStealWork = R"(package main

import (
	"fmt"
	"sync"
)

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(5000)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
)";

}  // namespace gb::test
