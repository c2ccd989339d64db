// Package runtime/debug of the Go subset: Stack.
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
