package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i, j, k := 5, -1, 4
	arr := [3]int{}
	str := "abc"
	try("index", func() { _ = s[i] })
	try("negative", func() { _ = s[j] })
	try("array", func() { _ = arr[k] })
	try("string", func() { _ = str[k] })
	try("slice high", func() { _ = s[:k] })
	try("slice low>high", func() { _ = s[k-1 : 1] })
	try("3-index", func() { _ = s[0:1:k] })
	try("string slice", func() { _ = str[1:k] })
	try("ok", func() { _ = s[1:3:3] })
}
