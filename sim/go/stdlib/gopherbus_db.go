// Package db (import "gopherbus/db") is the ledger database's latency as the server sees it: Exec blocks (a
// system call) for as long as a write touching account takes, including waiting behind other writes to it.
package db

// Exec performs a ledger write for account and returns when the database acknowledges it.
func Exec(account int)
