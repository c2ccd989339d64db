package main

import "fmt"

type Point struct{ X, Y int }

func inc(p *int) { *p++ }

func move(p *Point) { p.X += 10 }

func newPoint() *Point {
	p := Point{1, 2}
	return &p
}

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	fmt.Println(*q)
	*q = 5
	fmt.Println(*q)
	pt := Point{1, 2}
	move(&pt)
	pp := &pt
	pp.Y = 20
	(*pp).X++
	fmt.Println(pt, *pp)
	np := newPoint()
	np2 := newPoint()
	fmt.Println(*np, np == np2, *np == *np2)
	var nilp *Point
	fmt.Println(nilp == nil, nilp)
	pp2 := &pp
	(*pp2).X = 0
	fmt.Println(pt)
	s := new([]int)
	*s = append(*s, 1)
	fmt.Println(*s, len(*s))
	fmt.Printf("%v %+v\n", pp, np)
}
