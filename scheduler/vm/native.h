// Library functions written in C++ (fmt's formatting, strconv, strings' searching, utf8, and the runtime
// services time.Sleep, semaphores, ...). A Go declaration without a body in an embedded standard-library
// package (sim/go/stdlib/*.go) names one of them as "package.Function" or "package.Type.Method".
//
// A native sees its frame through NativeHost: the argument words, then the result words, laid out as for any
// Go call (bytecode.h), and the VM's services for reading and building values. Natives never recurse into the
// interpreter except through call_method (fmt's String()/Error() dispatch), which runs the method to
// completion on the calling goroutine.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/bytecode.h"

namespace gb::vm {

class NativeHost {
 public:
  virtual ~NativeHost() = default;

  // The call's argument words followed by its result words (results are zeroed on entry).
  virtual Word* frame() = 0;
  virtual const TypeTable& types() const = 0;

  // Memory (the same seam the interpreter's Load/Store use).
  virtual Word load(Word address) = 0;
  virtual void store(Word address, Word value) = 0;
  // The read of an atomic read-modify-write: like load, but the access takes the line for writing.
  virtual Word load_exclusive(Word address) { return load(address); }
  virtual Word allocate(std::uint32_t words) = 0;           // zeroed
  // Strings: the bytes of a string value {address, length}, and a new string value written into `out[0..2)`.
  virtual std::string_view string_bytes(const Word* value) = 0;
  virtual void make_string(std::string_view bytes, Word* out) = 0;

  // `count` zeroed values of type `elem` in a row, laid out as Go lays out [count]elem (machine mode) and never
  // address 0, even for count 0 (a non-nil empty slice's array).
  // (The defaults here serve hosts without a heap layout or maps: inspectors and test hosts.)
  virtual Word allocate_typed(TypeId elem, std::uint64_t count) {
    const std::uint64_t n = count * types().words(elem);
    return allocate(static_cast<std::uint32_t>(n == 0 ? 1 : n));
  }
  // The capacity append gives a slice of `elem` growing from `old_cap` to hold `need` (growslice's rule).
  virtual std::uint64_t append_capacity(TypeId /*elem*/, std::uint64_t /*old_cap*/, std::uint64_t need) {
    return need;
  }

  // Maps, for fmt: the (key, value) word runs of map handle `m` (unordered).
  virtual std::vector<std::pair<std::vector<Word>, std::vector<Word>>> map_entries(Word m) = 0;
  // The length of a map or channel handle.
  virtual std::int64_t map_len(Word m) = 0;
  // make(T) for map type `map_type`, and m[key] = value (words as the map's key and value types lay them out).
  virtual Word make_map(TypeId /*map_type*/) {
    fatal("this host has no maps");
    return 0;
  }
  virtual void map_store(Word /*m*/, const Word* /*key*/, const Word* /*value*/) { fatal("this host has no maps"); }

  // Calls method `name` (which takes no arguments and returns one string) on a value of dynamic type `type`
  // whose words are `value`; nullopt if the type has no such method. Used for Stringer and error. If the method
  // panics and nothing inside it recovers, the panic is recovered at the call (the goroutine's state as after
  // Go's recover in a deferred call of the caller) and thrown as MethodPanic, for fmt's catchPanic.
  virtual std::optional<std::string> call_string_method(TypeId type, const Word* value, std::string_view name) = 0;
  // Ends the native with a Go panic whose value is the interface {type, data} (fmt's catchPanic re-panics a
  // panic raised while printing another method's panic).
  virtual void panic_value(Word type, Word data) {
    (void)type;
    (void)data;
    fatal("this host cannot panic with a value");
  }

  // Output of the program.
  virtual void write_stdout(std::string_view bytes) = 0;
  virtual void write_stderr(std::string_view bytes) = 0;

  // Ends the native with a Go panic carrying an error value whose Error() is `message` (a runtime.Error
  // when `runtime_error`, printed "panic: runtime error: ..."); or with a plain string panic value.
  virtual void panic_error(std::string message, bool runtime_error) = 0;
  virtual void panic_string(std::string message) = 0;
  // Ends the program the way `fatal error: <message>` does (exit 2, no recovery).
  virtual void fatal(std::string message) = 0;
};

// A String, Error or GoString method run by call_string_method panicked: the recovered panic value as an
// interface's two words (dynamic type, data word).
struct MethodPanic {
  Word type = 0;
  Word data = 0;
};

using NativeFn = void (*)(NativeHost& host);

// Looks a native up by its Go name; nullptr if there is none. The table is built once from every
// register_*_natives function (one per package file under scheduler/vm/natives/).
NativeFn find_native(std::string_view name);

}  // namespace gb::vm
