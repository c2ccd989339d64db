// Lesson files through the lesson loader (lessons/lesson_loader.h), from memory: the input is a lesson's files
// joined by NUL bytes (fuzz/lesson_input.h). A lesson never throws and never crashes: every problem is reported,
// each with its message.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "fuzz/lesson_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gb::lessons::Loaded loaded =
      gb::fuzz::load_lesson_input(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const gb::lessons::Problem& p : loaded.problems) {
    if (p.message.empty()) {
      std::fprintf(stderr, "fuzz_lesson: a problem with no message\n");
      __builtin_trap();
    }
  }
  return 0;
}
