// Package errors of the Go subset: New, and the wrapping helpers fmt.Errorf's %w relies on.
package errors

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// New returns an error whose Error method gives text; every call gives a distinct error.
func New(text string) error {
	return &errorString{text}
}
