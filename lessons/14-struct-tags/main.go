// Struct tags (the notes: json serialisation and database column names): a tag maps a
// field to its name elsewhere. encoding/json honours `json:"name"`, `,omitempty` (left out
// when zero) and `json:"-"` (never serialised); unexported fields are never serialised.
// A database mapper reads `db:"..."` the same way; json ignores it.
package main

import (
	"encoding/json"
	"fmt"
)

type Payment struct {
	ID       int64    `json:"id" db:"payment_id"`
	Amount   int64    `json:"amount_cents" db:"amount"`
	Currency string   `json:"currency,omitempty" db:"currency"`
	Tags     []string `json:"tags,omitempty"`
	CardPAN  string   `json:"-"` // never leaves the service
	Settled  bool     // no tag: the field's own name
	attempts int      // unexported: invisible to encoding/json
}

func main() {
	p := Payment{ID: 1, Amount: 1250, CardPAN: "4111111111111111", attempts: 2}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)

	p.Currency, p.Tags, p.Settled = "BRL", []string{"pix", "retry"}, true
	b, _ = json.MarshalIndent(p, "", "  ")
	fmt.Println(string(b))

	in := `{"id":2,"amount_cents":999,"CardPAN":"5500","Settled":true,"unknown":1}`
	var q Payment
	err = json.Unmarshal([]byte(in), &q) // unknown keys and "-" fields are skipped
	fmt.Printf("%+v %v\n", q, err)

	var batch []Payment
	err = json.Unmarshal([]byte(`[{"id":3,"amount_cents":5},{"id":4,"currency":"USD"}]`), &batch)
	fmt.Println(len(batch), batch[0].Amount, batch[1].Currency, err)

	totals := map[string]int64{"BRL": 1250, "USD": 40}
	b, _ = json.Marshal(totals) // map keys come out sorted
	fmt.Println(string(b))

	err = json.Unmarshal([]byte(`{"id":"five"}`), &q)
	fmt.Println(err)
}
