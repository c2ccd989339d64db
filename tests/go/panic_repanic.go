package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "- panicking again")
		panic(r)
	}()
	fmt.Println("start")
	panic("boom")
}
