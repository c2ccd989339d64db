// The payment workload (issue 4 §5): API goroutines accept payments from the clients through a token-bucket rate
// limiter and publish them to the message queue keyed by account; ledger consumers apply the transfers to
// accounts in (simulated) memory, exactly once thanks to idempotency keys. The `variant` constant picks how the
// ledger synchronises: "nolock", "global", "peraccount", "atomic" or "partitioned". At the end the program checks
// that money is conserved, that every accepted payment was applied exactly once and that no balance went
// negative, prints its statistics, and exits 1 if an invariant broke.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gopherbus/clients"
	"gopherbus/db"
	"gopherbus/mq"
)

const variant = "global" // knob: "nolock", "global", "peraccount", "atomic" or "partitioned"

const (
	accounts   = 64
	initial    = 1000000 // cents in every account at the start
	apiWorkers = 4
	consumers  = 4
	topic      = "payments"
	bucketSize = 200     // token bucket: burst capacity
	refillNs   = 100000  // one token every 100 us: at most 10,000 payments per simulated second
)

// An account: the balance, its own lock (peraccount), padded to a 64-byte cache line so that two accounts
// never share one (false sharing would otherwise make neighbours' locks ping-pong).
type Account struct {
	mu      sync.Mutex
	balance int64
	_       [48]byte
}

var ledger [accounts]Account
var globalMu sync.Mutex

// [SECTION] The rate limiter: a token bucket refilled from the clock, under its own lock.
type Bucket struct {
	mu     sync.Mutex
	tokens int64
	last   int64
}

var limiter = Bucket{tokens: bucketSize}

func (b *Bucket) Allow(now int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.last == 0 {
		b.last = now
	}
	if add := (now - b.last) / refillNs; add > 0 {
		b.tokens += add
		if b.tokens > bucketSize {
			b.tokens = bucketSize
		}
		b.last += add * refillNs
	}
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

// [SECTION] Idempotency: the keys already applied, and how often each was seen.
type Applied struct {
	mu    sync.Mutex
	seen  map[string]int
	twice int64
}

func (a *Applied) First(key string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seen[key]++
	if a.seen[key] > 1 {
		a.twice++
		return false
	}
	return true
}

var applied = Applied{seen: map[string]int{}}

// [SECTION] Statistics
var (
	accepted, rejected, insufficient, processed int64
	published                                   int64 // messages on the queue (partitioned: debits and credits)
	apiDone                                     int32
	statsMu                                     sync.Mutex
	latencies                                   []int64
	lockWait                                    int64
)

func lock(m *sync.Mutex) {
	t0 := time.Now()
	m.Lock()
	atomic.AddInt64(&lockWait, int64(time.Since(t0)))
}

// [SECTION] The ledger: one transfer under the chosen synchronisation. Every variant persists the transfer with
// a database write (db.Exec, about a millisecond); where that write sits is the difference between them.
func transfer(from, to int, amount int64) bool {
	switch variant {
	case "nolock":
		// Read, write to the database, then store what was read minus the amount: another consumer that moved
		// money in or out of the same account meanwhile is overwritten (a lost update).
		bf, bt := ledger[from].balance, ledger[to].balance
		if bf < amount {
			return false
		}
		db.Exec(from)
		ledger[from].balance = bf - amount
		ledger[to].balance = bt + amount
	case "global":
		lock(&globalMu)
		defer globalMu.Unlock()
		if ledger[from].balance < amount {
			return false
		}
		db.Exec(from)
		ledger[from].balance -= amount
		ledger[to].balance += amount
	case "peraccount":
		first, second := from, to // lock in account order, so two opposite transfers cannot deadlock
		if second < first {
			first, second = second, first
		}
		lock(&ledger[first].mu)
		lock(&ledger[second].mu)
		defer ledger[first].mu.Unlock()
		defer ledger[second].mu.Unlock()
		if ledger[from].balance < amount {
			return false
		}
		db.Exec(from)
		ledger[from].balance -= amount
		ledger[to].balance += amount
	case "atomic":
		db.Exec(from)
		for {
			b := atomic.LoadInt64(&ledger[from].balance)
			if b < amount {
				return false
			}
			if atomic.CompareAndSwapInt64(&ledger[from].balance, b, b-amount) {
				break
			}
		}
		atomic.AddInt64(&ledger[to].balance, amount)
	}
	return true
}

// A message: "kind,id,from,to,amount,acceptedAt" with kind "pay", or "credit" for the partitioned variant's
// second half.
func encode(kind string, id int64, from, to int, amount, at int64) string {
	return kind + "," + strconv.FormatInt(id, 10) + "," + strconv.Itoa(from) + "," + strconv.Itoa(to) + "," +
		strconv.FormatInt(amount, 10) + "," + strconv.FormatInt(at, 10)
}

func decode(v string) (kind string, id int64, from, to int, amount, at int64) {
	f := strings.Split(v, ",")
	id, _ = strconv.ParseInt(f[1], 10, 64)
	from, _ = strconv.Atoi(f[2])
	to, _ = strconv.Atoi(f[3])
	amount, _ = strconv.ParseInt(f[4], 10, 64)
	at, _ = strconv.ParseInt(f[5], 10, 64)
	return f[0], id, from, to, amount, at
}

func record(at int64) {
	statsMu.Lock()
	latencies = append(latencies, time.Now().UnixNano()-at)
	statsMu.Unlock()
}

func api(wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		p, ok := clients.Next()
		if !ok {
			return
		}
		now := time.Now().UnixNano()
		if !limiter.Allow(now) {
			atomic.AddInt64(&rejected, 1)
			continue
		}
		atomic.AddInt64(&accepted, 1)
		atomic.AddInt64(&published, 1)
		mq.Publish(topic, strconv.Itoa(p.From), encode("pay", p.ID, p.From, p.To, p.Amount, now)+","+p.Key)
	}
}

