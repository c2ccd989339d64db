// A call returning several values can be the whole argument list of copy, delete, print and println.
package main

import "fmt"

func slices(dst []byte) ([]byte, []byte) { return dst, []byte("xyz") }

func fromString(dst []byte) ([]byte, string) { return dst, "hello" }

func entry(m map[string]int) (map[string]int, string) { return m, "b" }

func pair() (int, string) { return 7, "seven" }

func three() (bool, float64, string) { return true, 2.5, "x" }

func main() {
	a := make([]byte, 2)
	fmt.Println(copy(slices(a)), string(a))
	b := make([]byte, 8)
	n := copy(fromString(b))
	fmt.Println(n, string(b[:n]))
	m := map[string]int{"a": 1, "b": 2}
	delete(entry(m))
	fmt.Println(len(m), m)
	print(pair())
	print("\n")
	println(pair())
	println(three())
}
