// Natives of package sort: what reflect does for sort.Slice, the length of the slice in an interface and the
// exchange of two of its elements (whatever their size in words).
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// The slice held in interface words {type, data}; false if the dynamic type is not a slice.
bool slice_in(NativeHost& host, Word type, Word data, SliceRef& out, std::uint32_t& elem_words) {
  const TypeTable& types = host.types();
  const auto t = static_cast<TypeId>(type);
  if (t == kNoType || types.underlying_kind(t) != Kind::Slice) return false;
  elem_words = types.words(types[types.underlying(t)].elem);
  out.data = host.load(data);  // a slice is 3 words, so the interface holds the address of a box
  out.len = static_cast<std::int64_t>(host.load(data + 1));
  out.cap = static_cast<std::int64_t>(host.load(data + 2));
  return true;
}

std::string kind_name(NativeHost& host, Word type) {
  if (type == kNoType) return "zero";
  return host.types().to_string(host.types().underlying(static_cast<TypeId>(type)));
}

// func sliceLen(x any) int
void slice_len(NativeHost& host) {
  Word* f = host.frame();
  const Word type = f[0], data = f[1];
  SliceRef s;
  std::uint32_t ew = 0;
  if (!slice_in(host, type, data, s, ew)) {
    std::string msg = "reflect: call of reflect.Value.Len on ";
    msg += kind_name(host, type);
    msg += " Value";
    return host.panic_error(msg, false);
  }
  host.frame()[2] = static_cast<Word>(s.len);
}

// func swapElems(x any, i, j int)
void swap_elems(NativeHost& host) {
  Word* f = host.frame();
  const Word type = f[0], data = f[1];
  const auto i = static_cast<std::int64_t>(f[2]), j = static_cast<std::int64_t>(f[3]);
  SliceRef s;
  std::uint32_t ew = 0;
  if (!slice_in(host, type, data, s, ew)) {
    std::string msg = "reflect: call of Swapper on ";
    msg += kind_name(host, type);
    msg += " Value";
    return host.panic_error(msg, false);
  }
  if (i < 0 || j < 0 || i >= s.len || j >= s.len)
    return host.panic_string("reflect: slice index out of range");
  const Word a = s.data + static_cast<Word>(i) * ew, b = s.data + static_cast<Word>(j) * ew;
  for (std::uint32_t k = 0; k < ew; ++k) {
    const Word x = host.load(a + k), y = host.load(b + k);
    host.store(a + k, y);
    host.store(b + k, x);
  }
}

}  // namespace

void register_sort_natives(NativeTable& table) {
  table.push_back({"sort.sliceLen", slice_len});
  table.push_back({"sort.swapElems", swap_elems});
}

}  // namespace gb::vm::natives
