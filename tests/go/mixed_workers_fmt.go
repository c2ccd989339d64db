// Several features together: interfaces with Stringer, a mutex-guarded map, a matrix of slices, a Stringer on
// an iota enum, a context-cancelled worker pool over directional channels, atomics, WithTimeout against
// time.After, simulated time, strconv errors, fmt.Fprintf into a strings.Builder, a nil-pointer method panic
// recovered before os.Exit(3).
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c Circle) Area() float64     { return 3.14159 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }
func (c Circle) String() string    { return "Circle(" + strconv.FormatFloat(c.R, 'f', 1, 64) + ")" }

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (m Matrix) Mul(o Matrix) Matrix {
	res := NewMatrix(len(m), len(o[0]))
	for i := range m {
		for j := range o[0] {
			for k := range o {
				res[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return res
}

type State int

const (
	Idle State = iota
	Running
	Stopped
)

func (s State) String() string {
	switch s {
	case Idle:
		return "Idle"
	case Running:
		return "Running"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

func worker(ctx context.Context, id int, jobs <-chan int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			out <- fmt.Sprintf("w%d:%d", id, j*j)
		}
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, &Rect{1, 1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Printf("%T %.2f %v\n", s, s.Perimeter(), s)
	}
	fmt.Printf("total %.3f %8.2f|%-8.2f|%08.3f|%x|%X|%o|%b|%e|%g\n", total, total, total, total, 255, 255, 8, 5, 123456.789, 1e-7)
	c := Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc([]string{"a", "b", "c"}[i%3])
		}(i)
	}
	wg.Wait()
	fmt.Println(c.n)
	a := Matrix{{1, 2}, {3, 4}}
	fmt.Println(a.Mul(a))
	fmt.Println(Idle, Running, Stopped, []State{Running, Idle})
	fmt.Printf("%v %d %s|%5s|%-5s|%q\n", Stopped, Stopped, Running, "ab", "ab", 'x')
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan int, 10)
	out := make(chan string, 10)
	var wg2 sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg2.Add(1)
		go worker(ctx, i, jobs, out, &wg2)
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}
	close(jobs)
	wg2.Wait()
	cancel()
	close(out)
	sum := 0
	for s := range out {
		parts := strings.Split(s, ":")
		v, _ := strconv.Atoi(parts[1])
		sum += v
	}
	fmt.Println("sum", sum, ctx.Err())
	var ops int64
	var wg3 sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg3.Add(1)
		go func() {
			defer wg3.Done()
			atomic.AddInt64(&ops, 2)
		}()
	}
	wg3.Wait()
	fmt.Println("ops", atomic.LoadInt64(&ops))
	tctx, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err())
	case <-time.After(time.Second):
		fmt.Println("after")
	}
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 1500*time.Millisecond, time.Duration(90)*time.Second)
	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
	}
	fmt.Println(sb.String(), strings.Repeat("ab", 3), strings.ToUpper("héllo"), strings.Contains("seafood", "foo"))
	var p *Rect
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		os.Exit(3)
	}()
	fmt.Println(p.Area())
}
