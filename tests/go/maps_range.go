package main

import "fmt"

func main() {
	m := map[string]int{}
	for i := 0; i < 100; i++ {
		m[fmt.Sprint("k", i)] = i
	}
	sum, n := 0, 0
	for k, v := range m {
		if k != fmt.Sprint("k", v) {
			fmt.Println("mismatch", k, v)
		}
		sum += v
		n++
	}
	fmt.Println("sum", sum, "count", n)
	keys := 0
	for range m {
		keys++
	}
	fmt.Println(keys)
	for k := range m {
		if m[k]%2 == 1 {
			delete(m, k)
		}
	}
	fmt.Println(len(m))
	byLen := map[int][]string{}
	for _, w := range []string{"go", "is", "fun", "and", "fast"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)
	for l := 2; l <= 4; l++ {
		fmt.Println(l, byLen[l])
	}
}
