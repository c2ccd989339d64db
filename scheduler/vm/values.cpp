// Values by their run-time type: interface boxing, == on any comparable type (panicking on uncomparable
// dynamic types), the canonical byte encoding that keys maps, Go's byte sizes, and method lookup for interface
// calls and assertions (by name, with a cache per (interface, dynamic type, method)).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

double as_double(Word w) {
  double d;
  std::memcpy(&d, &w, sizeof d);
  return d;
}

void put_word(std::string& out, Word w) {
  char b[8];
  std::memcpy(b, &w, 8);
  out.append(b, 8);
}

}  // namespace

Word Vm::new_words(std::uint64_t n) {
  const std::uint64_t bytes = roundupsize(n * 8);
  const Word a = mem_.allocate(n, nullptr, 0, 8, 8, false, bytes);
  if (a == 0) fatal_error("runtime: out of memory", cur_g_);
  note_allocation(a, n, bytes);
  return a;
}

Word Vm::new_typed(TypeId elem, std::uint64_t count) {
  const std::uint32_t w = prog_->types.words(elem);
  if (elem == kNoType || w == 0) return new_words(count * w);
  const bool noscan = pointer_free(elem);
  const GoLayout l = layout_.layout(elem);
  const std::uint64_t bytes = roundupsize(std::max<std::uint64_t>(l.size * count, 1));
  Word a;
  if (!mem_.machine()) {
    a = mem_.allocate(count * w, nullptr, 0, 8, 8, noscan, bytes);
  } else {
    if (patterns_.size() <= elem) patterns_.resize(std::size_t{elem} + 1);
    std::vector<ByteSlot>& pattern = patterns_[elem];
    if (pattern.empty()) pattern = layout_.word_bytes(elem);
    a = mem_.allocate(count * w, pattern.data(), w, l.size, l.align, noscan, bytes);
  }
  if (a == 0) fatal_error("runtime: out of memory", cur_g_);
  note_allocation(a, count * w, bytes);
  if (mem_.machine() && mem_.watching()) heap_objects_.push_back({a, count, elem});
  return a;
}

void Vm::box(TypeId t, const Word* value, Word* iface) {
  const std::uint32_t n = prog_->types.words(t);
  if (n == 1) {
    const Word v = value[0];
    iface[0] = t;
    iface[1] = v;
    return;
  }
  const Word addr = new_typed(t, 1);
  if (n != 0) mem_.store_n(addr, value, n);
  iface[0] = t;
  iface[1] = addr;
}

void Vm::unbox(TypeId t, Word data, Word* out) {
  const std::uint32_t n = prog_->types.words(t);
  if (n == 1) {
    out[0] = data;
  } else if (n != 0) {
    if (!mem_.valid_range(data, n)) throw_nil_deref();
    mem_.load_n(data, out, n);
  }
}

bool Vm::values_equal(TypeId t, const Word* a, const Word* b) {
  const TypeTable& tt = prog_->types;
  const TypeId u = tt.underlying(t);
  const Type& ty = tt[u];
  switch (ty.kind) {
    case Kind::Float32:
    case Kind::Float64:
      return as_double(a[0]) == as_double(b[0]);
    case Kind::Complex64:
    case Kind::Complex128:
      return as_double(a[0]) == as_double(b[0]) && as_double(a[1]) == as_double(b[1]);
    case Kind::String:
      return a[1] == b[1] && (a[0] == b[0] || mem_.string_view(a[0], a[1]) == mem_.string_view(b[0], b[1]));
    case Kind::Interface: {
      if (a[0] != b[0]) return false;
      if (a[0] == 0) return true;
      const auto dyn = static_cast<TypeId>(a[0]);
      if (!tt.comparable(dyn)) {
        std::string m = "comparing uncomparable type ";
        m += tt.to_string(dyn);
        throw_runtime_error(m);
      }
      const std::uint32_t n = tt.words(dyn);
      if (n == 1) return values_equal(dyn, a + 1, b + 1);
      std::vector<Word> x(n), y(n);
      unbox(dyn, a[1], x.data());
      unbox(dyn, b[1], y.data());
      return values_equal(dyn, x.data(), y.data());
    }
    case Kind::Array: {
      const std::uint32_t ew = tt.words(ty.elem);
      for (std::int64_t i = 0; i < ty.length; ++i)
        if (!values_equal(ty.elem, a + i * ew, b + i * ew)) return false;
      return true;
    }
    case Kind::Struct: {
      std::uint32_t off = 0;
      for (const StructField& f : ty.fields) {
        if (f.name != "_" && !values_equal(f.type, a + off, b + off)) return false;
        off += tt.words(f.type);
      }
      return true;
    }
    case Kind::Slice:
    case Kind::Map:
    case Kind::Func: {
      std::string m = "comparing uncomparable type ";
      m += tt.to_string(t);
      throw_runtime_error(m);
    }
    default:
      return a[0] == b[0];
  }
}

