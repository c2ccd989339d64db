// Package strconv of the Go subset: integer, bool and float conversions with Go's *NumError values, and
// Quote. The digit work is native.
package strconv

import "errors"

// IntSize is the size in bits of an int.
const IntSize = 64

var ErrRange = errors.New("value out of range")
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion: `strconv.Atoi: parsing "x": invalid syntax`.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error {
	return e.Err
}

// Natives for parsing. The status is 0 (ok), 1 (syntax error), 2 (out of range; the value is clamped as
// Go's), 3 (invalid base), 4 (invalid bit size).
func parseInt(s string, base int, bitSize int) (int64, int)
func parseUint(s string, base int, bitSize int) (uint64, int)
func parseFloat(s string, bitSize int) (float64, int)

func numError(fn, s string, status int, base int, bitSize int) error {
	switch status {
	case 1:
		return &NumError{fn, s, ErrSyntax}
	case 2:
		return &NumError{fn, s, ErrRange}
	case 3:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	case 4:
		return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	return nil
}

func ParseInt(s string, base int, bitSize int) (int64, error) {
	v, status := parseInt(s, base, bitSize)
	if status != 0 {
		return v, numError("ParseInt", s, status, base, bitSize)
	}
	return v, nil
}

func ParseUint(s string, base int, bitSize int) (uint64, error) {
	v, status := parseUint(s, base, bitSize)
	if status != 0 {
		return v, numError("ParseUint", s, status, base, bitSize)
	}
	return v, nil
}

func Atoi(s string) (int, error) {
	v, status := parseInt(s, 10, 0)
	if status != 0 {
		return int(v), numError("Atoi", s, status, 10, 0)
	}
	return int(v), nil
}

func ParseFloat(s string, bitSize int) (float64, error) {
	v, status := parseFloat(s, bitSize)
	if status != 0 {
		return v, numError("ParseFloat", s, status, 10, bitSize)
	}
	return v, nil
}

func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// Natives for formatting. FormatInt and FormatUint panic for a base outside 2..36; FormatFloat takes
// Go's format bytes 'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X' with precision -1 for the shortest form.
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string

func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Natives for quoting, as %q prints.
func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteRune(r rune) string
func QuoteRuneToASCII(r rune) string

// Unquote interprets a Go string literal: "..." with escapes, `...`, or '.'.
func Unquote(s string) (string, error) {
	t, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return t, nil
}

func unquote(s string) (string, bool)

// The Append forms add the formatted text to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}
