// Package runtime/debug of the Go subset: Stack, SetGCPercent and FreeOSMemory.
package debug

import "runtime"

// Stack returns a formatted stack trace of the goroutine that calls it (runtime.Stack with a buffer large
// enough for the whole trace).
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// SetGCPercent sets the garbage collection target percentage (GOGC): a collection is triggered when the ratio
// of freshly allocated data to live data remaining after the previous collection reaches this percentage. A
// negative percentage disables the collector. It returns the previous setting.
func SetGCPercent(percent int) int {
	return setGCPercent(percent)
}

// setGCPercent is served by the interpreter.
func setGCPercent(percent int) int

// FreeOSMemory forces a garbage collection (the simulated heap gives freed pages back as it sweeps).
func FreeOSMemory() {
	runtime.GC()
}
