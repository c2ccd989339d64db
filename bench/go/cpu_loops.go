// CPU-bound benchmark (issue 3 §5): nested loops of integer arithmetic and slice indexing.
package main

import "fmt"

func main() {
	s := make([]int, 1000)
	for i := range s {
		s[i] = i * 7
	}
	sum := 0
	for r := 0; r < 6000; r++ {
		for i := 0; i < len(s); i++ {
			sum += s[i]*r ^ i
		}
	}
	fmt.Println(sum)
}
