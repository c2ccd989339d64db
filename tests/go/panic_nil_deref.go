package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a *Account) Deposit(n int) { a.Balance += n }

func main() {
	acc := &Account{Owner: "ann"}
	acc.Deposit(5)
	fmt.Println(acc.Owner, acc.Balance)
	var missing *Account
	missing.Deposit(1)
	fmt.Println("unreachable")
}
