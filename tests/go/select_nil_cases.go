package main

import "fmt"

func emit(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := emit(1, 2, 3)
	b := emit(10, 20)
	sumA, sumB, n := 0, 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sumA += v
			n++
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sumB += v
			n++
		}
	}
	fmt.Println(sumA, sumB, n)
	var nilCh chan int
	select {
	case nilCh <- 1:
		fmt.Println("unexpected")
	case <-nilCh:
		fmt.Println("unexpected")
	default:
		fmt.Println("nil channel cases never ready")
	}
}
