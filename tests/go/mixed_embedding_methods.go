// Several features together (embedding and promoted methods, value and pointer receivers, method values,
// named results changed by a deferred recover, sort.Interface, struct map keys, %w, three-index slices,
// sized-integer wrap, range over a UTF-8 string, deferred closures in a loop).
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	breed string
}

func (d *Dog) Sound() string { return "woof from " + d.breed }

type Point struct {
	X, Y int
	Tag  string
}

type Grid [3][3]int

func (g *Grid) Set(i, j, v int) { g[i][j] = v }

func divmod(a, b int) (q, r int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	q = a / b
	r = a % b
	return
}

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	var a Animal = &Dog{Base{"rex"}, "lab"}
	fmt.Println(a.Name(), a.Sound())
	f := a.Sound
	fmt.Println(f())
	p1 := Point{1, 2, "a"}
	p2 := Point{X: 1, Y: 2, Tag: "a"}
	fmt.Println(p1 == p2, p1 != Point{}, p1)
	fmt.Printf("%v %+v %#v\n", p1, p1, p1)
	var g Grid
	g.Set(1, 2, 7)
	g2 := g
	g2[0][0] = 9
	fmt.Println(g, g2, len(g))
	q, r, err := divmod(7, 2)
	fmt.Println(q, r, err)
	q, r, err = divmod(7, 0)
	fmt.Println(q, r, err)
	var fs []func(int) int
	for i := 1; i <= 3; i++ {
		k := i
		fs = append(fs, func(v int) int { return v*10 + k })
	}
	fmt.Println(apply(fs, 0))
	words := strings.Fields("the quick brown fox jumps over a lazy dog")
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Strings(words)
	fmt.Println(strings.Join(words, ","))
	m := map[Point]int{p1: 1, {3, 4, "b"}: 2}
	fmt.Println(m[Point{1, 2, "a"}], len(m), m)
	e1 := errors.New("base")
	e2 := fmt.Errorf("wrap: %w", e1)
	fmt.Println(e2, errors.Is(e2, e1), errors.Unwrap(e2) == e1)
	arr := [...]string{2: "c", 0: "a"}
	fmt.Printf("%q %d\n", arr, len(arr))
	s := make([]int, 3, 10)
	t := s[1:2:5]
	t = append(t, 42)
	fmt.Println(s, t, len(t), cap(t), s[:4])
	var iface interface{} = 3.5
	switch v := iface.(type) {
	case int:
		fmt.Println("int", v)
	case float64, float32:
		fmt.Println("float", v)
	}
	type pair struct {
		a int
		b string
	}
	ps := []pair{{1, "x"}, {2, "y"}}
	for i := range ps {
		ps[i].a *= 10
	}
	fmt.Println(ps)
	x := 255
	var u8 uint8 = uint8(x)
	u8++
	var i8 int8 = -128
	i8--
	fmt.Println(u8, i8, x>>1, -7/2, -7%2, 1<<62)
	str := "héllo, 世界"
	for i, c := range str {
		if c > 127 {
			fmt.Print(i, ":", string(c), " ")
		}
	}
	fmt.Println(len(str), []byte(str)[1], []rune(str)[1])
	defer fmt.Println("deferred 1")
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("deferred loop", n) }(i)
	}
}
