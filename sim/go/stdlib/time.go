// Package time of the Go subset, on the simulated clock: Duration with Go's formatting, Time as a point on
// that clock, Sleep, and timers (After, NewTimer, AfterFunc, tickers) served by the runtime's timer heap.
//
// Simplification: the simulated clock starts at 2009-11-10 23:00:00 UTC (the Go playground's epoch), there
// are no time zones (UTC only), no layout-based Format or Parse, and every Time at or after the clock's start
// prints its monotonic clock reading (" m=+seconds").
package time

// Served by the interpreter.
func Sleep(d Duration)
func runtimeNano() int64
func startTimer(when int64, c chan Time, f func()) int64
func stopTimer(id int64) bool

// [SECTION] Duration

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// utoa writes v in decimal.
func utoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}

// fraction writes v / 10^digits with the fractional part's trailing zeros removed ("1.5", "2", "0.25").
func fraction(v uint64, digits int) string {
	scale := uint64(1)
	for i := 0; i < digits; i++ {
		scale *= 10
	}
	whole := v / scale
	frac := v % scale
	if frac == 0 {
		return utoa(whole)
	}
	var buf [20]byte
	n := 0
	for i := 0; i < digits; i++ {
		scale /= 10
		buf[n] = byte('0' + frac/scale%10)
		n++
	}
	for buf[n-1] == '0' {
		n--
	}
	return utoa(whole) + "." + string(buf[:n])
}

// String formats d like "72h3m0.5s": hours, minutes and seconds for a second or more, and one unit
// ("1.5ms", "20\u00b5s" (micro sign), "3ns") below that. The zero duration is "0s".
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	sign := ""
	if d < 0 {
		sign = "-"
		u = -u
	}
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			return sign + utoa(u) + "ns"
		case u < uint64(Millisecond):
			return sign + fraction(u, 3) + "\u00b5s"
		default:
			return sign + fraction(u, 6) + "ms"
		}
	}
	s := fraction(u%uint64(Minute), 9) + "s"
	minutes := u / uint64(Minute)
	if minutes > 0 {
		s = utoa(minutes%60) + "m" + s
		if hours := minutes / 60; hours > 0 {
			s = utoa(hours) + "h" + s
		}
	}
	return sign + s
}

func (d Duration) Nanoseconds() int64  { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

func (d Duration) Seconds() float64 {
	whole := d / Second
	rest := d % Second
	return float64(whole) + float64(rest)/1e9
}

func (d Duration) Minutes() float64 {
	whole := d / Minute
	rest := d % Minute
	return float64(whole) + float64(rest)/(60*1e9)
}

func (d Duration) Hours() float64 {
	whole := d / Hour
	rest := d % Hour
	return float64(whole) + float64(rest)/(60*60*1e9)
}

// Truncate rounds d toward zero to a multiple of m (d itself when m <= 0).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// lessThanHalf reports x < y/2 without overflow.
func lessThanHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}

// Round rounds d to the nearest multiple of m, halfway values away from zero, saturating at the extremes.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// [SECTION] Time

// A Time is an instant: ns nanoseconds since the Unix epoch. Times read from the simulated clock are
// clockEpochUnix seconds plus the clock's reading; the zero Time (ns == 0) stands for Go's zero time.
type Time struct {
	ns int64
}

// The Unix time, in seconds, at which the simulated clock reads zero: 2009-11-10 23:00:00 UTC.
const clockEpochUnix = 1257894000

// Now returns the current simulated time.
func Now() Time {
	return Time{clockEpochUnix*1e9 + runtimeNano()}
}

func Since(t Time) Duration {
	return Now().Sub(t)
}

func Until(t Time) Duration {
	return t.Sub(Now())
}

func (t Time) Add(d Duration) Time {
	return Time{t.ns + int64(d)}
}

// Sub returns t-u, saturating at the largest or smallest Duration.
func (t Time) Sub(u Time) Duration {
	d := Duration(t.ns - u.ns)
	if u.Add(d).Equal(t) {
		return d
	}
	if t.Before(u) {
		return minDuration
	}
	return maxDuration
}

func (t Time) After(u Time) bool  { return t.ns > u.ns }
func (t Time) Before(u Time) bool { return t.ns < u.ns }
func (t Time) Equal(u Time) bool  { return t.ns == u.ns }
func (t Time) IsZero() bool       { return t.ns == 0 }

func (t Time) Compare(u Time) int {
	if t.ns < u.ns {
		return -1
	}
	if t.ns > u.ns {
		return 1
	}
	return 0
}

func (t Time) UnixNano() int64  { return t.ns }
func (t Time) Unix() int64      { return floorDiv(t.ns, 1e9) }
func (t Time) UnixMilli() int64 { return floorDiv(t.ns, 1e6) }

