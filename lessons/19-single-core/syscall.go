// A blocking system call hands off its P (simulator only: gopherbus/db). db.Exec blocks
// the writer's M in the "kernel", its P in _Psyscall. sysmon sees the P stuck there and
// hands it to another M, which runs the summing goroutine meanwhile; when the call
// returns, the writer's M takes an idle P back or queues the writer.
package main

import (
	"fmt"

	"gopherbus/db"
)

func main() {
	writes, sums := make(chan int), make(chan int)
	go func() {
		total := 0
		for i := 0; i < 300000; i++ { // keeps a P busy: it runs while the writer is in the kernel
			total += i % 7
		}
		sums <- total
	}()
	go func() { // started last: runnext, so it runs first and enters the kernel
		for account := 0; account < 5; account++ {
			db.Exec(account) // a ledger write: about a millisecond in the database
		}
		writes <- 5
	}()
	fmt.Println("sum:", <-sums)
	fmt.Println("writes:", <-writes)
}
