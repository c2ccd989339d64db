// The memory seam's machine mode: Go-layout byte addresses for the interpreter's words, and loads and stores
// issued by the current core through its cache (memory.h explains the two modes).
#include "scheduler/vm/memory.h"

#include <bit>
#include <stdexcept>

#include "coherence/bugs.h"

namespace gb::vm {

namespace {

constexpr std::uint64_t pack(std::uint64_t addr, std::uint8_t width, SlotEncoding enc) {
  return addr | (std::uint64_t{static_cast<std::uint8_t>(std::countr_zero(width))} << 48) |
         (std::uint64_t{static_cast<std::uint8_t>(enc)} << 50);
}

constexpr Word width_mask(std::uint32_t width) { return width >= 8 ? ~Word{0} : (Word{1} << (width * 8)) - 1; }

// A word's packed slot (memory.h: address in bits 0-47, log2 width in 48-49, encoding in 50-51), unpacked.
struct Slot {
  std::uint64_t at;  // byte address
  std::uint32_t width;
  SlotEncoding enc;
  Addr word() const { return at & ~Addr{7}; }  // the aligned 8-byte word the caches carry
  unsigned shift() const { return static_cast<unsigned>(at & 7) * 8; }
  // This slot's bytes out of the 8-byte word holding them.
  Word extract(Word w) const { return width == 8 ? w : (w >> shift()) & width_mask(width); }
};

constexpr std::uint64_t kAddrMask = (std::uint64_t{1} << 48) - 1;

constexpr Slot unpack(std::uint64_t s) {
  return Slot{s & kAddrMask, 1u << ((s >> 48) & 3), static_cast<SlotEncoding>((s >> 50) & 3)};
}

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
  Protocol protocol = make_protocol(config.protocol);
  if (!config.bug.empty()) {
    if (auto error = inject_bug(protocol, config.bug)) throw std::invalid_argument(*error);
  }
  sys_.emplace(config.cores, config.geometry, std::move(protocol));
  latencies_ = config.latencies;
}

void Memory::place(Word first, std::uint64_t n, const ByteSlot* pattern, std::uint32_t pattern_words,
                   std::uint64_t elem_bytes, std::uint32_t align) {
  if (!sys_) return;
  const bool untyped = pattern == nullptr || pattern_words == 0;  // 8 bytes a word, 8-aligned
  const std::uint64_t a = untyped ? 8 : std::max<std::uint32_t>(align, 1);
  const std::uint64_t base = (next_byte_ + a - 1) / a * a;
  if (untyped) {
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
    // The request is made when the burst reached it (its start plus earlier stalls; the instructions before it in
    // the burst, at most a few, are not counted) and waits while the bus is held.
    const std::int64_t asked = time_ + static_cast<std::int64_t>(stall_);
    const std::int64_t start = std::max(asked, bus_free_at_);
    const auto wait = static_cast<std::uint64_t>(start - asked);
    bus_wait_ns_ += wait;
    stall_ += wait;
    bus_free_at_ = start + lat;
    if (recording_ && last_.seen) {
      BusRecord b;
      b.start_ns = start;
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
  const Slot s = unpack(slots_[address]);
  // fetch_add of 0 is a locked read: it takes the line in M without changing it.
  begin_access();
  const AccessResult r = exclusive ? sys_->fetch_add(core_, s.word(), 0) : sys_->read(core_, s.word());
  charge(r);
  return decode(s.extract(r.value), s.width, s.enc);
}

void Memory::machine_store(Word address, Word value) {
  const Slot s = unpack(slots_[address]);
  const Word raw = encode(value, s.width, s.enc);
  begin_access();
  const AccessResult r = s.width == 8 ? sys_->write(core_, s.at, raw)
                                      : sys_->write_masked(core_, s.word(), raw << s.shift(),
                                                           width_mask(s.width) << s.shift());
  charge(r);
}

std::uint64_t Memory::byte_address(Word address) const { return unpack(slots_[address]).at; }
std::uint32_t Memory::byte_width(Word address) const { return unpack(slots_[address]).width; }

Word Memory::peek(Word address) const {
  if (!sys_) return words_[address];
  const Slot s = unpack(slots_[address]);
  return decode(s.extract(sys_->peek(s.word())), s.width, s.enc);
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
    add(static_cast<std::uint64_t>(bus_free_at_));
    for (const std::uint64_t s : slots_) add(s);
  } else {
    for (const Word w : words_) add(w);
  }
  add(bytes_.size());
  return h;
}

}  // namespace gb::vm
