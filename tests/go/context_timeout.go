package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", slowOp(ctx, time.Millisecond))
	err := slowOp(ctx, time.Second)
	fmt.Println("slow:", err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), err == context.DeadlineExceeded)
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(err, &te) && te.Timeout())
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Hour)
	cancel2()
	fmt.Println("cancelled before timeout:", ctx2.Err())
	parent, pc := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer pc()
	child, cc := context.WithTimeout(parent, time.Hour)
	defer cc()
	<-child.Done()
	fmt.Println("child ends with parent:", child.Err())
	pd, _ := parent.Deadline()
	cd, _ := child.Deadline()
	fmt.Println("child keeps the earlier deadline:", cd.Equal(pd))
}
