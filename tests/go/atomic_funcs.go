package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var i32 int32
	var i64 int64 = 100
	var u32 uint32
	var u64 uint64 = 1 << 40
	fmt.Println(atomic.AddInt32(&i32, 5), atomic.AddInt32(&i32, -7))
	fmt.Println(atomic.AddInt64(&i64, 1), atomic.LoadInt64(&i64))
	fmt.Println(atomic.AddUint32(&u32, 1), atomic.AddUint32(&u32, ^uint32(0)), atomic.AddUint32(&u32, ^uint32(0)))
	fmt.Println(atomic.AddUint64(&u64, 1), atomic.LoadUint64(&u64))
	atomic.StoreInt32(&i32, 42)
	atomic.StoreUint64(&u64, 7)
	fmt.Println(atomic.LoadInt32(&i32), atomic.LoadUint32(&u32), u64)
	fmt.Println(atomic.SwapInt64(&i64, -1), i64, atomic.SwapUint32(&u32, 9), u32)
	fmt.Println(atomic.SwapInt32(&i32, 0), atomic.SwapUint64(&u64, 8), u64)
	fmt.Println(atomic.CompareAndSwapInt64(&i64, -1, 50), i64)
	fmt.Println(atomic.CompareAndSwapInt64(&i64, -1, 60), i64)
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 0, 1), atomic.CompareAndSwapUint32(&u32, 8, 0), atomic.CompareAndSwapUint64(&u64, 8, 0), i32, u32, u64)
	var max int32 = 2147483647
	fmt.Println(atomic.AddInt32(&max, 1))
	atomic.StoreInt64(&i64, 3)
	atomic.StoreUint32(&u32, 4)
	fmt.Println(atomic.LoadInt64(&i64), atomic.LoadUint32(&u32))
}
