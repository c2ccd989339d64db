package main

import "fmt"

func main() {
	f := 3.75
	nf := -3.75
	fmt.Println(int(f), int(nf), int64(f*100), uint8(int(f)))
	i := 7
	fmt.Println(float64(i)/2, i/2, float64(i/2))
	var i32 int32 = 1 << 30
	fmt.Println(int64(i32)*4, i32*4)
	var u uint = 3
	fmt.Println(int(u)-5, u-5 > 0)
	var big int64 = 1<<40 + 5
	fmt.Println(int32(big), int16(big), uint8(big))
	var neg int = -200
	fmt.Println(uint8(neg), int8(neg), uint16(neg))
	x := 255
	var b byte = byte(x + 2)
	fmt.Println(b)
	fl := float64(1<<53 + 1)
	fmt.Println(int64(fl), fl)
	var f32 float32 = 16777217
	fmt.Println(f32, float64(f32))
	fmt.Printf("%T %T\n", float32(1)+2, uint16(3)*4)
}
