// Package sync of the Go subset: Mutex, RWMutex, WaitGroup and Once written in Go with the algorithms of
// Go 1.19's sync/mutex.go, rwmutex.go, waitgroup.go and once.go (state words changed by atomics, goroutines
// parked on runtime semaphores), so lock hand-offs, spinning and starvation mode happen as in real Go.
package sync

import "sync/atomic"

// Served by the interpreter (semaphores of runtime/sema.go, spinning, the clock, fatal errors).
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)
func runtime_Semacquire(s *uint32)
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)
func runtime_canSpin(i int) bool
func runtime_doSpin()
func runtime_nanotime() int64

// starvationThreshold is mutex.go's starvationThresholdNs (1 ms) times the machine's time scale (a lesson's
// teaching scale shrinks it so starvation mode shows within a few hundred steps).
func runtime_starvationThreshold() int64
func fatal(s string)
func throw(s string)

// A Locker can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// [SECTION] Mutex

// A Mutex is a mutual exclusion lock; the zero value is unlocked.
//
// state holds three flags and, above them, the number of goroutines waiting on sema:
//
//	bit 0 locked, bit 1 woken (a waiter has been woken or a spinner will take the lock, so Unlock need not
//	wake another), bit 2 starving (the lock is handed straight to the first waiter), bits 3.. waiter count.
//
// In normal mode a woken waiter competes with newly arriving goroutines, which usually win because they
// are already running; a waiter that has waited more than 1 ms switches the mutex to starvation mode,
// where Unlock hands ownership to the waiter at the front of the queue and newcomers queue at the back.
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked           = 1
	mutexWoken            = 2
	mutexStarving         = 4
	mutexWaiterShift      = 3
)

// Lock takes the mutex, blocking until it is free.
func (m *Mutex) Lock() {
	// Uncontended: one compare-and-swap.
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// TryLock takes the mutex if it is free now and reports whether it did.
func (m *Mutex) TryLock() bool {
	old := m.state
	if old&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

func (m *Mutex) lockSlow() {
	var waitStart int64 // when this goroutine first blocked; 0 before that
	starving := false
	awoke := false
	spins := 0
	old := m.state
	for {
		// Spin while the lock is held in normal mode and the runtime allows it (multicore, idle Ps, empty
		// run queue, fewer than 4 spins). Claim the woken flag so the holder's Unlock wakes nobody.
		if old&(mutexLocked|mutexStarving) == mutexLocked && runtime_canSpin(spins) {
			if !awoke && old&mutexWoken == 0 && old>>mutexWaiterShift != 0 &&
				atomic.CompareAndSwapInt32(&m.state, old, old|mutexWoken) {
				awoke = true
			}
			runtime_doSpin()
			spins++
			old = m.state
			continue
		}
		next := old
		// In starvation mode newcomers never take the lock: they queue.
		if old&mutexStarving == 0 {
			next |= mutexLocked
		}
		if old&(mutexLocked|mutexStarving) != 0 {
			next += 1 << mutexWaiterShift
		}
		// Switch to starvation mode only while the lock is held (an unlocked starving mutex would never
		// be handed to anyone).
		if starving && old&mutexLocked != 0 {
			next |= mutexStarving
		}
		if awoke {
			if next&mutexWoken == 0 {
				throw("sync: inconsistent mutex state")
			}
			next &^= mutexWoken
		}
		if !atomic.CompareAndSwapInt32(&m.state, old, next) {
			old = m.state
			continue
		}
		if old&(mutexLocked|mutexStarving) == 0 {
			return // took the free lock
		}
		// A goroutine that has waited before goes back to the front of the queue.
		lifo := waitStart != 0
		if waitStart == 0 {
			waitStart = runtime_nanotime()
		}
		runtime_SemacquireMutex(&m.sema, lifo, 1)
		starving = starving || runtime_nanotime()-waitStart > runtime_starvationThreshold()
		old = m.state
		if old&mutexStarving != 0 {
			// Handed over in starvation mode: the lock is ours, only the count and flags need fixing.
			if old&(mutexLocked|mutexWoken) != 0 || old>>mutexWaiterShift == 0 {
				throw("sync: inconsistent mutex state")
			}
			delta := int32(mutexLocked - 1<<mutexWaiterShift)
			// Leave starvation mode when this waiter did not wait long or was the last one, so the
			// mutex does not stay in the slow hand-off mode.
			if !starving || old>>mutexWaiterShift == 1 {
				delta -= mutexStarving
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		awoke = true
		spins = 0
	}
}

// Unlock releases the mutex; unlocking an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	next := atomic.AddInt32(&m.state, -mutexLocked)
	if next != 0 {
		m.unlockSlow(next)
	}
}

func (m *Mutex) unlockSlow(next int32) {
	if (next+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if next&mutexStarving != 0 {
		// Starvation mode: hand the lock to the first waiter and let it run at once.
		runtime_Semrelease(&m.sema, true, 1)
		return
	}
	old := next
	for {
		// Nobody to wake, or someone already took, was woken for, or is being handed the lock.
		if old>>mutexWaiterShift == 0 || old&(mutexLocked|mutexWoken|mutexStarving) != 0 {
			return
		}
		next = (old - 1<<mutexWaiterShift) | mutexWoken
		if atomic.CompareAndSwapInt32(&m.state, old, next) {
			runtime_Semrelease(&m.sema, false, 1)
			return
		}
		old = m.state
	}
}

// [SECTION] RWMutex

// An RWMutex is a reader/writer lock: any number of readers or one writer. A blocked Lock call stops new
// readers from acquiring the lock, so a goroutine must not RLock recursively.
//
// readerCount counts readers holding or waiting for the lock; a writer subtracts rwmutexMaxReaders from it,
// which both announces the writer (negative count) and keeps the reader count recoverable. readerWait
// counts the readers the writer still waits for.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

const rwmutexMaxReaders = 1 << 30

func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		// A writer holds or waits for the lock.
		runtime_SemacquireMutex(&rw.readerSem, false, 0)
	}
}

func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readerCount)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readerCount, c, c+1) {
			return true
		}
	}
}

