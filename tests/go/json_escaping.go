package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	// Marshal escapes <, > and & for HTML, control characters, quotes and backslashes, U+2028 and
	// U+2029, and turns invalid UTF-8 into \ufffd; other non-ASCII text stays as it is.
	inputs := []string{
		`<script>alert("x")</script>`,
		"a & b",
		"tab\there\nnew line\r",
		"back\\slash and \"quotes\"",
		"bell\x07 null\x00 esc\x1b del\x7f",
		"line\u2028sep\u2029end",
		"héllo wörld 你好 😀",
		"bad \xff\xfe utf8 \xe4\xbd",
		"/slash/ 'single'",
	}
	for _, s := range inputs {
		b, _ := json.Marshal(s)
		fmt.Println(string(b))
	}
	b, _ := json.Marshal(map[string]string{"<key>": "&value"})
	fmt.Println(string(b))

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"<key>": "&value", "x": "\u2028"})

	var buf bytes.Buffer
	json.HTMLEscape(&buf, []byte(`{"a":"<b>&</b>"}`))
	fmt.Println(buf.String())

	// Unmarshal decodes every escape, surrogate pairs included; a lone surrogate becomes U+FFFD.
	var s string
	for _, in := range []string{`"\u0041\u00e9\u4f60\ud83d\ude00"`, `"\/\b\f\n\r\t\"\\"`, `"\ud800x"`,
		`"\udc00\ud800"`, "\"raw \xff byte\"", `"\u003cok\u003e"`} {
		err := json.Unmarshal([]byte(in), &s)
		fmt.Printf("%q %v\n", s, err)
	}

	buf.Reset()
	err := json.Compact(&buf, []byte("{ \"a\" : [ 1, 2 ],\n \"b\" : \"<x>\" }"))
	fmt.Println(buf.String(), err)
	buf.Reset()
	err = json.Indent(&buf, []byte(`{"a":[1,{"b":null}],"c":{}}`), "", "  ")
	fmt.Println(buf.String(), err)
	fmt.Println(json.Valid([]byte(`{"a": [1, 2]}`)), json.Valid([]byte(`{"a": [1, 2}`)), json.Valid(nil))
}
