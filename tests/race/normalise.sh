#!/bin/sh
# Normalise a -race binary's stderr (used by regen.sh): paths become base names
# ("\t/abs/dir/prog.go:12 +0x8c" -> "\tprog.go:12 +0x0"), "+0x.." code offsets
# become "+0x0", and memory addresses ("Read at 0x0000005db5c0 by") become
# 0x00c000000000. Everything else is kept as Go printed it.
exec sed -E \
	-e 's#(^|[[:space:]])/[^[:space:]]*/([^/[:space:]]+:[0-9]+)#\1\2#' \
	-e 's#\+0x[0-9a-f]+#+0x0#g' \
	-e 's#(at )0x[0-9a-f]+( by )#\10x00c000000000\2#'
