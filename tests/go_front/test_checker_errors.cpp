// gc's error messages, verified one by one against Go 1.19 (`go build`): each snippet with the exact
// lines gc prints (file name replaced by prog.go). Also: bad input never crashes the checker.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/go/loader.h"

using namespace gb::go;

namespace {

std::optional<std::string> tree_package(const std::string& path) {
  std::string n = path;
  std::replace(n.begin(), n.end(), '/', '_');
  const std::filesystem::path p = std::filesystem::path(GB_REPO_DIR) / "sim/go/stdlib" / (n + ".go");
  if (!std::filesystem::exists(p)) return std::nullopt;
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

struct Case {
  const char* name;
  const char* src;
  const char* want;  // gc's output, one line per error (continuation lines start with a tab)
};

const Case kCases[] = {
    {"args", R"GO(package main

func f(a int, b string) {}
func g() (int, int) { return 1, 2 }
func h() int {
	return 1, 2
}
func k() (int, string) {
	return 1
}

func main() {
	f(1)
	f(1, "a", 3)
	a, b := h()
	c := g()
	println(a, b, c)
}
)GO",
     R"GO(prog.go:6:12: too many return values
	have (number, number)
	want (int)
prog.go:9:9: not enough return values
	have (number)
	want (int, string)
prog.go:13:4: not enough arguments in call to f
	have (number)
	want (int, string)
prog.go:14:12: too many arguments in call to f
	have (number, string, number)
	want (int, string)
prog.go:15:10: assignment mismatch: 2 variables but h returns 1 value
prog.go:16:7: assignment mismatch: 1 variable but g returns 2 values
)GO"},
    {"assert", R"GO(package main

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
)GO",
     R"GO(prog.go:12:6: impossible type assertion: i.(U)
	U does not implement I (missing M method)
prog.go:13:12: cannot use T{} (value of type T) as type I in variable declaration:
	T does not implement I (M method has pointer receiver)
prog.go:15:6: impossible type assertion: i.(T)
	T does not implement I (M method has pointer receiver)
)GO"},
    {"assign", R"GO(package main

const c = 1

func f() int { return 1 }

func main() {
	c = 2
	f() = 3
	"a" = "b"
	m := map[string]struct{ x int }{}
	m["a"].x = 1
}
)GO",
     R"GO(prog.go:8:2: cannot assign to c (untyped int constant 1)
prog.go:9:2: cannot assign to f() (value of type int)
prog.go:10:2: cannot assign to "a" (untyped string constant)
prog.go:12:2: cannot assign to struct field m["a"].x in map
)GO"},
    {"b2_decl", R"GO(package main

func main() {
	a, b := 1
	var c, d int = 1
	e.f := 1
	var g = nil
	h := nil
	_, _, _, _, _, _ = a, b, c, d, g, h
}
)GO",
     R"GO(prog.go:4:10: assignment mismatch: 2 variables but 1 value
prog.go:5:17: assignment mismatch: 2 variables but 1 value
prog.go:6:2: undefined: e
prog.go:6:2: non-name e.f on left side of :=
prog.go:7:10: use of untyped nil in variable declaration
prog.go:8:7: use of untyped nil in assignment
)GO"},
    {"b2_iface", R"GO(package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type Circle struct{}

func (c Circle) Area() int { return 0 }
func (c Circle) Perimeter() float64 { return 0 }

func main() {
	var s Shape = Sq{1}
	var t Shape = Circle{}
	var st fmt.Stringer = 3
	fmt.Println(s, t, st)
}
)GO",
     R"GO(prog.go:20:16: cannot use Sq{…} (value of type Sq) as type Shape in variable declaration:
	Sq does not implement Shape (missing Perimeter method)
prog.go:21:16: cannot use Circle{} (value of type Circle) as type Shape in variable declaration:
	Circle does not implement Shape (wrong type for Area method)
		have Area() int
		want Area() float64
prog.go:22:24: cannot use 3 (constant of type int) as type fmt.Stringer in variable declaration:
	int does not implement fmt.Stringer (missing String method)
)GO"},
    {"b2_lit", R"GO(package main

type P struct{ X, Y int }

func main() {
	a := P{Z: 1}
	b := P{1}
	c := P{1, 2, 3}
	d := P{X: 1, 2}
	e := []int{1, "a"}
	f := map[string]int{"a": 1, "a": 2}
	_, _, _, _, _, _ = a, b, c, d, e, f
}
)GO",
     R"GO(prog.go:6:9: unknown field 'Z' in struct literal of type P
prog.go:7:10: too few values in P{…}
prog.go:8:15: too many values in P{…}
prog.go:9:15: mixture of field:value and value elements in struct literal
prog.go:10:16: cannot use "a" (untyped string constant) as int value in array or slice literal
prog.go:11:30: duplicate key "a" in map literal
)GO"},
    {"b2_ops", R"GO(package main

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
)GO",
     R"GO(prog.go:9:7: invalid operation: operator - not defined on s (variable of type string)
prog.go:10:7: invalid operation: operator ! not defined on s (variable of type string)
prog.go:11:6: invalid operation: operator + not defined on b (variable of type bool)
prog.go:12:6: invalid operation: operator % not defined on f (variable of type float64)
prog.go:13:6: invalid operation: shifted operand s (variable of type string) must be integer
prog.go:14:6: invalid operation: sl == sl (slice can only be compared to nil)
prog.go:15:6: invalid operation: m == m (map can only be compared to nil)
prog.go:16:6: invalid operation: sl < sl (operator < not defined on slice)
prog.go:17:6: invalid operation: b < b (operator < not defined on bool)
prog.go:18:13: invalid operation: nil == nil (operator == not defined on untyped nil)
prog.go:18:13: too many errors
)GO"},
    {"b2_ret", R"GO(package main

func a(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func b() int {
	for {
	}
}

func c() int {
	for {
		break
	}
}

func d() (r int) {
	return
}

func e() {
	return 1
}

func main() {
	a(1); b(); c(); d(); e()
}
)GO",
     R"GO(prog.go:8:1: missing return
prog.go:19:1: missing return
prog.go:26:9: too many return values
	have (number)
	want ()
)GO"},
    {"b2_switch", R"GO(package main

type I interface{ M() }
type T struct{}

func main() {
	x := 1
	switch x {
	case 1:
	case 1:
	case "a":
	}
	var i I
	switch v := i.(type) {
	case T:
	}
	switch i.(type) {
	case int, int:
	}
}
)GO",
     R"GO(prog.go:10:7: duplicate case 1 (constant of type int) in expression switch
	prog.go:9:7: previous case
prog.go:11:7: cannot convert "a" (untyped string constant) to int
prog.go:14:9: v declared but not used
prog.go:15:7: impossible type switch case: T
	i (variable of type I) cannot have dynamic type T (missing M method)
prog.go:18:7: impossible type switch case: int
	i (variable of type I) cannot have dynamic type int (missing M method)
prog.go:18:12: duplicate case int in type switch
	prog.go:18:7: previous case
)GO"},
    {"b2_toomany", R"GO(package main

func main() {
	a1()
	a2()
	a3()
	a4()
	a5()
	a6()
	a7()
	a8()
	a9()
	a10()
	a11()
}
)GO",
     R"GO(prog.go:4:2: undefined: a1
prog.go:5:2: undefined: a2
prog.go:6:2: undefined: a3
prog.go:7:2: undefined: a4
prog.go:8:2: undefined: a5
prog.go:9:2: undefined: a6
prog.go:10:2: undefined: a7
prog.go:11:2: undefined: a8
prog.go:12:2: undefined: a9
prog.go:13:2: undefined: a10
prog.go:13:2: too many errors
)GO"},
    {"b3_chan", R"GO(package main

import "strings"

type T struct{ x int }

func (t *T) Set() {}

func get() T { return T{} }

func main() {
	var r <-chan int
	r <- 1
	var s chan<- int
	<-s
	x := 5
	for range x {
	}
	go x
	defer int(x)
	get().Set()
	_ = strings.toLower
	close(r)
	var a []int
	a = append(a, "s")
	_ = make([]int)
	_ = make(int)
}
)GO",
     R"GO(prog.go:13:2: invalid operation: cannot send to receive-only channel r (variable of type <-chan int)
prog.go:15:4: invalid operation: cannot receive from send-only channel s (variable of type chan<- int)
prog.go:17:12: cannot range over x (variable of type int)
prog.go:19:5: expression in go must be function call
prog.go:19:5: invalid operation: cannot call non-function x (variable of type int)
prog.go:20:8: defer requires function call, not conversion int(x) (value of type int)
prog.go:21:8: cannot call pointer method Set on T
prog.go:22:14: undefined: strings.toLower
prog.go:23:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)
prog.go:25:16: cannot use "s" (untyped string constant) as int value in argument to append
prog.go:25:16: too many errors
)GO"},
    {"branch", R"GO(package main

func main() {
	break
	continue
L:
	for {
	}
}
)GO",
     R"GO(prog.go:4:2: break is not in a loop, switch, or select
prog.go:5:2: continue is not in a loop
prog.go:6:1: label L defined and not used
)GO"},
    {"cannotuse", R"GO(package main

func f(s string) {}

func g() string {
	x := 1
	return x
}

func main() {
	x := 1
	var s string
	s = x
	f(x)
	println(s, g())
}
)GO",
     R"GO(prog.go:7:9: cannot use x (variable of type int) as type string in return statement
prog.go:13:6: cannot use x (variable of type int) as type string in assignment
prog.go:14:4: cannot use x (variable of type int) as type string in argument to f
)GO"},
    {"cond", R"GO(package main

func main() {
	x := 1
	if x {
	}
	for x {
	}
}
)GO",
     R"GO(prog.go:5:5: non-boolean condition in if statement
prog.go:7:6: non-boolean condition in for statement
)GO"},
    {"divzero", R"GO(package main

func main() {
	x := 1
	println(x / 0)
	const c = 1 / 0
	println(1.0 / 0)
}
)GO",
     R"GO(prog.go:5:14: invalid operation: division by zero
prog.go:6:16: invalid operation: division by zero
prog.go:7:16: invalid operation: division by zero
)GO"},
    {"lenarg", R"GO(package main

func main() {
	x := 1
	println(len(x))
	var s []int
	println(s.foo)
	type T struct{}
	var t T
	t.m()
}
)GO",
     R"GO(prog.go:5:14: invalid argument: x (variable of type int) for len
prog.go:7:12: s.foo undefined (type []int has no field or method foo)
prog.go:10:4: t.m undefined (type T has no field or method m)
)GO"},
    {"mismatch", R"GO(package main

func main() {
	x := 1
	y := "a"
	println(x + y)
	var b int8
	println(b + 300)
	println(x == y)
}
)GO",
     R"GO(prog.go:6:10: invalid operation: x + y (mismatched types int and string)
prog.go:8:14: 300 (untyped int constant) overflows int8
prog.go:9:15: invalid operation: x == y (mismatched types int and string)
)GO"},
    {"missingret", R"GO(package main

func f(x int) int {
	if x > 0 {
		return 1
	}
}

func main() { f(1) }
)GO",
     R"GO(prog.go:7:1: missing return
)GO"},
    {"overflow", R"GO(package main

func main() {
	var a int8 = 300
	var b uint8
	b = -1
	const c int8 = 100
	d := c * 3
	var e int = 1.5
	println(a, b, d, e)
}
)GO",
     R"GO(prog.go:4:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)
prog.go:6:6: cannot use -1 (untyped int constant) as uint8 value in assignment (overflows)
prog.go:8:7: c * 3 (constant 300 of type int8) overflows int8
prog.go:9:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)
)GO"},
    {"redecl", R"GO(package main

func main() {
	x := 1
	var x int
	x := 2
	_ = x
}

func f() {}
func f() {}
)GO",
     R"GO(prog.go:5:6: x redeclared in this block
	prog.go:4:2: other declaration of x
prog.go:6:4: no new variables on left side of :=
prog.go:11:6: f redeclared in this block
	prog.go:10:6: other declaration of f
)GO"},
    {"undef", R"GO(package main

func main() {
	x = 1
	println(y)
}
)GO",
     R"GO(prog.go:4:2: undefined: x
prog.go:5:10: undefined: y
)GO"},
    {"unused", R"GO(package main

func main() {
	x := 1
	var y int
	z := 0
	z++
	w := 2
	w = 3
}
)GO",
     R"GO(prog.go:4:2: x declared but not used
prog.go:5:6: y declared but not used
prog.go:8:2: w declared but not used
)GO"},
    {"unusedimport", R"GO(package main

import (
	"os"
	str "strings"
)

func main() {
}
)GO",
     R"GO(prog.go:4:2: imported and not used: "os"
prog.go:5:2: imported and not used: "strings" as str
)GO"},
    {"c4_u1", R"GO(package main

func two() (int, int) { return 1, 2 }

func main() {
	var s string = 5
	t := undefinedThing
	var u int
	u = "x"
	a, b := two(), 1
	var c, d int = two()
	e := two()
	f, g := 1
}
)GO",
     R"GO(prog.go:6:17: cannot use 5 (untyped int constant) as string value in variable declaration
prog.go:7:7: undefined: undefinedThing
prog.go:9:6: cannot use "x" (untyped string constant) as int value in assignment
prog.go:10:10: multiple-value two() (value of type (int, int)) in single-value context
prog.go:11:6: c declared but not used
prog.go:11:9: d declared but not used
prog.go:12:7: assignment mismatch: 1 variable but two returns 2 values
prog.go:13:10: assignment mismatch: 2 variables but 1 value
)GO"},
    {"c4_u2", R"GO(package main

func two() (int, int) { return 1, 2 }

func main() {
	x := 1
	x, y := "s", 2
	var a, b = 1, "x" + 1
	var c undefinedT
	var d, e = nil, 1
	f, g := two()
	f, g = "a", 2
	var h, i = 1, 2, 3
	var j, k, l = 1, 2
	m := nil
	var n []int
	n[0], n = 1, "s"
}
)GO",
     R"GO(prog.go:7:10: cannot use "s" (untyped string constant) as int value in assignment
