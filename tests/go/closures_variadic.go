package main

import "fmt"

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func mergeSlices(slices ...[]int) []int {
	var out []int
	for _, s := range slices {
		out = append(out, s...)
	}
	return out
}

func logf(prefix string, args ...interface{}) {
	fmt.Println(prefix, len(args), args)
	fmt.Println(append([]interface{}{prefix}, args...)...)
}

func modify(xs ...int) { xs[0] = 100 }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(mergeSlices([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(mergeSlices() == nil)
	logf("none")
	logf("some", 1, "a", nil)
	modify(nums...)
	fmt.Println(nums)
	modify(7, 8)
	bs := append([]byte("ab"), "cd"...)
	fmt.Println(string(bs))
	f := func(xs ...string) int { return len(xs) }
	fmt.Println(f(), f("a", "b"), f([]string{}...))
	fmt.Printf("%T\n", sum)
}
