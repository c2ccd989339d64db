package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed, os.Exit skips defers")
	fmt.Println("about to exit with status 3")
	println("stderr before exit")
	os.Exit(3)
	fmt.Println("unreachable")
}