prog.go:8:6: a declared but not used
prog.go:8:16: invalid operation: "x" + 1 (mismatched types untyped string and untyped int)
prog.go:9:8: undefined: undefinedT
prog.go:10:13: use of untyped nil in variable declaration
prog.go:12:9: cannot use "a" (untyped string constant) as int value in assignment
prog.go:13:19: extra init expr 3
prog.go:14:12: missing init expr for l
prog.go:15:7: use of untyped nil in assignment
prog.go:17:15: cannot use "s" (untyped string constant) as []int value in assignment
prog.go:8:6: too many errors
)GO"},
    {"c4_u3", R"GO(package main

func main() {
	var h, i = 1, 2, 3
	var j, k, l = 1, 2
	var o, p int = 1, 2, 3
	m := nil
	var n []int
	n[0], n = 1, "s"
	var q int
	q, r := "x", 1
}
)GO",
     R"GO(prog.go:4:6: h declared but not used
prog.go:4:9: i declared but not used
prog.go:4:19: extra init expr 3
prog.go:5:6: j declared but not used
prog.go:5:9: k declared but not used
prog.go:5:12: missing init expr for l
prog.go:6:23: extra init expr 3
prog.go:7:7: use of untyped nil in assignment
prog.go:9:15: cannot use "s" (untyped string constant) as []int value in assignment
prog.go:11:10: cannot use "x" (untyped string constant) as int value in assignment
prog.go:5:9: too many errors
)GO"},
    {"c4_ret", R"GO(package main

func f() (int, error) {
	return 1
}

func g() int {
	return
}

func h() {
	return 1
}

func main() {
	f()
	g()
	h()
}
)GO",
     R"GO(prog.go:4:9: not enough return values
	have (number)
	want (int, error)
prog.go:8:2: not enough return values
	have ()
	want (int)
prog.go:12:9: too many return values
	have (number)
	want ()
)GO"},
    {"c4_ptrrecv", R"GO(package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Sq struct{ s float64 }

func (q *Sq) Area() float64 { return q.s * q.s }

type Circ struct{}

func (c Circ) Area() float64 { return 1 }

func main() {
	var s Shape = Sq{1}
	var t Shape = &Circ{}
	var u Shape = Circ{}
	_, _, _ = s, t, u
}
)GO",
     R"GO(prog.go:17:16: cannot use Sq{…} (value of type Sq) as type Shape in variable declaration:
	Sq does not implement Shape (Area method has pointer receiver)
prog.go:18:16: cannot use &Circ{} (value of type *Circ) as type Shape in variable declaration:
	*Circ does not implement Shape (missing Perimeter method)
prog.go:19:16: cannot use Circ{} (value of type Circ) as type Shape in variable declaration:
	Circ does not implement Shape (missing Perimeter method)
)GO"},
    {"c4_outside", R"GO(package main

x := 1

func main() {
}
)GO",
     R"GO(prog.go:3:1: syntax error: non-declaration statement outside function body
)GO"},
    {"c4_label", R"GO(package main

func main() {
outer:
	for i := 0; i < 3; i++ {
	}
}
)GO",
     R"GO(prog.go:4:1: label outer defined and not used
)GO"},
    {"c4_shadow", R"GO(package main

import "strconv"

func main() {
	f, err := strconv.Atoi("x")
	if err == nil {
		f, err := strconv.Atoi("y")
		_ = f
	}
	_ = f
}
)GO",
     R"GO(prog.go:8:6: err declared but not used
)GO"},
    {"c4_strint", R"GO(package main

func main() {
	var i int = 65
	var f float64 = 1
	s := string(i)
	t := string(f)
	u := string(65.0)
	v := string([]int{1})
	w := int("5")
	_, _, _, _, _ = s, t, u, v, w
}
)GO",
     R"GO(prog.go:7:14: cannot convert f (variable of type float64) to type string
prog.go:8:14: cannot convert 65.0 (untyped float constant 65) to type string
prog.go:9:14: cannot convert []int{…} (value of type []int) to type string
prog.go:10:11: cannot convert "5" (untyped string constant) to type int
)GO"},
    {"c4_cmpstruct", R"GO(package main

type T struct {
	a []int
}

func main() {
	var x, y T
	println(x == y)
	m1 := map[string][]int{}
	m2 := map[string][]int{}
	println(m1 == m2)
	var s1, s2 []int
	println(s1 == s2)
	f := func() {}
	println(f == nil, f == f)
	_ = map[T]int{}
	_ = map[[]int]bool{}
}
)GO",
     R"GO(prog.go:9:10: invalid operation: x == y (struct containing []int cannot be compared)
prog.go:12:10: invalid operation: m1 == m2 (map can only be compared to nil)
prog.go:14:10: invalid operation: s1 == s2 (slice can only be compared to nil)
prog.go:16:20: invalid operation: f == f (func can only be compared to nil)
prog.go:17:10: invalid map key type T
prog.go:18:10: invalid map key type []int
)GO"},
    {"c4_rng", R"GO(package main

func main() {
	s := []int{1}
	for i, v := range s {
	}
	var ch chan int
	for a, b := range ch {
		_, _ = a, b
	}
	for i := range 10 {
	}
	x := 3
	for _, c := range x {
	}
}
)GO",
     R"GO(prog.go:5:6: i declared but not used
prog.go:5:9: v declared but not used
prog.go:8:9: range over ch (variable of type chan int) permits only one iteration variable
prog.go:11:17: cannot range over 10 (untyped int constant)
prog.go:14:20: cannot range over x (variable of type int)
)GO"},
    {"c4_mapfield", R"GO(package main

type P struct{ x int }

func main() {
	m := map[string]P{}
	m["a"].x = 1
	m["a"].x++
	p := &m["a"]
	q := &m
	_, _ = p, q
}
)GO",
     R"GO(prog.go:7:2: cannot assign to struct field m["a"].x in map
prog.go:8:2: cannot assign to struct field m["a"].x in map
prog.go:9:8: invalid operation: cannot take address of m["a"] (map index expression of type P)
)GO"},
    {"c4_notfunc", R"GO(package main

func main() {
	x := 5
	x()
	s := "abc"
	s(1)
	var p *int
	println(*x)
	println(*s, p)
	const c = 3
	println(*c)
}
)GO",
     R"GO(prog.go:5:2: invalid operation: cannot call non-function x (variable of type int)
prog.go:7:2: invalid operation: cannot call non-function s (variable of type string)
prog.go:9:11: invalid operation: cannot indirect x (variable of type int)
prog.go:10:11: invalid operation: cannot indirect s (variable of type string)
prog.go:12:11: invalid operation: cannot indirect c (untyped int constant 3)
)GO"},
    {"c4_arrsize", R"GO(package main

const N = 1 << 70

var a [N]int
var b [-1]int
var c [1.5]int

func main() {
	var n = 3
	var d [n]int
	_ = d
}
)GO",
     R"GO(prog.go:5:8: array length N (untyped int constant 1180591620717411303424) must be integer
prog.go:6:8: invalid array length -1 (untyped int constant)
prog.go:7:8: array length 1.5 (untyped float constant) must be integer
prog.go:10:6: n declared but not used
prog.go:11:9: invalid array length n
)GO"},
    {"c4_missing", R"GO(package main

import "fmt"

type Stringer interface{ String() string }

type A struct{}

func (a A) String() int { return 0 }

type B struct{}

func (b B) string() string { return "" }

type C struct{ String string }

func main() {
	var s Stringer
	s = A{}
	s = B{}
	s = C{}
	var e error = A{}
	fmt.Println(s, e)
}
)GO",
     R"GO(prog.go:19:6: cannot use A{} (value of type A) as type Stringer in assignment:
	A does not implement Stringer (wrong type for String method)
		have String() int
		want String() string
prog.go:20:6: cannot use B{} (value of type B) as type Stringer in assignment:
	B does not implement Stringer (missing String method)
		have string() string
		want String() string
prog.go:21:6: cannot use C{} (value of type C) as type Stringer in assignment:
	C does not implement Stringer (missing String method)
prog.go:22:16: cannot use A{} (value of type A) as type error in variable declaration:
	A does not implement error (missing Error method)
)GO"},
    {"c4_sig", R"GO(package main

import "fmt"

func f(a int, b ...string) (n int, err error) { return 0, nil }

func main() {
	var g func(int) int = fmt.Println
	var h func() = f
	fmt.Sprintf()
	f(1, "a", 2, 3)
	var i interface{} = 1
	var j int = i
	k := f
	k = fmt.Printf
	_, _, _, _ = g, h, j, k
	var p func(x interface{}, y ...any) = nil
	var q int = p
	_ = q
}
)GO",
     R"GO(prog.go:8:24: cannot use fmt.Println (value of type func(a ...any) (n int, err error)) as type func(int) int in variable declaration
prog.go:9:17: cannot use f (value of type func(a int, b ...string) (n int, err error)) as type func() in variable declaration
prog.go:10:2: not enough arguments in call to fmt.Sprintf
	have ()
	want (string, ...any)
prog.go:11:12: cannot use 2 (untyped int constant) as string value in argument to f
prog.go:11:15: cannot use 3 (untyped int constant) as string value in argument to f
prog.go:13:14: cannot use i (variable of type interface{}) as type int in variable declaration:
	need type assertion
prog.go:15:6: cannot use fmt.Printf (value of type func(format string, a ...any) (n int, err error)) as type func(a int, b ...string) (n int, err error) in assignment
prog.go:18:14: cannot use p (variable of type func(x interface{}, y ...any)) as type int in variable declaration
)GO"},
    {"c4_types", R"GO(package main

import "strconv"

type T struct{ a int }

func get() interface{} { return 1 }

func apply(f func(x int) (y int), v int) int { return f(v) }

func main() {
	var s struct {
		a int
		b []string
	}
	var n int = s
	var e any = 1
	var k int = e
	m := map[string]interface{}{}
	var q int = m["x"]
	var r int = get()
	apply(strconv.Itoa, 1)
	apply(func(a, b int) int { return a }, 2)
	var ch chan<- int
	var p *[]any
	var z int = ch
	z = p
	var w struct{}
	z = w
	_, _, _, _ = n, k, q, r
}
)GO",
     R"GO(prog.go:16:14: cannot use s (variable of type struct{a int; b []string}) as type int in variable declaration
prog.go:18:14: cannot use e (variable of type any) as type int in variable declaration:
	need type assertion
prog.go:20:14: cannot use m["x"] (map index expression of type interface{}) as type int in variable declaration:
	need type assertion
prog.go:21:14: cannot use get() (value of type interface{}) as type int in variable declaration:
	need type assertion
prog.go:22:8: cannot use strconv.Itoa (value of type func(i int) string) as type func(x int) (y int) in argument to apply
prog.go:23:8: cannot use func(a, b int) int {…} (value of type func(a int, b int) int) as type func(x int) (y int) in argument to apply
prog.go:26:14: cannot use ch (variable of type chan<- int) as type int in variable declaration
prog.go:27:6: cannot use p (variable of type *[]any) as type int in assignment
prog.go:29:6: cannot use w (variable of type struct{}) as type int in assignment
)GO"},
    {"c4_m1", R"GO(package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

type Incer interface{ Inc() }

func use(i Incer) {}

func main() {
	c := Counter{}
	use(c)
	Counter{}.Inc()
	var x int
	x.foo()
	fmt.Println("a" + 1)
	var s []int
	s.Len()
	fmt.println("x")
	y := 3
	y.n = 4
}
)GO",
     R"GO(prog.go:15:6: cannot use c (variable of type Counter) as type Incer in argument to use:
	Counter does not implement Incer (Inc method has pointer receiver)
prog.go:16:12: cannot call pointer method Inc on Counter
prog.go:18:4: x.foo undefined (type int has no field or method foo)
prog.go:19:14: invalid operation: "a" + 1 (mismatched types untyped string and untyped int)
prog.go:21:4: s.Len undefined (type []int has no field or method Len)
prog.go:22:6: undefined: fmt.println
prog.go:24:4: y.n undefined (type int has no field or method n)
)GO"},
    {"c4_m2", R"GO(package main

func main() {
	var a []int
	a = append(a)
	append(a, 1)
	len(a)
	var m map[string]int
	m = make(map[string]int, 1, 2)
	n := new(int, 3)
	var i int
	i = nil
	if i {
	}
	for i {
	}
	_ = n
	var f float64 = 1
	_ = f % 2
	_ = i << f
}
)GO",
     R"GO(prog.go:6:2: append(a, 1) (value of type []int) is not used
prog.go:7:2: len(a) (value of type int) is not used
prog.go:9:6: invalid operation: make(map[string]int, 1, 2) expects 1 or 2 arguments; found 3
prog.go:10:7: invalid operation: too many arguments for new(int, 3) (expected 1, found 2)
prog.go:12:6: cannot use nil as int value in assignment
prog.go:13:5: non-boolean condition in if statement
prog.go:15:6: non-boolean condition in for statement
prog.go:19:6: invalid operation: operator % not defined on f (variable of type float64)
prog.go:20:11: invalid operation: shift count f (variable of type float64) must be integer
)GO"},
    {"c4_m3", R"GO(package main

import "fmt"

func div(a, b int) (int, error) {
	if b == 0 {
		return 0, fmt.Errorf("div by zero")
	}
	return a / b
}

func main() {
	x := div(1, 2)
	v, err := div(1, 0)
	fmt.Println(v)
	if err != nil {
		return 1
	}
	var p *int = &5
	const c = 10
	c = 20
	q := &c
	_, _ = p, q
}
)GO",
     R"GO(prog.go:9:9: not enough return values
	have (int)
	want (int, error)
