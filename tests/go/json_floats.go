package main

import (
	"encoding/json"
	"fmt"
	"math"
)

func main() {
	// Go's float form: the shortest digits that read back, 'f' style between 1e-6 and 1e21, else 'e'
	// with the exponent's leading zero dropped; float32 values with float32's shortest digits.
	values := []float64{0, 1, -1, 0.1, 1.5, 100, 1e6, 123456789, 1.0 / 3, 2.0 / 3, 1e20, 1e21, 1.5e21,
		1e-6, 9.99e-7, 1e-7, 1.234e-9, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64,
		12345678901234567890, 0.000123, 3.14159265358979, -2.5e-8, 1 << 53, 1<<53 + 1}
	for _, f := range values {
		b, _ := json.Marshal(f)
		c, err := json.Marshal(float32(f))
		fmt.Printf("%-28s float32: %s %v\n", b, c, err)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := json.Marshal(f)
		fmt.Println(err)
	}
	ints := []any{int8(-128), int16(32767), int32(-5), int64(math.MinInt64), uint8(255), uint16(65535),
		uint32(4294967295), uint64(math.MaxUint64), uintptr(12)}
	b, err := json.Marshal(ints)
	fmt.Println(string(b), err)

	// Reading numbers: into float64 and float32, and the integer types with their range checks.
	var f64 float64
	var f32 float32
	for _, s := range []string{"0.1", "1e308", "1e309", "-0", "1E+2", "4.9e-324", "3.4028235e38", "3.5e38"} {
		e1 := json.Unmarshal([]byte(s), &f64)
		e2 := json.Unmarshal([]byte(s), &f32)
		fmt.Println(s, f64, e1, f32, e2)
	}
	var i64 int64
	var u32 uint32
	for _, s := range []string{"9223372036854775807", "9223372036854775808", "-9223372036854775808", "4294967296",
		"1.0", "1e3", "-3"} {
		e1 := json.Unmarshal([]byte(s), &i64)
		e2 := json.Unmarshal([]byte(s), &u32)
		fmt.Println(s, i64, e1, u32, e2)
	}
	var n json.Number
	err = json.Unmarshal([]byte(`12.50`), &n)
	fv, _ := n.Float64()
	iv, ierr := n.Int64()
	fmt.Println(n, err, fv, iv, ierr != nil)
	b, _ = json.Marshal(struct{ N json.Number }{"1e3"})
	fmt.Println(string(b))
}
