package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-42), strconv.Itoa(1234567890)+"!")
	for _, s := range []string{"123", "-7", "+8", "0012", "12a", "", "99999999999999999999", " 1"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("%q -> %d, %v\n", s, n, err)
	}
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.FormatInt(-255, 16))
	fmt.Println(strconv.FormatInt(35, 36), strconv.FormatInt(1<<62, 10), strconv.FormatInt(-8, 8))
	_, err := strconv.Atoi("x")
	fmt.Printf("%T %v\n", err, err == nil)
	fmt.Println(strconv.Itoa(-0) + strconv.FormatInt(0, 2))
}
