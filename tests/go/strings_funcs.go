package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "the quick brown fox"
	fmt.Println(strings.Contains(s, "quick"), strings.Contains(s, "slow"), strings.Contains(s, ""))
	fmt.Println(strings.Index(s, "brown"), strings.Index(s, "z"), strings.Index("你好世界", "世"))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts)
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Println(strings.Join(parts, "|"), strings.Join(nil, "-") == "")
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("x", 0) == "")
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToUpper("go1.19"))
	f := strings.Fields("  spaced   out\tand\nnewlines  ")
	fmt.Printf("%d %q\n", len(f), f)
	fmt.Printf("%q\n", strings.Fields("   "))
	fmt.Println(strings.HasPrefix(s, "the"), strings.HasPrefix(s, "quick"), strings.HasPrefix(s, ""))
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	fmt.Println(strings.Join(words, " "))
}
