package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(key string) error {
	return &QueryError{Query: "select " + key, Err: ErrNotFound}
}

func main() {
	err := fmt.Errorf("handler: %w", find("users"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), err == ErrNotFound)
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("as QueryError:", qe.Query)
	}
	u := errors.Unwrap(err)
	fmt.Printf("%T %v\n", u, u)
	fmt.Println(errors.Unwrap(u) == ErrNotFound, errors.Unwrap(ErrNotFound))
	plain := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(plain, errors.Is(plain, ErrNotFound), errors.Unwrap(plain))
	fmt.Printf("%T\n", err)
	e2 := fmt.Errorf("code %d, %s: %w", 7, "ctx", ErrNotFound)
	fmt.Println(e2, errors.Is(e2, ErrNotFound))
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(ErrNotFound, ErrNotFound))
}
