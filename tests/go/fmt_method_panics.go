// fmt recovers a panic in a String, Error or GoString method (print.go's catchPanic): it prints
// %!verb(PANIC=String method: value), or <nil> when the operand is a nil pointer; the program goes on.
package main

import (
	"errors"
	"fmt"
)

type T struct{ name string }

func (t *T) String() string { return "T " + t.name }

type Boom int

func (b Boom) String() string { panic("boom") }

type BadErr struct{}

func (BadErr) Error() string { panic(errors.New("bad error")) }

type Deref struct{ p *int }

func (d Deref) String() string { return fmt.Sprint(*d.p) }

type Num int

func (n Num) GoString() string { panic(42) }

type Cleanup int

func (c Cleanup) String() string {
	defer fmt.Println("deferred in String runs first")
	panic(fmt.Sprintf("cleanup %d", int(c)))
}

type Pair struct {
	A Boom
	B *T
}

func main() {
	var t *T
	fmt.Println(t)
	fmt.Printf("[%5v] [%-6s]\n", t, t)
	fmt.Println(&T{"ok"})
	var bp *Boom // a value-receiver String through a nil pointer
	fmt.Printf("[%6v] %v\n", bp, []*Boom{bp})
	fmt.Println(Boom(1))
	fmt.Printf("%s|%x|%q|%08v\n", Boom(2), Boom(3), Boom(4), Boom(5))
	fmt.Println(BadErr{})
	fmt.Println(Deref{})
	fmt.Printf("%#v\n", Num(7))
	fmt.Println(Cleanup(3))
	fmt.Printf("%v %+v\n", Pair{1, nil}, Pair{2, &T{"x"}})
	var e error = BadErr{}
	s := fmt.Sprintf("%v!", e)
	fmt.Println(len(s), s)
	fmt.Println(fmt.Errorf("wrapped: %w", e))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		defer fmt.Println("inside a panicking function:", Boom(9))
		panic("outer")
	}()
	fmt.Println("done")
}
