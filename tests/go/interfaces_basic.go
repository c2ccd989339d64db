package main

import "fmt"

const Pi = 3.141592653589793

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Square struct{ S float64 }
type Circle struct{ R float64 }

func (s Square) Area() float64       { return s.S * s.S }
func (s Square) Perimeter() float64  { return 4 * s.S }
func (s Square) Name() string        { return "square" }
func (c *Circle) Area() float64      { return Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * Pi * c.R }

func total(shapes ...Shape) (a float64) {
	for _, s := range shapes {
		a += s.Area()
	}
	return
}

func main() {
	shapes := []Shape{Square{2}, &Circle{1}, &Square{3}}
	for _, s := range shapes {
		fmt.Printf("%T %.3f %.3f\n", s, s.Area(), s.Perimeter())
	}
	fmt.Printf("%.4f\n", total(shapes...))
	var n Named = Square{5}
	var s Shape = n
	fmt.Println(n.Name(), s.Area())
	var s1, s2 Shape = Square{1}, Square{1}
	fmt.Println(s1 == s2, s1 == Shape(Square{2}))
	c := &Circle{1}
	var s3, s4 Shape = c, c
	fmt.Println(s3 == s4, s3 == Shape(&Circle{1}))
	var empty Shape
	fmt.Println(empty == nil, empty)
}
