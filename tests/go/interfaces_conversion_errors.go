package main

import (
	"fmt"
)

type Walker interface{ Walk() }
type Rock struct{}
type Duck struct{}

func (Duck) Walk() {}

func try(f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Printf("%T %v\n", r, isErr)
		if isErr {
			fmt.Println(err.Error())
		}
	}()
	f()
}

func main() {
	var v interface{} = 3.5
	var w Walker = Duck{}
	var none interface{}
	var r interface{} = Rock{}
	try(func() { _ = v.(int) })
	try(func() { _ = w.(*Duck) })
	try(func() { _ = none.(string) })
	try(func() { _ = r.(Walker) })
	try(func() { _ = v.(fmt.Stringer) })
	try(func() { _ = v.(float64) })
}
