// The collector and string bytes: strings made at run time (concatenation, fmt, strconv, conversions from
// bytes and runes, strings.Builder, Repeat) are heap objects that die with their last reference. GOGC=1 runs a
// cycle every few allocations while substrings outlive the strings they were cut from, and strings sit in
// structs, slices, maps (as keys and values), interfaces, closures, channels and package variables. Every string
// must keep its bytes; the heap must stay near what is live although far more is made in total.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

type entry struct {
	name string
	tags []string
}

var global string
var keep []string

func sum(s string) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += int(s[i])
	}
	return t
}

// A substring of a long string that is dropped at once: only the tail stays reachable.
func tail(i int) string {
	long := strings.Repeat("x", 200) + "-tail-" + strconv.Itoa(i)
	return long[200:]
}

func main() {
	debug.SetGCPercent(1)

	// Concatenation in a loop: each step's string is garbage by the next.
	s := ""
	for i := 0; i < 300; i++ {
		s += string(rune('a' + i%26))
	}
	fmt.Println(len(s), s[:30], sum(s))

	// Substrings outlive their parents.
	var tails []string
	for i := 0; i < 2000; i++ {
		t := tail(i)
		if i%400 == 0 {
			tails = append(tails, t)
		}
	}
	fmt.Println(tails)

	// Strings in structs, slices, maps, interfaces, closures and channels.
	m := map[string]entry{}
	for i := 0; i < 3000; i++ {
		k := fmt.Sprintf("key-%04d", i%50)
		m[k] = entry{name: "name-" + strconv.Itoa(i), tags: []string{strings.ToUpper(k), string([]byte{'b', byte('0' + i%10)})}}
	}
	fmt.Println(len(m), m["key-0007"], m["key-0049"])

	var boxes []interface{}
	var fns []func() string
	ch := make(chan string, 8)
	for i := 0; i < 4000; i++ {
		v := strconv.Itoa(i * i)
		r := string([]rune{'é', rune('0' + i%10)})
		if i%1000 == 0 {
			boxes = append(boxes, v, r)
			fns = append(fns, func() string { return v + "/" + r })
			ch <- strings.Repeat(r, 3)
		}
	}
	close(ch)
	fmt.Println(boxes...)
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for x := range ch {
		fmt.Print(x, " ")
	}
	fmt.Println()

	// A builder and package variables.
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString(strconv.Itoa(i % 7))
		if i%100 == 0 {
			global = b.String()
			keep = append(keep, global[len(global)-1:])
		}
	}
	fmt.Println(len(b.String()), global, keep)

	// Many short-lived strings: far more made than the heap holds at the end.
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	total := 0
	for i := 0; i < 20000; i++ {
		line := fmt.Sprint("payment ", i, " of ", strings.Repeat("#", 50))
		total += len(line)
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	made := after.TotalAlloc - before.TotalAlloc
	fmt.Println(total, made > uint64(total), after.HeapAlloc < uint64(total)/4)
}
