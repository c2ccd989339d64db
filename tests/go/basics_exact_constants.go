// Untyped float constants are exact (go/constant's rationals): sums and products keep every digit until
// a conversion rounds them once, to nearest even.
package main

import (
	"fmt"
	"math"
)

const (
	two24  = 1.0 * (1 << 24)
	two64  = 1.0 * (1 << 64)
	two128 = two64 * two64
	ulp32  = two128 / two24
	max32  = two128 - ulp32
	big    = 1e23
)

func pair() ([]byte, []byte) { return make([]byte, 3), []byte("xyz") }

func two() (int, string) { return 7, "seven" }

func main() {
	fmt.Println(big+1-big, 0.0005*1e9, int64(0.0005*1e9))
	var f32 float32 = max32 + ulp32/2 - ulp32/two64
	fmt.Println(f32 == math.MaxFloat32)
	const negZero = -0.0
	fmt.Println(math.Signbit(negZero), 1/(negZero+1))
	fmt.Println(1e302>>1000, 1e100>>1000)
	const third = 1.0 / 3
	fmt.Println(third*3 == 1, float32(third), 0.1+0.2 == 0.3)
	const n, d = 1e646456992, 1e646456991
	fmt.Println(n / d)
	fmt.Println(0x1p-1074, float32(0x1p-149), 1e-400 == 0)
	fmt.Println(copy(pair()))
	m := map[int]string{7: "a", 8: "b"}
	delete(m, 7)
	print(two())
	println(two())
	fmt.Println(len(m))
	switch i := interface{}(float64(1)); i {
	case 1:
		fmt.Println("int 1")
	case 1.0:
		fmt.Println("float64 1")
	}
}
