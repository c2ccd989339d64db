// Renders an Ast as compact S-expressions (for tests and debugging) and expressions back as Go text.
#pragma once

#include <string>

#include "sim/go/ast.h"

namespace gb::go {

// One line, e.g. (file main (import "fmt") (func main _ (functype () ()) (block (expr (call (. fmt
// Println) "hi"))))). Identifiers and literals print as written; a missing optional child prints as _.
// The form of each node is listed in ast_print.cpp.
std::string sexpr(const Ast& ast, NodeId id);

// Go source text for an expression or type, as gc's syntax.String does for messages: x + y, []int,
// f(a, b...), T{…} for composite literals, func(…) {…} for function literals.
std::string expr_string(const Ast& ast, NodeId id);

// Go source text for a simple statement (x++, ch <- v, a, b := f(), x += 1) or an expression statement.
std::string stmt_string(const Ast& ast, NodeId id);

}  // namespace gb::go