prog.go:13:7: assignment mismatch: 1 variable but div returns 2 values
prog.go:17:10: too many return values
	have (number)
	want ()
prog.go:19:16: invalid operation: cannot take address of 5 (untyped int constant)
prog.go:21:2: cannot assign to c (untyped int constant 10)
prog.go:22:8: invalid operation: cannot take address of c (untyped int constant 10)
)GO"},
    {"c4_m4", R"GO(package main

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{}

func (d Dog) Sound() string { return "woof" }

type Cat struct{}

func (c *Cat) Sound() string { return "meow" }
func (c *Cat) Name() string  { return "cat" }

func main() {
	animals := []Animal{Dog{}, Cat{}, &Cat{}}
	var a Animal = Dog{}
	d := a.(Cat)
	var s string = a
	_, _, _ = animals, d, s
}
)GO",
     R"GO(prog.go:18:22: cannot use Dog{} (value of type Dog) as type Animal in array or slice literal:
	Dog does not implement Animal (missing Name method)
prog.go:18:29: cannot use Cat{} (value of type Cat) as type Animal in array or slice literal:
	Cat does not implement Animal (Name method has pointer receiver)
prog.go:19:17: cannot use Dog{} (value of type Dog) as type Animal in variable declaration:
	Dog does not implement Animal (missing Name method)
prog.go:20:7: impossible type assertion: a.(Cat)
	Cat does not implement Animal (Name method has pointer receiver)
prog.go:21:17: cannot use a (variable of type Animal) as type string in variable declaration
)GO"},
    {"c4_m5", R"GO(package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(i)
	}
	fmt.Println(i)
	x := []int{1, 2, 3}
	fmt.Println(x[1.5], x["a"])
	var arr [3]int
	arr[5] = 1
	const k = -1
	_ = x[k]
	s := "abc"
	s[0] = 'x'
	var b byte = 300
	_ = b
}
)GO",
     R"GO(prog.go:9:14: undefined: i
prog.go:11:16: 1.5 (untyped float constant) truncated to int
prog.go:11:24: cannot convert "a" (untyped string constant) to int
prog.go:13:6: invalid argument: index 5 out of bounds [0:3]
prog.go:15:8: invalid argument: index k (constant -1 of type int) must not be negative
prog.go:17:2: cannot assign to s[0] (value of type byte)
prog.go:18:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)
)GO"},
    {"c4_m6", R"GO(package main

import "fmt"

type Point struct {
	X, Y int
}

func main() {
	p := Point{1, 2, 3}
	q := Point{X: 1, Z: 2}
	r := Point{1}
	u := Point{X: 1, 2}
	fmt.Println(p.Z, q, r, u)
	var pp *Point
	pp.Move()
	fmt.Printf("%d\n")
}
)GO",
     R"GO(prog.go:10:19: too many values in Point{…}
prog.go:11:19: unknown field 'Z' in struct literal of type Point
prog.go:12:14: too few values in Point{…}
prog.go:13:19: mixture of field:value and value elements in struct literal
prog.go:14:16: p.Z undefined (type Point has no field or method Z)
prog.go:16:5: pp.Move undefined (type *Point has no field or method Move)
)GO"},
    {"c4_bi", R"GO(package main

func main() {
	var a []int
	m := map[int]int{}
	_ = len()
	_ = len(a, a)
	_ = cap()
	n := new(int, 3)
	copy(a)
	delete(m)
	panic()
	_ = append()
	_ = make()
	_, _ = n, m
}
)GO",
     R"GO(prog.go:6:6: invalid operation: not enough arguments for len() (expected 1, found 0)
prog.go:7:6: invalid operation: too many arguments for len(a, a) (expected 1, found 2)
prog.go:8:6: invalid operation: not enough arguments for cap() (expected 1, found 0)
prog.go:9:7: invalid operation: too many arguments for new(int, 3) (expected 1, found 2)
prog.go:10:2: invalid operation: not enough arguments for copy(a) (expected 2, found 1)
prog.go:11:2: invalid operation: not enough arguments for delete(m) (expected 2, found 1)
prog.go:12:2: invalid operation: not enough arguments for panic() (expected 1, found 0)
prog.go:13:6: invalid operation: not enough arguments for append() (expected 1, found 0)
prog.go:14:6: invalid operation: not enough arguments for make() (expected 1, found 0)
)GO"},
    {"c4_by", R"GO(package main

func main() {
	s := "héllo"
	for i, r := range s {
		var x string = r
		var y int = s[i]
		_ = x
		_ = y
	}
	b := []byte(s)
	var z int = b
	rs := []rune{1}
	var w string = rs
	var c byte = 'x'
	var d string = c
	var e int = d[0]
	_, _, _ = z, w, e
}
)GO",
     R"GO(prog.go:6:18: cannot use r (variable of type rune) as type string in variable declaration
prog.go:7:15: cannot use s[i] (value of type byte) as type int in variable declaration
prog.go:12:14: cannot use b (variable of type []byte) as type int in variable declaration
prog.go:14:17: cannot use rs (variable of type []rune) as type string in variable declaration
prog.go:16:17: cannot use c (variable of type byte) as type string in variable declaration
prog.go:17:14: cannot use d[0] (value of type byte) as type int in variable declaration
)GO"},
    {"c4_n1", R"GO(package main

import (
	"fmt"
	"strings"
)

func main() {
	var names []string
	names.append("x")
	s := strings.Split("a,b", ",")
	var t string = s
	n := len(s) + "x"
	fmt.Println(strings.ToUpper(5))
	var f float64 = 3
	var i int = f
	j := i + f
	k := int(f) + 0.5
	_, _, _ = n, j, k
}
)GO",
     R"GO(prog.go:10:8: names.append undefined (type []string has no field or method append)
prog.go:12:17: cannot use s (variable of type []string) as type string in variable declaration
prog.go:13:7: invalid operation: len(s) + "x" (mismatched types int and untyped string)
prog.go:14:30: cannot use 5 (untyped int constant) as string value in argument to strings.ToUpper
prog.go:16:14: cannot use f (variable of type float64) as type int in variable declaration
prog.go:17:7: invalid operation: i + f (mismatched types int and float64)
prog.go:18:16: 0.5 (untyped float constant) truncated to int
)GO"},
    {"c4_n2", R"GO(package main

import "fmt"

type Stack struct{ items []int }

func (s Stack) Push(v int) { s.items = append(s.items, v) }

func NewStack() *Stack { return Stack{} }

func (s *Stack) Pop() int {
	if len(s.items) == 0 {
		return
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func main() {
	s := NewStack()
	s.Push(1)
	fmt.Println(s.Pop(1))
	var x int = s.Peek()
	_ = x
}
)GO",
     R"GO(prog.go:9:33: cannot use Stack{} (value of type Stack) as type *Stack in return statement
prog.go:13:3: not enough return values
	have ()
	want (int)
prog.go:17:12: too many return values
	have (int, bool)
	want (int)
prog.go:23:20: too many arguments in call to s.Pop
	have (number)
	want ()
prog.go:24:16: s.Peek undefined (type *Stack has no field or method Peek)
)GO"},
    {"c4_n3", R"GO(package main

func main() {
	ch := make(chan int)
	var r <-chan int = ch
	r <- 1
	var w chan<- int = ch
	v := <-w
	close(r)
	x := 5
	<-x
	go func() {}
	defer fmt.Println()
	_ = v
}
)GO",
     R"GO(prog.go:6:2: invalid operation: cannot send to receive-only channel r (variable of type <-chan int)
prog.go:8:9: invalid operation: cannot receive from send-only channel w (variable of type chan<- int)
prog.go:9:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)
prog.go:11:4: invalid operation: cannot receive from non-channel x (variable of type int)
prog.go:12:5: expression in go must be function call
prog.go:13:8: undefined: fmt
)GO"},
    {"c4_n4", R"GO(package main

import "errors"

var ErrX = errors.New("x")

func f() error { return nil }

func main() {
	err := f()
	if err != nil {
		return err
	}
	if err == "x" {
	}
	var e error = "bad"
	switch err {
	case ErrX, ErrX:
	}
	_ = e
	var p *int
	if p == 0 {
	}
}
)GO",
     R"GO(prog.go:12:10: too many return values
	have (error)
	want ()
prog.go:14:12: cannot convert "x" (untyped string constant) to interface{Error() string}
prog.go:16:16: cannot use "bad" (constant of type string) as type error in variable declaration:
	string does not implement error (missing Error method)
prog.go:22:10: cannot convert 0 (untyped int constant) to *int
)GO"},
    {"c4_n5", R"GO(package main

import "fmt"

func main() {
	x := 10
	if x > 5 {
		y := 1
	} else {
		y := 2
	}
	fmt.Println(y)
	var m map[string]int
	for k, v := range m {
		fmt.Println(k)
	}
	switch z := x; {
	case z > 1:
	}
	var a [3]int
	for i := range a {
	}
}
)GO",
     R"GO(prog.go:8:3: y declared but not used
prog.go:10:3: y declared but not used
prog.go:12:14: undefined: y
prog.go:14:9: v declared but not used
prog.go:21:6: i declared but not used
)GO"},
    {"c4_n6", R"GO(package main

type Celsius float64

type Name string

func main() {
	var c Celsius
	var n Name
	if c == "x" {
	}
	if n == 1 {
	}
	c = "hot"
	n = 2.5
	var i interface{ M() } = 1
	_ = i
}
)GO",
     R"GO(prog.go:10:10: invalid operation: c == "x" (mismatched types Celsius and untyped string)
prog.go:12:10: invalid operation: n == 1 (mismatched types Name and untyped int)
prog.go:14:6: cannot use "hot" (untyped string constant) as Celsius value in assignment
prog.go:15:6: cannot use 2.5 (untyped float constant) as Name value in assignment
prog.go:16:27: cannot use 1 (constant of type int) as type interface{M()} in variable declaration:
	int does not implement interface{M()} (missing M method)
)GO"},
    {"c4_n7", R"GO(package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	var head *Node
	head.Val = 1
	n := Node{Val: 1}
	n.Next = n
	var list []Node
	list = append(list, &n)
	p := &n
	p.Nxt = nil
	fmt.Println(p.Val.X)
	var q Node = nil
	_ = q
	fmt.Println(*n)
}
)GO",
     R"GO(prog.go:14:11: cannot use n (variable of type Node) as type *Node in assignment
prog.go:16:22: cannot use &n (value of type *Node) as type Node in argument to append
prog.go:18:4: p.Nxt undefined (type *Node has no field or method Nxt)
prog.go:19:20: p.Val.X undefined (type int has no field or method X)
prog.go:20:15: cannot use nil as Node value in variable declaration
prog.go:22:15: invalid operation: cannot indirect n (variable of type Node)
)GO"},
    {"c4_n8", R"GO(package main

func sum(nums ...int) int { return 0 }

func pair() (int, int) { return 1, 2 }

func main() {
	xs := []int{1, 2}
	sum(xs)
	sum(1, xs...)
	sum(pair())
	sum(pair(), 3)
	f := func(a int) {}
	f(pair())
	f()
	var s []string
	sum(s...)
}
)GO",
     R"GO(prog.go:9:6: cannot use xs (variable of type []int) as type int in argument to sum
prog.go:10:9: too many arguments in call to sum
	have (number, []int)
	want (...int)
prog.go:12:6: multiple-value pair() (value of type (int, int)) in single-value context
prog.go:14:4: too many arguments in call to f
	have (int, int)
	want (int)
prog.go:15:2: not enough arguments in call to f
	have ()
	want (int)
prog.go:17:6: cannot use s (variable of type []string) as type []int in argument to sum
)GO"},
    {"c4_n9", R"GO(package main

import "fmt"

func main() {
	var x int = "5"
	y := 3
	y := 4
	var z = x +
	fmt.Println("z")
	const big = 1 << 62
	var i32 int32 = big
	var u uint = -1
	var f32 float32 = 1e100
	_, _, _, _ = y, z, i32, u
	_ = f32
}
)GO",
     R"GO(prog.go:6:14: cannot use "5" (untyped string constant) as int value in variable declaration
prog.go:8:4: no new variables on left side of :=
prog.go:10:2: multiple-value fmt.Println("z") (value of type (n int, err error)) in single-value context
prog.go:12:18: cannot use big (untyped int constant 4611686018427387904) as int32 value in variable declaration (overflows)
prog.go:13:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)
prog.go:14:20: cannot use 1e100 (untyped float constant 1e+100) as float32 value in variable declaration (overflows)
)GO"},
    {"c4_n10", R"GO(package main

type Shape interface {
	Area() float64
}

type Rect struct{ w, h float64 }

func (r Rect) Area() int { return 0 }

type Sq struct{}

func (s Sq) area() float64 { return 0 }

func total(shapes []Shape) float64 { return 0 }

func main() {
	rs := []Rect{{1, 2}}
	total(rs)
	var s Shape = Sq{}
	var t Shape = Rect{}
	var u Shape = &Sq{}
	_, _, _ = s, t, u
}
)GO",
     R"GO(prog.go:19:8: cannot use rs (variable of type []Rect) as type []Shape in argument to total
prog.go:20:16: cannot use Sq{} (value of type Sq) as type Shape in variable declaration:
	Sq does not implement Shape (missing Area method)
		have area() float64
		want Area() float64
prog.go:21:16: cannot use Rect{} (value of type Rect) as type Shape in variable declaration:
	Rect does not implement Shape (wrong type for Area method)
		have Area() int
		want Area() float64
