// Package sync/atomic of the Go subset: atomic read-modify-write operations on one memory word (natives
// that the interpreter performs as one indivisible access), and the typed wrappers of Go 1.19 written in Go.
// Every operation is sequentially consistent. Results wrap to the operand type's width.
package atomic

import "runtime"

func AddInt32(addr *int32, delta int32) (new int32)
func LoadInt32(addr *int32) (val int32)
func StoreInt32(addr *int32, val int32)
func SwapInt32(addr *int32, new int32) (old int32)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)

func AddInt64(addr *int64, delta int64) (new int64)
func LoadInt64(addr *int64) (val int64)
func StoreInt64(addr *int64, val int64)
func SwapInt64(addr *int64, new int64) (old int64)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)

func AddUint32(addr *uint32, delta uint32) (new uint32)
func LoadUint32(addr *uint32) (val uint32)
func StoreUint32(addr *uint32, val uint32)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)

func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadUint64(addr *uint64) (val uint64)
func StoreUint64(addr *uint64, val uint64)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)

func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func LoadUintptr(addr *uintptr) (val uintptr)
func StoreUintptr(addr *uintptr, val uintptr)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)

// Int32 is an atomic int32; its zero value is 0.
type Int32 struct {
	v int32
}

func (x *Int32) Load() int32 { return LoadInt32(&x.v) }

func (x *Int32) Store(val int32) { StoreInt32(&x.v, val) }

func (x *Int32) Swap(new int32) (old int32) { return SwapInt32(&x.v, new) }

func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}

func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }

// Int64 is an atomic int64; its zero value is 0.
type Int64 struct {
	v int64
}

func (x *Int64) Load() int64 { return LoadInt64(&x.v) }

func (x *Int64) Store(val int64) { StoreInt64(&x.v, val) }

func (x *Int64) Swap(new int64) (old int64) { return SwapInt64(&x.v, new) }

func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}

func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }

// Uint32 is an atomic uint32; its zero value is 0.
type Uint32 struct {
	v uint32
}

func (x *Uint32) Load() uint32 { return LoadUint32(&x.v) }

func (x *Uint32) Store(val uint32) { StoreUint32(&x.v, val) }

func (x *Uint32) Swap(new uint32) (old uint32) { return SwapUint32(&x.v, new) }

func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}

func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }

// Uint64 is an atomic uint64; its zero value is 0.
type Uint64 struct {
	v uint64
}

func (x *Uint64) Load() uint64 { return LoadUint64(&x.v) }

func (x *Uint64) Store(val uint64) { StoreUint64(&x.v, val) }

func (x *Uint64) Swap(new uint64) (old uint64) { return SwapUint64(&x.v, new) }

func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}

func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }

// Uintptr is an atomic uintptr; its zero value is 0.
type Uintptr struct {
	v uintptr
}

func (x *Uintptr) Load() uintptr { return LoadUintptr(&x.v) }

func (x *Uintptr) Store(val uintptr) { StoreUintptr(&x.v, val) }

func (x *Uintptr) Swap(new uintptr) (old uintptr) { return SwapUintptr(&x.v, new) }

func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}

func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }

// Bool is an atomic bool, kept as a uint32 (0 or 1) like Go's.
type Bool struct {
	v uint32
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func (x *Bool) Load() bool { return LoadUint32(&x.v) != 0 }

func (x *Bool) Store(val bool) { StoreUint32(&x.v, b32(val)) }

func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }

func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

// Pointer is Go 1.19's atomic pointer to a T. The subset has no unsafe.Pointer for the natives to work on,
// so (a simplification) the pointer word is guarded by a lock word taken with CompareAndSwapUint32: a Load
// is one indivisible read of the pointer word, Store, Swap and CompareAndSwap hold the lock. The value is
// two words where Go's is one.
type Pointer[T any] struct {
	mu uint32
	v  *T
}

func (x *Pointer[T]) lock() {
	for !CompareAndSwapUint32(&x.mu, 0, 1) {
		runtime.Gosched() // the holder was preempted inside its few instructions: let it finish
	}
}

func (x *Pointer[T]) unlock() { StoreUint32(&x.mu, 0) }

func (x *Pointer[T]) Load() *T { return x.v }

func (x *Pointer[T]) Store(val *T) {
	x.lock()
	x.v = val
	x.unlock()
}

func (x *Pointer[T]) Swap(new *T) (old *T) {
	x.lock()
	old = x.v
	x.v = new
	x.unlock()
	return old
}

func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	x.lock()
	swapped = x.v == old
	if swapped {
		x.v = new
	}
	x.unlock()
	return swapped
}
