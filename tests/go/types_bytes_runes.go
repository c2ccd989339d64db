package main

import "fmt"

func main() {
	var b byte = 'A'
	var r rune = '世'
	fmt.Println(b, r, string(b), string(r))
	fmt.Printf("%T %T %c %c\n", b, r, b, r)
	s := "héllo"
	bs := []byte(s)
	rs := []rune(s)
	fmt.Println(len(bs), len(rs), bs, rs)
	bs[0] = 'H'
	fmt.Println(string(bs), s)
	rs[1] = 'e'
	fmt.Println(string(rs))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	var u8 uint8 = 'z' - 'a'
	fmt.Println(u8, 'a'+1, byte('a'+1))
	fmt.Println(s[1], s[1:3], s[:1]+s[3:])
	c := 'x'
	c -= 'a' - 'A'
	fmt.Println(c, string(c))
	fmt.Println(string([]byte{0xe4, 0xbd, 0xa0}), []byte("你"))
}
