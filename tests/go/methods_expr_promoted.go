// Method expressions through interfaces, embedding and pointers, and the method sets of unnamed structs with
// embedded fields (the shallowest promoted method wins).
package main

import (
	"fmt"
	"strings"
)

type Namer interface{ Name() string }

type Base struct{ id int }

func (b Base) Name() string   { return fmt.Sprintf("base%d", b.id) }
func (b *Base) Bump(n int) int { b.id += n; return b.id }

type Inner struct{ Base }

func (Inner) Deep() string { return "inner" }

type Outer struct {
	*Base
	Inner // Inner.Base.Name is deeper than Outer.Base.Name
}

func main() {
	name := Namer.Name
	fmt.Println(name(Base{1}))

	bump := (*Base).Bump
	b := &Base{10}
	fmt.Println(bump(b, 5), b.id)

	viaEmbed := (*Outer).Name
	o := &Outer{Base: &Base{7}, Inner: Inner{Base{8}}}
	fmt.Println(viaEmbed(o), o.Name(), o.Deep())

	deep := Outer.Deep
	fmt.Println(deep(*o))

	anon := struct{ Base }{Base{3}}
	var n Namer = anon
	fmt.Println(n.Name())
	fmt.Printf("%T\n", n)

	sb := struct {
		*strings.Builder
		tag string
	}{&strings.Builder{}, "x"}
	sb.WriteString("built")
	var s fmt.Stringer = sb
	fmt.Println(s.String(), sb.tag)

	lit := interface{ Name() string }.Name
	fmt.Println(lit(Inner{Base{4}}))
}
