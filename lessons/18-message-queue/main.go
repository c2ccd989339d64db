// A message queue in the payment write path (simulator only: gopherbus/mq and clients).
// A payment is published keyed by the payer, so all of an account's messages land in one
// partition, read by one consumer: the debit needs no lock; the credit follows as a message
// keyed by the payee. Delivery is at least once (a consumer killed before Commit has its
// message delivered again), so an idempotency key makes each message apply once.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"gopherbus/clients"
	"gopherbus/mq"
)

var (
	balance             [64]int64           // --accounts 64, the default; each touched by one consumer only
	seen                = map[string]bool{} // idempotency keys applied (a table, in production)
	seenMu              sync.Mutex
	sent, applied, dups int64
	producing           int32 = 1
)

func publish(kind string, key, from, to, amount int64, id string) {
	atomic.AddInt64(&sent, 1)
	mq.Publish("payments", fmt.Sprint(key), fmt.Sprint(kind, " ", from, " ", to, " ", amount, " ", id))
}

// firstTime marks key as applied (with the balance change: one database transaction, in production).
func firstTime(key string) bool {
	seenMu.Lock()
	defer seenMu.Unlock()
	if seen[key] {
		return false
	}
	seen[key] = true
	return true
}

func consumer(wg *sync.WaitGroup) {
	defer wg.Done()
	c := mq.Subscribe("ledger", "payments")
	for atomic.LoadInt32(&producing) == 1 || atomic.LoadInt64(&applied) < atomic.LoadInt64(&sent) {
		m, ok := mq.Poll(c)
		if !ok {
			continue
		}
		f := strings.Fields(m.Value) // kind, from, to, amount, payment id
		n := func(i int) int64 { v, _ := strconv.ParseInt(f[i], 10, 64); return v }
		switch {
		case !firstTime(f[0] + " " + f[4]): // applied before a crash, never committed
			atomic.AddInt64(&dups, 1)
		case f[0] == "debit":
			balance[n(1)] -= n(3) // this consumer owns the payer's partition: no lock
			publish("credit", n(2), n(1), n(2), n(3), f[4])
			atomic.AddInt64(&applied, 1)
		default:
			balance[n(2)] += n(3) // and this one the payee's
			atomic.AddInt64(&applied, 1)
		}
		mq.Commit(c, m) // killed before this line: the message comes again
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go consumer(&wg)
	}
	for p, ok := clients.Next(); ok; p, ok = clients.Next() {
		publish("debit", int64(p.From), int64(p.From), int64(p.To), p.Amount, p.Key)
	}
	atomic.StoreInt32(&producing, 0)
	wg.Wait()
	total := int64(0)
	for _, b := range balance {
		total += b
	}
	fmt.Println("messages applied once:", applied, "| duplicates skipped:", dups, "| money conserved:", total == 0)
}
