package main

import (
	"fmt"
	"math"
)

type pair struct {
	A complex64
	B []complex128
}

func main() {
	c := complex(-1.25, 1e21)
	fmt.Printf("%v|%+v|%g|%.3e|%10.2f|%-12.1f|%x|%X\n", c, c, c, c, c, c, c, c)
	fmt.Printf("%G|%E|%F|% .2f|%+.2f|%08.2f\n", c, c, c, c, c, c)
	fmt.Printf("%d|%s|%q\n", c, c, c)
	fmt.Printf("%v %v\n", complex(math.Inf(-1), math.NaN()), complex64(complex(1e-7, -0.0)))
	p := pair{complex(1, 2), []complex128{3i, -4}}
	fmt.Printf("%v|%+v|%#v\n", p, p, p.A)
	fmt.Println(fmt.Sprint(1i, 2), fmt.Sprintf("%6.2v", 1+1i))
	var e interface{} = complex64(1)
	_, ok := e.(complex128)
	fmt.Println(ok, e == interface{}(complex64(1)), e == interface{}(complex128(1)))
	print(1i, "\n")
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		panic(complex(float32(2), -3))
	}()
	panic(1 + 1i)
}
