package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	var log []string
	for i := 0; i < 3; i++ {
		go func(n int) { log = append(log, fmt.Sprint("g", n)) }(i)
	}
	runtime.Gosched()
	log = append(log, "main")
	fmt.Println(log)
}
