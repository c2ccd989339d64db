package main

import "fmt"

func main() {
	var nilS []int
	empty := []int{}
	made := make([]int, 0)
	fmt.Println(nilS == nil, empty == nil, made == nil)
	fmt.Println(len(nilS), cap(nilS), nilS, empty)
	fmt.Printf("%v %d %#v %#v\n", nilS, len(empty), nilS, empty)
	m := make([]string, 2, 5)
	fmt.Printf("%q %d %d\n", m, len(m), cap(m))
	m = m[:4]
	fmt.Printf("%q\n", m)
	nilS = append(nilS, 1)
	fmt.Println(nilS, len(nilS))
	for range []int(nil) {
		fmt.Println("never")
	}
	grid := make([][]bool, 2)
	for i := range grid {
		grid[i] = make([]bool, 3)
	}
	grid[1][2] = true
	fmt.Println(grid)
	fl := make([]float64, 3)
	fmt.Println(fl, []string{"", "x"}, []*int{nil})
	var arr [0]int
	fmt.Println(len(arr[:]), arr)
}
