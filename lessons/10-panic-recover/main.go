// panic, recover and the notes' PanicRecoverDecorator: the deferred closure recovers a
// panic in f, logs it with the goroutine's stack (runtime.Stack) and turns it into an
// error, so one failing request does not take down the process (compare nodecorator.go).
// The log goes to stderr, as a logger's would; the notes' logs package is replaced by fmt.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
)

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
	fmt.Fprintf(os.Stderr, "action=RecoverPanic||panic error||err=%v||caller=%v||callee=%v||msg=\n%v",
		err, caller, callee, string(buf[0:stackSize]))
}

func main() {
	ctx := context.Background()
	errs := make([]error, 2)
	var waitGroup sync.WaitGroup
	waitGroup.Add(2)
	go func() {
		defer waitGroup.Done()
		errs[0] = PanicRecoverDecorator(func() (err error) {
			return nil // your logic code: this one succeeds
		}, "main", "settle", ctx)
	}()
	go func() {
		defer waitGroup.Done()
		errs[1] = PanicRecoverDecorator(func() (err error) {
			var fees map[string]int64 // never made: writing to it panics
			fees["BRL"] = 30
			return nil
		}, "main", "charge", ctx)
	}()
	waitGroup.Wait()
	fmt.Println("settle:", errs[0])
	fmt.Println("charge:", errs[1], "| is PanicError:", errors.Is(errs[1], PanicError))
	fmt.Println("the process is still alive")
}
