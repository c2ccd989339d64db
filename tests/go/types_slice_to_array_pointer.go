// Converting a slice to an array pointer (Go 1.17): the pointer shares the slice's elements, a nil slice
// gives a nil pointer, and a slice shorter than the array panics with the runtime's bounds message.
package main

import "fmt"

type Quad [4]int
type PQuad *[4]int

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	p := (*[4]int)(s)
	p[0] = 10
	fmt.Println(s[0], len(p), *p)
	q := (*Quad)(s[2:])
	q[3] = 60
	fmt.Println(s, &q[0] == &s[2])
	var pq PQuad = PQuad(s[1:5])
	pq[1] = 30
	fmt.Println(s)

	var nilSlice []int
	fmt.Println((*[0]int)(nilSlice) == nil)

	// overlapping copy through array pointers (issue 54467's shape)
	b := []byte("abcdefgh")
	*(*[4]byte)(b[2:6]) = *(*[4]byte)(b[0:4])
	fmt.Println(string(b))

	try("short", func() { _ = (*[8]int)(s) })
	try("exact", func() { _ = (*[6]int)(s) })
	try("empty", func() { _ = (*[1]int)(nilSlice) })
	_ = (*[7]int)(s[:3])
}
