package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, time.Microsecond, 1500 * time.Microsecond, time.Millisecond * 250,
		time.Second, 1500 * time.Millisecond, 90 * time.Second, time.Hour + 30*time.Minute,
		2*time.Hour + 45*time.Minute + 30*time.Second + 5*time.Millisecond, -3 * time.Second, 100 * time.Hour}
	for _, d := range ds {
		fmt.Println(d, int64(d))
	}
	d := 2*time.Second + 300*time.Millisecond
	fmt.Println(d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds(), d.Minutes())
	fmt.Println(time.Duration(3)*time.Millisecond, time.Second/4, time.Minute%(7*time.Second))
	fmt.Printf("%v %d %s %T\n", d, d, d, d)
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	fmt.Println(d.String() == "2.3s", d > time.Second, d.Round(time.Second), d.Truncate(time.Second))
	var timeout time.Duration = 5e9
	fmt.Println(timeout)
}
