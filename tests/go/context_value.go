package main

import (
	"context"
	"fmt"
)

type ctxKey string
type otherKey int

func handler(ctx context.Context) {
	user, ok := ctx.Value(ctxKey("user")).(string)
	fmt.Println("user:", user, ok)
	fmt.Println("request id:", ctx.Value(ctxKey("reqID")))
	fmt.Println("missing:", ctx.Value(ctxKey("nope")))
	fmt.Println("same text, different key type:", ctx.Value("user"))
	fmt.Println("int key:", ctx.Value(otherKey(1)))
}

func main() {
	ctx := context.WithValue(context.Background(), ctxKey("user"), "alice")
	ctx = context.WithValue(ctx, ctxKey("reqID"), 42)
	ctx = context.WithValue(ctx, otherKey(1), []int{1, 2})
	handler(ctx)
	shadow := context.WithValue(ctx, ctxKey("user"), "bob")
	fmt.Println(shadow.Value(ctxKey("user")), ctx.Value(ctxKey("user")))
	cctx, cancel := context.WithCancel(shadow)
	cancel()
	fmt.Println("values survive cancel:", cctx.Value(ctxKey("reqID")), cctx.Err())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		context.WithValue(ctx, nil, 1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		context.WithCancel(nil)
	}()
}