prog.go:22:16: cannot use &Sq{} (value of type *Sq) as type Shape in variable declaration:
	*Sq does not implement Shape (missing Area method)
		have area() float64
		want Area() float64
)GO"},
    {"c4_p1", R"GO(package main

func init() int { return 0 }

func main(args []string) {
	init()
	break
	for {
		continue L
	}
	switch {
	case true:
		continue
	}
	goto done
	x := 1
done:
	_ = x
}
)GO",
     R"GO(prog.go:3:6: func init must have no arguments and no return values
prog.go:5:6: func main must have no arguments and no return values
prog.go:6:2: undefined: init
prog.go:7:2: break is not in a loop, switch, or select
prog.go:9:12: continue label not defined: L
prog.go:13:3: continue is not in a loop
prog.go:15:7: goto done jumps over declaration of x at prog.go:16:4
)GO"},
    {"c4_p2", R"GO(package main

func f(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return -1
	}
}

func g(x int) int {
	for x > 0 {
		return 1
	}
}

func h(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func main() {
	defer recover
	go f
	f(1) == 1
	f
	_, _ = g, h
}
)GO",
     R"GO(prog.go:9:1: missing return
prog.go:15:1: missing return
prog.go:22:1: missing return
prog.go:25:8: expression in defer must be function call
prog.go:26:5: expression in go must be function call
prog.go:26:5: not enough arguments in call to f
	have ()
	want (int)
prog.go:27:2: f(1) == 1 (untyped bool value) is not used
prog.go:28:2: f (value of type func(x int) int) is not used
)GO"},
    {"c4_p3", R"GO(package main

import "fmt"

type T struct {
	f func()
	m map[string]int
}

func main() {
	a, b := T{}, T{}
	fmt.Println(a == b)
	x := [2][]int{}
	y := x
	fmt.Println(x == y)
	var i interface{} = a
	fmt.Println(i == a)
	m := map[T]bool{}
	_ = m
	fmt.Println(func() {} == nil)
	s := []int{}
	fmt.Println(s == nil, nil == nil)
}
)GO",
     R"GO(prog.go:12:14: invalid operation: a == b (struct containing func() cannot be compared)
prog.go:15:14: invalid operation: x == y ([2][]int cannot be compared)
prog.go:17:19: invalid operation: i == a (struct containing func() cannot be compared)
prog.go:18:11: invalid map key type T
prog.go:22:31: invalid operation: nil == nil (operator == not defined on untyped nil)
)GO"},
    {"c4_p4", R"GO(package main

import "fmt"

func main() {
	var x interface{} = 5
	n := x + 1
	s := x.(string) + 1
	switch v := x.(type) {
	case int, string:
		fmt.Println(v + 1)
	}
	var i int = 5
	_ = i.(int)
	switch i.(type) {
	}
	_ = n
	_ = s
}
)GO",
     R"GO(prog.go:7:7: invalid operation: x + 1 (mismatched types interface{} and int)
prog.go:8:7: invalid operation: x.(string) + 1 (mismatched types string and untyped int)
prog.go:11:15: invalid operation: v + 1 (mismatched types interface{} and int)
prog.go:14:6: invalid operation: i (variable of type int) is not an interface
prog.go:15:9: i (variable of type int) is not an interface
)GO"},
    {"c4_g1", R"GO(package main

import "fmt"

func main() {
	i := 0
	goto check
	a, b := 1, 2
	var c, d = 3, 4
check:
	fmt.Println(i, a, b, c, d)
	goto inner
	{
	inner:
		fmt.Println()
	}
	if i > 0 {
		goto out
	}
	for j := 0; j < 2; j++ {
	loop:
		switch j {
		case 1:
		in:
			fmt.Println()
		}
		goto loop
	}
	goto in
out:
}
)GO",
     R"GO(prog.go:7:7: goto check jumps over declaration of c at prog.go:9:6
prog.go:12:7: goto inner jumps into block starting at prog.go:13:2
prog.go:29:7: goto in jumps into block starting at prog.go:23:3
)GO"},
    {"c4_q1", R"GO(package main

import "strings"

func (s string) Len() int { return len(s) }

type T struct{}

func (t T) M()  {}
func (t *T) M() {}

type P *T

func (p P) N() {}

func (b strings.Builder) X() {}

func main() {
	var t T
	t.M()
}
)GO",
     R"GO(prog.go:5:7: cannot define new methods on non-local type string
prog.go:10:13: T.M redeclared in this block
	prog.go:9:12: other declaration of M
prog.go:14:7: invalid receiver type P (pointer or interface type)
prog.go:16:7: cannot define new methods on non-local type strings.Builder
)GO"},
    {"c4_q2", R"GO(package main

import "fmt"

func main() {
	s := "abc"
	r := 'x'
	t := s + r
	u := s + string(r)
	var n int = len(s) / 0
	const c = 1 / 0
	f := 1.0
	g := f / 0
	x := 1 << 100
	var y int64 = 1 << 63
	fmt.Println(t, u, n, g, x, y)
}
)GO",
     R"GO(prog.go:8:7: invalid operation: s + r (mismatched types string and rune)
prog.go:10:23: invalid operation: division by zero
prog.go:11:16: invalid operation: division by zero
prog.go:14:7: cannot use 1 << 100 (untyped int constant 1267650600228229401496703205376) as int value in assignment (overflows)
prog.go:15:16: cannot use 1 << 63 (untyped int constant 9223372036854775808) as int64 value in variable declaration (overflows)
)GO"},
    {"c4_q3", R"GO(package main

import "fmt"

type Person struct {
	Name string
	age  int
}

func (p Person) Greet() string { return "hi " + p.Name }

func main() {
	p := Person{"Bob"}
	p2 := Person{Name: "A", Name: "B"}
	p3 := &Person{name: "x"}
	fmt.Println(p.Greet, p2, p3)
	fmt.Println(Person.Greet())
	var g func() string = p.Greet()
	_ = g
	ps := []Person{}
	ps[0].Greet() = "x"
}
)GO",
     R"GO(prog.go:13:19: too few values in Person{…}
prog.go:14:30: duplicate field name Name in struct literal
prog.go:15:16: unknown field 'name' in struct literal of type Person
prog.go:17:14: not enough arguments in call to Person.Greet
	have ()
	want (Person)
prog.go:18:24: cannot use p.Greet() (value of type string) as type func() string in variable declaration
prog.go:21:2: cannot assign to ps[0].Greet() (value of type string)
)GO"},
    {"c4_q4", R"GO(package main

func main() {
	var a [3]int
	b := a[:]
	c := a[1:5]
	d := b[3:1]
	s := "hello"
	e := s[1:2:3]
	var m map[string]int
	f := m[1:2]
	x := 5
	g := x[0]
	_, _, _, _, _ = c, d, e, f, g
}
)GO",
     R"GO(prog.go:6:11: invalid argument: index 5 out of bounds [0:4]
prog.go:7:11: invalid slice indices: 1 < 3
prog.go:9:13: invalid operation: 3-index slice of string
prog.go:11:7: invalid operation: cannot slice m (variable of type map[string]int)
prog.go:13:8: invalid operation: cannot index x (variable of type int)
)GO"},
    {"c4_r1", R"GO(package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := strconv.Atoi("5")
	v, err := strconv.Itoa(5)
	fmt.Println(n, v, err)
	os.Exit()
	x, _ := fmt.Sprint(1)
	fmt.Printf(1)
	_ = x
}
)GO",
     R"GO(prog.go:10:7: assignment mismatch: 1 variable but strconv.Atoi returns 2 values
prog.go:11:12: assignment mismatch: 2 variables but strconv.Itoa returns 1 value
prog.go:13:2: not enough arguments in call to os.Exit
	have ()
	want (int)
prog.go:14:10: assignment mismatch: 2 variables but fmt.Sprint returns 1 value
prog.go:15:13: cannot use 1 (untyped int constant) as string value in argument to fmt.Printf
)GO"},
    {"c4_r2", R"GO(package main

type Queue []int

func (q *Queue) Push(v int) { *q = append(*q, v) }

type Runner interface{ Run() error }

type job struct{}

func (j job) Run() {}

func start(r Runner) {}

func main() {
	var q Queue
	Queue{}.Push(1)
	q.Push("a")
	start(job{})
	start(nil)
	var r Runner = &job{}
	r.Run(1)
	r.Stop()
}
)GO",
     R"GO(prog.go:17:10: cannot call pointer method Push on Queue
prog.go:18:9: cannot use "a" (untyped string constant) as int value in argument to q.Push
prog.go:19:8: cannot use job{} (value of type job) as type Runner in argument to start:
	job does not implement Runner (wrong type for Run method)
		have Run()
		want Run() error
prog.go:21:17: cannot use &job{} (value of type *job) as type Runner in variable declaration:
	*job does not implement Runner (wrong type for Run method)
		have Run()
		want Run() error
prog.go:22:8: too many arguments in call to r.Run
	have (number)
	want ()
prog.go:23:4: r.Stop undefined (type Runner has no field or method Stop)
)GO"},
    {"c4_r3", R"GO(package main

import "fmt"

func main() {
	var arr [5]int
	for i := 0; i <= len(arr); i++ {
		arr[i] = i
	}
	fmt.Println(arr[5], arr[-1])
	sl := arr[2:10]
	var p *[5]int = &arr
	fmt.Println(p[7], len(p), sl)
	const idx = 6
	arr[idx] = 1
	s := "abc"
	_ = s[10]
}
)GO",
     R"GO(prog.go:10:18: invalid argument: index 5 out of bounds [0:5]
prog.go:10:26: invalid argument: index -1 (constant of type int) must not be negative
prog.go:11:14: invalid argument: index 10 out of bounds [0:6]
prog.go:13:16: invalid argument: index 7 out of bounds [0:5]
prog.go:15:6: invalid argument: index 6 out of bounds [0:5]
)GO"},
    {"c4_r4", R"GO(package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return "" }

func paint(c Color) {}

func main() {
	var i int = 1
	paint(i)
	paint(1)
	paint(Red + 1)
	var c Color = Green * 2.5
	fmt.Println(c + i)
	type Celsius float64
	var t Celsius = 1
	var f float64 = t
	_ = f
}
)GO",
     R"GO(prog.go:18:8: cannot use i (variable of type int) as type Color in argument to paint
prog.go:21:24: 2.5 (untyped float constant) truncated to int
prog.go:22:14: invalid operation: c + i (mismatched types Color and int)
prog.go:25:18: cannot use t (variable of type Celsius) as type float64 in variable declaration
)GO"},
    {"c4_r5", R"GO(package main

import "fmt"

func main() {
	var x int
	fmt.Println("value:" x)
}
)GO",
     R"GO(prog.go:7:23: syntax error: unexpected x in argument list; possibly missing comma or )
)GO"},
    {"c4_r6", R"GO(package main

import "fmt"

func main() {
	if x := 1; x > 0 {
		fmt.Println("yes")
	} else if x = 2 {
	}
	for i := 0; i < 3; i++ {
		i := "s"
	}
	var v = 1
	v = v
	w := 1
	w, w = 2, 3
	fmt.Println(v)
}
)GO",
     R"GO(prog.go:8:14: syntax error: cannot use assignment (x) = (2) as value
)GO"},
    {"c4_s1", R"GO(package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	words := strings.Fields("b a")
	sort.Strings(words, true)
	sorted := sort.Strings(words)
	var sb strings.Builder
	sb.WriteString(1)
	fmt.Println(sb.String, sorted)
	strings.Contains("a")
	idx := strings.Index("abc", 'b')
	_ = idx
}
)GO",
     R"GO(prog.go:11:22: too many arguments in call to sort.Strings
	have ([]string, bool)
	want ([]string)
prog.go:12:12: sort.Strings(words) (no value) used as value
prog.go:14:17: cannot use 1 (untyped int constant) as string value in argument to sb.WriteString
prog.go:16:19: not enough arguments in call to strings.Contains
	have (string)
	want (string, string)
prog.go:17:30: cannot use 'b' (untyped rune constant 98) as string value in argument to strings.Index
)GO"},
    {"c4_s2", R"GO(package main

import "fmt"

type Account struct {
	balance float64
}

func (a *Account) Deposit(amt float64) error {
	if amt < 0 {
		return fmt.Errorf("negative")
	}
	a.balance += amt
}

func (a Account) Balance() float64 {
	return a.balance
}

func main() {
	acc := Account{}
	err := acc.Deposit(10)
	acc.Balance = 5
	fmt.Println(acc.balance())
}
)GO",
     R"GO(prog.go:14:1: missing return
prog.go:22:2: err declared but not used
prog.go:23:2: cannot assign to acc.Balance (value of type func() float64)
prog.go:24:14: invalid operation: cannot call non-function acc.balance (variable of type float64)
)GO"},
    {"c4_s3", R"GO(package main

import "fmt"

func main() {
	m := map[string][]int{}
	m["a"] = append(m["a"], "x")
	for k := range m {
		delete(m)
		delete(m, 1)
	}
	v, ok := m["a"], true
	w, ok2 := m["b"]
	var cnt map[string]int
	cnt["x"]++
	cnt.x = 1
	fmt.Println(v, ok, w)
}
)GO",
     R"GO(prog.go:7:26: cannot use "x" (untyped string constant) as int value in argument to append
