package main

func main() {
	break
	continue
L:
	for {
	}
}
