package main

import "fmt"

func main() {
	vals := []float64{0, 1, -1.5, 3.14159265, 1e6, 1e21, 1.0 / 3, 123456789.125, 1e-7, 2.5e-300}
	for _, v := range vals {
		fmt.Printf("%v|%f|%.2f|%e|%g|%.3g|%8.2f|%-9.1e|\n", v, v, v, v, v, v, v, v)
	}
	fmt.Println(vals)
	fmt.Printf("%+.3f % .2f %08.3f %+08.2f\n", 2.0, 2.0, -2.5, 3.25)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%5.1f%%\n", 99.44)
	fmt.Printf("%g %g %G\n", 100000.0, 1000000.0, 1e-5)
	fmt.Printf("%v %v\n", float32(0.1), float64(float32(0.1)))
	fmt.Println(2.0*3, 7.0/2, 1e9, 12345678.0, 123456789012345678.0)
}
