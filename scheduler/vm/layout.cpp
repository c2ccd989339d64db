// Go's amd64 memory layout; see layout.h. The struct rule follows cmd/compile/internal/types/size.go
// (calcStructOffset) of Go 1.19, which is also what unsafe.Sizeof reports (cmd/compile/internal/noder/sizes.go).
#include "scheduler/vm/layout.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace gb::vm {

namespace {

constexpr std::uint64_t kHuge = std::numeric_limits<std::uint64_t>::max();

// Saturating arithmetic: a checker-accepted type is far below 2^64 bytes, but nothing here may wrap around.
std::uint64_t add_sat(std::uint64_t a, std::uint64_t b) { return a > kHuge - b ? kHuge : a + b; }
std::uint64_t mul_sat(std::uint64_t a, std::uint64_t b) { return b != 0 && a > kHuge / b ? kHuge : a * b; }
std::uint64_t round_up(std::uint64_t o, std::uint32_t align) {
  const std::uint64_t r = o % align;
  return r == 0 ? o : add_sat(o, align - r);
}

// A value occupying exactly one interpreter word: its size in bytes and how the word maps to them.
struct Scalar {
  std::uint8_t size = 0;  // 0: not a one-word scalar
  SlotEncoding encoding = SlotEncoding::Unsigned;
};

Scalar scalar_of(Kind k) {
  switch (k) {
    case Kind::Bool: case Kind::UntypedBool: case Kind::Uint8: return {1, SlotEncoding::Unsigned};
    case Kind::Int8: return {1, SlotEncoding::Signed};
    case Kind::Int16: return {2, SlotEncoding::Signed};
    case Kind::Uint16: return {2, SlotEncoding::Unsigned};
    case Kind::Int32: case Kind::UntypedRune: return {4, SlotEncoding::Signed};
    case Kind::Uint32: return {4, SlotEncoding::Unsigned};
    case Kind::Float32: return {4, SlotEncoding::Float32};
    case Kind::Int: case Kind::Int64: case Kind::UntypedInt: return {8, SlotEncoding::Signed};
    case Kind::Uint: case Kind::Uint64: case Kind::Uintptr:
    case Kind::Float64: case Kind::UntypedFloat:  // float64 words are the IEEE bits themselves
    case Kind::UnsafePointer: case Kind::Pointer: case Kind::Map: case Kind::Chan: case Kind::Func:
    case Kind::UntypedNil:
      return {8, SlotEncoding::Unsigned};
    default: return {};
  }
}

// Interpreter words of a header type (string, slice, interface): each is 8 bytes; 0 if not a header.
std::uint32_t header_words(Kind k) {
  switch (k) {
    case Kind::String: case Kind::UntypedString: case Kind::Interface: return 2;
    case Kind::Slice: return 3;
    default: return 0;
  }
}

// The members laid out like struct fields: a struct's fields, a tuple's members.
std::size_t member_count(const Type& t) { return t.kind == Kind::Tuple ? t.params.size() : t.fields.size(); }
TypeId member(const Type& t, std::size_t i) { return t.kind == Kind::Tuple ? t.params[i] : t.fields[i].type; }

bool is_struct_like(Kind k) { return k == Kind::Struct || k == Kind::Tuple; }

// complex64 is two float32s (8 bytes), complex128 two float64s (16 bytes); 0 for other kinds.
std::uint8_t complex_part_size(Kind k) {
  return k == Kind::Complex64 ? 4 : (k == Kind::Complex128 || k == Kind::UntypedComplex) ? 8 : 0;
}
ByteSlot complex_part(std::uint64_t base, std::uint8_t part, std::uint64_t word) {
  return ByteSlot{base + part * word, part, part == 4 ? SlotEncoding::Float32 : SlotEncoding::Unsigned};
}

// A named type whose underlying type was never set: TypeTable::words counts it as one word.
bool unset_named(const TypeTable& types, TypeId type) {
  return types[type].kind == Kind::Named && types.underlying_kind(type) == Kind::Invalid;
}

}  // namespace

void LayoutCache::grow() {
  // The table does not change during one call, so nothing below resizes these while references into them live.
  if (entries_.size() < types_->size()) {
    entries_.resize(types_->size());
    offsets_.resize(types_->size());
    offsets_done_.resize(types_->size(), false);
  }
}

GoLayout LayoutCache::layout(TypeId type) {
  grow();
  if (entries_[type].done) return entries_[type].layout;
  if (entries_[type].busy) return GoLayout{0, 1};  // T contains T by value: rejected by the checker
  entries_[type].busy = true;

  GoLayout l;
  const TypeId u = types_->underlying(type);
  const Type& t = (*types_)[u];
  if (const Scalar s = scalar_of(t.kind); s.size != 0) {
    l = GoLayout{s.size, s.size};
  } else if (const std::uint8_t p = complex_part_size(t.kind); p != 0) {
    l = GoLayout{std::uint64_t{p} * 2, p};
  } else if (const std::uint32_t hw = header_words(t.kind); hw != 0) {
    l = GoLayout{std::uint64_t{hw} * 8, 8};
  } else if (t.kind == Kind::Array) {
    const GoLayout e = layout(t.elem);
    l = GoLayout{mul_sat(e.size, static_cast<std::uint64_t>(std::max<std::int64_t>(t.length, 0))), e.align};
  } else if (is_struct_like(t.kind)) {
    // calcStructOffset: each member at the next multiple of its alignment; a non-empty struct that ends in a
    // zero-size member gets one byte of padding; the size is rounded up to the largest alignment.
    std::vector<std::uint64_t> offsets;
    offsets.reserve(member_count(t));
    std::uint64_t o = 0;
    std::uint64_t last_zero = 0;
    std::uint32_t max_align = 1;
    for (std::size_t i = 0; i < member_count(t); ++i) {
      const GoLayout f = layout(member(t, i));
      max_align = std::max(max_align, f.align);
      o = round_up(o, f.align);
      offsets.push_back(o);
      if (f.size == 0) last_zero = o;
      o = add_sat(o, f.size);
    }
    if (o > 0 && o == last_zero) o = add_sat(o, 1);
    l = GoLayout{round_up(o, max_align), max_align};
    offsets_[u] = std::move(offsets);
    offsets_done_[u] = true;
  } else if (unset_named(*types_, type)) {
    l = GoLayout{8, 8};
  } else {
    l = GoLayout{0, 1};  // Invalid, and Named never appears as an underlying type
  }

  entries_[type].busy = false;
  entries_[type].done = true;
  entries_[type].layout = l;
  return l;
}

