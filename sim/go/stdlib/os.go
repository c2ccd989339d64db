// Package os of the Go subset: only Exit, which ends the program at once with the given status (deferred
// calls do not run).
package os

func Exit(code int)
