#!/bin/sh
# Normalise a Go program's stderr for comparison (used by regen.sh and check.sh):
#  1. keep everything up to and including the first line "goroutine N [...]:" and drop
#     the stack trace after it (addresses and paths vary); stderr without such a line
#     is kept whole;
#  2. in the "[signal SIGSEGV: ... pc=0x...]" line of a nil dereference, the program
#     counter is replaced by "pc=0x?" (it depends on the binary);
#  3. a stack overflow's "runtime: sp=0x... stack=[0x..., 0x...]" line keeps no
#     addresses, and throw's "runtime stack:" block (the M's system stack, with the
#     blank line after it) is dropped.
# With the argument "full" (check.sh and regen.sh pass it for a program whose first line is
# "// gopherbus: full-traceback") rule 1 keeps every goroutine: each frame's argument
# words become "(...)" ("()" stays), and each position keeps the file's base name and
# the line ("\tprog.go:12"), without the directory and the "+0x..." offset.
full=0
[ "${1:-}" = full ] && full=1
exec awk -v full="$full" '
/^\[signal / { sub(/ pc=0x[0-9a-f]+\]$/, " pc=0x?]") }
/^runtime: sp=0x[0-9a-f]+ stack=\[/ { $0 = "runtime: sp=0x? stack=[0x?, 0x?]" }
/^runtime stack:$/ { skipping = 1; next }
skipping { if ($0 == "") skipping = 0; next }
full && /^\t/ { sub(/ \+0x[0-9a-f]+.*$/, ""); sub(/^\t.*\//, "\t") }
full && /^[^\t].*\([^()]+\)$/ && !/^goroutine / { sub(/\([^()]+\)$/, "(...)") }
{ print }
!full && /^goroutine [0-9]+ \[.*\]:$/ { exit }
'
