package main

func main() {
	a, b := 1
	var c, d int = 1
	e.f := 1
	var g = nil
	h := nil
	_, _, _, _, _, _ = a, b, c, d, g, h
}
