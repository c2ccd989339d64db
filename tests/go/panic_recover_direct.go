package main

import "fmt"

func helper() interface{} { return recover() }

func indirect() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("outer caught: ", r)
		}
	}()
	defer func() {
		r := helper()
		fmt.Println("helper's recover returned", r)
	}()
	panic("p1")
}

func direct() (msg string) {
	defer func() {
		msg = fmt.Sprint("direct caught: ", recover())
	}()
	panic("p2")
}

func deferredHelper() (msg string) {
	defer func() { msg = fmt.Sprint("outer got: ", recover()) }()
	defer helperAsDeferred()
	panic("p3")
}

func helperAsDeferred() {
	fmt.Println("helper deferred directly recovers:", recover())
}

func main() {
	fmt.Println(indirect())
	fmt.Println(direct())
	fmt.Println(deferredHelper())
}
