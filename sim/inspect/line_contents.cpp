// line_contents: a walk of the package variables' types that only enters the parts overlapping the line (an
// array's overlapping elements are computed from its stride, so a 16384-element array costs a few steps).
#include "sim/inspect/line_contents.h"

#include <algorithm>

#include <fmt/format.h>

#include "scheduler/vm/hchan_layout.h"
#include "sim/inspect/sync_state.h"

namespace gb::inspect {

namespace {

using vm::Kind;
using vm::TypeId;

struct Walk {
  const vm::Vm& vm;
  const vm::TypeTable& types;
  std::uint64_t lo, hi;  // the line's bytes [lo, hi)
  std::size_t limit;
  std::vector<LineOccupant>& out;
  bool typed = true;  // "main.counter int" (line contents) or "main.counter" (variable_at)

  std::uint64_t first_byte(Word w) const { return vm.memory().byte_address(w); }
  std::uint64_t end_byte(Word w) const { return vm.memory().byte_address(w) + vm.memory().byte_width(w); }

  void emit(std::uint64_t b0, std::uint64_t b1, std::string what) {
    if (out.size() >= limit) return;
    const std::uint64_t s = std::max(b0, lo), e = std::min(b1, hi);
    out.push_back({static_cast<std::uint32_t>(s - lo), static_cast<std::uint32_t>(e - s), std::move(what)});
  }

  void value(TypeId type, Word addr, const std::string& path, int depth = 0) {
    const std::uint32_t words = types.words(type);
    if (words == 0 || out.size() >= limit || !vm.memory().valid_range(addr, words)) return;
    const std::uint64_t b0 = first_byte(addr), b1 = end_byte(addr + words - 1);
    if (b1 <= lo || b0 >= hi) return;
    const TypeId u = types.kind(type) == Kind::Named ? types[type].underlying : type;
    const vm::Type& ut = types[u];
    const bool inside = b0 >= lo && b1 <= hi;
    if (inside || depth > 8 || (ut.kind != Kind::Struct && ut.kind != Kind::Array)) {
      emit(b0, b1, typed ? fmt::format("{} {}", path, types.to_string(type)) : path);
      return;
    }
    if (ut.kind == Kind::Struct) {
      Word at = addr;
      for (const vm::StructField& f : ut.fields) {
        value(f.type, at, path + "." + f.name, depth + 1);
        at += types.words(f.type);
      }
      return;
    }
    // An array: only the elements that overlap the line.
    const std::uint32_t w = types.words(ut.elem);
    if (w == 0 || ut.length <= 0) return;
    const auto n = static_cast<std::uint64_t>(ut.length);
    const std::uint64_t stride = n > 1 ? first_byte(addr + w) - b0 : b1 - b0;
    if (stride == 0) return;
    const std::uint64_t from = lo > b0 ? (lo - b0) / stride : 0;
    const std::uint64_t to = std::min(n - 1, (hi - 1 - b0) / stride);
    const Kind ek = types.underlying_kind(ut.elem);
    if (ek != Kind::Struct && ek != Kind::Array && to > from) {
      // A run of plain elements is one occupant: "main.data[8..15] int64".
      const Word first = addr + static_cast<Word>(from * w), last = addr + static_cast<Word>(to * w + w - 1);
      emit(first_byte(first), end_byte(last),
           typed ? fmt::format("{}[{}..{}] {}", path, from, to, types.to_string(ut.elem))
                 : fmt::format("{}[{}..{}]", path, from, to));
      return;
    }
    for (std::uint64_t i = from; i <= to && out.size() < limit; ++i)
      value(ut.elem, addr + static_cast<Word>(i * w), fmt::format("{}[{}]", path, i), depth + 1);
  }

