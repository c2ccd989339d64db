package main

import (
	"encoding/json"
	"fmt"
)

type Code int
type Name string

func show(v any) {
	b, err := json.Marshal(v)
	fmt.Printf("%s %v\n", b, err)
}

func main() {
	// Keys are sorted as strings, byte by byte, whatever the key type.
	show(map[string]int{"banana": 1, "Apple": 2, "apple": 3, "cherry": 4, "": 5, "äpfel": 6, "10": 7, "9": 8})
	show(map[int]string{10: "ten", 9: "nine", -1: "minus one", 100: "hundred", 0: "zero"})
	show(map[uint8]bool{200: true, 3: false, 20: true})
	show(map[Code]string{404: "not found", 200: "ok", 1000: "x"})
	show(map[Name]int{"zed": 1, "amy": 2})
	show(map[string]map[string]int{"outer": {"z": 1, "a": 2}, "inner": {}})
	show(map[string][]string{"b": {"x"}, "a": nil})
	show(map[string]any{"n": 1, "s": "x", "l": []int{3}, "m": map[int]int{2: 4, 1: 3}, "nil": nil})
	var nilMap map[string]int
	show(nilMap)
	show(map[string]int{})

	// Unmarshal fills maps of any string or integer key type.
	var byCode map[Code]string
	err := json.Unmarshal([]byte(`{"404": "not found", "200": "ok"}`), &byCode)
	fmt.Println(err, byCode[404], byCode[200], len(byCode))
	var small map[int8]int
	err = json.Unmarshal([]byte(`{"1": 1, "300": 2, "x": 3}`), &small)
	fmt.Println(err, small)
	var u map[uint]string
	err = json.Unmarshal([]byte(`{"-1": "neg"}`), &u)
	fmt.Println(err, len(u))
	var nested map[string]map[string][]int
	err = json.Unmarshal([]byte(`{"a": {"x": [1, 2]}, "b": {}}`), &nested)
	fmt.Println(err, nested)
	show(nested)
}
