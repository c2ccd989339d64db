package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	inits  int
)

func loadConfig() {
	inits++
	config = map[string]string{"env": "test"}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(loadConfig)
			_ = config["env"]
		}()
	}
	wg.Wait()
	fmt.Println("inits:", inits, "env:", config["env"])
	once.Do(func() { fmt.Println("never runs") })
	var o2 sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o2.Do(func() { panic("init failed") })
	}()
	o2.Do(func() { fmt.Println("not retried after panic") })
	fmt.Println("done")
}
