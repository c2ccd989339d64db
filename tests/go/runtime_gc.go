// The garbage collector: a finalizer runs after the collection that finds its object unreachable,
// a loop that allocates 200 000 escaping slices runs in a bounded heap, and runtime.MemStats counts
// the cycles, allocations and frees.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type account struct {
	id   int
	next *account
}

var finalized = make(chan int, 4)

var sink []byte

// The account is reachable only from this frame: once it returns, the next cycle finds it unreachable.
func openAndForget(id int) {
	a := &account{id: id}
	runtime.SetFinalizer(a, func(a *account) { finalized <- a.id })
}

func main() {
	openAndForget(7)
	runtime.GC()
	fmt.Println("finalized:", <-finalized)

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sum := 0
	for i := 0; i < 200000; i++ {
		b := make([]byte, 256)
		b[i%256] = byte(i)
		sum += int(b[i%256])
		sink = b
	}
	runtime.ReadMemStats(&after)
	fmt.Println("sum:", sum)
	fmt.Println("collected during the loop:", after.NumGC > before.NumGC)
	fmt.Println("heap stays small:", after.HeapAlloc < 16<<20)
	fmt.Println("every slice was allocated:", after.Mallocs-before.Mallocs >= 200000)
	fmt.Println("and most were freed:", after.Frees-before.Frees >= 150000)
	fmt.Println("forced cycles counted:", after.NumForcedGC >= 1)

	old := debug.SetGCPercent(50)
	fmt.Println("GOGC was:", old, "now:", debug.SetGCPercent(old))
}
