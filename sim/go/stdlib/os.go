// Package os of the Go subset: Exit, which ends the program at once with the given status (deferred calls
// do not run), Stdout and Stderr as writers for fmt.Fprint and friends, Args, and the environment (Getenv,
// LookupEnv, Environ: empty unless the run sets variables).
package os

func Exit(code int)

// Args holds the command-line arguments, starting with the program name ("main"; `gopherbus-cli run prog.go
// a b` gives the rest).
var Args = runtimeArgs()

func runtimeArgs() []string {
	args := make([]string, runtime_argc())
	for i := range args {
		args[i] = runtime_argv(i)
	}
	return args
}

// The process's argument count and arguments (served by the interpreter).
func runtime_argc() int
func runtime_argv(i int) string

// The environment's entries, "KEY=value" each (served by the interpreter: empty unless `gopherbus-cli run
// --env` set some).
func runtime_envc() int
func runtime_envv(i int) string

// Getenv returns the value of an environment variable, "" when it is not set.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv returns the value of an environment variable and whether it is set. As Go's, the first entry for a
// key wins.
func LookupEnv(key string) (string, bool) {
	n := runtime_envc()
	for i := 0; i < n; i++ {
		kv := runtime_envv(i)
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// Environ returns a copy of the environment's "KEY=value" entries.
func Environ() []string {
	env := make([]string, runtime_envc())
	for i := range env {
		env[i] = runtime_envv(i)
	}
	return env
}

// A File is one of the standard output streams.
type File struct {
	fd   int
	name string
}

var (
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

// write sends s to standard output (fd 1) or standard error (fd 2). Native.
func write(fd int, s string)

func (f *File) Write(b []byte) (n int, err error) {
	write(f.fd, string(b))
	return len(b), nil
}

func (f *File) WriteString(s string) (n int, err error) {
	write(f.fd, s)
	return len(s), nil
}

func (f *File) Name() string {
	return f.name
}
