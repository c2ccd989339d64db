package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Inner struct {
	Count int `json:"count"`
}

type Outer struct {
	Name  string  `json:"name"`
	Inner Inner   `json:"inner"`
	List  []Inner `json:"list"`
	Flag  bool
}

type Node struct {
	Next *Node
}

func report(err error) {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var inv *json.InvalidUnmarshalError
	switch {
	case errors.As(err, &syn):
		fmt.Printf("syntax at %d: %v\n", syn.Offset, err)
	case errors.As(err, &typ):
		fmt.Printf("type %s into %v at %d (%s.%s): %v\n", typ.Value, typ.Type, typ.Offset, typ.Struct, typ.Field, err)
	case errors.As(err, &inv):
		fmt.Printf("invalid: %v\n", err)
	default:
		fmt.Printf("other: %v\n", err)
	}
}

func main() {
	for _, s := range []string{`x`, `{"name" "a"}`, `{"name": "a",}`, `[1 2]`, `{`, ``, `   `, `"open`, `tru`,
		`nul`, `1 2`, `{1: 2}`, "\"ctl\x01\"", `"\q"`, `"\u12g4"`, `-`, `01`, `1.`, `1e+`, `[1,]`, `{"a":1}}`} {
		var v any
		report(json.Unmarshal([]byte(s), &v))
	}
	var o Outer
	report(json.Unmarshal([]byte(`{"name": 5}`), &o))
	report(json.Unmarshal([]byte(`{"inner": {"count": "many"}}`), &o))
	report(json.Unmarshal([]byte(`{"list": [{"count": 1}, {"count": true}]}`), &o))
	report(json.Unmarshal([]byte(`{"Flag": "yes", "name": "kept"}`), &o))
	fmt.Println(o.Name, o.List)
	report(json.Unmarshal([]byte(`[1, 2]`), &o))
	report(json.Unmarshal([]byte(`{"a": 1}`), &[]int{}))
	report(json.Unmarshal([]byte(`3.5`), new(int)))
	report(json.Unmarshal([]byte(`300`), new(uint8)))
	report(json.Unmarshal([]byte(`"s"`), new(float64)))
	report(json.Unmarshal([]byte(`{}`), nil))
	report(json.Unmarshal([]byte(`{}`), o))
	var np *Outer
	report(json.Unmarshal([]byte(`{}`), np))

	for _, v := range []any{make(chan int), func() {}, map[bool]int{}, complexless{}} {
		_, err := json.Marshal(v)
		var ut *json.UnsupportedTypeError
		fmt.Println(err, errors.As(err, &ut))
	}
	n := &Node{}
	n.Next = n
	_, err := json.Marshal(n)
	var uv *json.UnsupportedValueError
	fmt.Println(err, errors.As(err, &uv))
}

type complexless struct {
	C chan string
}
