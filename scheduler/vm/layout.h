// Go's memory layout on amd64 (the numbers unsafe.Sizeof/Alignof/Offsetof give with Go 1.19), as a pure function
// of the TypeTable, and the map from the interpreter's words (bytecode.h's value model) to those bytes. Issue 4's
// memory seam uses it to turn (allocation base, word index) into a simulated byte address and an access width,
// so that two int64 counters side by side share a 64-byte line and a `_ [56]byte` pad separates them.
//
// Sizes and alignments (amd64): bool, int8, uint8 1; int16, uint16 2; int32, uint32, rune, float32 4; int,
// int64, uint, uint64, uintptr, float64, pointers, unsafe.Pointer, map, chan, func 8; string 16 {ptr, len};
// slice 24 {ptr, len, cap}; interface 16 {type, data}; array [N]T N × size(T) with T's alignment; struct:
// fields in order, each at the next multiple of its alignment, the size rounded up to the largest alignment
// (at least 1), plus cmd/compile's rule that a non-empty struct ending in a zero-size field gets one extra
// byte before that rounding (Go issue 9401: &s.last must not point at the next object). Zero-size types
// (struct{}, [0]T, arrays of zero-size elements) have size 0.
//
// Words to bytes. Each interpreter word is one scalar or one header word, so each word maps to one slot of 1,
// 2, 4 or 8 bytes: scalars at their field's offset with their own size; string, slice and interface header
// words 8 bytes each at offsets 0/8/16 of the header (the interface's words are {dynamic TypeId, data}, Go's
// {itab/type, data}). Arrays and structs recurse; padding bytes belong to no word.
//
// Simplifications (said here, as the design asks): Go 1.19's sync/atomic.align64 marker (which forces 8-byte
// alignment of atomic.Int64/Uint64) changes nothing on amd64, where 8-byte types are already 8-aligned, so it
// is not special-cased. Untyped constant types never reach memory; they are laid out as their default types
// (untyped nil as a pointer). A Tuple is laid out like a struct of its members. A named type whose underlying
// type is not yet set counts as one 8-byte word, matching TypeTable::words.
#pragma once

#include <cstdint>
#include <vector>

#include "scheduler/vm/types.h"

namespace gb::vm {

struct GoLayout {
  std::uint64_t size = 0;
  std::uint32_t align = 1;
  friend bool operator==(const GoLayout&, const GoLayout&) = default;
};

// How a word's value is kept in its bytes, for the memory seam: words hold ints zero/sign-extended to 64 bits
// and float32 as the float64 bits of the rounded value (bytecode.h), while memory holds Go's bytes.
enum class SlotEncoding : std::uint8_t {
  Unsigned,  // the low `width` bytes; zero-extend on load (bool, uintN, uintptr, pointers, handles, headers)
  Signed,    // the low `width` bytes; sign-extend on load (intN, int)
  Float32,   // 4 bytes of IEEE single: store float(double(word)), load double(float(bytes))
};

// One interpreter word's place in Go's layout: `offset` bytes from the start of the value, `width` bytes wide.
struct ByteSlot {
  std::uint64_t offset = 0;
  std::uint8_t width = 8;  // 1, 2, 4 or 8
  SlotEncoding encoding = SlotEncoding::Unsigned;
  friend bool operator==(const ByteSlot&, const ByteSlot&) = default;
};

// Results cached per TypeId. Build it once the types are final (after checking and compiling): it does not see
// later set_underlying() calls on types it has already laid out. New types added to the table are fine.
class LayoutCache {
 public:
  explicit LayoutCache(const TypeTable& types) : types_(&types) {}

  const TypeTable& types() const { return *types_; }

  GoLayout layout(TypeId type);
  std::uint64_t size(TypeId type) { return layout(type).size; }
  std::uint32_t align(TypeId type) { return layout(type).align; }

  // Byte offset of field number `field` of a struct type (named or not), as unsafe.Offsetof.
  std::uint64_t field_offset(TypeId strct, std::uint32_t field);
  // All of a struct's field offsets, in field order (the reference stays valid until the table grows).
  const std::vector<std::uint64_t>& field_offsets(TypeId strct);

  // Where word number `word` (0 <= word < types().words(type)) of a value of `type` lives. O(nesting depth ×
  // fields), no allocation: the seam can call it per access even for huge arrays.
  ByteSlot word_slot(TypeId type, std::uint64_t word);
  // The slot of every word of a value of `type`, in word order (types().words(type) entries).
  std::vector<ByteSlot> word_bytes(TypeId type);

 private:
  struct Entry {
    GoLayout layout;
    bool done = false;
    bool busy = false;  // being computed: guards against a (checker-rejected) recursive value type
  };
  void grow();
  void append_words(TypeId type, std::uint64_t base, std::vector<ByteSlot>& out);

  const TypeTable* types_;
  std::vector<Entry> entries_;
  std::vector<std::vector<std::uint64_t>> offsets_;  // per struct/tuple TypeId (underlying), empty until needed
  std::vector<bool> offsets_done_;
};

// One-shot conveniences (each builds a temporary LayoutCache; keep a LayoutCache for repeated queries).
GoLayout go_layout(const TypeTable& types, TypeId type);
std::uint64_t go_field_offset(const TypeTable& types, TypeId strct, std::uint32_t field);
std::vector<ByteSlot> word_bytes(const TypeTable& types, TypeId type);

}  // namespace gb::vm
