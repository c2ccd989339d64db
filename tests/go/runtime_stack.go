package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Tracebacks' paths, +0x offsets and argument words differ by machine; this keeps what must not: headers,
// the functions in order (without import path) and the line of each of package main's frames.
func shape(trace string) string {
	var out []string
	lines := strings.Split(strings.TrimSuffix(trace, "\n"), "\n")
	for i, l := range lines {
		switch {
		case l == "":
			out = append(out, "|")
		case strings.HasPrefix(l, "goroutine "):
			out = append(out, l)
		case !strings.HasPrefix(l, "\t"):
			name := strings.TrimPrefix(l, "created by ")
			if p := strings.LastIndex(name, "("); p > 0 {
				name = name[:p]
			}
			name = name[strings.LastIndex(name, "/")+1:]
			if strings.HasPrefix(name, "main.") && i+1 < len(lines) {
				pos := lines[i+1]
				if j := strings.Index(pos, " +0x"); j >= 0 {
					pos = pos[:j]
				}
				name += pos[strings.LastIndex(pos, ":"):]
			}
			out = append(out, strings.TrimSuffix(l, strings.TrimPrefix(l, "created by "))+name)
		}
	}
	return strings.Join(out, " ")
}

type tracer struct{}

func (t *tracer) trace(all bool) string {
	buf := make([]byte, 1<<16)
	n := runtime.Stack(buf, all)
	return string(buf[:n])
}

func worker(t *tracer, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	out <- shape(t.trace(false))
}

func main() {
	var wg sync.WaitGroup
	t := &tracer{}
	out := make(chan string, 1)
	block := make(chan int)
	go func() { <-block }()
	wg.Add(1)
	go worker(t, &wg, out)
	wg.Wait()
	fmt.Println(<-out)
	time.Sleep(time.Millisecond) // the worker has ended and the other goroutine waits, with any GOMAXPROCS
	fmt.Println(shape(t.trace(true)))
	func() { fmt.Println(shape(string(debug.Stack()))) }()
	small := make([]byte, 12)
	n := runtime.Stack(small, false)
	fmt.Printf("%d %q\n", n, small[:n])
	func() {
		defer func() {
			fmt.Println(recover(), "|", shape(t.trace(false)))
		}()
		var m map[string]int
		m["x"] = 1
	}()
	close(block)
}
