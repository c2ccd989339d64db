// Package io of the Go subset: the Writer, Reader and StringWriter interfaces, EOF, WriteString, ReadFull and
// ReadAtLeast, so fmt.Fprint and friends can take os.Stdout, os.Stderr, a *strings.Builder or a user's writer.
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

// ErrUnexpectedEOF means EOF came in the middle of a fixed-size read.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrShortBuffer means a read needed a longer buffer than the one given.
var ErrShortBuffer = errors.New("short buffer")

// ReadAtLeast reads from r into buf until it has at least min bytes. Fewer bytes are an error: EOF when none
// came, ErrUnexpectedEOF when some did; a buffer shorter than min is ErrShortBuffer.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if min > len(buf) {
		return 0, ErrShortBuffer
	}
	for err == nil && n < min {
		got, e := r.Read(buf[n:])
		n += got
		err = e
	}
	switch {
	case n >= min:
		err = nil
	case n > 0 && err == EOF:
		err = ErrUnexpectedEOF
	}
	return n, err
}

// ReadFull reads exactly len(buf) bytes from r into buf (ReadAtLeast with min = len(buf)).
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// WriteString writes s to w, through w's WriteString method if it has one.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}
