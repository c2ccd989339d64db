// Package io of the Go subset: the Writer, Reader and StringWriter interfaces, EOF and WriteString, so
// fmt.Fprint and friends can take os.Stdout, os.Stderr, a *strings.Builder or a user's writer.
package io

import "errors"

type Writer interface {
	Write(p []byte) (n int, err error)
}

type Reader interface {
	Read(p []byte) (n int, err error)
}

type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// EOF is the error Read returns when no more input is available.
var EOF = errors.New("EOF")

// WriteString writes s to w, through w's WriteString method if it has one.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}
