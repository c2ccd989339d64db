package main

import (
	"fmt"
	"strings"
)

type result struct {
	id  int
	out string
}

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	ch := make(chan result)
	for i, w := range words {
		go func(id int, w string) {
			ch <- result{id, strings.ToUpper(w)}
		}(i, w)
	}
	got := make([]string, len(words))
	for range words {
		r := <-ch
		got[r.id] = r.out
	}
	fmt.Println(strings.Join(got, ","))
	done := make(chan struct{})
	data := 0
	go func() {
		data = 42
		close(done)
	}()
	<-done
	fmt.Println("happens-before via close:", data)
}
