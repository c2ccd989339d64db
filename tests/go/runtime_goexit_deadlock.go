// gopherbus: full-traceback
// After main's runtime.Goexit, other goroutines blocked for good: "all goroutines are asleep - deadlock!" with
// each of them listed, and main not among them.
package main

import (
	"fmt"
	"runtime"
)

func stuck(ch chan int) {
	fmt.Println("stuck waits")
	<-ch
}

func main() {
	go stuck(make(chan int))
	runtime.Goexit()
}