  void words(Word first, std::uint64_t n, const std::string& what, const char* const* field_names = nullptr) {
    if (first == 0 || n == 0 || !vm.memory().valid_range(first, n)) return;
    const std::uint64_t b0 = first_byte(first), b1 = end_byte(first + n - 1);
    if (b1 <= lo || b0 >= hi) return;
    if (field_names != nullptr && hi - lo == 1) {  // one byte asked for: name the word that holds it
      for (std::uint64_t i = 0; i < n; ++i) {
        if (first_byte(first + i) <= lo && lo < end_byte(first + i)) {
          emit(first_byte(first + i), end_byte(first + i), what + "." + field_names[i]);
          return;
        }
      }
    }
    emit(b0, b1, what);
  }
};

// hchan's words by name (hchan_layout.h: one word per field; recvq and sendq take two).
constexpr const char* kHchanFields[vm::hchan::kWords] = {"qcount", "dataqsiz", "buf",   "closed",
                                                        "elemtype", "sendx",   "recvx", "recvq",
                                                        "recvq",  "sendq",    "sendq", "lock"};

// The package variables and channels overlapping [lo, hi), at most `limit`, in the walk's order.
void walk_named(const vm::Vm& vm, std::uint64_t lo, std::uint64_t hi, const std::vector<ChanView>& chans,
                std::size_t limit, bool typed, std::vector<LineOccupant>& out) {
  Walk w{vm, vm.program().types, lo, hi, limit, out, typed};
  for (const vm::GlobalVar& g : vm.program().globals)
    if (!g.name.empty()) w.value(g.type, g.addr, g.name);
  for (std::size_t i = 0; i < vm.channels().size() && out.size() < limit; ++i) {
    std::string name = fmt::format("channel {}", i + 1);
    for (const ChanView& c : chans)
      if (c.index == i && !c.name.empty()) name = fmt::format("channel {} ({})", c.name, i + 1);
    w.words(vm.hchan_address(i), vm::Vm::kHchanWords, "hchan of " + name, kHchanFields);
    w.words(vm.chan_buffer_address(i), vm.chan_buffer_words(i), "buffer of " + name);
  }
}

}  // namespace

std::string variable_at(const vm::Vm& vm, std::uint64_t byte, const std::vector<ChanView>& chans) {
  if (!vm.memory().machine()) return {};
  std::vector<LineOccupant> out;
  walk_named(vm, byte, byte + 1, chans, 1, false, out);
  if (!out.empty()) return out.front().what;
  // A typed heap object (Vm::heap_objects, in address order): the last one starting at or before the byte.
  const auto& heap = vm.heap_objects();
  const vm::Memory& mem = vm.memory();
  std::size_t lo = 0, hi = heap.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (mem.byte_address(heap[mid].first) <= byte) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return {};
  const vm::HeapObject& o = heap[lo - 1];
  const vm::TypeTable& types = vm.program().types;
  const std::uint32_t w = types.words(o.elem);
  if (w == 0 || o.count == 0 || !mem.valid_range(o.first, o.count * w)) return {};
  const Word last = o.first + static_cast<Word>(o.count * w) - 1;
  if (byte >= mem.byte_address(last) + mem.byte_width(last)) return {};
  Walk walk{vm, types, byte, byte + 1, 1, out, false};
  const std::string type = types.to_string(o.elem);
  if (o.count == 1) {
    walk.value(o.elem, o.first, "heap " + type);
  } else {
    const std::uint64_t stride = mem.byte_address(o.first + w) - mem.byte_address(o.first);
    const std::uint64_t i = stride != 0 ? (byte - mem.byte_address(o.first)) / stride : 0;
    if (i < o.count)
      walk.value(o.elem, o.first + static_cast<Word>(i * w), fmt::format("heap [{}]{}[{}]", o.count, type, i));
  }
  return out.empty() ? std::string() : out.front().what;
}

std::vector<LineOccupant> line_contents(const vm::Vm& vm, std::uint64_t line, std::uint32_t block_bytes,
                                        const std::vector<std::string>* source, std::size_t limit) {
  std::vector<LineOccupant> out;
  if (!vm.memory().machine() || block_bytes == 0) return out;
  walk_named(vm, line, line + block_bytes, channel_views(vm, source), limit, true, out);
  std::sort(out.begin(), out.end(),
            [](const LineOccupant& a, const LineOccupant& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace gb::inspect
