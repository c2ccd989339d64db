// Strings, bytes and runes: a string is immutable UTF-8 bytes; a rune is a Unicode code
// point. `for i, r := range s` decodes runes, and i is the byte offset where each starts:
// 0 to 4 for "hello", then 5 for 你 and 8 for 好 (each takes 3 bytes). len counts bytes.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "hello你好"
	for i, r := range s {
		fmt.Printf("offset %d: %c %U, %d byte(s)\n", i, r, r, utf8.RuneLen(r))
	}
	fmt.Println("len(s) =", len(s), "bytes")
	fmt.Println("runes  =", utf8.RuneCountInString(s), "=", len([]rune(s)))
	fmt.Printf("s[5] is a byte: %d %#x, not a character\n", s[5], s[5])
	fmt.Printf("s[5:8] = %q, bytes % x\n", s[5:8], []byte(s[5:8]))
	r := []rune(s)
	fmt.Printf("[]rune(s)[5] = %c, string(r[5:]) = %s\n", r[5], string(r[5:]))
	for i := 0; i < len(s); i++ { // indexing walks bytes, not runes
		fmt.Printf("%02x ", s[i])
	}
	fmt.Println()
}
