package main

import "fmt"

func test() int {
	i := 0
	defer func() {
		i += 1
		fmt.Println("defer")
	}()
	return i
}

func testi() (i int) {
	i = 0
	defer func() {
		i += 1
		fmt.Println("defer2")
	}()
	return i
}

func double() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func order() (s string) {
	defer func() { s += "-first" }()
	defer func() { s += "-second" }()
	return "ret"
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(test())
	fmt.Println(testi())
	fmt.Println(double())
	fmt.Println(order())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
}
