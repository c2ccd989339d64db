package main

import "fmt"

var global = 10
var (
	g1, g2 = "x", 2.5
	g3     int
)

func pair() (int, string) { return 7, "seven" }

func main() {
	var a int
	var b, c = 1, "two"
	d := 3.5
	fmt.Println(a, b, c, d, global, g1, g2, g3)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	n, s := pair()
	fmt.Println(n, s)
	_, s2 := pair()
	fmt.Println(s2)
	arr := []int{10, 20, 30}
	i := 0
	i, arr[i] = 1, 99
	fmt.Println(i, arr)
	v := 10
	v += 5
	v -= 3
	v *= 4
	v /= 6
	v %= 5
	fmt.Println(v)
	w := 0xF0
	w |= 0x0F
	w &= 0x3C
	w ^= 0xFF
	w <<= 2
	w >>= 1
	w &^= 0x10
	fmt.Println(w)
	v++
	v++
	v--
	fmt.Println(v)
	var p, q int = 3, 4
	p, q = q*2, p*2
	fmt.Println(p, q)
}
