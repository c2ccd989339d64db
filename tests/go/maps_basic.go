package main

import "fmt"

func main() {
	ages := map[string]int{"bob": 31, "alice": 29, "carol": 35}
	fmt.Println(ages, len(ages))
	ages["dave"] = 40
	ages["bob"]++
	delete(ages, "carol")
	delete(ages, "nobody")
	fmt.Println(ages, len(ages))
	v, ok := ages["alice"]
	fmt.Println(v, ok)
	v, ok = ages["zed"]
	fmt.Println(v, ok, ages["zed"])
	m := make(map[int]string, 10)
	m[3], m[1], m[2] = "c", "a", "b"
	m[-5] = "neg"
	fmt.Println(m)
	fmt.Printf("%v %d\n", map[bool]int{true: 1, false: 0}, len(m))
	var nilMap map[string]int
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"], nilMap)
	delete(nilMap, "x")
	counts := map[rune]int{}
	for _, r := range "hello" {
		counts[r]++
	}
	fmt.Println(counts)
	fmt.Printf("%v\n", map[float64]string{2.5: "x", -1: "y", 0: "z"})
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	alias := ages
	alias["eve"] = 1
	fmt.Println(len(ages))
}
