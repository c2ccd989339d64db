package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

var PanicError = errors.New("Panic")

var logMu sync.Mutex
var logs []string

func PanicRecoverDecorator(f func() error, caller, callee string, ctx context.Context) (err1 error) {
	defer func() {
		if err := recover(); err != nil {
			LogEndReportPanic(ctx, err, caller, callee)
			err1 = PanicError
		}
	}()
	return f()
}

func LogEndReportPanic(ctx context.Context, err interface{}, caller, callee string) {
	logMu.Lock()
	defer logMu.Unlock()
	logs = append(logs, fmt.Sprintf("action=RecoverPanic||err=%v||caller=%v||callee=%v", err, caller, callee))
}

func main() {
	ctx := context.Background()
	results := make([]error, 3)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		results[0] = PanicRecoverDecorator(func() error { return nil }, "main", "ok", ctx)
	}()
	go func() {
		defer wg.Done()
		results[1] = PanicRecoverDecorator(func() error {
			var m map[string]int
			m["x"] = 1
			return nil
		}, "main", "nilmap", ctx)
	}()
	go func() {
		defer wg.Done()
		results[2] = PanicRecoverDecorator(func() error { return errors.New("plain failure") }, "main", "fails", ctx)
	}()
	wg.Wait()
	for i, err := range results {
		fmt.Println(i, err, err == PanicError)
	}
	fmt.Println(len(logs), logs[0])
}