void Vm::encode_key(TypeId t, const Word* w, std::string& out) {
  const TypeTable& tt = prog_->types;
  const TypeId u = tt.underlying(t);
  const Type& ty = tt[u];
  switch (ty.kind) {
    case Kind::Float32:
    case Kind::Float64: {
      const double d = as_double(w[0]);
      if (std::isnan(d)) {  // NaN != NaN: every NaN key is a new key that no lookup finds
        out += 'N';
        put_word(out, ++nan_keys_);
      } else {
        put_word(out, d == 0 ? 0 : w[0]);  // +0 and -0 are the same key
      }
      return;
    }
    case Kind::Complex64:
    case Kind::Complex128: {
      const double re = as_double(w[0]), im = as_double(w[1]);
      if (std::isnan(re) || std::isnan(im)) {  // a NaN part: never equal, a new key each time
        out += 'N';
        put_word(out, ++nan_keys_);
      } else {
        put_word(out, re == 0 ? 0 : w[0]);
        put_word(out, im == 0 ? 0 : w[1]);
      }
      return;
    }
    case Kind::String:
      put_word(out, w[1]);
      out.append(mem_.string_view(w[0], w[1]));
      return;
    case Kind::Interface: {
      put_word(out, w[0]);
      if (w[0] == 0) return;
      const auto dyn = static_cast<TypeId>(w[0]);
      if (!tt.comparable(dyn)) {
        std::string m = "hash of unhashable type ";
        m += tt.to_string(dyn);
        throw_runtime_error(m);
      }
      const std::uint32_t n = tt.words(dyn);
      if (n == 1) {
        encode_key(dyn, w + 1, out);
        return;
      }
      std::vector<Word> x(n);
      unbox(dyn, w[1], x.data());
      encode_key(dyn, x.data(), out);
      return;
    }
    case Kind::Array: {
      const std::uint32_t ew = tt.words(ty.elem);
      for (std::int64_t i = 0; i < ty.length; ++i) encode_key(ty.elem, w + i * ew, out);
      return;
    }
    case Kind::Struct: {
      std::uint32_t off = 0;
      for (const StructField& f : ty.fields) {
        if (f.name != "_") encode_key(f.type, w + off, out);
        off += tt.words(f.type);
      }
      return;
    }
    case Kind::Slice:
    case Kind::Map:
    case Kind::Func: {
      std::string m = "hash of unhashable type ";
      m += tt.to_string(t);
      throw_runtime_error(m);
    }
    default:
      put_word(out, w[0]);
      return;
  }
}

namespace {

std::uint64_t go_align(const TypeTable& tt, TypeId t);

std::uint64_t go_size_of(const TypeTable& tt, TypeId t) {
  const Type& ty = tt[tt.underlying(t)];
  switch (ty.kind) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return 1;
    case Kind::Int16: case Kind::Uint16: return 2;
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: return 4;
    case Kind::String: case Kind::Interface: case Kind::Complex128: return 16;
    case Kind::Complex64: return 8;
    case Kind::Slice: return 24;
    case Kind::Array: return static_cast<std::uint64_t>(ty.length) * go_size_of(tt, ty.elem);
    case Kind::Struct: {
      std::uint64_t off = 0, align = 1;
      for (const StructField& f : ty.fields) {
        const std::uint64_t a = go_align(tt, f.type);
        align = std::max(align, a);
        off = (off + a - 1) / a * a;
        off += go_size_of(tt, f.type);
      }
      return (off + align - 1) / align * align;
    }
    default: return 8;
  }
}

