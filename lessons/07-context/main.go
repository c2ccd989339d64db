// context: what ends a context underneath is a channel. Done() returns a channel that
// cancel closes, and a closed channel wakes every receiver at once. Cancelling a parent
// cancels its children; WithTimeout closes Done when the time is up; Value carries
// request-scoped data down the tree.
package main

import (
	"context"
	"fmt"
	"time"
)

type ctxKey string

func worker(ctx context.Context, name string, stopped chan<- string) {
	for {
		select {
		case <-ctx.Done(): // a receive from a closed channel: ready at once
			stopped <- fmt.Sprintf("%s stopped: %v (request %v)", name, ctx.Err(), ctx.Value(ctxKey("request")))
			return
		default:
			time.Sleep(time.Millisecond) // one unit of work
		}
	}
}

func main() {
	root, cancel := context.WithCancel(context.Background())
	req := context.WithValue(root, ctxKey("request"), "pay-42")
	child, cancelChild := context.WithCancel(req)
	defer cancelChild()
	fmt.Printf("Done() is a %T\n", child.Done())

	stopped := make(chan string)
	go worker(child, "child worker", stopped)
	time.Sleep(5 * time.Millisecond)
	cancel() // closes root's Done, then each child's
	fmt.Println(<-stopped)
	fmt.Println("parent:", root.Err(), "| child:", child.Err())

	timed, cancelTimed := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelTimed()
	go worker(timed, "timed worker", stopped)
	fmt.Println(<-stopped)
	dl, ok := timed.Deadline()
	fmt.Println("had a deadline:", ok, "passed:", time.Now().After(dl))
}
