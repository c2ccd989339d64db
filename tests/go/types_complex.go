package main

import (
	"fmt"
	"math"
)

type Z complex128

func div(a, b complex128) complex128 { return a / b }

func main() {
	const c = 1 + 2i
	var x complex128 = c
	y := complex(3.5, -1)
	fmt.Println(x, y, x+y, x-y, x*y, x/y, -x)
	fmt.Println(real(y), imag(y), x == c, x != y)
	var f32 complex64 = complex(float32(1)/3, 2)
	fmt.Println(f32, f32*f32, real(f32), complex128(f32))
	fmt.Printf("%v %g %e %f %E %G %T %T\n", x, x, x, x, x, x, x, f32)
	fmt.Printf("%.2f|%+.1e|%8.3g|%-20v|\n", y, y, y, x)
	fmt.Printf("%T %v %.3f\n", 2i, 1.5e3i, complex64(0.1))
	println(x, f32)
	zero := complex(0, 0)
	fmt.Println(div(1, zero), div(0, zero), div(complex(math.Inf(1), 1), 2), div(1, complex(math.Inf(1), 0)))
	var i interface{} = x
	switch v := i.(type) {
	case complex64:
		fmt.Println("c64", v)
	case complex128:
		fmt.Println("c128", v, i == interface{}(c))
	}
	m := map[complex128]int{1i: 1, 2: 2}
	nan := complex(math.NaN(), 0)
	m[nan] = 3
	m[nan] = 4
	fmt.Println(len(m), m[1i], m[2])
	fmt.Println(m)
	z := Z(3 + 4i)
	fmt.Printf("%v %T\n", z, z)
	const big = (1 + 2i) * (3 - 1i) / 2i
	fmt.Println(big, real(big), imag(big))
	x += 1
	x *= 2i
	fmt.Println(x)
	var k float64 = real(c)
	fmt.Println(k, imag(c)*2)
}
