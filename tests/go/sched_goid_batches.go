// Goroutine ids come from per-P caches of 16 (proc.go newproc1, _GoidCacheBatch): a goroutine created on
// another P gets an id from that P's batch (17, 18, ...), while main's P goes on with its own (7, ...).
// Which P the worker runs on depends on the schedule, so the program prints a verdict that holds either way.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

func goid() int {
	var buf [64]byte
	s := string(buf[:runtime.Stack(buf[:], false)])
	id, _ := strconv.Atoi(strings.Fields(s)[1])
	return id
}

func main() {
	runtime.GOMAXPROCS(2)
	ids := make(chan int, 10)
	worker := make(chan int, 1)
	go func() {
		worker <- goid()
		for i := 0; i < 3; i++ {
			go func() { ids <- goid() }()
		}
	}()
	x := 0
	for i := 0; i < 5000000; i++ {
		x += i
	}
	w := <-worker
	var children []int
	for i := 0; i < 3; i++ {
		children = append(children, <-ids)
	}
	sort.Ints(children)
	go func() { ids <- goid() }()
	next := <-ids
	samePBatch := children[0] == 7 && children[2] == 9 && next == 10
	otherPBatch := children[0] == 17 && children[2] == 19 && next == 7
	fmt.Println("worker", w, "batches as Go hands them out:", samePBatch || otherPBatch, x > 0)
}
