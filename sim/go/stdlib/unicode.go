// Package unicode of the Go subset: the character classes and case mappings of Go 1.19's Unicode 13 tables
// (natives), and the constants.
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsPunct(r rune) bool
func IsSpace(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool
func IsMark(r rune) bool
func IsSymbol(r rune) bool

// IsControl reports whether r is a C0 or C1 control character.
func IsControl(r rune) bool {
	return uint32(r) <= MaxLatin1 && (uint32(r) < 0x20 || 0x7F <= r && r <= 0x9F)
}

func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune
