// Package errors of the Go subset: New, and Unwrap, Is and As over chains of wrapped errors (fmt.Errorf's %w).
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

// Unwrap returns the result of err's Unwrap method, or nil when err has none.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's chain equals target or has an Is method that says so.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	canCompare := isComparable(target)
	for {
		if canCompare && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		err = Unwrap(err)
		if err == nil {
			return false
		}
	}
}

// As finds the first error in err's chain that can be assigned to the variable target points to (a
// concrete type equal to the error's dynamic type, or an interface type it implements), stores it there
// and reports true; an error's own As(any) bool method is consulted too.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	checkAsTarget(target)
	for err != nil {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}

// Natives: whether v's dynamic type is comparable with ==; As's checks on its target (panics
// "errors: target must be a non-nil pointer" and "errors: *target must be interface or implement error");
// and the assignment *target = err when err's dynamic type fits the target's element type.
func isComparable(v any) bool
func checkAsTarget(target any)
func assignTo(err error, target any) bool
