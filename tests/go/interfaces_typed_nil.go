package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil *MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	err = correct(false)
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	var p *int
	var i interface{} = p
	fmt.Println(p == nil, i == nil, i == (*int)(nil))
	var j interface{}
	fmt.Println(j == nil)
	j = nil
	fmt.Printf("%v %T\n", j, j)
	var s []int
	var k any = s
	fmt.Println(s == nil, k == nil, k)
	if e := mayFail(true); e != nil {
		fmt.Println("error:", e)
	}
}
