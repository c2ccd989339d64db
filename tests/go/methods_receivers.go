package main

import "fmt"

type Counter struct {
	n int
}

func (c Counter) Value() int { return c.n }
func (c *Counter) Inc()      { c.n++ }
func (c Counter) IncCopy()   { c.n++ }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r *Rect) Scale(f float64) { r.W *= f; r.H *= f }
func (r Rect) String() string   { return fmt.Sprintf("%gx%g", r.W, r.H) }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Value(), c.n)
	p := &c
	p.Inc()
	fmt.Println(p.Value(), c.Value())
	r := Rect{2, 3}
	r.Scale(2)
	fmt.Println(r.Area(), r)
	inc := c.Inc
	inc()
	inc()
	fmt.Println(c.n)
	val := c.Value
	c.Inc()
	fmt.Println(val(), c.Value())
	f := (*Counter).Inc
	f(&c)
	g := Counter.Value
	fmt.Println(g(c))
	rs := []Rect{{1, 1}, {2, 2}}
	for i := range rs {
		rs[i].Scale(10)
	}
	fmt.Println(rs)
	m := map[string]*Counter{"a": {}}
	m["a"].Inc()
	fmt.Println(m["a"].n)
}