prog.go:8:6: k declared but not used
prog.go:9:3: invalid operation: not enough arguments for delete(m) (expected 2, found 1)
prog.go:10:13: cannot use 1 (untyped int constant) as string value in argument to delete
prog.go:13:5: ok2 declared but not used
prog.go:16:6: cnt.x undefined (type map[string]int has no field or method x)
)GO"},
    {"c4_s4", R"GO(package main

import "fmt"

func worker(ch chan int) {
	for v := range ch {
		fmt.Println(v)
	}
}

func main() {
	ch := make(chan int)
	go worker(ch)
	ch <- "x"
	var done chan bool
	done <- 1
	x := <-done + 1
	select {
	case v := <-ch:
	case ch <- 1, 2:
	}
	_ = x
}
)GO",
     R"GO(prog.go:20:14: syntax error: unexpected comma, expecting :
)GO"},
    {"c4_i1", R"GO(package main

import "fmt"

type Box struct {
	v interface{}
	w any
}

func get() (interface{}, error) { return nil, nil }

func main() {
	m := map[string]interface{}{"a": 1}
	n := m["a"] + 1
	b := Box{}
	c := b.v + 1
	d := b.w + 1
	e, _ := get()
	f := e + 1
	var g []any
	h := g[0] + 1
	x := fmt.Sprint
	var y int = x
	args := []interface{}{1}
	fmt.Println(args)
	var z int = args
	_, _, _, _, _, _ = n, c, d, f, h, z
}
)GO",
     R"GO(prog.go:14:7: invalid operation: m["a"] + 1 (mismatched types interface{} and int)
prog.go:16:7: invalid operation: b.v + 1 (mismatched types interface{} and int)
prog.go:17:7: invalid operation: b.w + 1 (mismatched types any and int)
prog.go:19:7: invalid operation: e + 1 (mismatched types interface{} and int)
prog.go:21:7: invalid operation: g[0] + 1 (mismatched types any and int)
prog.go:23:14: cannot use x (variable of type func(a ...any) string) as type int in variable declaration
prog.go:26:14: cannot use args (variable of type []interface{}) as type int in variable declaration
)GO"},
    {"c4_u4", R"GO(package main

import "fmt"

func main() {
	a, err := undefinedFunc()
	var b, c = undefinedFunc()
	d := fmt.Sprintf("%d", 1) + 1
	var e int
	e, f := "x", 1
	var g interface{} = 1
	h, ok := g.(undefinedType)
	ch := make(chan int)
	select {
	case i := <-ch:
	case j, ok2 := <-undefinedChan:
	}
	var k int
	for k = range undefinedSlice {
	}
	for l, m := range undefinedSlice {
	}
}
)GO",
     R"GO(prog.go:6:12: undefined: undefinedFunc
prog.go:7:13: undefined: undefinedFunc
prog.go:8:7: invalid operation: fmt.Sprintf("%d", 1) + 1 (mismatched types string and untyped int)
prog.go:10:10: cannot use "x" (untyped string constant) as int value in assignment
prog.go:12:14: undefined: undefinedType
prog.go:15:7: i declared but not used
prog.go:16:19: undefined: undefinedChan
prog.go:18:6: k declared but not used
prog.go:19:16: undefined: undefinedSlice
prog.go:21:20: undefined: undefinedSlice
prog.go:15:7: too many errors
)GO"},
    {"c4_t1", R"GO(package main

import "fmt"

func apply(fs []func(int) int, v int) {}

func main() {
	funcs := []func(){}
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	apply(funcs, 1)
	add := func(a, b int) int { return a + b }
	fmt.Println(add(1))
	var f func(string) = add
	defer add(1, 2)
	go add
	_ = f
}
)GO",
     R"GO(prog.go:10:25: cannot use func() int {…} (value of type func() int) as type func() in argument to append
prog.go:12:8: cannot use funcs (variable of type []func()) as type []func(int) int in argument to apply
prog.go:14:18: not enough arguments in call to add
	have (number)
	want (int, int)
prog.go:15:23: cannot use add (variable of type func(a int, b int) int) as type func(string) in variable declaration
prog.go:17:5: expression in go must be function call
prog.go:17:5: not enough arguments in call to add
	have ()
	want (int, int)
)GO"},
    {"c4_t2", R"GO(package main

const Pi = 3.14

const (
	A = iota
	B
)

func main() {
	Pi = 3
	var x int = Pi
	const s string = 1
	const t = len([]int{1})
	B++
	A := 5
	_ = x
}
)GO",
     R"GO(prog.go:11:2: cannot assign to Pi (untyped float constant 3.14)
prog.go:12:14: cannot use Pi (untyped float constant 3.14) as int value in variable declaration (truncated)
prog.go:13:19: cannot use 1 (untyped int constant) as string value in constant declaration
prog.go:14:12: len([]int{…}) (value of type int) is not constant
prog.go:15:2: cannot assign to B (untyped int constant 1)
prog.go:16:2: A declared but not used
)GO"},
    {"c4_t3", R"GO(package main

import "fmt"

type Temp float64

func (t Temp) F() Temp { return t*9/5 + 32 }

func main() {
	var t Temp = 10
	var f float64 = 2
	fmt.Println(t * f)
	fmt.Println(t.F() + f)
	var i int = 3
	fmt.Println(float64(i) / 2 * t)
	var u uint = 3
	fmt.Println(i + u)
	fmt.Println(i == u)
	var b bool = i
	_ = b
}
)GO",
     R"GO(prog.go:12:14: invalid operation: t * f (mismatched types Temp and float64)
prog.go:13:14: invalid operation: t.F() + f (mismatched types Temp and float64)
prog.go:15:14: invalid operation: float64(i) / 2 * t (mismatched types float64 and Temp)
prog.go:17:14: invalid operation: i + u (mismatched types int and uint)
prog.go:18:19: invalid operation: i == u (mismatched types int and uint)
prog.go:19:15: cannot use i (variable of type int) as type bool in variable declaration
)GO"},
    {"c4_t4", R"GO(package main

import "fmt"

type Item struct{ Name string }

func find(items []Item, name string) *Item {
	for _, it := range items {
		if it.Name == name {
			return it
		}
	}
	return Item{}
}

func main() {
	items := []Item{{"a"}}
	it := find(items, "a")
	if it != nil && it.Name {
	}
	var copy Item = *it
	copy.Name = 1
	fmt.Println(items[0].Missing, copy)
}
)GO",
     R"GO(prog.go:10:11: cannot use it (variable of type Item) as type *Item in return statement
prog.go:13:9: cannot use Item{} (value of type Item) as type *Item in return statement
prog.go:19:5: invalid operation: it != nil && it.Name (mismatched types untyped bool and string)
prog.go:22:14: cannot use 1 (untyped int constant) as string value in assignment
prog.go:23:23: items[0].Missing undefined (type Item has no field or method Missing)
)GO"},
    {"c4_t5", R"GO(package main

import (
	"fmt"
	"strings"
)

func main() {
	len := 3
	s := []int{1}
	fmt.Println(len(s))
	x := strings
	strings.toUpper("a")
	math.Sqrt(2)
	var fmt = 1
	fmt.Println(fmt, x)
	os.Exit(1)
}
)GO",
     R"GO(prog.go:10:2: s declared but not used
prog.go:11:14: invalid operation: cannot call non-function len (variable of type int)
prog.go:12:7: use of package strings not in selector
prog.go:13:10: undefined: strings.toUpper
prog.go:14:2: undefined: math
prog.go:16:6: fmt.Println undefined (type int has no field or method Println)
prog.go:17:2: undefined: os
)GO"},
    {"c4_t6", R"GO(package main

import "fmt"

type Shape interface {
	Area() float64
}

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R }

func main() {
	var s Shape = Circle{1}
	c := s.(Circle)
	fmt.Println(c.R, s.R)
	if c, ok := s.(*Circle); ok {
	}
	switch v := s.(type) {
	case Circle:
	case string:
	}
	n := s.(int)
	_ = n
}
)GO",
     R"GO(prog.go:16:21: s.R undefined (type Shape has no field or method R)
prog.go:17:5: c declared but not used
prog.go:19:9: v declared but not used
prog.go:21:7: impossible type switch case: string
	s (variable of type Shape) cannot have dynamic type string (missing Area method)
prog.go:23:7: impossible type assertion: s.(int)
	int does not implement Shape (missing Area method)
)GO"},
    {"c4_t7", R"GO(package main

import "fmt"

func main() {
	x := 5
	p := &x
	fmt.Println(p + 1)
	var q *int = x
	*x = 3
	pp := &p
	fmt.Println(**pp, *pp.x)
	var arr [3]int
	ap := &arr
	ap[0] = 1
	fmt.Println(len(ap), &5, &x.y)
}
)GO",
     R"GO(prog.go:8:18: cannot convert 1 (untyped int constant) to *int
prog.go:9:15: cannot use x (variable of type int) as type *int in variable declaration
prog.go:10:3: invalid operation: cannot indirect x (variable of type int)
prog.go:12:24: pp.x undefined (type **int has no field or method x)
prog.go:16:24: invalid operation: cannot take address of 5 (untyped int constant)
prog.go:16:30: x.y undefined (type int has no field or method y)
)GO"},
    {"c4_v1", R"GO(package main

import "fmt"

type RW interface {
	fmt.Stringer
	Write(p []byte) (n int, err error)
}

func main() {
	var x interface {
		N() int
		M()
	}
	var y int = x
	var r RW
	w := r.Write
	var z int = w
	var s struct {
		A int `json:"a"`
		B, C string
	}
	var q int = s
	var e interface{ fmt.Stringer }
	var k int = e
	_, _, _, _ = y, z, q, k
}
)GO",
     R"GO(prog.go:15:14: cannot use x (variable of type interface{M(); N() int}) as type int in variable declaration
prog.go:18:14: cannot use w (variable of type func(p []byte) (n int, err error)) as type int in variable declaration
prog.go:23:14: cannot use s (variable of type struct{A int "json:\"a\""; B string; C string}) as type int in variable declaration
prog.go:25:14: cannot use e (variable of type interface{fmt.Stringer}) as type int in variable declaration
)GO"},
    {"c4_w1", R"GO(package main

import "errors"

func parse(s string) (n int, err error) {
	if s == "" {
		err := errors.New("empty")
		return
	}
	return "x", nil
}

func half(n int) (int, bool) {
	return n / 2
}

func f() (int, string) {
	return nil, nil
}

func main() {
	parse("")
	half(1)
	f()
}
)GO",
     R"GO(prog.go:7:3: err declared but not used
prog.go:8:3: result parameter err not in scope at return
	prog.go:7:3: inner declaration of var err error
prog.go:10:9: cannot use "x" (untyped string constant) as int value in return statement
prog.go:14:9: not enough return values
	have (int)
	want (int, bool)
prog.go:18:9: cannot use nil as int value in return statement
prog.go:18:14: cannot use nil as string value in return statement
)GO"},
    {"c4_w2", R"GO(package main

import "fmt"

func main() {
	nums := []int{1, 2, 3}
	total := 0
	for i, n := range nums {
		total += n
	}
	avg := total / len(nums)
	var ratio float64 = total / len(nums)
	fmt.Printf("%d\n", avg)
	ratio = float64(total) / len(nums)
	var pct float64 = 0.5 * total
	_ = pct
}
)GO",
     R"GO(prog.go:8:6: i declared but not used
prog.go:12:22: cannot use total / len(nums) (value of type int) as type float64 in variable declaration
prog.go:14:10: invalid operation: float64(total) / len(nums) (mismatched types float64 and int)
prog.go:15:20: 0.5 (untyped float constant) truncated to int
)GO"},
    {"c4_w3", R"GO(package main

import "fmt"

type Employee struct {
	Name   string
	Salary int
}

func raise(e Employee) { e.Salary += 10 }

func main() {
	emps := map[string]Employee{"a": {"A", 1}}
	emps["a"].Salary = 2
	for _, e := range emps {
		e.Salary = 3
	}
	p := &emps["a"]
	raise(&emps["a"])
	var list []*Employee
	list = append(list, Employee{})
	fmt.Println(p, list)
}
)GO",
     R"GO(prog.go:14:2: cannot assign to struct field emps["a"].Salary in map
prog.go:18:8: invalid operation: cannot take address of emps["a"] (map index expression of type Employee)
prog.go:19:9: invalid operation: cannot take address of emps["a"] (map index expression of type Employee)
prog.go:21:22: cannot use Employee{} (value of type Employee) as type *Employee in argument to append
)GO"},
    {"c4_w4", R"GO(package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	c := Counter{}
	wg.Add()
	go func() {
		defer wg.Done
		c.Inc()
	}()
	wg.Wait(1)
	var m sync.Mutex = nil
	fmt.Println(c.n, m)
}
)GO",
     R"GO(prog.go:22:2: not enough arguments in call to wg.Add
	have ()
	want (int)
prog.go:24:11: expression in defer must be function call
prog.go:27:10: too many arguments in call to wg.Wait
	have (number)
	want ()
prog.go:28:21: cannot use nil as sync.Mutex value in variable declaration
)GO"},
    {"c4_w5", R"GO(package main

import "fmt"

func main() {
	var s []string
	s = append(s, 1, 2)
	s = append(s, []string{"a"})
	s = append("a", s)
	t := append(s, s...)
	u := copy(s, "abc")
	var b []byte
	b = append(b, "xyz")
	b = append(b, "xyz"...)
	fmt.Println(t, u, cap(5), len(5))
}
)GO",
     R"GO(prog.go:7:16: cannot use 1 (untyped int constant) as string value in argument to append
