package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	visited := map[Point]bool{{1, 2}: true}
	visited[Point{0, 0}] = true
	visited[Point{1, 2}] = false
	fmt.Println(visited, len(visited))
	arrKey := map[[2]int]string{{2, 1}: "b", {1, 9}: "a"}
	fmt.Println(arrKey)
	nested := map[string]map[string]int{}
	if nested["x"] == nil {
		nested["x"] = map[string]int{}
	}
	nested["x"]["y"]++
	nested["x"]["y"]++
	nested["a"] = map[string]int{"z": 1, "b": 2}
	fmt.Println(nested)
	var iface = map[interface{}]int{1: 1, "a": 2, 2.5: 3}
	fmt.Println(len(iface), iface[1], iface["a"], iface[2.5])
	structs := map[string]Point{"o": {}}
	p := structs["o"]
	p.X = 5
	fmt.Println(structs, p)
	ptrs := map[string]*Point{"o": {}}
	ptrs["o"].X = 5
	fmt.Println(*ptrs["o"])
	fmt.Println(map[string][]int{"b": {2}, "a": nil})
}
