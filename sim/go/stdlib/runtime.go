// Package runtime of the Go subset: the scheduler controls the interpreter serves, the error types of
// run-time panics, and the helpers the compiler lowers builtin print/println to.
package runtime

// Served by the interpreter (they act on the scheduler).
func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs: the simulated machine's cores (--cores), or GOMAXPROCS on the
// flat model, where each P has a CPU of its own.
func NumCPU() int

// Breakpoint executes a breakpoint trap: with no debugger attached the program dies of SIGTRAP, as Go's does.
func Breakpoint()

// KeepAlive marks its argument as reachable up to this point. Gopherbus keeps every slot of a live frame
// reachable, so nothing a frame holds becomes unreachable early and there is nothing left for it to do.
func KeepAlive(x any) {}

// The operating system, architecture and toolchain the program is built for (the simulated machine is
// linux/amd64, as the oracle's).
const GOOS string = "linux"
const GOARCH string = "amd64"
const Compiler = "gc"


// Stack formats a stack trace of the calling goroutine into buf and returns the number of bytes written to
// buf. If all is true, Stack formats stack traces of all other goroutines into buf after the trace for the
// current goroutine. The format is Go's ("goroutine 6 [running]:", a function line and a file:line +0x...
// line per frame, "created by ..."); arguments print as (...), and offsets are bytecode offsets.
func Stack(buf []byte, all bool) int {
	return copy(buf, stack(all))
}

// stack returns the text Stack copies (served by the interpreter; it leaves out Stack's own frame).
func stack(all bool) string

// Error is the type of a run-time panic's value: recover() returns one for an index out of range, a nil
// dereference, a failed type assertion and the like.
type Error interface {
	error
	RuntimeError()
}

// errorString is the value of most run-time panics ("runtime error: index out of range [5] with length 3").
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// boundsError is the value of an index or slice bounds panic ("runtime error: index out of range [5] with
// length 3"); %T prints runtime.boundsError as in Go. (Go keeps the operands and builds the text in Error;
// the interpreter builds the text.)
type boundsError string

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	return "runtime error: " + string(e)
}

// plainError is a run-time panic printed without the "runtime error: " prefix
// ("assignment to entry in nil map", "send on closed channel").
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// TypeAssertionError reports a failed x.(T); the interpreter builds msg as Go words it
// ("interface conversion: interface {} is string, not int").
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	return e.msg
}

// Builtin print and println: the compiler turns each argument into one of these calls (println adds
// printsp between arguments and printnl at the end). All write to standard error, formatted as gc's runtime.
func printbool(b bool)
func printint(v int64)
func printuint(v uint64)
func printfloat(v float64)
func printstring(s string)
func printpointer(p uintptr)
func printiface(typ uintptr, data uintptr)
func printslice(s []byte)
func printsp()
func printnl()
