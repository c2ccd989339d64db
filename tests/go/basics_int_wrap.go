package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	var i16 int16 = -32768
	i16--
	var i32 int32 = 2147483647
	i32 += 1
	var i64 int64 = 9223372036854775807
	i64++
	var in int = -9223372036854775808
	in--
	fmt.Println(i8, i16, i32, i64, in)
	var u8 uint8 = 255
	u8++
	var u16 uint16 = 0
	u16--
	var u32 uint32 = 4294967295
	u32 += 2
	var u64 uint64 = 0
	u64--
	var u uint = 0
	u -= 3
	var bt byte = 250
	bt += 10
	fmt.Println(u8, u16, u32, u64, u, bt)
	var m8 int8 = -128
	fmt.Println(-m8, m8*-1, m8/-1)
	var x int8 = 100
	fmt.Println(x*3, x+x, int16(x)*3)
	var big uint32 = 70000
	fmt.Println(uint16(big), int8(big), uint8(300+big))
	var neg int32 = -1
	fmt.Println(uint32(neg), uint64(neg), uint8(neg))
	var sh uint8 = 1
	fmt.Println(sh<<7, sh<<8, int8(sh)<<7)
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2)
	fmt.Println(^0, ^uint8(5), 5&^3)
}
