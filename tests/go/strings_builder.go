package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	b.WriteString("hello")
	b.WriteByte(',')
	b.WriteRune(' ')
	b.WriteRune('世')
	n, err := b.WriteString("界!")
	fmt.Println(n, err)
	fmt.Println(b.String(), b.Len())
	b.WriteString(fmt.Sprintf(" %d+%d=%d", 2, 3, 5))
	fmt.Println(b.String())
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(fmt.Sprint(i * i))
	}
	fmt.Println("[" + sb.String() + "]")
	sb.Reset()
	fmt.Println(sb.Len())
}
