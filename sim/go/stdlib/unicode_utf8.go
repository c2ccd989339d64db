// Package unicode/utf8 of the Go subset: decoding and encoding UTF-8. The scanning functions are native.
package utf8

const (
	RuneError = '\uFFFD'     // the "error" rune, U+FFFD
	RuneSelf  = 0x80         // runes below this are one byte, the byte itself
	MaxRune   = '\U0010FFFF' // the largest valid code point
	UTFMax    = 4            // the most bytes of one encoded rune
)

// Natives over strings.
func RuneCountInString(s string) (n int)
func DecodeRuneInString(s string) (r rune, size int)
func DecodeLastRuneInString(s string) (r rune, size int)
func ValidString(s string) bool
func FullRuneInString(s string) bool

// Natives over byte slices.
func RuneCount(p []byte) int
func DecodeRune(p []byte) (r rune, size int)
func DecodeLastRune(p []byte) (r rune, size int)
func Valid(p []byte) bool

// EncodeRune writes the UTF-8 encoding of r (RuneError if r is not valid) into p, which must be large
// enough, and returns the number of bytes written.
func EncodeRune(p []byte, r rune) int {
	s := string(r) // the conversion already maps invalid runes to RuneError
	for i := 0; i < len(s); i++ {
		p[i] = s[i]
	}
	return len(s)
}

// AppendRune appends the UTF-8 encoding of r to p.
func AppendRune(p []byte, r rune) []byte {
	return append(p, string(r)...)
}

// RuneLen returns the number of bytes needed to encode r, or -1 if r is not a valid rune.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case 0xD800 <= r && r <= 0xDFFF:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// ValidRune reports whether r is a code point UTF-8 can encode (not a surrogate, not beyond MaxRune).
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < 0xD800:
		return true
	case 0xDFFF < r && r <= MaxRune:
		return true
	}
	return false
}

// RuneStart reports whether b could be the first byte of an encoded rune.
func RuneStart(b byte) bool {
	return b&0xC0 != 0x80
}
