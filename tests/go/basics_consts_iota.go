package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const big = 1 << 100
const huge = big * big
const third = 1.0 / 3
const typed int8 = 100

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(big>>98, huge>>199)
	var x float64 = third
	var y float32 = third
	fmt.Println(x, y)
	const n = 7 / 2
	const m = 7 / 2.0
	fmt.Println(n, m)
	fmt.Println(typed, 'a'+1, string(rune('a'+1)))
	fmt.Printf("%T %T %T %T\n", n, m, 'a', typed)
	const s = "const" + "ant"
	fmt.Println(s, len(s))
}
