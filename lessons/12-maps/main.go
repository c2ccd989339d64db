// Maps: the notes' comma-ok idiom tells a missing key from a zero value. A nil map
// (declared, never made) reads like an empty one: lookups give the zero value, len is
// 0, range and delete do nothing. Writing to it panics: make the map first.
package main

import "fmt"

func main() {
	var mapp map[int]string // nil
	if _, ok := mapp[10]; ok {
		fmt.Println("key 10 present")
	} else {
		fmt.Println("key 10 absent")
	}
	fmt.Printf("nil map: mapp[10] = %q, len %d, mapp == nil %v\n", mapp[10], len(mapp), mapp == nil)
	delete(mapp, 10) // fine: nothing to delete

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		mapp[10] = "ten" // writing to a nil map panics
	}()

	mapp = make(map[int]string)
	mapp[10] = "ten"
	balances := map[string]int{"alice": 0, "bob": 50}
	for _, name := range []string{"alice", "bob", "carol"} {
		v, ok := balances[name] // alice: 0 but present; carol: 0 and absent
		fmt.Printf("%-5s balance %2d present %v\n", name, v, ok)
	}
	fmt.Println(mapp, balances) // fmt prints maps sorted by key
}
