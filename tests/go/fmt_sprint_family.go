package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Print("a", "b", "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print(1, "x", 2, 3.5, true, false, "\n")
	fmt.Println("a", "b", 1, 2)
	s := fmt.Sprint("x", 1, 2, "y", "z", 3)
	fmt.Printf("%q\n", s)
	s = fmt.Sprintln("x", 1, 2, "y")
	fmt.Printf("%q\n", s)
	s = fmt.Sprintf("%d-%s-%v", 1, "two", []int{3})
	fmt.Printf("%q\n", s)
	fmt.Printf("%q\n", fmt.Sprint())
	fmt.Printf("%q\n", fmt.Sprintln())
	fmt.Printf("%q\n", fmt.Sprint(nil, nil, errors.New("e"), 4))
	err := fmt.Errorf("wrap %d: %w", 1, errors.New("base"))
	fmt.Println(err, errors.Unwrap(err))
	n, e := fmt.Println("returns byte count")
	fmt.Println(n, e)
	n, _ = fmt.Printf("%s\n", "日本")
	fmt.Println(n)
}
