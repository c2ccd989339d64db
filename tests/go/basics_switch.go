package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, d := range []int{1, 2, 3, 6, 7, 9} {
		switch d {
		case 1:
			fmt.Println(d, "one")
		case 2, 3:
			fmt.Println(d, "two or three")
		case 6:
			fmt.Println(d, "six, falling through")
			fallthrough
		case 7:
			fmt.Println(d, "seven (or fell through)")
		default:
			fmt.Println(d, "other")
		}
	}
	fmt.Println(grade(95), grade(85), grade(10))
	switch x := 5; {
	case x > 3:
		fmt.Println("x>3")
		if x == 5 {
			break
		}
		fmt.Println("not printed")
	case x > 1:
		fmt.Println("not reached")
	}
	switch s := "go"; s + "pher" {
	case "gopher":
		fmt.Println("matched gopher")
	}
	n := 0
	switch {
	case n == 0:
		fmt.Println("zero")
		fallthrough
	case n > 100:
		fmt.Println("fallthrough ignores the condition")
	case n < 0:
		fmt.Println("not reached")
	}
}
