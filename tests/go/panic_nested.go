package main

import "fmt"

func main() {
	defer fmt.Println("main defer runs before the crash report")
	defer func() {
		panic("second")
	}()
	panic("first")
}
