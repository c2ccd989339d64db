package main

import (
	"encoding/json"
	"fmt"
)

// Struct tags as the interview notes answer them: the JSON name of each field.
type Account struct {
	ID       int64             `json:"id"`
	Owner    string            `json:"owner"`
	Email    string            `json:"email,omitempty"`
	Balance  float64           `json:"balance"`
	Password string            `json:"-"`
	Dash     int               `json:"-,"`
	Limit    int               `json:"limit,string"`
	Tags     []string          `json:"tags,omitempty"`
	Labels   map[string]string `json:"labels,omitempty"`
	Parent   *Account          `json:"parent,omitempty"`
	Note     *string           `json:"note"`
	Frozen   bool              `json:"frozen,omitempty"`
	internal int
	Plain    int
	Bad      int `json:"a\"b"`
}

type Audit struct {
	By string `json:"by"`
	At int    `json:"at"`
}

type Ledger struct {
	Account
	*Audit
	Entries [2]int `json:"entries"`
	Extra   any    `json:"extra"`
}

type Pair struct {
	X, Y int
}

type Both struct {
	Pair
	X string
}

func show(v any) {
	b, err := json.Marshal(v)
	fmt.Printf("%s %v\n", b, err)
}

func main() {
	note := "first"
	a := Account{ID: 7, Owner: "ann", Balance: 10.5, Password: "secret", Dash: 1, Limit: 500, internal: 3, Note: &note}
	show(a)
	a.Email = "ann@example.com"
	a.Tags = []string{"vip"}
	a.Labels = map[string]string{"tier": "gold", "region": "eu"}
	a.Parent = &Account{ID: 1, Owner: "root"}
	a.Frozen = true
	show(a)
	show(Ledger{Account: Account{ID: 2}, Entries: [2]int{3, 4}})
	show(Ledger{Audit: &Audit{"bob", 99}, Extra: []any{1, "two", nil}})
	show(Both{Pair{1, 2}, "x"})
	show(struct {
		A int `json:"a"`
		b int
	}{1, 2})
	show([]Pair{{1, 2}, {3, 4}})
	show(map[string]Pair{"p": {5, 6}})
	show(&Pair{7, 8})
	var nilp *Pair
	show(nilp)
	show([]byte("hi there"))
	show([]int(nil))
	show([]int{})
}
