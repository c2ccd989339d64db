// Package context of the Go subset, following Go 1.19's context/context.go: a tree of contexts in which
// cancelling a parent cancels its children, with deadlines on the runtime's timers and request values.
//
// Differences from Go's source: no struct embedding (timerCtx holds its cancelCtx in a field and forwards to
// it), and cancelCtx.done is a plain field read without the lock on the fast path (Go uses atomic.Value).
package context

import (
	"errors"
	"sync"
	"time"
)

// A Context carries a deadline, a cancellation signal and values across API boundaries.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// Canceled is the error Err returns after the context was cancelled.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error Err returns after the context's deadline passed.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// A CancelFunc cancels its context; calls after the first do nothing.
type CancelFunc func()

// typeString is reflect's spelling of v's dynamic type ("main.ctxKey"), used by the String methods.
func typeString(v any) string

// isComparable reports whether v's dynamic type can be compared with ==.
func isComparable(v any) bool

// [SECTION] The empty contexts

// emptyCtx is never cancelled, has no values and no deadline. Background and TODO are two distinct ones.
type emptyCtx int

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }

func (e *emptyCtx) String() string {
	switch e {
	case background:
		return "context.Background"
	case todo:
		return "context.TODO"
	}
	return "unknown empty Context"
}

var background = new(emptyCtx)
var todo = new(emptyCtx)

// Background is the root of every context tree.
func Background() Context {
	return background
}

// TODO is for code that has no context yet.
func TODO() Context {
	return todo
}

// [SECTION] Cancellation

// A canceler is a context that can be cancelled directly: *cancelCtx and *timerCtx.
type canceler interface {
	cancel(removeFromParent bool, err error)
	Done() <-chan struct{}
}

// closedchan is a closed channel that Done returns for a context cancelled before anyone asked for Done.
var closedchan = newClosedChan()

func newClosedChan() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// cancelCtxKey's address is the key under which a cancelCtx reports itself through Value.
var cancelCtxKey int

// A cancelCtx can be cancelled; cancelling it cancels its children. mu guards done, children and err.
type cancelCtx struct {
	parent   Context
	mu       sync.Mutex
	done     chan struct{} // made lazily by Done, closed by the first cancel
	children map[canceler]struct{}
	err      error
}

func newCancelCtx(parent Context) *cancelCtx {
	return &cancelCtx{parent: parent}
}

// WithCancel returns a copy of parent with a new Done channel, closed when cancel is called or when the
// parent's Done is closed, whichever happens first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := newCancelCtx(parent)
	propagateCancel(parent, c)
	return c, func() { c.cancel(true, Canceled) }
}

func (c *cancelCtx) Deadline() (deadline time.Time, ok bool) {
	return c.parent.Deadline()
}

func (c *cancelCtx) Value(key any) any {
	if k, ok := key.(*int); ok && k == &cancelCtxKey {
		return c
	}
	return c.parent.Value(key)
}

func (c *cancelCtx) Done() <-chan struct{} {
	if d := c.done; d != nil {
		return d
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
	}
	return c.done
}

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) String() string {
	return contextName(c.parent) + ".WithCancel"
}

// cancel closes done, cancels every child and, when asked, removes c from its parent's children.
func (c *cancelCtx) cancel(removeFromParent bool, err error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return // already cancelled
	}
	c.err = err
	if c.done == nil {
		c.done = closedchan
	} else {
		close(c.done)
	}
	for child := range c.children {
		// Children are cancelled while the parent's lock is held, as in Go.
		child.cancel(false, err)
	}
	c.children = nil
	c.mu.Unlock()
	if removeFromParent {
		removeChild(c.parent, c)
	}
}

// propagateCancel arranges for child to be cancelled when parent is.
func propagateCancel(parent Context, child canceler) {
	done := parent.Done()
	if done == nil {
		return // parent is never cancelled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			child.cancel(false, p.err)
		} else {
			if p.children == nil {
				p.children = make(map[canceler]struct{})
			}
			p.children[child] = struct{}{}
		}
		p.mu.Unlock()
		return
	}
	// A parent of a foreign Context type: watch it from a goroutine.
	go func() {
		select {
		case <-parent.Done():
			child.cancel(false, parent.Err())
		case <-child.Done():
		}
	}()
}

// parentCancelCtx returns the *cancelCtx underneath parent, if parent's Done channel is that cancelCtx's
// (a user type wrapping a cancelCtx with a different Done must be watched instead).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	var closed <-chan struct{} = closedchan
	if done == closed {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok {
		return nil, false
	}
	p.mu.Lock()
	var pdone <-chan struct{} = p.done
	p.mu.Unlock()
	if pdone != done {
		return nil, false
	}
	return p, true
}

// removeChild removes a context from its parent's children.
func removeChild(parent Context, child canceler) {
	p, ok := parentCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}

// [SECTION] Deadlines

// A timerCtx is a cancelCtx with a deadline, cancelled by a timer when the deadline passes.
type timerCtx struct {
	cc       *cancelCtx
	timer    *time.Timer // guarded by cc.mu
	deadline time.Time
}

// WithDeadline returns a copy of parent that is cancelled no later than d. A parent deadline earlier
// than d wins, and the result is then an ordinary cancelCtx.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := &timerCtx{cc: newCancelCtx(parent), deadline: d}
	propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded) // the deadline has already passed
		return c, func() { c.cancel(false, Canceled) }
	}
	c.cc.mu.Lock()
	defer c.cc.mu.Unlock()
	if c.cc.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded)
		})
	}
	return c, func() { c.cancel(true, Canceled) }
}

// WithTimeout returns WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

func (c *timerCtx) Done() <-chan struct{} { return c.cc.Done() }
func (c *timerCtx) Err() error            { return c.cc.Err() }

func (c *timerCtx) Value(key any) any {
	return c.cc.Value(key)
}

func (c *timerCtx) String() string {
	return contextName(c.cc.parent) + ".WithDeadline(" + c.deadline.String() + " [" +
		time.Until(c.deadline).String() + "])"
}

func (c *timerCtx) cancel(removeFromParent bool, err error) {
	c.cc.cancel(false, err)
	if removeFromParent {
		// Remove this timerCtx (not its inner cancelCtx) from the parent's children.
		removeChild(c.cc.parent, c)
	}
	c.cc.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.cc.mu.Unlock()
}

// [SECTION] Values

// A valueCtx carries one key-value pair and delegates everything else to its parent.
type valueCtx struct {
	parent   Context
	key, val any
}

// WithValue returns a copy of parent in which Value(key) is val. The key must be comparable and should
// be of a type of the caller's own, so that packages do not collide.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !isComparable(key) {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Deadline() (deadline time.Time, ok bool) { return c.parent.Deadline() }
func (c *valueCtx) Done() <-chan struct{}                   { return c.parent.Done() }
func (c *valueCtx) Err() error                              { return c.parent.Err() }

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.parent.Value(key)
}

func (c *valueCtx) String() string {
	return contextName(c.parent) + ".WithValue(type " + typeString(c.key) + ", val " + stringify(c.val) + ")"
}

type stringer interface {
	String() string
}

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return typeString(c)
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}
