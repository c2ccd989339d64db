package main

type I interface{ M() }
type T struct{}

func main() {
	x := 1
	switch x {
	case 1:
	case 1:
	case "a":
	}
	var i I
	switch v := i.(type) {
	case T:
	}
	switch i.(type) {
	case int, int:
	}
}