prog.go:7:19: cannot use 2 (untyped int constant) as string value in argument to append
prog.go:8:16: cannot use []string{…} (value of type []string) as type string in argument to append
prog.go:9:13: first argument to append must be a slice; have "a" (untyped string constant)
prog.go:11:12: invalid argument: arguments to copy s (variable of type []string) and "abc" (untyped string constant) have different element types string and byte
prog.go:13:16: cannot use "xyz" (untyped string constant) as byte value in argument to append
prog.go:15:24: invalid argument: 5 (untyped int constant) for cap
prog.go:15:32: invalid argument: 5 (untyped int constant) for len
)GO"},
    {"c4_w6", R"GO(package main

import "fmt"

type Animal struct{ Name string }

type Dog struct {
	Animal
	Breed string
}

func (a *Animal) Speak() string { return a.Name }

func main() {
	d := Dog{Name: "x", Breed: "y"}
	e := Dog{Animal{"a"}, "b", "c"}
	var a Animal = d
	var ap *Animal = &d
	fmt.Println(d.Speak(), e, a, ap, d.Animal.Breed)
}
)GO",
     R"GO(prog.go:15:11: unknown field 'Name' in struct literal of type Dog
prog.go:16:29: too many values in Dog{…}
prog.go:17:17: cannot use d (variable of type Dog) as type Animal in variable declaration
prog.go:18:19: cannot use &d (value of type *Dog) as type *Animal in variable declaration
prog.go:19:44: d.Animal.Breed undefined (type Animal has no field or method Breed)
)GO"},
    {"c4_x1", R"GO(package main

import (
	"fmt"
	"strconv"
)

func main() {
	age := "30"
	if age > 18 {
	}
	n, _ := strconv.Atoi(age)
	s := "age: " + n
	t := fmt.Sprintf("%d", n) + 1
	var f float64 = strconv.ParseFloat("1.5", 64)
	b := strconv.Itoa(int64(5))
	_, _, _, _ = s, t, f, b
}
)GO",
     R"GO(prog.go:10:11: invalid operation: age > 18 (mismatched types string and untyped int)
prog.go:13:7: invalid operation: "age: " + n (mismatched types untyped string and int)
prog.go:14:7: invalid operation: fmt.Sprintf("%d", n) + 1 (mismatched types string and untyped int)
prog.go:15:18: multiple-value strconv.ParseFloat("1.5", 64) (value of type (float64, error)) in single-value context
prog.go:16:20: cannot use int64(5) (constant 5 of type int64) as type int in argument to strconv.Itoa
)GO"},
    {"c4_x2", R"GO(package main

func main() {
	var grid [3][3]int
	grid[1] = [2]int{}
	row := grid[0]
	row = []int{1, 2, 3}
	matrix := [][]int{{1}, {2}}
	matrix[0][0] = "x"
	var x [2]int = [...]int{1, 2, 3}
	y := [3]int{1, 2, 3, 4}
	z := [...]int{5: 1, 2: 3, 5: 4}
	_, _, _ = x, y, z
}
)GO",
     R"GO(prog.go:5:12: cannot use [2]int{} (value of type [2]int) as type [3]int in assignment
prog.go:7:8: cannot use []int{…} (value of type []int) as type [3]int in assignment
prog.go:9:17: cannot use "x" (untyped string constant) as int value in assignment
prog.go:10:17: cannot use [...]int{…} (value of type [3]int) as type [2]int in variable declaration
prog.go:11:23: index 3 is out of bounds (>= 3)
prog.go:12:29: duplicate index 5 in array or slice literal
)GO"},
    {"c4_x3", R"GO(package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch, 1)
	v, ok, extra := <-ch
	var send chan<- int = ch
	for x := range send {
		fmt.Println(x)
	}
	len := cap(ch)
	_, _, _, _ = v, ok, extra, len
}
)GO",
     R"GO(prog.go:7:2: invalid operation: too many arguments for close(ch, 1) (expected 1, found 2)
prog.go:8:18: assignment mismatch: 3 variables but 1 value
prog.go:10:17: cannot range over send (variable of type chan<- int) (receive from send-only channel)
)GO"},
    {"c4_x4", R"GO(package main

func main() {
	z := [...]int{5: 1, 2: 3, 5: 4}
	w := []int{1: 1, 1: 2}
	v := [4]int{1: 1, 1: 2}
	_, _, _ = z, w, v
}
)GO",
     R"GO(prog.go:4:29: duplicate index 5 in array or slice literal
prog.go:5:20: duplicate index 1 in array or slice literal
prog.go:6:21: duplicate index 1 in array or slice literal
)GO"},
    {"c4_y1", R"GO(package main

import "fmt"

func main() {
	var f float64 = 2
	x := 1 << f
	y := 1.5 << 2
	var i int = -1
	z := 1 << i
	const big = 1 << 64
	var u uint64 = big
	var s string = 'a'
	var r rune = "a"
	b := byte(300)
	fmt.Println(x, y, z, u, s, r, b, int("12"), string(1.5))
}
)GO",
     R"GO(prog.go:7:12: invalid operation: shift count f (variable of type float64) must be integer
prog.go:8:7: invalid operation: shifted operand 1.5 (untyped float constant) must be integer
prog.go:12:17: cannot use big (untyped int constant 18446744073709551616) as uint64 value in variable declaration (overflows)
prog.go:13:17: cannot use 'a' (untyped rune constant 97) as string value in variable declaration
prog.go:14:15: cannot use "a" (untyped string constant) as rune value in variable declaration
prog.go:15:12: cannot convert 300 (untyped int constant) to type byte
prog.go:16:39: cannot convert "12" (untyped string constant) to type int
prog.go:16:53: cannot convert 1.5 (untyped float constant) to type string
)GO"},
    {"c4_y2", R"GO(package main

import "fmt"

func main() {
	var x int
	if x == nil {
	}
	var e error
	if e == 0 {
	}
	var m map[string]int
	if m == m {
	}
	f := func() {}
	if f != nil && f == f {
	}
	var s []int
	switch s {
	case nil:
	}
	fmt.Println(x > "a", true > false, nil == nil)
}
)GO",
     R"GO(prog.go:7:10: invalid operation: x == nil (mismatched types int and untyped nil)
prog.go:10:10: cannot convert 0 (untyped int constant) to interface{Error() string}
prog.go:13:5: invalid operation: m == m (map can only be compared to nil)
prog.go:16:17: invalid operation: f == f (func can only be compared to nil)
prog.go:22:18: invalid operation: x > "a" (mismatched types int and untyped string)
prog.go:22:23: invalid operation: true > false (operator > not defined on untyped bool)
prog.go:22:44: invalid operation: nil == nil (operator == not defined on untyped nil)
)GO"},
    {"c4_y4", R"GO(package main

type K struct{ s []int }

func main() {
	var k K
	switch k {
	}
	var s []int
	switch s {
	case nil:
	case []int{}:
	}
}
)GO",
     R"GO(prog.go:7:9: cannot switch on k (variable of type K) (K is not comparable)
prog.go:12:7: invalid case []int{} in switch on s (slice can only be compared to nil)
)GO"},
    {"c4_z1", R"GO(package main

import "fmt"

type Status int

const (
	Active Status = iota
	Inactive
)

func check(s Status) string {
	switch s {
	case Active:
		return "a"
	case 1:
		return "i"
	case "x":
		return "?"
	case Active:
		return "dup"
	}
	return ""
}

func main() {
	fmt.Println(check(Active), check(2), check(int(1)))
}
)GO",
     R"GO(prog.go:18:7: cannot convert "x" (untyped string constant) to int
prog.go:20:7: duplicate case Active (constant 0 of type Status) in expression switch
	prog.go:14:7: previous case
prog.go:27:45: cannot use int(1) (constant 1 of type int) as type Status in argument to check
)GO"},
    {"c4_z2", R"GO(package main

import "fmt"

func main() {
	var x interface{} = "s"
	switch t := x.(type) {
	case int, float64:
		fmt.Println(t + 1)
	case string:
		fmt.Println(t + 1)
	case fmt.Stringer, error:
	case int:
	}
	switch x.(type) {
	case undefinedT:
	}
}
)GO",
     R"GO(prog.go:9:15: invalid operation: t + 1 (mismatched types interface{} and int)
prog.go:11:15: invalid operation: t + 1 (mismatched types string and untyped int)
prog.go:13:7: duplicate case int in type switch
	prog.go:8:7: previous case
prog.go:16:7: undefined: undefinedT
)GO"},
    {"c4_z3", R"GO(package main

import (
	"fmt"
	"os"
)

type file struct{}

func (f *file) Close() error { return nil }

func open(name string) (*file, error) { return &file{}, nil }

func readAll(name string) ([]byte, error) {
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return nil
}

func main() {
	data, err := readAll("x")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit("1")
	}
	fmt.Println(string(data))
	var code int = os.Args
	_ = code
}
)GO",
     R"GO(prog.go:20:9: not enough return values
	have (nil)
	want ([]byte, error)
prog.go:27:11: cannot use "1" (untyped string constant) as int value in argument to os.Exit
prog.go:30:17: cannot use os.Args (variable of type []string) as type int in variable declaration
)GO"},
    {"c4_z4", R"GO(package main

import "fmt"

type Matrix [][]float64

func (m Matrix) At(i, j int) float64 { return m[i][j] }

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func main() {
	m := NewMatrix(2, 2)
	fmt.Println(m.At(0))
	fmt.Println(m.At(0, 1, 2))
	var v float32 = m.At(1, 1)
	m[0] = []int{1, 2}
	_ = v
}
)GO",
     R"GO(prog.go:19:19: not enough arguments in call to m.At
	have (number)
	want (int, int)
prog.go:20:25: too many arguments in call to m.At
	have (number, number, number)
	want (int, int)
prog.go:21:18: cannot use m.At(1, 1) (value of type float64) as type float32 in variable declaration
prog.go:22:9: cannot use []int{…} (value of type []int) as type []float64 in assignment
)GO"},
    {"c4_a1", R"GO(package main

import "fmt"

func main() {
	s := "ab" * 3
	t := "ab" - "a"
	var n int8 = 127 + 1
	m := int8(100) * 2
	const c uint8 = 255
	d := c + 1
	var k = 10 / 0.0
	fmt.Println(s, t, n, m, d, k, -"x", !1, ^1.5)
}
)GO",
     R"GO(prog.go:6:7: invalid operation: "ab" * 3 (mismatched types untyped string and untyped int)
prog.go:7:7: invalid operation: operator - not defined on "ab" (untyped string constant)
prog.go:8:15: cannot use 127 + 1 (untyped int constant 128) as int8 value in variable declaration (overflows)
prog.go:9:7: int8(100) * 2 (constant 200 of type int8) overflows int8
prog.go:11:7: c + 1 (constant 256 of type uint8) overflows uint8
prog.go:12:15: invalid operation: division by zero
prog.go:13:33: invalid operation: operator - not defined on "x" (untyped string constant)
prog.go:13:39: invalid operation: operator ! not defined on 1 (untyped int constant)
prog.go:13:43: invalid operation: operator ^ not defined on 1.5 (untyped float constant)
)GO"},
    {"c4_a2", R"GO(package main

import "fmt"

func main() {
outer:
	for i := 0; i < 2; i++ {
		switch i {
		case 0:
			break outer
		case 1:
			continue inner
		}
	}
lbl:
	fmt.Println()
	if true {
		break lbl
	}
	goto missing
}
)GO",
     R"GO(prog.go:12:13: continue label not defined: inner
prog.go:18:9: invalid break label lbl
prog.go:20:7: label missing not defined
)GO"},
    {"c4_a3", R"GO(package main

import "fmt"

type P struct{ x int }

func (p P) Get() int   { return p.x }
func (p *P) Set(v int) { p.x = v }

func main() {
	f := P.Get
	g := P.Set
	h := (*P).Set
	fmt.Println(f(P{}), h)
	f(1)
	_ = g
	P{}.Set(1)
	var i interface{ Set(int) } = P{}
	_ = i
}
)GO",
     R"GO(prog.go:12:9: cannot call pointer method Set on P
prog.go:15:4: cannot use 1 (untyped int constant) as P value in argument to f
prog.go:17:6: cannot call pointer method Set on P
prog.go:18:32: cannot use P{} (value of type P) as type interface{Set(int)} in variable declaration:
	P does not implement interface{Set(int)} (Set method has pointer receiver)
)GO"},
    {"c4_a4", R"GO(package main

import "fmt"

func main() {
	int := 5
	var x int = 3
	string := "s"
	fmt.Println(int, x, string(65))
	true := false
	nil := 1
	fmt.Println(true, nil)
	var p *int
	_ = p
}
)GO",
     R"GO(prog.go:7:8: int (variable of type int) is not a type
prog.go:9:22: invalid operation: cannot call non-function string (variable of type string)
prog.go:13:9: int (variable of type int) is not a type
)GO"},
    {"c4_a5", R"GO(package main

import "fmt"

func process(items []string) (count int) {
	for _, item := range items {
		if item == "" {
			continue
		}
		count++
	}
	return count, nil
}

func main() {
	items := []string{"a", ""}
	c := process(items...)
	d := process("a", "b")
	fmt.Println(c, d)
	fmt.Println(process)
	var fn func([]string) = process
	_ = fn
}
)GO",
     R"GO(prog.go:12:16: too many return values
	have (int, nil)
	want (int)
prog.go:17:7: cannot use ... in call to non-variadic process
prog.go:18:20: too many arguments in call to process
	have (string, string)
	want ([]string)
prog.go:21:26: cannot use process (value of type func(items []string) (count int)) as type func([]string) in variable declaration
)GO"},
    {"c4_a6", R"GO(package main

import "fmt"

const c = 3

func f() {}

func main() {
	var a c
	var b f
	var d fmt.Println
	var e len
	var g fmt.Stringer
	_, _, _, _, _ = a, b, d, e, g
}
)GO",
     R"GO(prog.go:10:8: c (untyped int constant 3) is not a type
