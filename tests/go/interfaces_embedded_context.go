// An interface embedded in a struct: its methods are promoted, so the struct satisfies context.Context.
package main

import (
	"context"
	"fmt"
	"time"
)

type loggingCtx struct {
	context.Context
	name string
}

func main() {
	base, cancel := context.WithCancel(context.Background())
	c := loggingCtx{base, "x"}
	var ctx context.Context = c
	cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err(), c.name)
	t, c2 := context.WithTimeout(ctx, time.Second)
	defer c2()
	fmt.Println(t.Err())
}
