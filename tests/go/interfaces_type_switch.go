package main

import (
	"errors"
	"fmt"
)

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{ name string }

func (Dog) Sound() string    { return "woof" }
func (c *Cat) Sound() string { return c.name + " meows" }

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case Animal:
		return "animal says " + x.Sound()
	case []int:
		return fmt.Sprint("slice sum ", x[0]+x[1])
	case func() int:
		return fmt.Sprint("func returning ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []interface{}{nil, 1, int64(2), "héllo", errors.New("bad"), Dog{}, &Cat{"tom"},
		[]int{3, 4}, func() int { return 7 }, 2.5, Cat{}, map[string]int{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var a Animal = Dog{}
	switch a.(type) {
	case *Cat:
		fmt.Println("cat")
	case Dog:
		fmt.Println("dog")
	}
	switch v := interface{}(3.5).(type) {
	case float64:
		fmt.Println(v * 2)
	}
}
