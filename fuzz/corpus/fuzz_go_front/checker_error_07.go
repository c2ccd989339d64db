package main

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