std::uint64_t go_align(const TypeTable& tt, TypeId t) {
  const Type& ty = tt[tt.underlying(t)];
  switch (ty.kind) {
    case Kind::Array: return go_align(tt, ty.elem);
    case Kind::Struct: {
      std::uint64_t a = 1;
      for (const StructField& f : ty.fields) a = std::max(a, go_align(tt, f.type));
      return a;
    }
    case Kind::String: case Kind::Interface: case Kind::Slice: case Kind::Complex128: return 8;
    case Kind::Complex64: return 4;
    default: return std::max<std::uint64_t>(1, std::min<std::uint64_t>(8, go_size_of(tt, t)));
  }
}

}  // namespace

std::uint64_t Vm::go_size(TypeId t) const { return go_size_of(prog_->types, t); }

const MethodEntry* Vm::lookup_method(TypeId dynamic, std::string_view name) const {
  const TypeTable& tt = prog_->types;
  if (dynamic == kNoType || dynamic >= tt.size()) return nullptr;
  TypeId named = dynamic;
  const bool is_pointer = tt.kind(dynamic) == Kind::Pointer;
  if (is_pointer) named = tt[dynamic].elem;
  // Named types, and unnamed structs with embedded fields (the compiler gives them their promoted methods).
  if (tt.kind(named) != Kind::Named && tt.kind(named) != Kind::Struct) return nullptr;
  const auto& ms = tt[named].methods;
  const auto it = std::lower_bound(ms.begin(), ms.end(), name,
                                   [](const MethodEntry& m, std::string_view n) { return m.name < n; });
  if (it == ms.end() || it->name != name) return nullptr;
  if (!is_pointer && it->pointer_receiver) return nullptr;  // not in the method set of T
  return &*it;
}

std::int32_t Vm::find_method(TypeId dynamic, std::string_view name, bool& pointer_receiver) const {
  const MethodEntry* m = lookup_method(dynamic, name);
  if (m == nullptr || m->function < 0) return -1;
  pointer_receiver = m->pointer_receiver;
  return m->function;
}

std::int32_t Vm::iface_method(TypeId iface, TypeId dynamic, std::uint32_t index, bool& pointer_receiver) {
  const bool cacheable = iface < (1u << 22) && dynamic < (1u << 22) && index < (1u << 16);
  const std::uint64_t key = (std::uint64_t{iface} << 42) | (std::uint64_t{dynamic} << 20) | index;
  if (cacheable) {
    const auto it = method_cache_.find(key);
    if (it != method_cache_.end()) {
      pointer_receiver = (it->second & 1) != 0;
      return it->second >> 1;
    }
  }
  const TypeTable& tt = prog_->types;
  const auto& ims = tt[tt.underlying(iface)].methods;
  if (index >= ims.size()) fatal_error("bad interface method index", cur_g_);
  const std::int32_t fn = find_method(dynamic, ims[index].name, pointer_receiver);
  if (fn < 0) {
    std::string m = "no method ";
    m += ims[index].name;
    m += " on ";
    m += tt.to_string(dynamic);
    fatal_error(m, cur_g_);
  }
  if (cacheable) method_cache_.emplace(key, fn * 2 + (pointer_receiver ? 1 : 0));
  return fn;
}

// The first method of interface `iface` (in sorted order) that `dynamic` lacks, or "" if it implements it.
std::string Vm::missing_method(TypeId iface, TypeId dynamic) {
  const TypeTable& tt = prog_->types;
  const bool cacheable = iface < (1u << 22) && dynamic < (1u << 22);
  const std::uint64_t key = (std::uint64_t{iface} << 42) | (std::uint64_t{dynamic} << 20) | 0xFFFFFu;
  const auto& ims = tt[tt.underlying(iface)].methods;
  if (cacheable) {
    const auto it = method_cache_.find(key);
    if (it != method_cache_.end()) return it->second < 0 ? std::string() : ims[static_cast<std::size_t>(it->second)].name;
  }
  std::int32_t missing = -1;
  for (std::size_t i = 0; i < ims.size(); ++i) {
    const MethodEntry* m = lookup_method(dynamic, ims[i].name);
    if (m == nullptr || (m->signature != ims[i].signature && m->signature != kNoType && ims[i].signature != kNoType)) {
      missing = static_cast<std::int32_t>(i);
      break;
    }
  }
  if (cacheable) method_cache_.emplace(key, missing);
  return missing < 0 ? std::string() : ims[static_cast<std::size_t>(missing)].name;
}

}  // namespace gb::vm
