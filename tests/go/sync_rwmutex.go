package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); c.Set(fmt.Sprint("k", i%5), i) }(i)
		go func(i int) { defer wg.Done(); c.Get(fmt.Sprint("k", i%5)) }(i)
	}
	wg.Wait()
	fmt.Println("entries:", len(c.data))
	var rw sync.RWMutex
	var mu sync.Mutex
	inside, maxInside := 0, 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			mu.Lock()
			inside++
			if inside > maxInside {
				maxInside = inside
			}
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			inside--
			mu.Unlock()
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers overlapped:", maxInside > 1)
	rw.Lock()
	fmt.Println("writer has exclusive access")
	rw.Unlock()
}