prog.go:11:8: f (value of type func()) is not a type
prog.go:12:8: fmt.Println (value of type func(a ...any) (n int, err error)) is not a type
prog.go:13:8: len (built-in) is not a type
)GO"},
    {"c4_b1", R"GO(package main

import "fmt"

type Logger interface {
	Log(msg string)
}

type ConsoleLogger struct{}

func (c *ConsoleLogger) Log(msg string, level int) {}

type FileLogger struct{}

func (f FileLogger) log(msg string) {}

func main() {
	var l Logger = &ConsoleLogger{}
	l = FileLogger{}
	loggers := map[string]Logger{"c": ConsoleLogger{}}
	fmt.Println(l, loggers)
}
)GO",
     R"GO(prog.go:18:17: cannot use &ConsoleLogger{} (value of type *ConsoleLogger) as type Logger in variable declaration:
	*ConsoleLogger does not implement Logger (wrong type for Log method)
		have Log(msg string, level int)
		want Log(msg string)
prog.go:19:6: cannot use FileLogger{} (value of type FileLogger) as type Logger in assignment:
	FileLogger does not implement Logger (missing Log method)
		have log(msg string)
		want Log(msg string)
prog.go:20:36: cannot use ConsoleLogger{} (value of type ConsoleLogger) as type Logger in map literal:
	ConsoleLogger does not implement Logger (wrong type for Log method)
		have Log(msg string, level int)
		want Log(msg string)
)GO"},
    {"c4_b2", R"GO(package main

import (
	"fmt"
	"time"
)

func main() {
	d := 5
	time.Sleep(d * time.Second)
	time.Sleep(2 * time.Second)
	start := time.Now()
	elapsed := time.Now() - start
	var ms int = time.Since(start).Milliseconds()
	fmt.Println(elapsed, ms)
}
)GO",
     R"GO(prog.go:10:13: invalid operation: d * time.Second (mismatched types int and time.Duration)
prog.go:13:13: invalid operation: operator - not defined on time.Now() (value of type time.Time)
prog.go:14:15: cannot use time.Since(start).Milliseconds() (value of type int64) as type int in variable declaration
)GO"},
    {"c4_b3", R"GO(package main

import "fmt"

func main() {
	var x, y int = 1
	a, b := 1
	var c int, d string
	fmt.Println(x, y, a, b)
}
)GO",
     R"GO(prog.go:8:11: syntax error: unexpected comma at end of statement
)GO"},
    {"c4_e1", R"GO(package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "x" }

func do() error { return MyErr{1} }

func main() {
	err := do()
	var me MyErr
	if errors.As(err, me) {
	}
	if err.Code == 1 {
	}
	e := err.(MyErr)
	fmt.Println(e, errors.New(1))
	panic("a", "b")
}
)GO",
     R"GO(prog.go:12:26: cannot use MyErr{…} (value of type MyErr) as type error in return statement:
	MyErr does not implement error (Error method has pointer receiver)
prog.go:19:9: err.Code undefined (type error has no field or method Code)
prog.go:21:7: impossible type assertion: err.(MyErr)
	MyErr does not implement error (Error method has pointer receiver)
prog.go:22:28: cannot use 1 (untyped int constant) as string value in argument to errors.New
prog.go:23:2: invalid operation: too many arguments for panic("a", "b") (expected 1, found 2)
)GO"},
    {"c4_e2", R"GO(package main

import "fmt"

func main() {
	x := 3
	switch {
	case x > 1:
		fmt.Println("big")
		fallthrough
	case x > 5:
		fallthrough
	}
	switch x {
	case 1:
		if true {
			fallthrough
		}
	default:
	}
	for {
		fallthrough
	}
}
)GO",
     R"GO(prog.go:12:3: cannot fallthrough final case in switch
prog.go:17:4: fallthrough statement out of place
prog.go:22:3: fallthrough statement out of place
)GO"},
    {"c4_e3", R"GO(package main

import "fmt"

type Pair struct {
	Key   string
	Value int
}

func main() {
	pairs := []Pair{{"a", 1}, {Key: "b"}, {"c"}}
	for i := range pairs {
		pairs[i].Value *= "2"
	}
	m := map[Pair]int{{"a", 1}: 1}
	var total int
	for p, v := range m {
		total += p
		total += v
	}
	fmt.Println(pairs, total, m[Pair{}].x)
	sum := 0
	sum += 1.5
	var f float64
	f += 1
	f %= 2
	sum <<= 1.0
	sum &^= "x"
}
)GO",
     R"GO(prog.go:11:44: too few values in struct{Key string; Value int}{…}
prog.go:13:3: invalid operation: pairs[i].Value *= "2" (mismatched types int and untyped string)
prog.go:18:3: invalid operation: total += p (mismatched types int and Pair)
prog.go:21:38: m[Pair{}].x undefined (type int has no field or method x)
prog.go:23:9: 1.5 (untyped float constant) truncated to int
prog.go:26:2: invalid operation: operator % not defined on f (variable of type float64)
prog.go:28:2: invalid operation: sum &^= "x" (mismatched types int and untyped string)
)GO"},
    {"c4_e4", R"GO(package main

type P struct{ a, b int }

func main() {
	_ = P{1}
	_ = []P{{1}}
	_ = []*P{{1}}
	_ = map[string]P{"x": {1}}
}
)GO",
     R"GO(prog.go:6:9: too few values in P{…}
prog.go:7:12: too few values in struct{a int; b int}{…}
prog.go:8:13: too few values in P{…}
prog.go:9:26: too few values in struct{a int; b int}{…}
)GO"},
    {"c4_f1", R"GO(package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	memo := make(map[int]int)
	memo[1] = fib
	var results [10]int
	for i := 0; i < 10; i++ {
		results = append(results, fib(i))
	}
	fmt.Println(fib("10"), fib(1, 2), memo, fib())
	var f func(int) int = fib(3)
	_ = f
}
)GO",
     R"GO(prog.go:14:12: cannot use fib (value of type func(n int) int) as type int in assignment
prog.go:17:20: first argument to append must be a slice; have results (variable of type [10]int)
prog.go:19:18: cannot use "10" (untyped string constant) as int value in argument to fib
prog.go:19:32: too many arguments in call to fib
	have (number, number)
	want (int)
prog.go:19:42: not enough arguments in call to fib
	have ()
	want (int)
prog.go:20:24: cannot use fib(3) (value of type int) as type func(int) int in variable declaration
)GO"},
    {"c4_f2", R"GO(package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "hello"
	for i, c := range s {
		if c == "l" {
			fmt.Println(i)
		}
	}
	up := strings.ToUpper(s[0])
	b := s[0] + "x"
	r := []rune(s)
	r[0] = "H"
	var bs []byte = s
	fmt.Println(up, b, string(r), bs, s.Len())
}
)GO",
     R"GO(prog.go:11:11: invalid operation: c == "l" (mismatched types rune and untyped string)
prog.go:15:24: cannot use s[0] (value of type byte) as type string in argument to strings.ToUpper
prog.go:16:7: invalid operation: s[0] + "x" (mismatched types byte and untyped string)
prog.go:18:9: cannot use "H" (untyped string constant) as rune value in assignment
prog.go:19:18: cannot use s (variable of type string) as type []byte in variable declaration
prog.go:20:38: s.Len undefined (type string has no field or method Len)
)GO"},
    // Struct tags are part of a struct type: a conversion ignores them, an assignment does not.
    {"struct_tags", R"GO(package main

import "fmt"

type A struct {
	X int `json:"x"`
}

type B struct{ X int }

func main() {
	a := A{1}
	b := B(a)
	pb := (*B)(&a)
	t := struct {
		X int `json:"x"`
		Y string
	}{}
	var c struct{ X int } = a
	var d struct {
		X int
		Y string
	} = t
	fmt.Println(b, pb, c, d)
}
)GO",
     R"GO(prog.go:19:26: cannot use a (variable of type A) as type struct{X int} in variable declaration
prog.go:23:6: cannot use t (variable of type struct{X int "json:\"x\""; Y string}) as type struct{X int; Y string} in variable declaration
)GO"},
    {"multi-value calls as builtin arguments, slice to array pointer, duplicate cases", R"GO(package main

func g() ([]byte, []int) { return nil, nil }
func h() (map[string]int, int) { return nil, 0 }

func main() {
	copy(g())
	delete(h())
	var b []byte
	p := (*[2]int)(b)
	q := (*[2]byte)(b)
	switch x := 3; x {
	case 1, 2.0, 1:
	}
	println(p, q)
}
)GO",
     R"GO(prog.go:7:7: invalid argument: arguments to copy g() (value of type []byte) and g() (value of type []int) have different element types byte and int
prog.go:8:9: cannot use h() (value of type int) as type string in argument to delete
prog.go:10:17: cannot convert b (variable of type []byte) to type *[2]int
prog.go:13:15: duplicate case 1 (constant of type int) in expression switch
	prog.go:13:7: previous case
)GO"},
    {"exact float constants: rounding to float32 ties to even, huge exponents", R"GO(package main

const (
	two24  = 1.0 * (1 << 24)
	two128 = 1.0 * (1 << 128)
	ulp32  = two128 / two24
	max32  = two128 - ulp32
)

func main() {
	var a float32 = max32 + ulp32/2
	var b float32 = max32 + ulp32/2 - 1/two128
	x := 1e646456992
	const c = 1e309
	var d = c / 10
	println(a, b, x, d, 0.1+0.2 == 0.3)
}
)GO",
     R"GO(prog.go:11:18: cannot use max32 + ulp32 / 2 (untyped float constant 3.40282e+38) as float32 value in variable declaration (overflows)
prog.go:13:7: cannot use 1e646456992 (untyped float constant 1e+646456992) as float64 value in assignment (overflows)
)GO"},
    {"complex constants representability", R"GO(package main

func main() {
	var f float64 = 1 + 2i
	var i int = 2.5i
	var c complex64 = 1e300i
	var d complex128 = 1
	var g float64 = d
	println(f, i, c, d, g)
}
)GO",
     R"GO(prog.go:4:18: cannot use 1 + 2i (untyped complex constant (1 + 2i)) as float64 value in variable declaration (overflows)
prog.go:5:14: cannot use 2.5i (untyped complex constant (0 + 2.5i)) as int value in variable declaration (truncated)
prog.go:6:20: cannot use 1e300i (untyped complex constant (0 + 1e+300i)) as complex64 value in variable declaration (overflows)
prog.go:8:18: cannot use d (variable of type complex128) as type float64 in variable declaration
)GO"},
    {"complex operators and builtins", R"GO(package main

func main() {
	var a complex128 = 1i
	var b float64 = 2
	var n int = 3
	println(a < a, a % a, complex(b, n), real(b))
	println(complex(1i, 2), float64(a), a+b)
}
)GO",
     R"GO(prog.go:7:10: invalid operation: a < a (operator < not defined on complex128)
prog.go:7:17: invalid operation: operator % not defined on a (variable of type complex128)
prog.go:7:32: invalid operation: complex(b, n) (mismatched types float64 and int)
prog.go:7:44: invalid argument: argument has type float64, expected complex type
prog.go:8:18: invalid operation: complex(1i, 2) (mismatched types untyped complex and untyped float)
prog.go:8:34: cannot convert a (variable of type complex128) to type float64
prog.go:8:38: invalid operation: a + b (mismatched types complex128 and float64)
)GO"},
    {"complex constant conversions", R"GO(package main

func main() {
	const c = int(1 + 1i)
	println(c, 1i/0, uint8(256+0i), float32(1e300+0i), int(2.5+0i))
	var x complex64 = 3
	println(x << 1, real(1), imag(x) + 1.5i)
}
)GO",
     R"GO(prog.go:4:16: cannot convert 1 + 1i (untyped complex constant (1 + 1i)) to type int
prog.go:5:16: invalid operation: division by zero
prog.go:5:25: cannot convert 256 + 0i (untyped complex constant 256) to type uint8
prog.go:5:42: cannot convert 1e300 + 0i (untyped complex constant (1e+300 + 0i)) to type float32
prog.go:5:57: cannot convert 2.5 + 0i (untyped complex constant (2.5 + 0i)) to type int
prog.go:7:10: invalid operation: shifted operand x (variable of type complex64) must be integer
prog.go:7:37: 1.5i (untyped complex constant (0 + 1.5i)) overflows float32
)GO"},
    {"complex constant operators", R"GO(package main

func main() {
	const a = 1i % 2
	const b = ^1i
	const c = 1i << 2
	var x complex64 = 1e300i * 1e300i
	var y float32 = 1
	z := complex(y, 2.5)
	var w complex128 = z
	println(a, b, c, x, z, w, -1i > 0)
}
)GO",
     R"GO(prog.go:4:12: invalid operation: operator % not defined on 1i (untyped complex constant (0 + 1i))
prog.go:5:13: invalid operation: operator ^ not defined on 1i (untyped complex constant (0 + 1i))
prog.go:6:12: invalid operation: shifted operand 1i (untyped complex constant (0 + 1i)) must be integer
prog.go:7:20: cannot use 1e300i * 1e300i (untyped complex constant (-1e+600 + 0i)) as complex64 value in variable declaration (overflows)
prog.go:10:21: cannot use z (variable of type complex64) as type complex128 in variable declaration
prog.go:11:28: invalid operation: -1i > 0 (operator > not defined on untyped complex)
)GO"},
    {"complex assignability and builtin results", R"GO(package main

import "fmt"

func main() {
	var c complex128
	var f float64 = 2
	c = f
	c = complex(f, 1) + 1e400
	fmt.Println(c, real(2i) == 0, imag(3) == 0, len(complex(1, 2)))
	var i int = imag(1 + 2i)
	_ = i
	var k int = real(1.5 + 2i)
	_ = k
}
)GO",
     R"GO(prog.go:8:6: cannot use f (variable of type float64) as type complex128 in assignment
