// The memory seam's machine mode: Go-layout byte addresses for the interpreter's words, and loads and stores
// issued by the current core through its cache (memory.h explains the two modes).
#include "scheduler/vm/memory.h"

#include <bit>

namespace gb::vm {

namespace {

constexpr std::uint64_t pack(std::uint64_t addr, std::uint8_t width, SlotEncoding enc) {
  return addr | (std::uint64_t{static_cast<std::uint8_t>(std::countr_zero(width))} << 48) |
         (std::uint64_t{static_cast<std::uint8_t>(enc)} << 50);
}

constexpr Word width_mask(std::uint32_t width) { return width >= 8 ? ~Word{0} : (Word{1} << (width * 8)) - 1; }

// From the bytes memory holds to the interpreter's word (sign- or zero-extended; float32 widened to float64 bits).
Word decode(Word raw, std::uint32_t width, SlotEncoding enc) {
  switch (enc) {
    case SlotEncoding::Unsigned: return raw;
    case SlotEncoding::Signed: {
      if (width >= 8) return raw;
      const unsigned shift = 64 - width * 8;
      return static_cast<Word>(static_cast<std::int64_t>(raw << shift) >> shift);
    }
    case SlotEncoding::Float32: {
      const float f = std::bit_cast<float>(static_cast<std::uint32_t>(raw));
      return std::bit_cast<Word>(static_cast<double>(f));
    }
  }
  return raw;
}

Word encode(Word value, std::uint32_t width, SlotEncoding enc) {
  if (enc == SlotEncoding::Float32) {
    const auto f = static_cast<float>(std::bit_cast<double>(value));
    return std::bit_cast<std::uint32_t>(f);
  }
  return value & width_mask(width);
}

}  // namespace

void Memory::attach_machine(const MachineMemoryConfig& config) {
  sys_.emplace(config.cores, config.geometry, make_protocol(config.protocol));
  latencies_ = config.latencies;
}

void Memory::place(Word first, std::uint64_t n, const ByteSlot* pattern, std::uint32_t pattern_words,
                   std::uint64_t elem_bytes, std::uint32_t align) {
  if (!sys_) return;
  const std::uint64_t a = std::max<std::uint32_t>(align, 1);
  std::uint64_t base = (next_byte_ + a - 1) / a * a;
  if (pattern == nullptr || pattern_words == 0) {
    base = (next_byte_ + 7) / 8 * 8;
    for (std::uint64_t i = 0; i < n; ++i) slots_[first + i] = pack(base + i * 8, 8, SlotEncoding::Unsigned);
    next_byte_ = base + n * 8;
    return;
  }
  std::uint64_t elem = 0;
  std::uint32_t k = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    const ByteSlot& s = pattern[k];
    slots_[first + i] = pack(base + elem * elem_bytes + s.offset, s.width, s.encoding);
    if (++k == pattern_words) {
      k = 0;
      ++elem;
    }
  }
  const std::uint64_t elems = elem + (k != 0 ? 1 : 0);
  next_byte_ = base + std::max<std::uint64_t>(elems * elem_bytes, 1);
}

void Memory::charge(const AccessResult& r) {
  ++accesses_;
  if (r.bus != BusOp::None) {
    const std::uint32_t lat = transaction_latency(latencies_, r, sys_->cache(0).words_per_line());
    if (recording_ && last_.seen) {
      BusRecord b;
      b.start_ns = time_ + static_cast<std::int64_t>(stall_);
      b.dur_ns = lat;
      b.core = core_;
      b.op = r.bus;
      b.then_op = r.then_bus;
      b.addr = last_.event.addr;
      b.change_count = last_.event.change_count;
      b.changes = last_.event.changes;
      bus_log_.push_back(b);
    }
    stall_ += lat;
  }
  if (recording_) sys_->set_sink(nullptr);
}

Word Memory::machine_load(Word address, bool exclusive) {
  const std::uint64_t s = slots_[address];
  const std::uint64_t at = s & kAddrMask;
  const std::uint32_t width = 1u << ((s >> 48) & 3);
  const auto enc = static_cast<SlotEncoding>((s >> 50) & 3);
  // fetch_add of 0 is a locked read: it takes the line in M without changing it.
  begin_access();
  const AccessResult r = exclusive ? sys_->fetch_add(core_, at & ~Addr{7}, 0) : sys_->read(core_, at & ~Addr{7});
  charge(r);
  const Word raw = width == 8 ? r.value : (r.value >> ((at & 7) * 8)) & width_mask(width);
  return decode(raw, width, enc);
}

void Memory::machine_store(Word address, Word value) {
  const std::uint64_t s = slots_[address];
  const std::uint64_t at = s & kAddrMask;
  const std::uint32_t width = 1u << ((s >> 48) & 3);
  const auto enc = static_cast<SlotEncoding>((s >> 50) & 3);
  const Word raw = encode(value, width, enc);
  AccessResult r;
  begin_access();
  if (width == 8) {
    r = sys_->write(core_, at, raw);
  } else {
    const unsigned shift = static_cast<unsigned>(at & 7) * 8;
    r = sys_->write_masked(core_, at & ~Addr{7}, raw << shift, width_mask(width) << shift);
  }
  charge(r);
}

Word Memory::peek(Word address) const {
  if (!sys_) return words_[address];
  const std::uint64_t s = slots_[address];
  const std::uint64_t at = s & kAddrMask;
  const std::uint32_t width = 1u << ((s >> 48) & 3);
  const Word w = sys_->peek(at & ~Addr{7});
  const Word raw = width == 8 ? w : (w >> ((at & 7) * 8)) & width_mask(width);
  return decode(raw, width, static_cast<SlotEncoding>((s >> 50) & 3));
}

void Memory::copy_words(Word dst, Word src, std::uint64_t n) {
  if (!sys_) {
    std::memmove(words_.data() + dst, words_.data() + src, n * sizeof(Word));
    return;
  }
  // memmove's direction: copy backwards when the destination overlaps the source's tail.
  if (dst > src && dst < src + n) {
    for (std::uint64_t i = n; i-- > 0;) machine_store(dst + i, machine_load(src + i));
  } else {
    for (std::uint64_t i = 0; i < n; ++i) machine_store(dst + i, machine_load(src + i));
  }
}

std::uint64_t Memory::hash() const {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto add = [&h](std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0x100000001b3ull;
  };
  add(size_);
  if (sys_) {
    add(sys_->state_hash());
    add(next_byte_);
    add(stall_);
    for (const std::uint64_t s : slots_) add(s);
  } else {
    for (const Word w : words_) add(w);
  }
  add(bytes_.size());
  return h;
}

}  // namespace gb::vm
