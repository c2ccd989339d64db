package main

import "fmt"

func main() {
	s := "hello你好"
	for i, r := range s {
		fmt.Println(i, r, string(r))
	}
	fmt.Println(len(s), []byte(s)[5], s[5])
	for i := 0; i < len(s); i++ {
		fmt.Printf("%x ", s[i])
	}
	fmt.Println()
	for i := range "aé" {
		fmt.Print(i, " ")
	}
	fmt.Println()
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println()
	fmt.Println([]rune(s), len([]rune(s)), string([]rune(s)[5:]))
}
