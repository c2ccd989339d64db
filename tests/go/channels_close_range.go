package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	for i := 1; i <= 3; i++ {
		ch <- i * 10
	}
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	for v := range ch {
		fmt.Println("range got", v)
	}
	v, ok = <-ch
	fmt.Println(v, ok)
	fmt.Println(<-ch, <-ch)
	strs := make(chan string)
	close(strs)
	s, ok := <-strs
	fmt.Printf("%q %v\n", s, ok)
	done := make(chan struct{})
	results := make(chan int)
	for w := 0; w < 3; w++ {
		go func(id int) {
			<-done
			results <- id
		}(w)
	}
	close(done)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Println("all released by close, sum of ids:", sum)
	type point struct{ x, y int }
	pc := make(chan point)
	close(pc)
	fmt.Println(<-pc)
}
