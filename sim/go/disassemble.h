// A readable listing of compiled bytecode (gopherbus-cli run --disasm), for debugging and for lessons that
// show what a Go statement becomes.
#pragma once

#include <string>

#include "scheduler/vm/bytecode.h"

namespace gb::go {

// One function: "name (params P, results R, frame F)" then one line per instruction with its source line.
std::string disassemble(const vm::Program& program, std::size_t function);
// Every function of the program that is not a native, in index order.
std::string disassemble(const vm::Program& program);

}  // namespace gb::go
