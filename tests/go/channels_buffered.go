package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 3
	ch <- 4
	fmt.Println(len(ch), cap(ch))
	for len(ch) > 0 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()
	q := make(chan string, 100)
	for i := 0; i < 100; i++ {
		q <- fmt.Sprint(i)
	}
	close(q)
	fmt.Println(len(q), cap(q))
	n := 0
	last := ""
	for s := range q {
		n++
		last = s
	}
	fmt.Println(n, last, len(q))
	var nilCh chan int
	fmt.Println(len(nilCh), cap(nilCh), nilCh == nil)
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	cc <- inner
	(<-cc) <- 7
	fmt.Println(<-inner)
	fmt.Printf("%T %T\n", cc, make(chan<- struct{}))
}
