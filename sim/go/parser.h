// The Go parser: tokens to a positioned Ast, recovering from errors the way gc's syntax package does.
#pragma once

#include "sim/go/ast.h"
#include "sim/go/diagnostics.h"
#include "sim/go/source.h"

namespace gb::go {

// Deepest nesting accepted, counted in parser steps (one nested block costs about 2, one level of
// parenthesised or call expression about 4 to 6, each postfix or binary operator in a chain 1). gc has
// no limit (goroutine stacks grow); ours is a C++ stack and tree walkers recurse, so deeper input is an
// error ("exceeded max nesting depth") rather than a crash. Real programs stay far below it.
inline constexpr int kMaxNesting = 1000;

// Parses one file. Always returns an Ast whose `file` is a File node (possibly with few declarations);
// every problem is in `diags`. Never throws on bad input.
Ast parse_file(const SourceFile& file, Diagnostics& diags);

}  // namespace gb::go
