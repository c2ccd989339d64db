// Go source -> parse -> type check -> compile to bytecode: what compile_go (sim/go/run_program.h) does before a
// run, through its two steps, load_program (sim/go/loader.h: the user's file and the embedded standard library,
// parsed and checked) and compile_program (sim/go/compiler.h). The program is never run. Any input must end in a
// program or in diagnostics that say why not; a crash, a sanitizer report, an exception, a hang or a silent
// failure is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "sim/go/compiler.h"
#include "sim/go/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const gb::go::LoadedProgram loaded = gb::go::load_program("fuzz.go", text);
  if (!loaded.ok) {
    if (loaded.diags.text().empty()) {
      std::fprintf(stderr, "fuzz_go_front: the program did not load and no diagnostic says why\n");
      __builtin_trap();
    }
    return 0;
  }
  // A program that checks compiles, or the compiler says which construct it does not support.
  const gb::go::CompileResult compiled = gb::go::compile_program(loaded.info);
  for (const std::string& e : compiled.errors) {
    if (e.empty()) {
      std::fprintf(stderr, "fuzz_go_front: an empty compile error\n");
      __builtin_trap();
    }
  }
  return 0;
}
