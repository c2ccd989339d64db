// Internals shared by the interpreter's source files: the C++ exceptions that carry a Go panic or the end of the
// program out of deep helpers (natives, hashing, String methods) back to the goroutine's dispatch loop.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "scheduler/g_status.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

// The wait reason of the finalizer goroutine (mfinal.go's runfinq) while no finalizer is due.
inline constexpr std::string_view kFinalizerWait = wait_reason::kFinalizerWait;

// A Go panic raised by a helper: the interface value, and whether it is a nil dereference (SIGSEGV line).
struct GoPanic {
  Word type = 0;
  Word data = 0;
  bool sig = false;
};

// The program has ended (os.Exit, fatal error, unrecovered panic, deadlock); the state says how.
struct ProgramEnd {};

// A panic inside a nested dispatch (a String method run for a native) that no defer inside it recovered: it
// continues in the frames below the native.
struct NestedEscape {
  std::uint32_t barrier = 0;
};

// A wrapper the compiler generates (a method value's "-fm", a promoted method's "-promoted", an interface method
// value): Go's tracebacks and runtime.Callers leave such frames out (funcID_wrapper) unless one is innermost.
inline bool is_wrapper(const std::string& name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends("-fm") || ends("-promoted") || name == "method-value";
}

// Go's size class rounding (runtime/msize.go roundupsize over sizeclasses.go).
std::uint64_t roundupsize(std::uint64_t size);

// UTF-8 decoding as Go's decoderune: invalid or short input gives (0xFFFD, 1).
void decode_rune(const char* s, std::uint64_t n, std::int32_t& rune, std::uint32_t& width);
// Appends r in UTF-8 (invalid runes as U+FFFD).
void encode_rune(std::int32_t r, std::string& out);

}  // namespace gb::vm
