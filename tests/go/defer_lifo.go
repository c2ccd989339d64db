package main

import "fmt"

func loop() {
	for i := 0; i < 4; i++ {
		defer fmt.Print(i, " ")
	}
	fmt.Print("loop body done: ")
}

func nested() {
	defer fmt.Println("outer 1")
	func() {
		defer fmt.Println("inner 1")
		defer fmt.Println("inner 2")
	}()
	defer fmt.Println("outer 2")
	fmt.Println("nested body")
}

func main() {
	defer fmt.Println("main deferred last")
	defer fmt.Println("main deferred first")
	loop()
	fmt.Println()
	nested()
	for _, s := range []string{"a", "b"} {
		defer func() { fmt.Println("closure sees", s) }()
	}
	fmt.Println("main body done")
}
