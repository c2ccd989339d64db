package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type Circle struct{}

func (c Circle) Area() int { return 0 }
func (c Circle) Perimeter() float64 { return 0 }

func main() {
	var s Shape = Sq{1}
	var t Shape = Circle{}
	var st fmt.Stringer = 3
	fmt.Println(s, t, st)
}