func (rw *RWMutex) RUnlock() {
	if r := atomic.AddInt32(&rw.readerCount, -1); r < 0 {
		rw.rUnlockSlow(r)
	}
}

func (rw *RWMutex) rUnlockSlow(r int32) {
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	// A writer is waiting: the last departing reader lets it in.
	if atomic.AddInt32(&rw.readerWait, -1) == 0 {
		runtime_Semrelease(&rw.writerSem, false, 1)
	}
}

func (rw *RWMutex) Lock() {
	// Exclude other writers first, then announce ourselves to readers.
	rw.w.Lock()
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	// Wait for the readers that were active at that moment.
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		runtime_SemacquireMutex(&rw.writerSem, false, 0)
	}
}

func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readerCount, 0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

func (rw *RWMutex) Unlock() {
	// Tell readers there is no writer any more.
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	// Wake the readers that queued behind this writer.
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem, false, 0)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return &rlocker{rw}
}

type rlocker struct {
	rw *RWMutex
}

func (r *rlocker) Lock()   { r.rw.RLock() }
func (r *rlocker) Unlock() { r.rw.RUnlock() }

// [SECTION] WaitGroup

// A WaitGroup waits for a collection of goroutines to finish. state keeps the counter in its high 32 bits
// and the number of waiting goroutines in its low 32 bits, so both change in one atomic operation.
type WaitGroup struct {
	state uint64
	sema  uint32
}

// Add adds delta, which may be negative, to the counter; at zero it releases every waiter.
func (wg *WaitGroup) Add(delta int) {
	state := atomic.AddUint64(&wg.state, uint64(delta)<<32)
	v := int32(state >> 32)
	w := uint32(state)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if w != 0 && delta > 0 && v == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if v > 0 || w == 0 {
		return
	}
	// The counter reached zero with waiters: nothing may change the state now but us.
	if wg.state != state {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	wg.state = 0
	for ; w != 0; w-- {
		runtime_Semrelease(&wg.sema, false, 0)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	for {
		state := atomic.LoadUint64(&wg.state)
		if int32(state>>32) == 0 {
			return
		}
		// Count ourselves as a waiter, then sleep until the last Done.
		if atomic.CompareAndSwapUint64(&wg.state, state, state+1) {
			runtime_Semacquire(&wg.sema)
			if wg.state != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}

// [SECTION] Once

// Once runs a function exactly once. done is read atomically on the fast path; the mutex makes late
// callers wait until the first call has returned.
type Once struct {
	done uint32
	m    Mutex
}

func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		// Mark done even when f panics, and only after f has returned.
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}

// [SECTION] Cond

// Cond is a condition variable: goroutines Wait for an event and are woken by Signal (one, in arrival order)
// or Broadcast (all). Simplification: Go keeps waiters in the runtime's notifyList with tickets; here each
// waiter parks on a semaphore of its own, queued in arrival order, which wakes them in the same order.
type Cond struct {
	L       Locker
	self    *Cond // the Cond's own address on first use, to detect copies as Go's copyChecker does
	mu      Mutex
	waiters []*uint32
}

// NewCond returns a Cond that uses l as its lock.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

func (c *Cond) check() {
	if c.self == nil {
		c.self = c
	} else if c.self != c {
		panic("sync.Cond is copied")
	}
}

// Wait unlocks c.L, sleeps until woken by Signal or Broadcast, and locks c.L again before returning.
func (c *Cond) Wait() {
	c.check()
	sema := new(uint32)
	c.mu.Lock()
	c.waiters = append(c.waiters, sema)
	c.mu.Unlock()
	c.L.Unlock()
	runtime_Semacquire(sema)
	c.L.Lock()
}

// Signal wakes the longest-waiting goroutine, if any.
func (c *Cond) Signal() {
	c.check()
	c.mu.Lock()
	if len(c.waiters) == 0 {
		c.mu.Unlock()
		return
	}
	sema := c.waiters[0]
	c.waiters = c.waiters[1:]
	c.mu.Unlock()
	runtime_Semrelease(sema, false, 0)
}

// Broadcast wakes every waiting goroutine.
func (c *Cond) Broadcast() {
	c.check()
	c.mu.Lock()
	all := c.waiters
	c.waiters = nil
	c.mu.Unlock()
	for _, sema := range all {
		runtime_Semrelease(sema, false, 0)
	}
}

// [SECTION] Map

// Map is a map safe for concurrent use. Simplification: Go's sync.Map keeps a lock-free read-only copy
// plus a dirty map; this one guards a single map with a Mutex (same results, different memory traffic).
type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for key if present (loaded true); otherwise it stores value.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes key and returns its previous value, if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

func (m *Map) Delete(key any) {
	m.LoadAndDelete(key)
}

// Range calls f for each key and value (in map order) until f returns false. Like Go's, it works on a
// snapshot: f may call other methods of m.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	values := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		values = append(values, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], values[i]) {
			return
		}
	}
}
