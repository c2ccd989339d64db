#!/bin/sh
# Run every program of the oracle corpus through an interpreter and compare with the
# expected output recorded by regen.sh.
#   tests/go/check.sh <interpreter-command...>     e.g. tests/go/check.sh build/gopherbus-cli run
# The command is run as "<command...> /abs/path/prog.go". Compared per program:
#   stdout exactly (for a program whose first line is "// gopherbus: schedule-dependent",
#   stdout as a multiset of lines: same lines in any order);
#   stderr after trim-stderr.sh (both sides); the exit status exactly.
# Prints PASS/FAIL per program and "passed N of M"; exits 0 only if all pass.
# Environment: CHECK_TIMEOUT seconds per program (default 60); CHECK_FILTER a shell
# glob for program names (default "*").
set -u
[ $# -ge 1 ] || { echo "usage: $0 <interpreter-command...>" >&2; exit 2; }
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
total=0
for prog in "$dir"/${CHECK_FILTER:-*}.go; do
	[ -f "$prog" ] || continue
	name=$(basename "$prog" .go)
	exp="$dir/$name"
	if [ ! -f "$exp.stdout" ] || [ ! -f "$exp.stderr" ] || [ ! -f "$exp.exit" ]; then
		echo "FAIL $name (no expected files; run regen.sh)"
		total=$((total + 1))
		continue
	fi
	total=$((total + 1))
	status=0
	timeout "${CHECK_TIMEOUT:-60}" "$@" "$prog" >"$tmp/out" 2>"$tmp/err.raw" </dev/null || status=$?
	mode=""
	head -n 1 "$prog" | grep -q '^// gopherbus: full-traceback' && mode=full
	"$dir/trim-stderr.sh" $mode <"$tmp/err.raw" >"$tmp/err"
	why=""
	if head -n 1 "$prog" | grep -q '^// gopherbus: schedule-dependent'; then
		sort "$tmp/out" >"$tmp/out.s"
		sort "$exp.stdout" >"$tmp/exp.s"
		cmp -s "$tmp/out.s" "$tmp/exp.s" || why="$why stdout(lines)"
	else
		cmp -s "$tmp/out" "$exp.stdout" || why="$why stdout"
	fi
	cmp -s "$tmp/err" "$exp.stderr" || why="$why stderr"
	[ "$status" = "$(cat "$exp.exit")" ] || why="$why exit($status, want $(cat "$exp.exit"))"
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "PASS $name"
	else
		echo "FAIL $name:$why"
		if [ -n "${CHECK_VERBOSE:-}" ]; then
			diff "$exp.stdout" "$tmp/out" | head -n 10
			diff "$exp.stderr" "$tmp/err" | head -n 10
		fi
	fi
done
echo "passed $pass of $total"
[ "$pass" -eq "$total" ] && [ "$total" -gt 0 ]
