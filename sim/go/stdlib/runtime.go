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

// GC runs a garbage collection and blocks the caller until it is complete. In Gopherbus the cycle runs with
// the world stopped at the next instruction boundary.
func GC()

// SetFinalizer sets the finalizer associated with obj to the provided finalizer function. When the collector
// finds an unreachable object with an associated finalizer, it clears the association and runs finalizer(obj)
// in the finalizer goroutine; the object is freed by a later cycle, once it is unreachable again. obj must be a
// pointer to an object allocated by new, a composite literal's address or make; a nil finalizer clears it.
func SetFinalizer(obj any, finalizer any)

// MemProfileRate controls the fraction of memory allocations that are recorded and reported in the memory
// profile. Gopherbus keeps no memory profile: the variable is there for programs that set it.
var MemProfileRate int = 512 * 1024

// gcBgMarkWorker is the body of a background mark worker goroutine (mgc.go's): while the collector marks, each
// call of gcMarkWorkerStep scans a few grey objects; the worker that finds none left ends the mark phase. Between
// cycles the worker is parked ("GC worker (idle)"). Served by the interpreter.
func gcBgMarkWorker() {
	for {
		gcMarkWorkerStep()
	}
}

func gcMarkWorkerStep()

// A MemStats records statistics about the memory allocator (Go's struct, field for field). Gopherbus fills
// Alloc, TotalAlloc, Sys, Mallocs, Frees, HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapObjects, NextGC, LastGC,
// PauseTotalNs, PauseNs, PauseEnd, NumGC, NumForcedGC and EnableGC; sizes are of the simulated heap, 8 bytes
// a word, and pauses are the model's.
type MemStats struct {
	Alloc        uint64
	TotalAlloc   uint64
	Sys          uint64
	Lookups      uint64
	Mallocs      uint64
	Frees        uint64
	HeapAlloc    uint64
	HeapSys      uint64
	HeapIdle     uint64
	HeapInuse    uint64
	HeapReleased uint64
	HeapObjects  uint64
	StackInuse   uint64
	StackSys     uint64
	MSpanInuse   uint64
	MSpanSys     uint64
	MCacheInuse  uint64
	MCacheSys    uint64
	BuckHashSys  uint64
	GCSys        uint64
	OtherSys     uint64
	NextGC       uint64
	LastGC       uint64
	PauseTotalNs uint64
	PauseNs      [256]uint64
	PauseEnd     [256]uint64
	NumGC        uint32
	NumForcedGC  uint32
	GCCPUFraction float64
	EnableGC     bool
	DebugGC      bool
	BySize       [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m with memory allocator statistics, as of the last allocation or collection.
func ReadMemStats(m *MemStats) {
	readMemStats(m)
}

// readMemStats is served by the interpreter: it stores each figure in the field of that name.
func readMemStats(m *MemStats)

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


// Goexit terminates the goroutine that calls it. No other goroutine is affected. Goexit runs all deferred
// calls before terminating the goroutine; recover in them returns nil. Goexit in the main goroutine ends it
// without ending the program: the others go on, and when none is left Go reports
// "no goroutines (main called runtime.Goexit) - deadlock!".
func Goexit()

// Caller reports file and line number information about function invocations on the calling goroutine's
// stack. The argument skip is the number of stack frames to ascend, with 0 identifying the caller of Caller.
// PCs are Gopherbus's own encoding (function and bytecode offset); FuncForPC and CallersFrames decode them.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	rpc := make([]uintptr, 1)
	n := callers(skip+1, rpc)
	if n < 1 {
		return
	}
	frame, _ := CallersFrames(rpc).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Callers fills the slice pc with the return program counters of function invocations on the calling
// goroutine's stack. The argument skip is the number of stack frames to skip before recording in pc, with 0
// identifying the frame for Callers itself and 1 identifying the caller of Callers. It returns the number of
// entries written to pc.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, pc)
}

// callers and funcInfo are served by the interpreter: the goroutine's frames as PCs (runtime.main and
// runtime.goexit included, a runtime.gopanic under a deferred call run by a panic), and a PC's function name,
// file, line and entry (entry 0: no function there).
func callers(skip int, pcs []uintptr) int
func funcInfo(pc uintptr) (name string, file string, line int, entry uintptr)

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the given program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry := funcInfo(pc)
	if entry == 0 {
		return nil
	}
	return &Func{name: name, entry: entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	return f.entry
}

// FileLine returns the file name and line number of the source code corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _ = funcInfo(pc)
	return
}

// Frames may be used to get function/file/line information for a slice of PC values returned by Callers.
type Frames struct {
	callers []uintptr
	frames  []Frame
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames takes a slice of PCs returned by Callers and prepares to return function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns a Frame representing the next call frame in the slice of PC values, and whether there is a
// frame after it (symtab.go: it looks one valid frame ahead).
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.frames) < 2 {
		if len(ci.callers) == 0 {
			break
		}
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		name, _, _, entry := funcInfo(pc)
		if entry == 0 {
			continue
		}
		if pc > entry {
			pc-- // the return address's call instruction
		}
		ci.frames = append(ci.frames, Frame{PC: pc, Func: &Func{name: name, entry: entry}, Function: name, Entry: entry})
	}
	if len(ci.frames) == 0 {
		return
	}
	frame = ci.frames[0]
	ci.frames = ci.frames[1:]
	more = len(ci.frames) > 0
	_, frame.File, frame.Line, _ = funcInfo(frame.PC)
	return
}

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
func printcomplex(c complex128)
func printstring(s string)
func printpointer(p uintptr)
func printiface(typ uintptr, data uintptr)
func printslice(s []byte)
func printsp()
func printnl()
