// strings.Reader over io.ReadFull and io.ReadAtLeast: bytes, runes, one step back, and the errors at both ends.
package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	r := strings.NewReader("héllo, world")
	b := make([]byte, 4)
	n, err := io.ReadFull(r, b)
	fmt.Println(n, err, string(b), r.Len(), r.Size())
	c, size, err := r.ReadRune()
	fmt.Println(c, size, err, r.UnreadRune(), r.UnreadRune())
	by, _ := r.ReadByte()
	fmt.Println(by, r.UnreadByte())
	rest := make([]byte, 100)
	n, err = io.ReadAtLeast(r, rest, 50)
	fmt.Println(n, err)
	n, err = r.Read(rest)
	fmt.Println(n, err)
	r.Reset("ab")
	n, err = io.ReadFull(r, make([]byte, 3))
	fmt.Println(n, err)
	fmt.Println(strings.NewReader("").UnreadByte())
}
