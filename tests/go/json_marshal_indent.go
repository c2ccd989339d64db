package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type Item struct {
	Name  string   `json:"name"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
}

type Order struct {
	ID    int            `json:"id"`
	Items []Item         `json:"items"`
	Meta  map[string]any `json:"meta"`
	Empty []int          `json:"empty"`
	None  map[string]int `json:"none"`
	Obj   struct{}       `json:"obj"`
}

func main() {
	o := Order{
		ID: 42,
		Items: []Item{
			{"pen", 1.5, []string{"office", "blue"}},
			{"book", 12, nil},
		},
		Meta:  map[string]any{"paid": true, "note": "rush", "n": 3},
		Empty: []int{},
	}
	b, err := json.MarshalIndent(o, "", "  ")
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent([]int{1, 2}, "> ", "\t")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(map[string][]int{}, "", "  ")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent("just a string", "#", "  ")
	fmt.Println(string(b))

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.Encode(Item{"cup", 3.25, []string{"<kitchen>"}})
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "")
	enc.Encode(Item{"cup", 3.25, []string{"<kitchen>"}})
}
