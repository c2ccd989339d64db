// Store buffers: the SB (store buffering) litmus test. One goroutine runs x = 1; r1 = y,
// the other y = 1; r2 = x. Interleave them any way you like: one store comes first, so
// r1 = r2 = 0 is impossible. Yet on x86 (TSO) each store can wait in its core's store
// buffer while the load behind it reads the old 0 from the cache. Go's memory model calls
// this a data race: with fenced = true, atomic stores and loads forbid the 0 0 outcome.
package main

import (
	"fmt"
	"sync/atomic"
)

const fenced = false // knob: true uses sync/atomic (sequentially consistent) for x, y, r1, r2

const rounds = 200

var x, y, r1, r2 int32
var round int32 // main sets it to i to start round i in both goroutines at once

func store(p *int32, v int32) {
	if fenced {
		atomic.StoreInt32(p, v) // XCHG: a locked instruction drains the store buffer
	} else {
		*p = v
	}
}

func load(p *int32) int32 {
	if fenced {
		return atomic.LoadInt32(p)
	}
	return *p
}

func thread(mine, other, result *int32, done chan<- bool) {
	for i := int32(1); i <= rounds; i++ {
		for atomic.LoadInt32(&round) != i {
			// spin until main starts round i: main and each goroutine have a P of their own
		}
		store(mine, 1)
		store(result, load(other))
		done <- true
	}
}

func main() {
	done := make(chan bool)
	go thread(&x, &y, &r1, done)
	go thread(&y, &x, &r2, done)
	seen := map[string]int{}
	for i := int32(1); i <= rounds; i++ {
		x, y = 0, 0
		atomic.StoreInt32(&round, i)
		<-done
		<-done
		seen[fmt.Sprintf("r1=%d r2=%d", r1, r2)]++
	}
	fmt.Println(seen) // fmt sorts the keys
	fmt.Println("r1 = r2 = 0 seen:", seen["r1=0 r2=0"] > 0)
}
