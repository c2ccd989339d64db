#!/bin/sh
# Normalise a Go program's stderr for comparison (used by regen.sh and check.sh):
#  1. keep everything up to and including the first line "goroutine N [...]:" and drop
#     the stack trace after it (addresses and paths vary); stderr without such a line
#     is kept whole;
#  2. in the "[signal SIGSEGV: ... pc=0x...]" line of a nil dereference, the program
#     counter is replaced by "pc=0x?" (it depends on the binary).
exec awk '
/^\[signal / { sub(/ pc=0x[0-9a-f]+\]$/, " pc=0x?]") }
{ print }
/^goroutine [0-9]+ \[.*\]:$/ { exit }
'
