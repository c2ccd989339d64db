// Shared helpers for the natives: reading arguments out of a native's frame and writing its results, and the
// register_*_natives functions, one per package file, that registry.cpp collects into find_native's table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scheduler/vm/native.h"

namespace gb::vm::natives {

using NativeTable = std::vector<std::pair<std::string_view, NativeFn>>;

void register_errors_natives(NativeTable& table);
void register_fmt_natives(NativeTable& table);
void register_strings_natives(NativeTable& table);
void register_strconv_natives(NativeTable& table);
void register_atomic_natives(NativeTable& table);
void register_runtime_natives(NativeTable& table);
void register_utf8_natives(NativeTable& table);
void register_context_natives(NativeTable& table);
void register_os_natives(NativeTable& table);
void register_sort_natives(NativeTable& table);
void register_math_natives(NativeTable& table);
void register_unicode_natives(NativeTable& table);
void register_json_natives(NativeTable& table);

// A slice value as the frame holds it.
struct SliceRef {
  Word data = 0;
  std::int64_t len = 0;
  std::int64_t cap = 0;
};

// The frame of one native call. Arguments are read in order from word 0; results are written at the word
// offset the caller names (the first result word follows the last parameter word). Everything read is copied
// out, because running interpreter code (String methods) or allocating may move the frame.
class Frame {
 public:
  explicit Frame(NativeHost& host) : host_(host) {}

  NativeHost& host() { return host_; }

  Word word(std::size_t i) { return host_.frame()[i]; }
  std::int64_t int_at(std::size_t i) { return static_cast<std::int64_t>(word(i)); }
  bool bool_at(std::size_t i) { return word(i) != 0; }
  double float_at(std::size_t i);
  std::string string_at(std::size_t i) {  // 2 words
    return std::string(host_.string_bytes(host_.frame() + i));
  }
  SliceRef slice_at(std::size_t i) {  // 3 words
    Word* f = host_.frame();
    return SliceRef{f[i], static_cast<std::int64_t>(f[i + 1]), static_cast<std::int64_t>(f[i + 2])};
  }

  void set_word(std::size_t i, Word v) { host_.frame()[i] = v; }
  void set_int(std::size_t i, std::int64_t v) { set_word(i, static_cast<Word>(v)); }
  void set_bool(std::size_t i, bool v) { set_word(i, v ? 1 : 0); }
  void set_float(std::size_t i, double v);
  void set_string(std::size_t i, std::string_view s);
  // A new []string holding `items`.
  void set_string_slice(std::size_t i, const std::vector<std::string>& items);

 private:
  NativeHost& host_;
};

// Reads the bytes of the string stored at word address `addr` (2 words in memory).
std::string load_string(NativeHost& host, Word addr);

// Bytes of a []byte slice (one byte per element word).
std::string load_bytes(NativeHost& host, const SliceRef& s);

// The runtime's print format for floats ("+1.500000e+000"), as runtime.printfloat writes it.
std::string format_runtime_float(double v);

// Sign- or zero-extends `v` to the width of the integer kind `k` (Int8 .. Uint64), as values are kept.
Word wrap_to_kind(Word v, Kind k);

}  // namespace gb::vm::natives
