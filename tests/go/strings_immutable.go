package main

import "fmt"

func main() {
	s := "hello"
	t := s
	s += ", world"
	fmt.Println(s, t, len(s), len(t))
	fmt.Println(s[0], s[1:5], s[7:], s[:0] == "")
	b := []byte(t)
	b[0] = 'j'
	fmt.Println(string(b), t)
	fmt.Println("abc" < "abd", "Z" < "a", "ab" < "abc", "go" == "g"+"o")
	fmt.Println(len("日本"), "日本"[0], "日本"[3:])
	multi := `raw\n "string"
second line`
	fmt.Println(multi, len(multi))
	fmt.Println("tab\there", "quote\"", "back\\slash", "\u00e9\U0001F600\x41\101")
	var empty string
	fmt.Println(empty == "", len(empty))
	x := "x"
	for i := 0; i < 3; i++ {
		x = x + x
	}
	fmt.Println(x)
}
