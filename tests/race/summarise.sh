#!/bin/sh
# Summarise a normalised race-report stderr (normalise.sh's output) for comparison.
# Usage: summarise.sh FILE
# Prints one line per "WARNING: DATA RACE" block,
#   <kind of current access> <pos> <kind of previous access> <pos>
# with kind "Read" or "Write" (Go 1.19 prints no "atomic" qualifier; "Previous
# read" becomes "Read") and pos the innermost frame of package main as file:line,
# or, when the stack has no frame of package main, the innermost frame's function
# name (e.g. sync/atomic.StoreInt64). The lines are sorted and de-duplicated; Go's
# "Found N data race(s)" line follows them. Nothing at all when Go reported none.
set -eu
awk '
/^WARNING: DATA RACE$/ { inrace = 1; part = ""; next }
!inrace { next }
/^(Read|Write) at / { part = "cur"; kind1 = $1; pos1 = ""; first1 = ""; next }
/^Previous (read|write) at / {
	part = "prev"; kind2 = toupper(substr($2, 1, 1)) substr($2, 2); pos2 = ""; first2 = ""; next
}
/^Goroutine [0-9]+ / { part = ""; next }
/^=+$/ {
	if (pos1 == "") pos1 = first1
	if (pos2 == "") pos2 = first2
	print kind1, pos1, kind2, pos2
	inrace = 0; next
}
part != "" && /^  [^ ]/ { fn = $1; sub(/\(\)$/, "", fn); next }
part != "" && /^      [^ ]/ {
	if (part == "cur") {
		if (first1 == "") first1 = fn
		if (pos1 == "" && fn ~ /^main\./) pos1 = $1
	} else {
		if (first2 == "") first2 = fn
		if (pos2 == "" && fn ~ /^main\./) pos2 = $1
	}
}
' "$1" | LC_ALL=C sort -u
grep -E '^Found [0-9]+ data race\(s\)$' "$1" || true
