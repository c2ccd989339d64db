package main

import (
	"fmt"
	"strconv"
)

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	}
	return "odd"
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	if v, err := strconv.Atoi("42"); err == nil {
		fmt.Println("parsed", v)
	} else {
		fmt.Println("error", err)
	}
	if v, err := strconv.Atoi("4x2"); err != nil {
		fmt.Println("error:", err, v)
	}
	m := map[string]int{"a": 1}
	if x, ok := m["a"]; ok && x > 0 {
		fmt.Println("found", x)
	}
	x := "outer"
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	}
	fmt.Println(x)
}
