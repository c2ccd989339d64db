package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

type Shout string

func (s Shout) Say() string { return strings.ToUpper(string(s)) + "!" }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }

func main() {
	fmt.Println(Celsius(100).F(), Celsius(-40).F())
	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(39)
	fmt.Println(l, l.Sum(), len(l))
	fmt.Println(Shout("hey").Say())
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(2, 3))
	s := Set{}
	s.Add("x")
	s.Add("y")
	fmt.Println(s, len(s))
}
