package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	past := time.Now().Add(-time.Second)
	ctx, cancel := context.WithDeadline(context.Background(), past)
	defer cancel()
	fmt.Println("already expired:", ctx.Err())
	dl, ok := ctx.Deadline()
	fmt.Println(dl.Equal(past), ok)
	d := time.Now().Add(40 * time.Millisecond)
	ctx2, cancel2 := context.WithDeadline(context.Background(), d)
	defer cancel2()
	fmt.Println("before deadline:", ctx2.Err())
	start := time.Now()
	<-ctx2.Done()
	fmt.Println("after deadline:", ctx2.Err(), time.Since(start) >= 30*time.Millisecond)
	fmt.Println(time.Until(d) <= 0)
	ctx3, cancel3 := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	cancel3()
	fmt.Println(ctx3.Err())
}
