// Package fmt of the Go subset: the Print, Sprint, Fprint and Errorf families. Formatting itself (verbs, flags,
// walking values by their run-time type, Stringer and error dispatch) is native.
package fmt

import (
	"errors"
	"io"
)

// Stringer is implemented by a value with a String method; %v and friends print its result.
type Stringer interface {
	String() string
}

// GoStringer is implemented by a value with a GoString method (used by %#v).
type GoStringer interface {
	GoString() string
}

// Natives.
func Sprint(a ...any) string
func Sprintf(format string, a ...any) string
func Sprintln(a ...any) string

// sprintfWrap formats like Sprintf with Errorf's %w rule and returns the index in a of the operand the
// one valid %w verb named, or -1 when there is none.
func sprintfWrap(format string, a []any) (string, int)

// writeStdout writes s to the program's standard output.
func writeStdout(s string)

func Print(a ...any) (n int, err error) {
	s := Sprint(a...)
	writeStdout(s)
	return len(s), nil
}

func Println(a ...any) (n int, err error) {
	s := Sprintln(a...)
	writeStdout(s)
	return len(s), nil
}

func Printf(format string, a ...any) (n int, err error) {
	s := Sprintf(format, a...)
	writeStdout(s)
	return len(s), nil
}

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Errorf formats like Sprintf. When the format has a %w verb whose operand is an error, the result also
// has an Unwrap method returning that operand.
func Errorf(format string, a ...any) error {
	s, w := sprintfWrap(format, a)
	if w < 0 {
		return errors.New(s)
	}
	return &wrapError{s, a[w].(error)}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}
