package main

import "fmt"

type Code int

func main() {
	fmt.Println("panicking with a named integer type")
	panic(Code(404))
}
