// Named results and defer (the notes' test() and testi()). `return i` first copies i into
// the result slot, then the deferred calls run, then the function returns the slot.
// test()'s result has no name: the defer changes the local i, not the slot, so 0.
// testi()'s result is named i: i is the slot itself, so the defer's i += 1 is returned: 1.
package main

import "fmt"

// 返回i为0
func test() int {
	i := 0
	defer func() {
		i += 1
		fmt.Println("defer")
	}()
	return i
}

// 返回i为1
func testi() (i int) {
	i = 0
	defer func() {
		i += 1
		fmt.Println("defer2")
	}()
	return i
}

func main() {
	fmt.Println("test() =", test())
	fmt.Println("testi() =", testi())
}
