// runtime.Caller, Callers, CallersFrames and FuncForPC: Go's function names (main.f, main.(*T).m,
// main.main.func1, runtime.main, runtime.goexit), base names of files, and lines.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{}

func (t *T) m() []string { return where() }

func (t T) v() []string { return where() }

func where() []string {
	pcs := make([]uintptr, 20)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		file := base(f.File)
		if strings.HasPrefix(f.Function, "runtime.") {
			file = "(runtime)"
		}
		out = append(out, fmt.Sprintf("%s %s:%d", f.Function, file, f.Line))
		if !more {
			break
		}
	}
	return out
}

func base(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func caller(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	fn := runtime.FuncForPC(pc)
	return fmt.Sprintf("%s %s:%d %v entry-ok=%v", fn.Name(), base(file), line, ok, fn.Entry() <= pc)
}

func main() {
	t := &T{}
	fmt.Println(strings.Join(t.m(), "\n"))
	fmt.Println(strings.Join(T{}.v(), "\n"))
	fmt.Println(caller(0))
	fmt.Println(caller(1))
	_, _, _, ok := runtime.Caller(100)
	fmt.Println("Caller(100) ok:", ok)
	fmt.Println(runtime.FuncForPC(0) == nil, runtime.FuncForPC(0).Name() == "")
	done := make(chan bool)
	go func() {
		fmt.Println(strings.Join(where(), "\n"))
		done <- true
	}()
	<-done
	func() {
		defer func() {
			recover()
			pcs := make([]uintptr, 10)
			n := runtime.Callers(1, pcs)
			frames := runtime.CallersFrames(pcs[:n])
			for {
				f, more := frames.Next()
				fmt.Println("in panic:", f.Function, base(f.File), f.Line)
				if !more {
					break
				}
			}
		}()
		panic("stop")
	}()
}