// Unix returns the Time sec seconds and nsec nanoseconds after the Unix epoch.
func Unix(sec int64, nsec int64) Time {
	return Time{sec*1e9 + nsec}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Truncate and Round as for Duration, measured from the Unix epoch (Go measures from its zero time;
// the results agree for durations dividing a day).
func (t Time) Truncate(d Duration) Time { return Time{int64(Duration(t.ns).Truncate(d))} }
func (t Time) Round(d Duration) Time    { return Time{int64(Duration(t.ns).Round(d))} }

func pad(v int64, width int) string {
	s := utoa(uint64(v))
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// A Month specifies a month of the year (January = 1).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + itoa(int64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + itoa(int64(d)) + ")"
}

func itoa(v int64) string {
	if v < 0 {
		return "-" + utoa(uint64(-v))
	}
	return utoa(uint64(v))
}

// Date returns the year, month and day of t (UTC).
func (t Time) Date() (year int, month Month, day int) {
	if t.ns == 0 {
		return 1, January, 1
	}
	y, m, d := civil(floorDiv(t.ns, 86400*1e9))
	return int(y), Month(m), int(d)
}

// Clock returns the hour, minute and second of t within its day (UTC).
func (t Time) Clock() (hour, min, sec int) {
	rest := floorDiv(t.ns, 1e9) - floorDiv(t.ns, 86400*1e9)*86400
	return int(rest / 3600), int(rest / 60 % 60), int(rest % 60)
}

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// Nanosecond returns the nanoseconds within the second.
func (t Time) Nanosecond() int {
	return int(t.ns - floorDiv(t.ns, 1e9)*1e9)
}

// Weekday returns the day of the week (1970-01-01 was a Thursday; the zero Time, 0001-01-01, a Monday).
func (t Time) Weekday() Weekday {
	if t.ns == 0 {
		return Monday
	}
	days := floorDiv(t.ns, 86400*1e9)
	return Weekday((days%7 + 7 + 4) % 7)
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date.
func civil(days int64) (year, month, day int64) {
	days += 719468
	era := floorDiv(days, 146097)
	doe := days - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	month = mp + 3
	if month > 12 {
		month -= 12
	}
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return
}

// String formats t as Go does: "2009-11-10 23:00:00.5 +0000 UTC m=+0.500000000", with the monotonic
// clock reading for times at or after the simulated clock's start.
func (t Time) String() string {
	if t.ns == 0 {
		return "0001-01-01 00:00:00 +0000 UTC"
	}
	secs := floorDiv(t.ns, 1e9)
	nanos := t.ns - floorDiv(t.ns, 1e9)*1e9
	days := floorDiv(secs, 86400)
	rest := secs - days*86400
	y, mo, d := civil(days)
	s := pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2) + " " + pad(rest/3600, 2) + ":" + pad(rest/60%60, 2) + ":" +
		pad(rest%60, 2)
	if nanos != 0 {
		f := fraction(uint64(nanos), 9)
		s += f[1:]
	}
	mono := t.ns - clockEpochUnix*1e9
	if mono < 0 {
		return s + " +0000 UTC"
	}
	s += " +0000 UTC m="
	return s + "+" + utoa(uint64(mono/1e9)) + "." + pad(mono%1e9, 9)
}

// [SECTION] Timers

// when returns the clock reading d from now, never in the past and never overflowing.
func when(d Duration) int64 {
	now := runtimeNano()
	if d <= 0 {
		return now
	}
	t := now + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// A Timer sends the time on C when it fires (or runs f, for AfterFunc). C has a buffer of one, as in
// Go 1.19, so a timer nobody reads from never blocks the runtime.
type Timer struct {
	C  <-chan Time
	c  chan Time
	f  func()
	id int64
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c, c: c}
	t.id = startTimer(when(d), c, nil)
	return t
}

// Stop prevents the timer from firing; false if it had already fired or been stopped.
func (t *Timer) Stop() bool {
	return stopTimer(t.id)
}

// Reset makes the timer fire after d; true if it had been active.
func (t *Timer) Reset(d Duration) bool {
	active := stopTimer(t.id)
	t.id = startTimer(when(d), t.c, t.f)
	return active
}

// After waits for d and then sends the current time on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc runs f in its own goroutine after d.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	t.id = startTimer(when(d), nil, f)
	return t
}

// A Ticker sends the time on C every period. Simplification: each tick re-arms the timer from a short-lived
// goroutine (Go's timer heap re-arms periodic timers itself), so NumGoroutine may count it for a moment.
type Ticker struct {
	C       <-chan Time
	c       chan Time
	period  Duration
	next    int64
	id      int64
	stopped bool
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c, period: d}
	t.next = when(d)
	t.arm()
	return t
}

func (t *Ticker) arm() {
	t.id = startTimer(t.next, t.c, func() {
		if t.stopped {
			return
		}
		t.next += int64(t.period)
		if now := runtimeNano(); t.next <= now {
			t.next = now + int64(t.period)
		}
		t.arm()
	})
}

func (t *Ticker) Stop() {
	t.stopped = true
	stopTimer(t.id)
}

func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	stopTimer(t.id)
	t.stopped = false
	t.period = d
	t.next = when(d)
	t.arm()
}

// Tick returns the channel of a Ticker that is never stopped (nil for d <= 0).
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
