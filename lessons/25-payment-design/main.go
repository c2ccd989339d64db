// Designing the payment system (the notes: 1 million daily users, 5 payments each a day,
// records kept 5 years). The capacity arithmetic, computed rather than written in: the
// average and peak write rate, the rows and the storage. The peak rate is what the
// simulator's payment workload (../payment/payment.go, its `variant` knob) must sustain.
package main

import "fmt"

const (
	dailyUsers      = 1000000
	paymentsPerUser = 5   // a day
	years           = 5   // records kept
	rowBytes        = 500 // a payment row with its indexes
	replicas        = 3   // copies of every row (a primary and two replicas)
	readsPerWrite   = 10  // history and balance queries per payment: the read path
	peakFactor      = 10  // knob: the busiest second over the average one (lunch time, a sale)
)

func main() {
	perDay := dailyUsers * paymentsPerUser
	average := float64(perDay) / (24 * 60 * 60)
	peak := average * peakFactor
	rows := int64(perDay) * 365 * years
	storage := float64(rows*rowBytes) / 1e12 // TB

	fmt.Printf("payments a day:     %d\n", perDay)
	fmt.Printf("writes per second:  %.1f on average, %.0f at peak (x%d)\n", average, peak, peakFactor)
	fmt.Printf("reads per second:   %.0f on average, %.0f at peak\n", average*readsPerWrite, peak*readsPerWrite)
	fmt.Printf("rows after %d years: %d (%.2f billion)\n", years, rows, float64(rows)/1e9)
	fmt.Printf("storage:            %.2f TB, %.2f TB with %d replicas\n", storage, storage*replicas, replicas)
	fmt.Printf("one database write takes about 1 ms: %.1f writes in flight at peak\n", peak*0.001)
	fmt.Printf("simulate the peak:  gopherbus-cli run lessons/payment/payment.go --payments 2000 --payment-rate %.0f\n", peak)
}
