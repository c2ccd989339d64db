package main

import "fmt"

type Stringer interface{ String() string }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	var x interface{} = 42
	i := x.(int)
	fmt.Println(i + 1)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	f, ok := x.(float64)
	fmt.Println(f, ok)
	var v any = Temp(21.5)
	if st, ok := v.(Stringer); ok {
		fmt.Println("stringer:", st.String())
	}
	if _, ok := v.(fmt.Stringer); ok {
		fmt.Println("also fmt.Stringer")
	}
	t := v.(Temp)
	fmt.Println(float64(t) * 2)
	var e error
	_, ok = interface{}(e).(error)
	fmt.Println("nil error asserts:", ok)
	var nothing interface{}
	n, ok := nothing.(int)
	fmt.Println(n, ok)
	vals := []any{1, "two", 3.0, Temp(4), nil, []int{5}}
	for _, v := range vals {
		_, isInt := v.(int)
		_, isStr := v.(fmt.Stringer)
		fmt.Print(isInt, isStr, " ")
	}
	fmt.Println()
}
