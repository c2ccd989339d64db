package main

import (
	"errors"
	"fmt"
	"strconv"
)

type ValidationError struct {
	Field string
	Value int
}

func (e ValidationError) Error() string {
	return e.Field + " invalid: " + strconv.Itoa(e.Value)
}

var ErrEmpty = errors.New("empty input")

func parse(s string) (int, error) {
	if s == "" {
		return 0, ErrEmpty
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, ValidationError{"age", n}
	}
	return n, nil
}

func main() {
	for _, in := range []string{"42", "", "abc", "-5"} {
		n, err := parse(in)
		if err != nil {
			fmt.Println("error:", err)
			fmt.Printf("  %%v=%v %%s=%s %%q=%q %%T=%T\n", err, err, err, err)
			continue
		}
		fmt.Println("ok:", n)
	}
	_, err := parse("")
	fmt.Println(err == ErrEmpty, errors.New("empty input") == ErrEmpty)
	fmt.Println(errors.New("x").Error() == "x")
	var e error = ValidationError{"x", 1}
	if ve, ok := e.(ValidationError); ok {
		fmt.Println("field", ve.Field)
	}
	fmt.Printf("%+v\n", e)
	fmt.Println(fmt.Sprint(e), fmt.Sprintf("%d", e.(ValidationError).Value))
}
