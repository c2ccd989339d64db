package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	done := make(chan bool)
	var log []string
	go func() {
		for i := 0; i < 3; i++ {
			log = append(log, fmt.Sprint("g", i))
			runtime.Gosched()
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		log = append(log, fmt.Sprint("m", i))
		runtime.Gosched()
	}
	<-done
	fmt.Println(log)
}
