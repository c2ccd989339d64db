// The compiler: a checked program (Info, from the checker) to the bytecode of scheduler/vm/bytecode.h.
#pragma once

#include <string>
#include <vector>

#include "scheduler/vm/bytecode.h"
#include "sim/go/check_info.h"

namespace gb::go {

struct CompileResult {
  vm::Program program;
  // Constructs the checker accepts but the compiler does not support yet, as "file:line:col: message".
  std::vector<std::string> errors;
  bool ok() const { return errors.empty(); }
};

// Compiles every package of `info` (standard library and main). The entry function (Program::main) runs the
// package variable initialisers and init functions in dependency order, then main.main.
CompileResult compile_program(const Info& info);

}  // namespace gb::go
