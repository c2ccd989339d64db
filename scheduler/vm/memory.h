// The memory seam: every load, store and allocation of shared Go memory (package variables, heap objects, slice
// backing arrays, closures and their cells, interface boxes, map entries) goes through this one class, so issue 4
// can route them through the simulated caches. Word-addressed and flat: address 0 is nil, package variables live at
// 1 .. globals_words, then bump allocation (no GC in this issue). String bytes live in a separate byte arena
// (immutable once written; address 0 is the empty string).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/bytecode.h"

namespace gb::vm {

class Memory {
 public:
  // Upper bound on heap words (2 GiB of simulated heap); past it allocation fails with Go's out-of-memory fatal.
  static constexpr std::uint64_t kMaxWords = std::uint64_t{1} << 28;
  static constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 31;

  Memory() = default;
  explicit Memory(std::uint32_t globals_words) { reset(globals_words); }

  void reset(std::uint32_t globals_words) {
    words_.assign(std::size_t{globals_words} + 2, 0);
    zero_base_ = globals_words + 1;  // runtime.zerobase: the address of every zero-size allocation
    bytes_.assign(1, '\0');
  }

  // A valid, non-nil address (0 < a < size). Callers check nil themselves to raise Go's panic.
  bool valid(Word address) const { return address - 1 < words_.size() - 1; }
  bool valid_range(Word address, std::uint64_t n) const {
    return address != 0 && address <= words_.size() && n <= words_.size() - address;
  }

  Word load(Word address) const { return words_[address]; }
  void store(Word address, Word value) { words_[address] = value; }
  void load_n(Word address, Word* out, std::uint32_t n) const {
    std::memcpy(out, words_.data() + address, std::size_t{n} * sizeof(Word));
  }
  void store_n(Word address, const Word* in, std::uint32_t n) {
    std::memcpy(words_.data() + address, in, std::size_t{n} * sizeof(Word));
  }
  void copy_words(Word dst, Word src, std::uint64_t n) {  // overlapping allowed (Go's copy is memmove)
    std::memmove(words_.data() + dst, words_.data() + src, n * sizeof(Word));
  }

  // n fresh zeroed words; n == 0 gives zerobase. Returns 0 when the heap is exhausted.
  Word allocate(std::uint64_t n) {
    if (n == 0) return zero_base_;
    const std::uint64_t at = words_.size();
    if (at + n > kMaxWords) return 0;
    words_.resize(at + n, 0);
    return at;
  }
  Word zero_base() const { return zero_base_; }
  std::uint64_t heap_words() const { return words_.size(); }
  const std::vector<Word>& words() const { return words_; }

  // [SECTION] String bytes
  std::string_view string_view(Word address, Word length) const {
    return std::string_view(bytes_.data() + address, length);
  }
  std::uint8_t byte_at(Word address) const { return static_cast<std::uint8_t>(bytes_[address]); }
  // Appends bytes and returns their address (0 for an empty string).
  Word add_string(std::string_view s) {
    if (s.empty()) return 0;
    const Word at = bytes_.size();
    bytes_.append(s.data(), s.size());
    return at;
  }
  // a + b for a string ending exactly at the end of the arena can extend in place: bytes are never rewritten.
  bool at_end(Word address, Word length) const { return length != 0 && address + length == bytes_.size(); }
  void append_bytes(std::string_view s) { bytes_.append(s.data(), s.size()); }
  std::uint64_t byte_count() const { return bytes_.size(); }
  const std::string& bytes() const { return bytes_; }

 private:
  std::vector<Word> words_{0, 0};
  Word zero_base_ = 1;
  std::string bytes_{std::string(1, '\0')};
};

}  // namespace gb::vm
