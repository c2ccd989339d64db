package main

import (
	"fmt"
	"strings"
)

type Color int

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type Loud struct{ msg string }

func (l *Loud) String() string { return strings.ToUpper(l.msg) }

type Both struct{}

func (Both) String() string { return "stringer" }
func (Both) Error() string  { return "error wins" }

type Wrapper struct {
	C Color
	L *Loud
}

func main() {
	c := Green
	fmt.Println(c, Color(2))
	fmt.Printf("%v %s %d %q %x\n", c, c, c, c, c)
	fmt.Printf("%+v %#v\n", c, c)
	l := Loud{"quiet"}
	fmt.Println(l, &l)
	fmt.Printf("%v %s\n", l, &l)
	fmt.Println(Both{})
	fmt.Printf("%v %s\n", Both{}, Both{})
	fmt.Println(Wrapper{Blue, &l})
	fmt.Printf("%+v\n", Wrapper{Red, &l})
	fmt.Println([]Color{Red, Blue}, map[Color]int{Blue: 1, Red: 2})
	s := fmt.Sprint(c, " and ", Blue)
	fmt.Println(s, len(s))
	var st fmt.Stringer = Red
	fmt.Println(st.String(), st)
}

const (
	Red Color = iota
	Green
	Blue
)
