package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Printf("%s|%q|%v|%x|%X|% x\n", s, s, s, s, s, "ab")
	fmt.Printf("%10s|%-10s|%.2s|%5.1s|\n", "go", "go", "gopher", "gopher")
	fmt.Printf("%q %q %q\n", "tab\there", `back\slash "quoted"`, "日本")
	fmt.Printf("%+q %#q %#q\n", "日本", "raw", "has`tick")
	fmt.Printf("%q\n", []string{"a b", "", "c"})
	fmt.Printf("%s %v\n", []string{"x", "y"}, [2]string{"p", "q"})
	fmt.Printf("%s|%10v|%-8v|\n", 42, "r", true)
	fmt.Printf("%d\n", "str")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 5)
	fmt.Printf("no verbs\n", "extra")
	fmt.Printf("%s %v\n", nil, nil)
	var np *int
	fmt.Printf("%v %d\n", np, []interface{}{1, "a"})
	fmt.Println(fmt.Sprintf("%6.2f%%", 12.3456))
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
}
