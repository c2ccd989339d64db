package main

type I interface{ M() }
type T struct{}

func (t *T) M() {}

type U struct{}

func main() {
	var i I
	_ = i.(U)
	var j I = T{}
	_ = j
	_ = i.(T)
}