func consumer(wg *sync.WaitGroup) {
	defer wg.Done()
	c := mq.Subscribe("ledger", topic)
	for {
		m, ok := mq.Poll(c)
		if !ok {
			if atomic.LoadInt32(&apiDone) == 1 && atomic.LoadInt64(&processed) == atomic.LoadInt64(&published) {
				return
			}
			continue
		}
		kind, id, from, to, amount, at := decode(m.Value)
		key := m.Value[strings.LastIndex(m.Value, ",")+1:]
		// A redelivered message (at-least-once) is only acknowledged: its key says it was applied already.
		if applied.First(key) {
			switch {
			case variant == "partitioned" && kind == "pay":
				// The debit, by the only consumer of from's partition: no lock. The credit goes to to's partition.
				if ledger[from].balance < amount {
					atomic.AddInt64(&insufficient, 1)
					record(at)
				} else {
					db.Exec(from)
					ledger[from].balance -= amount
					atomic.AddInt64(&published, 1)
					mq.Publish(topic, strconv.Itoa(to), encode("credit", id, from, to, amount, at)+","+key+"+")
				}
			case kind == "credit":
				db.Exec(to)
				ledger[to].balance += amount
				record(at)
			default:
				if !transfer(from, to, amount) {
					atomic.AddInt64(&insufficient, 1)
				}
				record(at)
			}
			atomic.AddInt64(&processed, 1)
		}
		mq.Commit(c, m)
	}
}

func main() {
	start := time.Now()
	for i := range ledger {
		ledger[i].balance = initial
	}
	var api_, ledgerWG sync.WaitGroup
	for i := 0; i < consumers; i++ {
		ledgerWG.Add(1)
		go consumer(&ledgerWG)
	}
	for i := 0; i < apiWorkers; i++ {
		api_.Add(1)
		go api(&api_)
	}
	api_.Wait()
	atomic.StoreInt32(&apiDone, 1)
	ledgerWG.Wait()
	elapsed := time.Since(start)

	var total int64
	negative := 0
	for i := range ledger {
		total += ledger[i].balance
		if ledger[i].balance < 0 {
			negative++
		}
	}
	distinct := int64(0)
	for k := range applied.seen {
		if !strings.HasSuffix(k, "+") {
			distinct++
		}
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(q float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return time.Duration(latencies[int(q*float64(len(latencies)-1))])
	}
	fmt.Printf("variant %s: %d accepted, %d rejected by the rate limiter, %d insufficient funds\n", variant,
		accepted, rejected, insufficient)
	fmt.Printf("throughput %.0f payments/s simulated, latency p50 %v p99 %v, lock wait %v\n",
		float64(len(latencies))/elapsed.Seconds(), pct(0.50), pct(0.99), time.Duration(lockWait))
	ok := true
	if total != accounts*initial {
		fmt.Printf("INVARIANT BROKEN: money not conserved: %d cents instead of %d (%+d)\n", total,
			int64(accounts*initial), total-accounts*initial)
		ok = false
	}
	if distinct != accepted {
		fmt.Printf("INVARIANT BROKEN: %d payments applied for %d accepted (%d redeliveries skipped)\n", distinct,
			accepted, applied.twice)
		ok = false
	}
	if negative != 0 {
		fmt.Printf("INVARIANT BROKEN: %d balances went negative\n", negative)
		ok = false
	}
	if !ok {
		os.Exit(1)
	}
	fmt.Println("invariants hold: money conserved, every accepted payment applied exactly once, no negative balance")
}
