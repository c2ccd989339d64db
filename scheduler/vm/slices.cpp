// Slices and strings at run time: makeslice's checks, growslice's capacity rule rounded to Go's size classes
// (runtime/slice.go, msize.go, sizeclasses.go), append, and UTF-8 as the runtime decodes it (range over string,
// string(rune), []rune conversions).
#include <algorithm>
#include <array>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

constexpr std::array<std::uint32_t, 68> kClassToSize = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,   576,
    640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,  3072,
    3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

constexpr std::uint64_t kMaxSmallSize = 32768;
constexpr std::uint64_t kPageSize = 8192;
constexpr std::uint64_t kMaxAlloc = std::uint64_t{1} << 48;

}  // namespace

std::uint64_t roundupsize(std::uint64_t size) {
  if (size < kMaxSmallSize) {
    // The smallest size class holding `size` (what size_to_class8/128 look up).
    return *std::lower_bound(kClassToSize.begin(), kClassToSize.end(), size);
  }
  if (size + kPageSize < size) return size;
  return (size + kPageSize - 1) / kPageSize * kPageSize;
}

std::uint64_t Vm::grow_cap(std::uint64_t old_cap, std::uint64_t need, std::uint64_t elem_bytes) const {
  if (elem_bytes == 0) return need;
  auto newcap = static_cast<std::int64_t>(old_cap);
  const std::int64_t doublecap = newcap + newcap;
  const auto cap = static_cast<std::int64_t>(need);
  if (cap > doublecap) {
    newcap = cap;
  } else {
    constexpr std::int64_t threshold = 256;
    if (static_cast<std::int64_t>(old_cap) < threshold) {
      newcap = doublecap;
    } else {
      while (0 < newcap && newcap < cap) newcap += (newcap + 3 * threshold) / 4;
      if (newcap <= 0) newcap = cap;
    }
  }
  const auto ucap = static_cast<std::uint64_t>(newcap);
  if (ucap > kMaxAlloc / elem_bytes) return ucap;
  return roundupsize(ucap * elem_bytes) / elem_bytes;
}

void Vm::make_slice(Word* out, std::int64_t len, std::int64_t cap, std::uint32_t elem_words, TypeId elem) {
  const std::uint64_t ew = std::max<std::uint32_t>(elem_words, 1);
  // Zero-size elements take no memory, so any length fits (makeslice's overflow check never fires for them).
  const std::uint64_t limit = elem_words == 0 ? static_cast<std::uint64_t>(INT64_MAX) : kMaxAlloc / 8 / ew;
  if (len < 0 || static_cast<std::uint64_t>(len) > limit) throw_runtime_error("makeslice: len out of range");
  if (cap < len || static_cast<std::uint64_t>(cap) > limit) throw_runtime_error("makeslice: cap out of range");
  if (elem_words == 0) {
    out[0] = mem_.zero_base();
    out[1] = static_cast<Word>(len);
    out[2] = static_cast<Word>(cap);
    return;
  }
  const Word base = elem != kNoType ? new_typed(elem, static_cast<std::uint64_t>(cap))
                                    : new_words(static_cast<std::uint64_t>(cap) * elem_words);
  out[0] = base;
  out[1] = static_cast<Word>(len);
  out[2] = static_cast<Word>(cap);
}

void Vm::append_values(Word* out, const Word* slice, std::uint64_t n, std::int32_t d, const Word* src_slots,
                       Word src_addr) {
  std::uint32_t ew;
  std::uint64_t ebytes;
  TypeId elem = kNoType;
  if (d < 0) {
    elem = static_cast<TypeId>(-static_cast<std::int64_t>(d));
    ew = prog_->types.words(elem);
    ebytes = go_size(elem);
  } else {
    ew = static_cast<std::uint32_t>(d);
    ebytes = std::uint64_t{ew} * 8;
  }
  Word base = slice[0];
  const std::uint64_t len = slice[1];
  std::uint64_t cap = slice[2];
  if (n == 0) {
    out[0] = base;
    out[1] = len;
    out[2] = cap;
    return;
  }
  const std::uint64_t need = len + n;
  // A length past the largest int (only zero-size elements get near it) is growslice's cap overflow.
  if (need > static_cast<std::uint64_t>(INT64_MAX) || need < len) throw_runtime_error("growslice: cap out of range");
  if (need > cap && ew == 0) {
    // Zero-size elements: the slice stays at zerobase, its capacity just the new length (growslice's et.size == 0).
    out[0] = base == 0 ? mem_.zero_base() : base;
    out[1] = need;
    out[2] = need;
    return;
  }
  if (need > cap) {
    const std::uint64_t newcap = grow_cap(cap, need, ebytes);
    if (newcap > kMaxAlloc / 8 / std::max<std::uint32_t>(ew, 1)) throw_runtime_error("growslice: len out of range");
    const Word nb = elem != kNoType ? new_typed(elem, newcap) : new_words(newcap * ew);
    if (len != 0 && ew != 0) mem_.copy_words(nb, base, len * ew);
    base = nb;
    cap = newcap;
  }
  if (ew != 0) {
    if (src_slots != nullptr) mem_.store_n(base + len * ew, src_slots, static_cast<std::uint32_t>(n * ew));
    else mem_.copy_words(base + len * ew, src_addr, n * ew);
  }
  out[0] = base;
  out[1] = need;
  out[2] = cap;
}

// [SECTION] UTF-8

void decode_rune(const char* s, std::uint64_t n, std::int32_t& rune, std::uint32_t& width) {
  rune = 0xFFFD;
  width = 1;
  if (n == 0) return;
  const auto b0 = static_cast<std::uint8_t>(s[0]);
  if (b0 < 0x80) {
    rune = b0;
    return;
  }
  auto cont = [&](std::uint64_t i, std::uint8_t lo, std::uint8_t hi) {
    if (i >= n) return false;
    const auto b = static_cast<std::uint8_t>(s[i]);
    return b >= lo && b <= hi;
  };
  if (b0 < 0xC2) return;
  if (b0 < 0xE0) {
    if (!cont(1, 0x80, 0xBF)) return;
    rune = ((b0 & 0x1F) << 6) | (static_cast<std::uint8_t>(s[1]) & 0x3F);
    width = 2;
    return;
  }
  if (b0 < 0xF0) {
    const std::uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const std::uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return;
    rune = ((b0 & 0x0F) << 12) | ((static_cast<std::uint8_t>(s[1]) & 0x3F) << 6) |
           (static_cast<std::uint8_t>(s[2]) & 0x3F);
    width = 3;
    return;
  }
  if (b0 < 0xF5) {
    const std::uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return;
    rune = ((b0 & 0x07) << 18) | ((static_cast<std::uint8_t>(s[1]) & 0x3F) << 12) |
           ((static_cast<std::uint8_t>(s[2]) & 0x3F) << 6) | (static_cast<std::uint8_t>(s[3]) & 0x3F);
    width = 4;
  }
}

void encode_rune(std::int32_t r, std::string& out) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  const auto u = static_cast<std::uint32_t>(r);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

}  // namespace gb::vm
