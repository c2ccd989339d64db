package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	bg := context.Background()
	fmt.Println(bg, bg.Err(), bg.Done() == nil)
	fmt.Println(context.TODO())
	ctx, cancel := context.WithCancel(bg)
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	fmt.Println(ctx)
	fmt.Println(ctx.Err(), child.Err())
	select {
	case <-ctx.Done():
		fmt.Println("unexpected")
	default:
		fmt.Println("not done yet")
	}
	cancel()
	<-ctx.Done()
	<-child.Done()
	fmt.Println(ctx.Err(), "|", child.Err())
	fmt.Println(errors.Is(child.Err(), context.Canceled), ctx.Err() == context.Canceled)
	cancel()
	fmt.Println("cancel is idempotent:", ctx.Err())
	_, c2 := context.WithCancel(child)
	c2()
	_, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok)
	fmt.Printf("%T %T\n", context.Canceled, context.DeadlineExceeded)
	fmt.Println(context.Canceled, "|", context.DeadlineExceeded)
}
