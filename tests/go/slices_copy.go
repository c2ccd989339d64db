package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)
	s := []int{1, 2, 3, 4, 5}
	n = copy(s, s[2:])
	fmt.Println(n, s)
	b := make([]byte, 4)
	n = copy(b, "héllo")
	fmt.Println(n, b, string(b))
	var empty []int
	fmt.Println(copy(empty, src), copy(src, empty))
	clone := append([]int(nil), src...)
	clone[0] = 99
	fmt.Println(src, clone)
	m := [][]int{{1}, {2, 3}}
	m2 := make([][]int, len(m))
	copy(m2, m)
	m2[1][0] = 20
	fmt.Println(m, m2)
}
