package main

import (
	"encoding/json"
	"fmt"
	"sort"
)

func describe(v any, indent string) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Printf("%sobject with %d keys\n", indent, len(x))
		for _, k := range keys {
			fmt.Printf("%s  %q:\n", indent, k)
			describe(x[k], indent+"    ")
		}
	case []any:
		fmt.Printf("%sarray of %d\n", indent, len(x))
		for _, e := range x {
			describe(e, indent+"  ")
		}
	case float64:
		fmt.Printf("%snumber %v\n", indent, x)
	case string:
		fmt.Printf("%sstring %q\n", indent, x)
	case bool:
		fmt.Printf("%sbool %v\n", indent, x)
	case nil:
		fmt.Printf("%snull\n", indent)
	default:
		fmt.Printf("%sother %T\n", indent, x)
	}
}

func main() {
	var v any
	err := json.Unmarshal([]byte(`{"id": 12, "price": 9.99, "big": 1e21, "tags": ["a", "b"],
		"ok": true, "none": null, "nested": {"x": [1, {"y": "z"}], "e": {}}, "neg": -0.5}`), &v)
	fmt.Println(err)
	describe(v, "")
	fmt.Println(v)
	fmt.Printf("%T %v\n", v.(map[string]any)["id"], v.(map[string]any)["id"])

	var list []any
	err = json.Unmarshal([]byte(`[1, "two", [3], {"four": 4}, false, null]`), &list)
	fmt.Println(err, len(list), cap(list))
	for _, e := range list {
		fmt.Printf("%T ", e)
	}
	fmt.Println()

	var m map[string]any
	err = json.Unmarshal([]byte(`{"a": 1, "a": 2, "b": [], "c": {}}`), &m)
	fmt.Println(err, m, len(m))
	fmt.Printf("%#v\n", m["b"])

	// A non-nil pointer in an interface is decoded through; anything else is replaced.
	var target struct{ Name string }
	var holder any = &target
	err = json.Unmarshal([]byte(`{"name": "via pointer"}`), &holder)
	fmt.Println(err, target.Name)
	var replaced any = 5
	err = json.Unmarshal([]byte(`"text"`), &replaced)
	fmt.Printf("%v %T\n", err, replaced)

	b, _ := json.Marshal(v)
	fmt.Println(string(b))
}
