// goto backwards and forwards, and go/defer of the builtins copy, delete, recover and close: the operands are
// evaluated at the defer statement, the builtin runs later.
package main

import "fmt"

func loop(n int) (sum int) {
	i := 0
top:
	if i >= n {
		goto done
	}
	sum += i
	i++
	goto top
done:
	return sum
}

func deferred() (dst []int, m map[string]int) {
	src := []int{1, 2, 3}
	dst = make([]int, 3)
	m = map[string]int{"a": 1, "b": 2}
	key := "a"
	defer copy(dst, src) // src's current value is captured now
	defer delete(m, key)
	src = []int{7, 8, 9}
	key = "b"
	return dst, m
}

func recovers() (r string) {
	defer func() {
		fmt.Println("after recover:", recover())
	}()
	defer func() {
		defer recover() // recovers the panic, as a recover() called by this function would
	}()
	panic("boom")
}

func main() {
	fmt.Println(loop(5))
	dst, m := deferred()
	fmt.Println(dst, len(m), m["b"])
	recovers()
	c := make(chan int, 1)
	func() {
		defer close(c)
		c <- 4
	}()
	for v := range c {
		fmt.Println("got", v)
	}
}
