package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func main() {
	defer fmt.Println("deferred print happens before the panic message")
	err := fmt.Errorf("lookup user 42: %w", ErrNotFound)
	panic(err)
}
