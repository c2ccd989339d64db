package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// The interview notes' decorator, logging with fmt instead of the private logs package; the stack it logs
// differs by machine in paths and offsets, so the log keeps the functions it names.
var PanicError = errors.New("Panic")

func PanicRecoverDecorator(f func() error, caller, callee string, ctx context.Context) (err1 error) {
	defer func() {
		if err := recover(); err != nil {
			LogEndReportPanic(ctx, err, caller, callee)
			err1 = PanicError
		}
	}()
	return f()
}

func LogEndReportPanic(ctx context.Context, err interface{}, caller string, callee string) {
	buf := make([]byte, 1<<16)
	stackSize := runtime.Stack(buf, false)
	fmt.Printf("action=RecoverPanic||panic error||err=%v||caller=%v||callee=%v||msg=%v\n",
		err, caller, callee, functions(string(buf[0:stackSize])))
}

// functions lists the frames of a traceback: "goroutine 6 [running]:", then each function's name.
func functions(trace string) string {
	var names []string
	for _, l := range strings.Split(trace, "\n") {
		if l == "" || strings.HasPrefix(l, "\t") {
			continue
		}
		if p := strings.LastIndex(l, "("); p > 0 {
			l = l[:p]
		}
		names = append(names, l)
	}
	return strings.Join(names, " <- ")
}

// The notes' test with a callee that panics; the results are printed after Wait (any GOMAXPROCS).
func test(ctx context.Context) {
	var first, second error
	waitGroup := sync.WaitGroup{}
	waitGroup.Add(2)
	go func() {
		defer waitGroup.Done()
		err := PanicRecoverDecorator(func() (err error) {
			var accounts []int
			return fmt.Errorf("balance %d", accounts[3])
		}, "caller", "caller", ctx)
		if err != nil {
			first = err
		}
	}()

	go func() {
		defer waitGroup.Done()
		err := PanicRecoverDecorator(func() (err error) {
			return nil
		}, "caller", "callee", ctx)
		if err != nil {
			second = err
		}
	}()
	waitGroup.Wait()
	fmt.Println("first:", first, "second:", second)
}

func main() {
	test(context.Background())
}
