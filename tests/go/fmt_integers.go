package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", n, n, n, n, n, n)
	fmt.Printf("%x|%X|%#x|%#X|%08x|%o|%#o|%O|%b|%#b\n", n, n, n, n, n, n, n, n, n, n)
	fmt.Printf("%d|%x|%b|%+d\n", -42, -42, -5, -3)
	fmt.Printf("%c|%c|%c|%q|%q|%U|%#U\n", 65, 'é', 0x4e16, 'x', '\n', 0x1F600, '世')
	fmt.Printf("%v|%d|%x|%X\n", []byte("hi"), []byte("hi"), []byte("hi"), "hi")
	fmt.Printf("%3c|%-4q|%06.2f|%x\n", 'z', 'y', -3.14159, []int{10, 255})
	fmt.Printf("%d %d %d\n", int8(-128), uint64(18446744073709551615), int64(-9223372036854775808))
	fmt.Printf("%*d|%-*d|\n", 6, 42, 4, 7)
	fmt.Printf("%t %v %5t\n", true, false, true)
	fmt.Printf("%%|%d%%\n", 50)
	fmt.Printf("%v %v\n", 'a', byte('a'))
	fmt.Printf("[%2d] [%-3s] [%3s]\n", 123, "abcd", "ab")
	fmt.Printf("%x %X\n", uint32(3735928559), int64(-255))
}
