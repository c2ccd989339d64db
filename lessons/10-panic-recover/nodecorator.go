// The same failing request without the decorator: a panic that no deferred recover
// catches ends the whole process (exit status 2), whichever goroutine it happens in,
// and main never prints its last line.
package main

import (
	"fmt"
	"sync"
)

func charge() error {
	var fees map[string]int64 // never made: writing to it panics
	fees["BRL"] = 30
	return nil
}

func main() {
	var waitGroup sync.WaitGroup
	waitGroup.Add(1)
	fmt.Println("main: charging in a goroutine")
	go func() {
		err := charge() // no recover anywhere on this goroutine's stack
		fmt.Println("charge:", err)
		waitGroup.Done()
	}()
	waitGroup.Wait()
	fmt.Println("the process is still alive") // never reached
}
