// Package encoding/json of the Go subset: Marshal, MarshalIndent, Unmarshal, Valid, Indent, Compact,
// HTMLEscape, Encoder, Number and Go's error types. The subset has no package reflect, so walking a value by
// its type (struct tags, omitempty, embedded fields, map keys, interfaces) is native C++ over the type table
// (scheduler/vm/natives/json*.cpp), following Go 1.19's encode.go, decode.go and scanner.go. Not simulated:
// Marshaler, Unmarshaler and the encoding.Text interfaces (a type with such a method, and time.Time, gets an
// error instead of Go's output), RawMessage, Decoder, and the reflect.Value in UnsupportedValueError.
package json

import (
	"bytes"
	"errors"
	"io"
	"strconv"
)

// Natives.
func marshal(v any, escapeHTML bool) (s string, kind int, detail string)
func unmarshal(data []byte, v any, objects any, arrays any) (kind int, msg string, value string, typ string, offset int64, strct string, field string)
func indentText(src []byte, prefix, indent string) (out string, msg string, offset int64)
func compactText(src []byte, escapeHTML bool) (out string, msg string, offset int64)

// Valid reports whether data is a valid JSON encoding.
func Valid(data []byte) bool

// Marshal returns the JSON encoding of v.
func Marshal(v any) ([]byte, error) {
	s, err := encode(v, true)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// MarshalIndent is like Marshal but applies Indent to format the output.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	out, _, _ := indentText(b, prefix, indent)
	return []byte(out), nil
}

func encode(v any, escapeHTML bool) (string, error) {
	s, kind, detail := marshal(v, escapeHTML)
	switch kind {
	case 1:
		return "", &UnsupportedTypeError{Type: reflectType(detail)}
	case 2:
		return "", &UnsupportedValueError{Str: detail}
	case 3:
		return "", errors.New(detail)
	}
	return s, nil
}

// Unmarshal parses the JSON-encoded data and stores the result in the value pointed to by v.
func Unmarshal(data []byte, v any) error {
	kind, msg, value, typ, offset, strct, field := unmarshal(data, v, map[string]any(nil), []any(nil))
	switch kind {
	case 1:
		return &SyntaxError{msg: msg, Offset: offset}
	case 2:
		return &UnmarshalTypeError{Value: value, Type: reflectType(typ), Offset: offset, Struct: strct, Field: field}
	case 3:
		return &InvalidUnmarshalError{Type: reflectType(typ), pointer: msg == "nil"}
	case 4:
		return errors.New(msg)
	}
	return nil
}

// Indent appends to dst an indented form of the JSON-encoded src.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	out, msg, offset := indentText(src, prefix, indent)
	if msg != "" {
		return &SyntaxError{msg: msg, Offset: offset}
	}
	dst.WriteString(out)
	return nil
}

// Compact appends to dst the JSON-encoded src with insignificant space characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	out, msg, offset := compactText(src, false)
	if msg != "" {
		return &SyntaxError{msg: msg, Offset: offset}
	}
	dst.WriteString(out)
	return nil
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and U+2029 characters inside string
// literals changed to \u003c, \u003e, \u0026, \u2028, \u2029.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	const hex = "0123456789abcdef"
	start := 0
	for i, c := range src {
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.WriteString(`\u00`)
			dst.WriteByte(hex[c>>4])
			dst.WriteByte(hex[c&0xF])
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.WriteString(`\u202`)
			dst.WriteByte(hex[src[i+2]&0xF])
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

// An Encoder writes JSON values to an output stream.
type Encoder struct {
	w            io.Writer
	err          error
	escapeHTML   bool
	indentPrefix string
	indentValue  string
}

// NewEncoder returns a new encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, escapeHTML: true}
}

// Encode writes the JSON encoding of v to the stream, followed by a newline character.
func (enc *Encoder) Encode(v any) error {
	if enc.err != nil {
		return enc.err
	}
	s, err := encode(v, enc.escapeHTML)
	if err != nil {
		return err
	}
	if enc.indentPrefix != "" || enc.indentValue != "" {
		s, _, _ = indentText([]byte(s), enc.indentPrefix, enc.indentValue)
	}
	if _, err = enc.w.Write([]byte(s + "\n")); err != nil {
		enc.err = err
	}
	return err
}

// SetIndent instructs the encoder to format each subsequent encoded value as if indented by MarshalIndent.
func (enc *Encoder) SetIndent(prefix, indent string) {
	enc.indentPrefix = prefix
	enc.indentValue = indent
}

// SetEscapeHTML specifies whether problematic HTML characters should be escaped inside JSON quoted strings.
func (enc *Encoder) SetEscapeHTML(on bool) {
	enc.escapeHTML = on
}

// A Number represents a JSON number literal.
type Number string

// String returns the literal text of the number.
func (n Number) String() string { return string(n) }

// Float64 returns the number as a float64.
func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(string(n), 64)
}

// Int64 returns the number as an int64.
func (n Number) Int64() (int64, error) {
	return strconv.ParseInt(string(n), 10, 64)
}

// reflectType stands in for reflect.Type in the error types (the subset has no package reflect): the type as
// reflect's String method writes it ("int", "main.T", "map[string]interface {}").
type reflectType string

func (t reflectType) String() string { return string(t) }

// A SyntaxError is a description of a JSON syntax error.
type SyntaxError struct {
	msg    string // description of error
	Offset int64  // error occurred after reading Offset bytes
}

func (e *SyntaxError) Error() string { return e.msg }

// An UnmarshalTypeError describes a JSON value that was not appropriate for a value of a specific Go type.
type UnmarshalTypeError struct {
	Value  string      // description of JSON value - "bool", "array", "number -5"
	Type   reflectType // type of Go value it could not be assigned to
	Offset int64       // error occurred after reading Offset bytes
	Struct string      // name of the struct type containing the field
	Field  string      // the full path from root node to the field
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type.String()
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type.String()
}

// An InvalidUnmarshalError describes an invalid argument passed to Unmarshal.
type InvalidUnmarshalError struct {
	Type    reflectType
	pointer bool
}

func (e *InvalidUnmarshalError) Error() string {
	if e.Type == "" {
		return "json: Unmarshal(nil)"
	}
	if !e.pointer {
		return "json: Unmarshal(non-pointer " + e.Type.String() + ")"
	}
	return "json: Unmarshal(nil " + e.Type.String() + ")"
}

// An UnsupportedTypeError is returned by Marshal when attempting to encode an unsupported value type.
type UnsupportedTypeError struct {
	Type reflectType
}

func (e *UnsupportedTypeError) Error() string {
	return "json: unsupported type: " + e.Type.String()
}

// An UnsupportedValueError is returned by Marshal when attempting to encode an unsupported value.
type UnsupportedValueError struct {
	Str string
}

func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + e.Str
}
