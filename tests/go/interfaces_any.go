package main

import "fmt"

type Pair struct {
	K string
	V any
}

func main() {
	var items []any
	items = append(items, 1, "two", 3.0, true, nil, []int{4}, map[string]int{"five": 5}, Pair{"six", 6})
	fmt.Println(items...)
	fmt.Println(items)
	fmt.Println(len(items))
	for _, it := range items {
		fmt.Printf("%T|", it)
	}
	fmt.Println()
	var x interface{} = 5
	var y any = 5
	fmt.Println(x == y, x == 5, x != "5")
	box := map[string]interface{}{"n": 1, "s": "x", "nested": []any{1, "a"}}
	fmt.Println(box)
	p := Pair{"k", Pair{"inner", nil}}
	fmt.Printf("%v %+v\n", p, p)
	x = int8(5)
	fmt.Println(x == 5, x == int8(5))
}
