package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(2)
	fmt.Println("previous setting returned:", runtime.GOMAXPROCS(1))
	fmt.Println("GOMAXPROCS(0) queries:", runtime.GOMAXPROCS(0))
	fmt.Println("negative also queries:", runtime.GOMAXPROCS(-1))
	runtime.GOMAXPROCS(3)
	fmt.Println(runtime.GOMAXPROCS(0))
	runtime.Gosched()
	fmt.Println("Gosched with nothing else to run returns")
}
