package main

import (
	"errors"
	"fmt"
)

func mayPanic(v interface{}) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprintf("recovered %v (%T)", r, r)
		}
	}()
	if v != nil {
		panic(v)
	}
	return "no panic"
}

func cleanup() {
	defer fmt.Println("deferred calls still run during panicking")
	defer func() {
		fmt.Println("recover:", recover())
		fmt.Println("second recover:", recover())
	}()
	panic("first")
}

func main() {
	fmt.Println(mayPanic(nil))
	fmt.Println(mayPanic("boom"))
	fmt.Println(mayPanic(42))
	fmt.Println(mayPanic(errors.New("an error")))
	fmt.Println(mayPanic([]int{1}))
	cleanup()
	fmt.Println("recover outside panic:", recover())
	func() {
		defer func() {
			r := recover()
			fmt.Println("panic(nil) in Go 1.19 recovers", r, r == nil)
		}()
		panic(nil)
	}()
	fmt.Println("main continues")
}
