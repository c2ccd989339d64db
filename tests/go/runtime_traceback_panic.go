// gopherbus: full-traceback
// A goroutine's unrecovered panic: its frames, a deferred call run by the panic under its panic frame, and
// "created by" with the go statement's line. Only the panicking goroutine is printed.
package main

import "time"

type worker struct{ id int }

func (w *worker) run(n int) {
	defer func() {
		println("deferred in run", w.id)
	}()
	w.step(n)
}

func (w *worker) step(n int) {
	if n == 0 {
		var m map[string]int
		m["x"] = w.id
	}
	w.step(n - 1)
}

func main() {
	go func() {
		time.Sleep(time.Second)
	}()
	w := &worker{id: 7}
	go w.run(2)
	time.Sleep(time.Hour)
}
