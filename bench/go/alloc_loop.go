// Issue 14's allocation loop: 256 bytes and a short string per iteration, kept only until the next one.
// Without a collector the heap grows with every iteration; with one it stays at the live data.
// Run: gopherbus-cli run bench/go/alloc_loop.go [iterations [nogc]] (default 200000; nogc turns the collector off).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

var sink []byte
var label string

func main() {
	n := 200000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 && os.Args[2] == "nogc" {
		debug.SetGCPercent(-1)
	}
	for i := 0; i < n; i++ {
		sink = make([]byte, 256)
		label = fmt.Sprint("payment ", i)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("iterations:", n, "cycles:", m.NumGC, "heap now (bytes):", m.HeapAlloc, "heap reserved (bytes):", m.HeapSys)
}
