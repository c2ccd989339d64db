// Package clients (import "gopherbus/clients") is the simulator's payment load generator seen from the server:
// Next blocks (a system call, like accept on a socket) until the next payment request arrives.
package clients

// A Payment request: move Amount cents from account From to account To. Key identifies the request for
// idempotency: a client that retries sends the same key again.
type Payment struct {
	ID     int64
	Key    string
	From   int
	To     int
	Amount int64
}

// Next waits for the next request; ok is false once the clients have sent everything they were configured to.
func Next() (p Payment, ok bool) {
	id, key, from, to, amount, got := nextRaw()
	if !got {
		return Payment{}, false
	}
	return Payment{ID: id, Key: key, From: from, To: to, Amount: amount}, true
}

func nextRaw() (id int64, key string, from, to int, amount int64, ok bool)
