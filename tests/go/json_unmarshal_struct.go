package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip"`
}

type Person struct {
	Name    string         `json:"name"`
	Age     int            `json:"age"`
	Emails  []string       `json:"emails"`
	Home    *Address       `json:"home"`
	Work    Address        `json:"work"`
	Scores  map[string]int `json:"scores"`
	Pair    [2]float64     `json:"pair"`
	Active  bool           `json:"active"`
	Nick    *string        `json:"nick"`
	Limit   int            `json:"limit,string"`
	Ignored string         `json:"-"`
	Notes   map[int]string `json:"notes"`
	private int
}

func main() {
	data := []byte(`{
		"name": "Ann", "AGE": 31, "emails": ["a@x.org", "b@y.org"],
		"home": {"city": "Oslo", "zip": "0150"},
		"work": {"City": "Bergen"},
		"scores": {"go": 9, "c": 7},
		"pair": [1.5, 2.5, 3.5],
		"active": true, "nick": null, "limit": "250",
		"Ignored": "x", "private": 5, "unknown": {"deep": [1, 2]},
		"notes": {"2": "two", "-1": "minus one"}
	}`)
	var p Person
	err := json.Unmarshal(data, &p)
	fmt.Println(err)
	fmt.Printf("%s %d %q %+v %+v\n", p.Name, p.Age, p.Emails, *p.Home, p.Work)
	fmt.Println(p.Scores, p.Pair, p.Active, p.Nick == nil, p.Limit, p.Ignored == "", p.private, p.Notes)

	// Decoding into a value that already holds data: fields not in the input keep their values,
	// slices are reused, maps are added to, and null resets pointers, slices and maps.
	q := Person{Name: "keep", Age: 1, Emails: make([]string, 1, 8), Scores: map[string]int{"old": 1}}
	err = json.Unmarshal([]byte(`{"age": 2, "emails": ["z"], "scores": {"new": 2}}`), &q)
	fmt.Println(err, q.Name, q.Age, q.Emails, len(q.Emails), cap(q.Emails), q.Scores)
	err = json.Unmarshal([]byte(`{"emails": null, "scores": null, "home": null}`), &q)
	fmt.Println(err, q.Emails == nil, q.Scores == nil, q.Home == nil)

	var people []Person
	err = json.Unmarshal([]byte(`[{"name": "a"}, {"name": "b", "age": 3}, {}]`), &people)
	fmt.Println(err, len(people), cap(people), people[1].Name, people[1].Age, people[2].Name == "")

	var grow []int
	err = json.Unmarshal([]byte(`[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]`), &grow)
	fmt.Println(err, grow, len(grow), cap(grow))
	var empty []int
	err = json.Unmarshal([]byte(`[]`), &empty)
	fmt.Println(err, empty == nil, len(empty))

	var ptr **Address
	err = json.Unmarshal([]byte(`{"city": "Rome"}`), &ptr)
	fmt.Println(err, (**ptr).City)
	var n int
	err = json.Unmarshal([]byte("  -17  "), &n)
	fmt.Println(err, n)
	var bs []byte
	err = json.Unmarshal([]byte(`"aGVsbG8sIHdvcmxk"`), &bs)
	fmt.Println(err, string(bs))
}
