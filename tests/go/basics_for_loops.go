package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	fmt.Println("three-clause", sum)
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println("condition", n)
	k := 0
	for {
		k++
		if k == 5 {
			continue
		}
		if k > 7 {
			break
		}
		fmt.Print(k, " ")
	}
	fmt.Println()
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println("(Go 1.19: one loop variable)")
	for i := range [3]int{} {
		fmt.Print(i)
	}
	fmt.Println()
}
