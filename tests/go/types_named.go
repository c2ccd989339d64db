package main

import "fmt"

type Celsius float64
type Fahrenheit float64
type ID int
type Names []string
type Lookup map[string]ID

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func main() {
	c := Celsius(100)
	f := CToF(c)
	fmt.Println(c, f)
	fmt.Printf("%T %T %v\n", c, f, float64(f)-212)
	var id ID = 7
	n := int(id) + 1
	fmt.Println(id+1, n)
	ns := Names{"b", "a"}
	ns = append(ns, "c")
	fmt.Println(ns, len(ns))
	fmt.Printf("%T %v\n", ns, ns)
	lk := Lookup{"x": 1}
	lk["y"] = 2
	fmt.Printf("%T %v\n", lk, lk)
	var plain []string = ns
	fmt.Println(plain)
	type local struct{ X, Y int }
	fmt.Printf("%T %+v\n", local{1, 2}, local{1, 2})
	type Alias = int
	var al Alias = 5
	fmt.Printf("%T\n", al)
}
