// Package log of the Go subset: the standard logger writing to standard error with Go's default
// "2009/11/10 23:00:00 " prefix read from the simulated clock, Fatal (exit status 1) and Panic.
// Simplification: Llongfile and Lshortfile are accepted but print no file name.
package log

import (
	"fmt"
	"os"
	"time"
)

const (
	Ldate = 1 << iota
	Ltime
	Lmicroseconds
	Llongfile
	Lshortfile
	LUTC
	Lmsgprefix
	LstdFlags = Ldate | Ltime
)

var flags = LstdFlags
var prefix = ""

func SetFlags(flag int)  { flags = flag }
func Flags() int         { return flags }
func SetPrefix(p string) { prefix = p }
func Prefix() string     { return prefix }
func Writer() *os.File   { return os.Stderr }
func Output(calldepth int, s string) error {
	output(s)
	return nil
}

func pad(v, width int) string {
	s := fmt.Sprint(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// output writes one entry: prefix, date and time as the flags ask, the message, and a final newline.
func output(s string) {
	line := ""
	if flags&Lmsgprefix == 0 {
		line += prefix
	}
	if flags&(Ldate|Ltime|Lmicroseconds) != 0 {
		now := time.Now()
		if flags&Ldate != 0 {
			y, m, d := now.Date()
			line += pad(y, 4) + "/" + pad(int(m), 2) + "/" + pad(d, 2) + " "
		}
		if flags&(Ltime|Lmicroseconds) != 0 {
			h, mi, sec := now.Clock()
			line += pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(sec, 2)
			if flags&Lmicroseconds != 0 {
				line += "." + pad(now.Nanosecond()/1000, 6)
			}
			line += " "
		}
	}
	if flags&Lmsgprefix != 0 {
		line += prefix
	}
	line += s
	if len(s) == 0 || s[len(s)-1] != '\n' {
		line += "\n"
	}
	os.Stderr.WriteString(line)
}

func Print(v ...any)                 { output(fmt.Sprint(v...)) }
func Printf(format string, v ...any) { output(fmt.Sprintf(format, v...)) }
func Println(v ...any)               { output(fmt.Sprintln(v...)) }

func Fatal(v ...any) {
	output(fmt.Sprint(v...))
	os.Exit(1)
}

func Fatalf(format string, v ...any) {
	output(fmt.Sprintf(format, v...))
	os.Exit(1)
}

func Fatalln(v ...any) {
	output(fmt.Sprintln(v...))
	os.Exit(1)
}

func Panic(v ...any) {
	s := fmt.Sprint(v...)
	output(s)
	panic(s)
}

func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	output(s)
	panic(s)
}

func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	output(s)
	panic(s)
}