const std::vector<std::uint64_t>& LayoutCache::field_offsets(TypeId strct) {
  const TypeId u = types_->underlying(strct);
  if (!is_struct_like((*types_)[u].kind)) {
    std::string msg = "field_offsets: not a struct type: ";
    msg += types_->to_string(strct);
    throw std::invalid_argument(msg);
  }
  layout(u);  // computes the offsets the first time a type with this underlying struct is laid out
  if (!offsets_done_[u]) throw std::logic_error("field_offsets: struct contains itself");
  return offsets_[u];
}

std::uint64_t LayoutCache::field_offset(TypeId strct, std::uint32_t field) {
  const std::vector<std::uint64_t>& offsets = field_offsets(strct);
  if (field >= offsets.size()) {
    std::string msg = "field_offset: field ";
    msg += std::to_string(field);
    msg += " out of range for ";
    msg += types_->to_string(strct);
    throw std::out_of_range(msg);
  }
  return offsets[field];
}

ByteSlot LayoutCache::word_slot(TypeId type, std::uint64_t word) {
  if (word >= types_->words(type)) {
    std::string msg = "word_slot: word ";
    msg += std::to_string(word);
    msg += " out of range for ";
    msg += types_->to_string(type);
    throw std::out_of_range(msg);
  }
  std::uint64_t base = 0;
  for (;;) {
    const TypeId u = types_->underlying(type);
    const Type& t = (*types_)[u];
    if (const Scalar s = scalar_of(t.kind); s.size != 0) return ByteSlot{base, s.size, s.encoding};
    if (const std::uint8_t p = complex_part_size(t.kind); p != 0) return complex_part(base, p, word);
    if (header_words(t.kind) != 0) return ByteSlot{base + 8 * word, 8, SlotEncoding::Unsigned};
    if (t.kind == Kind::Array) {
      const std::uint64_t ew = types_->words(t.elem);  // > 0: word < words(type) = length × ew
      const std::uint64_t i = word / ew;
      base += i * size(t.elem);
      word -= i * ew;
      type = t.elem;
      continue;
    }
    if (is_struct_like(t.kind)) {
      const std::vector<std::uint64_t>& offsets = field_offsets(u);
      for (std::size_t f = 0; f < member_count(t); ++f) {
        const std::uint64_t w = types_->words(member(t, f));
        if (word < w) {
          base += offsets[f];
          type = member(t, f);
          break;
        }
        word -= w;
      }
      continue;
    }
    return ByteSlot{base, 8, SlotEncoding::Unsigned};  // a named type with no underlying type yet: one word
  }
}

void LayoutCache::append_words(TypeId type, std::uint64_t base, std::vector<ByteSlot>& out) {
  const TypeId u = types_->underlying(type);
  const Type& t = (*types_)[u];
  if (const Scalar s = scalar_of(t.kind); s.size != 0) {
    out.push_back(ByteSlot{base, s.size, s.encoding});
  } else if (const std::uint8_t p = complex_part_size(t.kind); p != 0) {
    out.push_back(complex_part(base, p, 0));
    out.push_back(complex_part(base, p, 1));
  } else if (const std::uint32_t hw = header_words(t.kind); hw != 0) {
    for (std::uint32_t w = 0; w < hw; ++w) out.push_back(ByteSlot{base + 8 * w, 8, SlotEncoding::Unsigned});
  } else if (t.kind == Kind::Array) {
    // Lay out element 0 once, then repeat it at each element's stride.
    const std::size_t first = out.size();
    if (t.length <= 0) return;
    append_words(t.elem, base, out);
    const std::size_t n = out.size() - first;
    const std::uint64_t stride = size(t.elem);
    for (std::int64_t i = 1; i < t.length; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        ByteSlot copy = out[first + j];
        copy.offset += static_cast<std::uint64_t>(i) * stride;
        out.push_back(copy);
      }
    }
  } else if (is_struct_like(t.kind)) {
    const std::vector<std::uint64_t>& offsets = field_offsets(u);  // stable: see grow()
    for (std::size_t f = 0; f < member_count(t); ++f) append_words(member(t, f), base + offsets[f], out);
  } else if (unset_named(*types_, type)) {
    out.push_back(ByteSlot{base, 8, SlotEncoding::Unsigned});
  }
}

std::vector<ByteSlot> LayoutCache::word_bytes(TypeId type) {
  std::vector<ByteSlot> out;
  out.reserve(types_->words(type));
  append_words(type, 0, out);
  return out;
}

GoLayout go_layout(const TypeTable& types, TypeId type) { return LayoutCache(types).layout(type); }

std::uint64_t go_field_offset(const TypeTable& types, TypeId strct, std::uint32_t field) {
  return LayoutCache(types).field_offset(strct, field);
}

std::vector<ByteSlot> word_bytes(const TypeTable& types, TypeId type) { return LayoutCache(types).word_bytes(type); }

}  // namespace gb::vm
