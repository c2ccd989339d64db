// Variadic functions: Go has no default or optional parameters; a final `...T` parameter
// takes any number of T (the notes' mergeSlices takes any number of []int). Inside, it
// is a slice ([][]int here). `s...` passes an existing slice as the arguments: no copy,
// the function sees the caller's backing array.
package main

import "fmt"

// []int is a slice, [1]int an array.
func mergeSlices(slices ...[]int) []int {
	var out []int
	for _, s := range slices {
		out = append(out, s...) // s... here too: append's second parameter is variadic
	}
	return out
}

func total(amounts ...int) int {
	sum := 0
	for _, a := range amounts {
		sum += a
	}
	return sum
}

func describe(slices ...[]int) {
	fmt.Printf("%d arguments, type %T, nil %v\n", len(slices), slices, slices == nil)
}

func main() {
	a, b := []int{1, 2}, []int{3}
	fmt.Println(mergeSlices(a, b, []int{4, 5}))
	fmt.Println(mergeSlices()) // zero arguments: slices is nil
	describe()
	describe(a, b)

	fmt.Println(total(), total(100), total(100, 250, 40))
	payments := []int{100, 250, 40}
	fmt.Println(total(payments...)) // spread an existing slice

	batches := [][]int{a, b}
	fmt.Println(mergeSlices(batches...))
	describe(batches...)
	// the same backing array: a change through one is seen through the other
	func(s ...[]int) { s[0] = []int{9} }(batches...)
	fmt.Println(batches[0])
}
