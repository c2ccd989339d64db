package main

func main() {
	s := "a"
	b := true
	var f float64 = 1
	var sl []int
	var m map[int]int
	_ = -s
	_ = !s
	_ = b + b
	_ = f % 2
	_ = s << 1
	_ = sl == sl
	_ = m == m
	_ = sl < sl
	_ = b < b
	_ = nil == nil
	var p *int
	_ = *s
	_ = p
	_ = &1
	ch := make(chan<- int)
	<-ch
}
