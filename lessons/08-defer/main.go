// defer: deferred calls run when the function returns, last in first out (倒序).
// A deferred call's function value and arguments are evaluated at the defer
// statement; a deferred closure reads its variables when it finally runs.
package main

import "fmt"

type Account struct{ balance int }

func (a Account) Report(when string) { fmt.Println(when, "balance", a.balance) }

func pay() {
	for i := 1; i <= 3; i++ {
		defer fmt.Println("deferred", i) // pushed 1, 2, 3; runs 3, 2, 1
	}
	acct := Account{balance: 100}
	defer acct.Report("receiver copied at defer:") // value receiver: a copy of 100, now
	amount := 10
	defer fmt.Println("argument evaluated at defer: amount =", amount) // 10, now

	// deferred last, so it runs first; it reads amount and acct when it runs
	defer func() {
		fmt.Println("closure reads at return: amount =", amount, "balance =", acct.balance)
	}()
	amount = 25
	acct.balance -= amount
	fmt.Println("pay returns")
}

func main() {
	pay()
	fmt.Println("back in main")
}
