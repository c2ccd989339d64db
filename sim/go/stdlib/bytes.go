// Package bytes of the Go subset: Buffer, and the byte-slice counterparts of the strings functions (written
// over package strings: the simulator copies the bytes where Go would not).
package bytes

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// MinRead is the minimum slice size ReadFrom passes to Read (kept for API compatibility).
const MinRead = 512

// ErrTooLarge is the panic value when a Buffer cannot grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

// A Buffer is a variable-sized buffer of bytes with Write and Read methods; the zero value is empty.
type Buffer struct {
	buf []byte // contents are buf[off:]
	off int
}

// NewBuffer returns a Buffer whose initial contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose initial contents are s.
func NewBufferString(s string) *Buffer { return &Buffer{buf: []byte(s)} }

func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String returns the unread contents; "<nil>" for a nil *Buffer, as Go.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

func (b *Buffer) Len() int { return len(b.buf) - b.off }
func (b *Buffer) Cap() int { return cap(b.buf) }

func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
}

// Truncate keeps the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		grown := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(grown, b.buf)
		b.buf = grown
	}
}

func (b *Buffer) Write(p []byte) (n int, err error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Buffer) WriteString(s string) (n int, err error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

func (b *Buffer) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

func (b *Buffer) WriteRune(r rune) (n int, err error) {
	s := string(r)
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// Read reads up to len(p) bytes; io.EOF when the buffer is empty (and p is not).
func (b *Buffer) Read(p []byte) (n int, err error) {
	if b.off >= len(b.buf) {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	return n, nil
}

func (b *Buffer) ReadByte() (byte, error) {
	if b.off >= len(b.buf) {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	return c, nil
}

func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.off >= len(b.buf) {
		b.Reset()
		return 0, 0, io.EOF
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	return r, size, nil
}

// ReadString reads through the first delim, returning the text including it (io.EOF if delim is missing).
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	rest := b.buf[b.off:]
	i := IndexByte(rest, delim)
	end := i + 1
	if i < 0 {
		end = len(rest)
		err = io.EOF
	}
	line = string(rest[:end])
	b.off += end
	return line, err
}

// Next returns the next n unread bytes (fewer if the buffer is shorter), advancing past them.
func (b *Buffer) Next(n int) []byte {
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	return data
}

// [SECTION] Functions (over package strings)

func Equal(a, b []byte) bool      { return string(a) == string(b) }
func Compare(a, b []byte) int     { return strings.Compare(string(a), string(b)) }
func Contains(b, sub []byte) bool { return strings.Contains(string(b), string(sub)) }
func ContainsRune(b []byte, r rune) bool {
	return strings.ContainsRune(string(b), r)
}
func Count(s, sep []byte) int { return strings.Count(string(s), string(sep)) }
func HasPrefix(s, prefix []byte) bool {
	return strings.HasPrefix(string(s), string(prefix))
}
func HasSuffix(s, suffix []byte) bool {
	return strings.HasSuffix(string(s), string(suffix))
}
func Index(s, sep []byte) int { return strings.Index(string(s), string(sep)) }
func IndexByte(b []byte, c byte) int {
	for i := 0; i < len(b); i++ {
		if b[i] == c {
			return i
		}
	}
	return -1
}
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }
func LastIndex(s, sep []byte) int    { return strings.LastIndex(string(s), string(sep)) }
func EqualFold(s, t []byte) bool     { return strings.EqualFold(string(s), string(t)) }
func ToUpper(s []byte) []byte        { return []byte(strings.ToUpper(string(s))) }
func ToLower(s []byte) []byte        { return []byte(strings.ToLower(string(s))) }
func TrimSpace(s []byte) []byte      { return []byte(strings.TrimSpace(string(s))) }
func Trim(s []byte, cutset string) []byte {
	return []byte(strings.Trim(string(s), cutset))
}
func Repeat(b []byte, count int) []byte { return []byte(strings.Repeat(string(b), count)) }

func Fields(s []byte) [][]byte {
	return toSlices(strings.Fields(string(s)))
}

func Split(s, sep []byte) [][]byte {
	return toSlices(strings.Split(string(s), string(sep)))
}

func toSlices(parts []string) [][]byte {
	out := make([][]byte, len(parts))
	for i, p := range parts {
		out[i] = []byte(p)
	}
	return out
}

func Join(s [][]byte, sep []byte) []byte {
	parts := make([]string, len(s))
	for i, p := range s {
		parts[i] = string(p)
	}
	return []byte(strings.Join(parts, string(sep)))
}

func ReplaceAll(s, old, new []byte) []byte {
	return []byte(strings.ReplaceAll(string(s), string(old), string(new)))
}

func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}
