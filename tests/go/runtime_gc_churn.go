// The collector under churn: GOGC=1 makes it run many cycles while maps grow and lose keys, interfaces
// box values and pointers, closures keep their cells, deferred recovers build errors, and goroutines send
// freshly made slices over a channel. Whatever the collector frees, the results must stay those of Go.
package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
)

type shape interface{ area() int }
type rect struct{ w, h int }
type sq struct{ s int }

func (r rect) area() int { return r.w * r.h }
func (s *sq) area() int  { return s.s * s.s }

type tree struct {
	l, r *tree
	v    int
}

func build(d int) *tree {
	if d == 0 {
		return &tree{v: 1}
	}
	return &tree{l: build(d - 1), r: build(d - 1), v: d}
}
func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.v + t.l.sum() + t.r.sum()
}

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func mayFail(i int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if i%7 == 0 {
		panic(errors.New("seven"))
	}
	return i * 2, nil
}

func main() {
	debug.SetGCPercent(1)
	m := map[string][]int{}
	var shapes []shape
	var sb strings.Builder
	cs := []func() int{}
	for i := 0; i < 3000; i++ {
		k := fmt.Sprintf("k%d", i%50)
		m[k] = append(m[k], i)
		if i%3 == 0 {
			shapes = append(shapes, rect{i % 5, i % 7})
		} else {
			shapes = append(shapes, &sq{i % 9})
		}
		if i%100 == 0 {
			cs = append(cs, counter())
			sb.WriteString(k)
		}
		if i%500 == 0 {
			delete(m, "k3")
		}
	}
	t := build(10)
	total := 0
	for _, s := range shapes {
		total += s.area()
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	n := 0
	for _, k := range keys {
		n += len(m[k])
	}
	for _, c := range cs {
		c()
		c()
	}
	errs := 0
	for i := 0; i < 100; i++ {
		if _, err := mayFail(i); err != nil {
			errs++
		}
	}
	ch := make(chan []int, 4)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				buf := make([]int, 50)
				buf[i%50] = w
				ch <- buf[:i%50+1]
				_ = build(3)
			}
		}(w)
	}
	go func() { wg.Wait(); close(ch) }()
	got := 0
	for b := range ch {
		got += len(b)
	}
	fmt.Println(total, n, len(keys), t.sum(), cs[3](), errs, got, len(sb.String()))
}
