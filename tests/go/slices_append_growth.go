package main

import "fmt"

func main() {
	var s []int
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			fmt.Print(cap(s), " ")
			last = cap(s)
		}
	}
	fmt.Println()
	var b []byte
	last = -1
	for i := 0; i < 100; i++ {
		b = append(b, 'x')
		if cap(b) != last {
			fmt.Print(cap(b), " ")
			last = cap(b)
		}
	}
	fmt.Println()
	t := []int{1, 2, 3}
	t = append(t, 4, 5, 6, 7)
	fmt.Println(len(t), cap(t))
	u := append([]int(nil), make([]int, 5)...)
	fmt.Println(len(u), cap(u))
	type big struct{ a, b, c, d, e int64 }
	var bs []big
	last = -1
	for i := 0; i < 40; i++ {
		bs = append(bs, big{})
		if cap(bs) != last {
			fmt.Print(cap(bs), " ")
			last = cap(bs)
		}
	}
	fmt.Println()
	fmt.Println(len(append([]string{}, "a")), cap(append([]string{}, "a")))
}
