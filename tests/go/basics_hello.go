package main

import "fmt"

func main() {
	fmt.Println("hello, world")
	fmt.Println("Go", 1, 19, true, 2.5, 'x', nil)
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Printf("%s has %d bytes\n", "héllo", len("héllo"))
}
