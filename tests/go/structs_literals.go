package main

import "fmt"

type Point struct {
	X, Y int
}

type Person struct {
	Name  string
	Age   int
	Tags  []string
	Where Point
}

func main() {
	p1 := Point{1, 2}
	p2 := Point{Y: 5}
	var p3 Point
	fmt.Println(p1, p2, p3, p1 == Point{1, 2}, p2 != p3)
	a := Person{Name: "Ann", Age: 30, Where: Point{3, 4}}
	b := a
	b.Name = "Bob"
	b.Where.X = 100
	fmt.Println(a.Name, a.Where, b.Name, b.Where)
	a.Tags = []string{"x"}
	c := a
	c.Tags[0] = "shared"
	fmt.Println(a.Tags, c.Tags)
	anon := struct {
		ID   int
		Note string
	}{7, "anon"}
	fmt.Println(anon, anon.ID)
	ps := []Point{{1, 1}, {2, 2}}
	for _, p := range ps {
		p.X = 99
	}
	for i := range ps {
		ps[i].Y = 0
	}
	fmt.Println(ps)
	pp := &Point{X: 9}
	pp.Y = pp.X * 2
	fmt.Println(*pp, pp.X)
	type pair struct {
		a, b interface{}
	}
	fmt.Println(pair{1, "x"} == pair{1, "x"}, pair{1, 2} == pair{1, 2.0})
	empty := struct{}{}
	fmt.Println(empty, empty == struct{}{})
}
