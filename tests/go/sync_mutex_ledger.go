package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrInsufficient = errors.New("insufficient funds")

type Ledger struct {
	mu       sync.Mutex
	balances map[string]int
	history  int
}

func (l *Ledger) Transfer(from, to string, amount int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.balances[from] < amount {
		return fmt.Errorf("transfer %s->%s %d: %w", from, to, amount, ErrInsufficient)
	}
	l.balances[from] -= amount
	l.balances[to] += amount
	l.history++
	return nil
}

func (l *Ledger) Total() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := 0
	for _, b := range l.balances {
		t += b
	}
	return t
}

func main() {
	l := &Ledger{balances: map[string]int{"alice": 1000, "bob": 1000, "carol": 1000}}
	names := []string{"alice", "bob", "carol"}
	var wg sync.WaitGroup
	for w := 0; w < 30; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				l.Transfer(names[(w+k)%3], names[(w+k+1)%3], 7)
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("total preserved:", l.Total())
	fmt.Println("transfers:", l.history)
	err := l.Transfer("alice", "bob", 1_000_000)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
}
