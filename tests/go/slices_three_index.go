package main

import "fmt"

func main() {
	arr := [6]int{0, 1, 2, 3, 4, 5}
	s := arr[1:3]
	fmt.Println(s, len(s), cap(s))
	t := arr[1:3:4]
	fmt.Println(t, len(t), cap(t))
	s = append(s, 100)
	fmt.Println(arr)
	t = append(t, 200)
	fmt.Println(arr, t)
	t = append(t, 300)
	t[0] = -1
	fmt.Println(arr, t, len(t), cap(t))
	full := arr[:]
	fmt.Println(len(full), cap(full), full[2:], full[:2], full[2:4:6])
	u := full[4:]
	fmt.Println(u, cap(u), u[:cap(u)])
	v := arr[0:0:0]
	v = append(v, 9)
	fmt.Println(v, arr[0])
	str := "abcdef"
	fmt.Println(str[2:], str[:3], str[1:4])
}
