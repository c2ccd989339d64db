package main

import "fmt"

func main() {
	fmt.Println(0.1+0.2, 1.0, 3.0/2, 1e21, 1e20, 1e-5, 123456789.0)
	x := 0.1
	y := 0.2
	fmt.Println(x+y, x+y == 0.3)
	var f float64 = 2
	fmt.Println(f, f/3, -f/0.5)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero)
	fmt.Printf("%f %.2f %.0f %e %g %g\n", 3.14159, 3.14159, 2.5, 123456.789, 1e6, 1e21)
	fmt.Printf("%8.3f|%-8.2f|%08.3f|%+.1f\n", 3.14159, 2.5, -1.5, 2.0)
	fmt.Printf("%v %v %v\n", 1e100, 5e-324, 100.0)
	h, nh := 3.99, -3.99
	fmt.Println(int(h), int(nh), float64(7)/2)
	var g float64 = 1 << 62
	fmt.Println(g, int64(g))
	fmt.Printf("%.3e %G %E\n", 0.000123456, 1e-10, 12345.678)
}