prog.go:9:22: 1e400 (untyped float constant 1e+400) overflows complex128
prog.go:10:50: invalid argument: complex(1, 2) (untyped complex constant (1 + 2i)) for len
prog.go:13:14: cannot use real(1.5 + 2i) (untyped float constant 1.5) as int value in variable declaration (truncated)
)GO"},
    {"complex and append of a multi-value call", R"GO(package main

func f() ([]int, string)     { return nil, "a" }
func g() (float64, int)      { return 1, 2 }
func h() (float32, float32)  { return 1, 2 }

func main() {
	_ = append(f())
	_ = complex(g())
	var c complex128 = complex(h())
	_ = c
}
)GO",
     R"GO(prog.go:8:13: cannot use f() (value of type string) as type int in argument to append
prog.go:9:14: invalid operation: complex(g()) (mismatched types float64 and int)
prog.go:10:21: cannot use complex(h()) (value of type complex64) as type complex128 in variable declaration
)GO"},
    {"generics: instantiation, inference and constraints", R"GO(package main

import "fmt"

type Number interface{ ~int | ~float64 }

type List[T any] struct{ v T }

func F[T any](x T) T { return x }

func G[T any]() T {
	var x T
	return x
}

func Eq[T comparable](a, b T) bool { return a == b }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Str[T fmt.Stringer](x T) string { return x.String() }

func Two[T any](x, y T) {}

func P[T any, U any](x T) {}

func main() {
	f := F
	_ = f
	_ = G()
	_ = Eq([]int{}, []int{})
	_ = Sum("a", "b")
	_ = Str(3)
	Two(1, "a")
	var l List
	_ = l
	P[int, string, bool](1)
	P[int](2)
}
)GO",
     R"GO(prog.go:33:7: cannot use generic function F without instantiation
prog.go:35:7: cannot infer T (prog.go:11:8)
prog.go:36:8: []int does not implement comparable
prog.go:37:9: string does not implement Number (string missing in ~int | ~float64)
prog.go:38:9: int does not implement fmt.Stringer (missing String method)
prog.go:39:9: default type string of "a" does not match inferred type int for T
prog.go:40:8: cannot use generic type List[T any] without instantiation
prog.go:42:17: got 3 type arguments but want 2
prog.go:43:8: cannot infer U (prog.go:30:15)
)GO"},
    {"generics: type argument counts and defaults", R"GO(package main

type Number interface{ ~int | ~float64 }

type List[T any] struct{ v T }

func Eq[T comparable](a, b T) bool { return a == b }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func P[T any, U any](x T) {}

func main() {
	var l List
	_ = l
	P[int, string, bool](1)
	P[int](2)
	_ = Eq[any](1, 2)
	_ = Sum[string]
	_ = Sum(1, 2.5)
	var m List[int, int]
	_ = m
}
)GO",
     R"GO(prog.go:20:8: cannot use generic type List[T any] without instantiation
prog.go:22:17: got 3 type arguments but want 2
prog.go:23:8: cannot infer U (prog.go:17:15)
prog.go:24:9: any does not implement comparable
prog.go:25:10: string does not implement Number (string missing in ~int | ~float64)
prog.go:26:13: default type float64 of 2.5 does not match inferred type int for T
prog.go:27:8: got 2 arguments but 1 type parameters
)GO"},
    {"generics: constraint interfaces as types, uninstantiated arguments, type argument counts", R"GO(package main

import "fmt"

type Number interface{ ~int | ~float64 }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Apply[T any](f func(T) T, x T) T { return f(x) }

func Double[T Number](x T) T { return x * 2 }

func Show[T fmt.Stringer](x T) {}

type Celsius float64

func main() {
	var n Number
	_ = n
	var c comparable
	_ = c
	_ = Apply(Double, 3)
	_ = Pair[[]int, int]{}
	Show(Celsius(1))
	_ = Double[Celsius](1.5)
	_ = Pair[int]{}
}
)GO",
     R"GO(prog.go:21:8: cannot use type Number outside a type constraint: interface contains type constraints
prog.go:23:8: cannot use type comparable outside a type constraint: interface is (or embeds) comparable
prog.go:25:12: cannot use generic function Double without instantiation
prog.go:26:11: []int does not implement comparable
prog.go:27:6: Celsius does not implement fmt.Stringer (missing String method)
prog.go:29:6: got 1 arguments but 2 type parameters
)GO"},
    {"generics: bodies checked against their constraints (uninstantiated)", R"GO(package main

import "fmt"

type I interface{ M() }

func F[T any](x, y T) T {
	z := 1
	return x + y
}

func G[T fmt.Stringer](x T) string {
	x.Foo()
	return x.String() + undefinedName
}

func H[T I](x T) int {
	x.M()
	if x.N > 0 {
		return -x
	}
}

func main() {
	var i, j I
	_ = i + j
	i.Foo()
}
)GO",
     R"GO(prog.go:8:2: z declared but not used
prog.go:9:9: invalid operation: operator + not defined on x (variable of type T constrained by any)
prog.go:13:4: x.Foo undefined (type T has no field or method Foo)
prog.go:14:22: undefined: undefinedName
prog.go:19:7: x.N undefined (type T has no field or method N)
prog.go:20:11: invalid operation: operator - not defined on x (variable of type T constrained by I)
prog.go:22:1: missing return
prog.go:26:6: invalid operation: operator + not defined on i (variable of type I)
prog.go:27:4: i.Foo undefined (type I has no field or method Foo)
)GO"},
    {"generics: a generic type's declaration is checked once, instantiated or not", R"GO(package main

type Box[T any] struct {
	v    T
	next *Undefined
}

type Unused[T any] struct{ x Missing }

func main() {
	var b Box[int]
	var c Box[string]
	_, _ = b, c
}
)GO",
     R"GO(prog.go:5:8: undefined: Undefined
prog.go:8:30: undefined: Missing
)GO"},
    {"generics: inference failures and argument counts", R"GO(package main

func F[T any](x, y T) {}

func G[T any](x []T) {}

func H[K comparable, V any](m map[K]V) {}

type List[T any] struct{ v T }

func L[T any](l List[T]) {}

func main() {
	var a int
	var b string
	F(a, b)
	G(a)
	H([]int{})
	L(List[int]{}, 1)
	L(a)
	var s []string
	G[int](s)
}
)GO",
     R"GO(prog.go:16:7: type string of b does not match inferred type int for T
prog.go:17:4: type int of a does not match []T (cannot infer T)
prog.go:18:4: type []int of []int{} does not match map[K]V (cannot infer K and V)
prog.go:19:17: too many arguments in call to L
	have (List[int], number)
	want (List[T])
prog.go:20:4: type int of a does not match List[T] (cannot infer T)
prog.go:22:9: cannot use s (variable of type []string) as type []int in argument to G[int]
)GO"},
    {"generics: a type parameter's value assigned to another type", R"GO(package main

import "fmt"

func F[T any](x T) int {
	return x
}

func G[T fmt.Stringer](x T) {
	var s string = x
	var i fmt.Stringer = x
	_, _ = s, i
}

func main() {
	_ = F[int](1)
}
)GO",
     R"GO(prog.go:6:9: cannot use x (variable of type T constrained by any) as type int in return statement
prog.go:10:17: cannot use x (variable of type T constrained by fmt.Stringer) as type string in variable declaration
)GO"},
    {"generics: embedded type parameters, type parameters as constraints, generic aliases", R"GO(package main

type S[T any] struct{ T }

func F[T any, U T]() {}

type A[T any] = []T

func main() {
	var s S[int]
	_ = s
}
)GO",
     R"GO(prog.go:3:23: embedded field type cannot be a (pointer to a) type parameter
prog.go:5:17: cannot use a type parameter as constraint
prog.go:7:6: generic type cannot be alias
)GO"},
    {"generics: operations a type parameter's constraint does not allow (comparison, len and cap, mismatched and undefined operators)", R"GO(package main

import "fmt"

type Number interface {
	~int | ~float64
}

type Int interface{ ~int | ~int64 }

func Less[T any](a, b T) bool {
	return a > b
}

func Eq[T any](a, b T) bool {
	return a == b
}

func Len[T any](x T) int {
	return len(x)
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s + len(xs)
}

func Mod[T Number](x, y T) T {
	return x % y
}

func Shift[T Int](x T) T {
	return x<<1 + T(len("ab"))
}

func Cap[T interface{ ~[]int | ~string }](x T) int {
	return cap(x)
}

func Ok[T Int](x, y T) bool {
	return x < y && x%y == 0
}

func main() {
	fmt.Println(Less(1, 2), Eq(1, 1), Len("a"), Sum([]int{1}), Mod(1, 2), Shift(1), Cap("x"), Ok(1, 2))
}
)GO",
     R"GO(prog.go:12:9: invalid operation: a > b (type parameter T is not comparable with >)
prog.go:16:9: invalid operation: a == b (incomparable types in type set)
prog.go:20:13: invalid argument: x (variable of type T constrained by any) for len
prog.go:28:9: invalid operation: s + len(xs) (mismatched types T and int)
prog.go:32:9: invalid operation: operator % not defined on x (variable of type T constrained by Number)
prog.go:40:13: invalid argument: x (variable of type T constrained by interface{~[]int|~string}) for cap
)GO"},
    {"generics: type sets of terms checked per term type (shifts, conversions, comparable without ordering, element type parameters)", R"GO(package main

import (
	"fmt"
	"strconv"
)

type Stringish interface {
	~string
	Len() int
}

type S string

func (s S) Len() int { return len(s) }

func A[T ~int | ~string](x T) int {
	return cap(x)
}

func B[T any](x T) int {
	return int(x)
}

func C[T interface{ ~int; String() string }](x T) string {
	return x.String() + strconv.Itoa(int(x))
}

func D[T Stringish](x T) int {
	return x.Len() + len(x)
}

func E[T ~float64](x T) T {
	return x << 1
}

func F[T comparable](a, b T) bool {
	return a == b || a < b
}

func G[K comparable, V any](m map[K]V, k K) V {
	v := m[k]
	return v + v
}

func H[T ~[]E, E any](s T) E {
	return s[0] + s[1]
}

func main() {
	fmt.Println(A(1), B(1), D(S("a")), E(1.0), F(1, 2), G(map[int]int{}, 1), H([]int{1, 2}))
}
)GO",
     R"GO(prog.go:18:13: invalid argument: x (variable of type T constrained by ~int|~string) for cap
prog.go:22:13: cannot convert x (variable of type T constrained by any) to type int
prog.go:34:9: invalid operation: shifted operand x (variable of type T constrained by ~float64) must be integer
prog.go:38:19: invalid operation: a < b (type parameter T is not comparable with <)
prog.go:43:9: invalid operation: operator + not defined on v (variable of type V constrained by any)
prog.go:47:9: invalid operation: operator + not defined on s[0] (variable of type E constrained by any)
)GO"},
    {"generics: type assertions and type switches on a type parameter's value", R"GO(package main

import "fmt"

func A[T any](x T) int {
	if v, ok := x.(int); ok {
		return v
	}
	switch any(x).(type) {
	case int:
		return 1
	}
	return 0
}

func B[T fmt.Stringer](x T) int {
	switch x.(type) {
	case fmt.Stringer:
		return 1
	}
	return 0
}

func main() {
	fmt.Println(A(1))
}
)GO",
     R"GO(prog.go:6:14: invalid operation: cannot use type assertion on type parameter value x (variable of type T constrained by any)
prog.go:17:9: cannot use type switch on type parameter value x (variable of type T constrained by fmt.Stringer)
)GO"},
    {"generics: an instantiation cycle", R"GO(package main

func Depth[T any](n int, v T) []any {
	if n == 0 {
		return []any{v}
	}
	return Depth(n-1, []T{v})
}

func main() {
	_ = Depth(2, 7)
}
)GO",
     R"GO(prog.go:3:12: instantiation cycle:
	prog.go:7:14: T instantiated as []T
)GO"},
};

}  // namespace

TEST_CASE("checker errors: gc's messages, verified against Go 1.19", "[checker][errors]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    LoadedProgram p = load_program("prog.go", c.src, tree_package);
    CHECK_FALSE(p.ok);
    CHECK(p.diags.text() == std::string(c.want));
  }
}

TEST_CASE("checker errors: truncated and mutated corpus programs never crash", "[checker][errors]") {
  const std::filesystem::path dir = std::filesystem::path(GB_REPO_DIR) / "tests/go";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".go") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::uint64_t seed = 12345;
  auto rnd = [&]() {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(seed >> 33);
  };
  const char* tokens[] = {"x", "1", "\"s\"", "nil", "(", ")", "{", "}", ".", "*", "&", "go ", "int", ":=", "=", ",",
                          "[]", "func", "return ", "range ", ";", "<-", "var ", "type ", "interface{}", "..."};
  int loaded = 0;
  for (std::size_t fi = 0; fi < files.size(); fi += 3) {
    std::ifstream f(files[fi]);
    std::stringstream s;
    s << f.rdbuf();
    const std::string text = s.str();
    for (int k = 0; k < 6; ++k) {
      std::string t = text;
      if (k == 0) {
        t = text.substr(0, rnd() % (text.size() + 1));
      } else {
        for (int m = 0; m < 1 + k; ++m) {
          const std::size_t at = rnd() % (t.size() + 1);
          if (rnd() % 2) {
            t.insert(at, tokens[rnd() % (sizeof tokens / sizeof tokens[0])]);
          } else {
            t.erase(at, std::min<std::size_t>(rnd() % 6, t.size() - std::min(at, t.size())));
          }
        }
      }
      LoadedProgram p = load_program("fuzz.go", t, tree_package);
      ++loaded;
      CHECK(p.diags.count() <= Diagnostics::kMaxErrors);
    }
  }
  CHECK(loaded > 100);
}
