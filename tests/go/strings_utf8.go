package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	for _, s := range []string{"", "abc", "hello你好", "日本語", "a\xffb", "é"} {
		fmt.Println(len(s), utf8.RuneCountInString(s))
	}
	s := "€uro"
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		fmt.Printf("%c %v %d\n", r, r, size)
		s = s[size:]
	}
	r, size := utf8.DecodeRuneInString("")
	fmt.Println(r, size, r == utf8.RuneError)
	r, size = utf8.DecodeRuneInString("\xe4\xbd")
	fmt.Println(r, size, r == utf8.RuneError)
	fmt.Println(utf8.RuneError, string(utf8.RuneError))
}
