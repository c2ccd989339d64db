// The memory seam's machine mode: Go-layout byte addresses for the interpreter's words, and loads and stores
// issued by the current core through its cache (memory.h explains the two modes).
#include "scheduler/vm/memory.h"

#include <algorithm>
#include <bit>
#include <functional>
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
  store_buffer_entries_ = std::max(0, config.store_buffer_entries);
  store_drain_ns_ = config.store_drain_ns;
  store_buffers_.assign(static_cast<std::size_t>(std::max(1, config.cores)), {});
}

std::uint64_t Memory::place_at(std::uint64_t at, Word first, std::uint64_t n, const ByteSlot* pattern,
                               std::uint32_t pattern_words, std::uint64_t elem_bytes, std::uint32_t align) {
  if (!sys_) return at;
  const bool untyped = pattern == nullptr || pattern_words == 0;  // 8 bytes a word, 8-aligned
  const std::uint64_t a = untyped ? 8 : std::max<std::uint32_t>(align, 1);
  const std::uint64_t base = (at + a - 1) / a * a;
  if (untyped) {
    for (std::uint64_t i = 0; i < n; ++i) slots_[first + i] = pack(base + i * 8, 8, SlotEncoding::Unsigned);
    return base + n * 8;
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
  return base + std::max<std::uint64_t>(elems * elem_bytes, 1);
}

void Memory::resize_space(std::uint64_t size) {
  size_ = size;
  if (sys_) {
    slots_.resize(size_, 0);
    if (words_.size() > size_) words_.resize(size_);  // the strings' storage grows as new_string needs it
  } else {
    words_.resize(size_, 0);
  }
}

Word Memory::allocate(std::uint64_t n, const ByteSlot* pattern, std::uint32_t pattern_words, std::uint64_t elem_bytes,
                      std::uint32_t align, bool noscan, std::uint64_t go_bytes, bool needzero) {
  if (n == 0) return zero_base_;
  bool dirty = false;
  const Word at = heap_.alloc(n, noscan, dirty, kMaxWords, go_bytes != 0 ? go_bytes : n * 8);
  if (at == 0) return 0;
  if (heap_.end() > size_) resize_space(heap_.end());
  if (!sys_) return at;  // flat mode zeroes freed words when it sweeps
  const std::uint64_t base = heap_byte(at);
  const std::uint64_t words = heap_.size_class_words(n);
  const std::uint64_t end = place_at(base, at, n, pattern, pattern_words, elem_bytes, align);
  // The slot's words past the object (the size class's slack) get 8 bytes each after its bytes (n words never
  // take more than n * 8 bytes), so the collector can read the whole slot.
  if (words > n) place_at(base + n * 8, at + n, words - n, nullptr, 0, 8, 8);
  if (dirty && needzero) {
    // The slot's bytes held a freed object: the object's bytes, and the slack words the collector reads, are
    // cleared 8 at a time through this core's cache (memclrNoHeapPointers).
    const AccessCause saved = cause_;
    auto clear = [&](std::uint64_t from, std::uint64_t to) {
      for (std::uint64_t b = from; b < to; b += 8) {
        access_at_ = b;
        begin_access();
        charge(sys_->write(static_cast<CoreId>(core_), b, 0));
      }
    };
    clear(base, base + (end - base + 7) / 8 * 8);
    if (words > n) clear(std::max(base + n * 8, base + (end - base + 7) / 8 * 8), base + words * 8);
    cause_ = saved;
  }
  return at;
}

Word Memory::new_string(std::string_view s, std::uint64_t go_bytes) {
  std::string copy;  // bytes of another heap string: the words may move when the heap grows
  const char* words = reinterpret_cast<const char*>(words_.data());
  if (std::less_equal<>()(words, s.data()) && std::less<>()(s.data(), words + words_.size() * sizeof(Word))) {
    copy.assign(s);
    s = copy;
  }
  const std::uint64_t n = (s.size() + 7) / 8;
  // rawstring's mallocgc(size, nil, false): noscan, and not zeroed, since every byte is written.
  const Word at = allocate(n, nullptr, 0, 8, 8, true, go_bytes, false);
  if (at == 0 || at == zero_base_) return 0;
  if (words_.size() < at + n) words_.resize(heap_.end(), 0);
  words_[at + n - 1] = 0;  // the last word's bytes past the string
  std::memcpy(reinterpret_cast<char*>(words_.data() + at), s.data(), s.size());
  return kStringTag | (at * 8);
}

std::pair<std::uint64_t, std::uint64_t> Memory::sweep() {
  std::uint64_t objects = 0, words = 0;
  std::vector<std::pair<Word, std::uint64_t>> released;  // pages given back: machine mode forgets their lines
  heap_.sweep([&](Word base, std::uint64_t n) {
    ++objects;
    words += n;
    if (base < words_.size())  // flat mode's values; machine mode's string bytes
      std::memset(words_.data() + base, 0, std::min<std::uint64_t>(n, words_.size() - base) * sizeof(Word));
    if (watch_) update_watch_.forget(base, n);
  }, [&](Word first, std::uint64_t n) { released.emplace_back(first, n); });
  // On the machine, a page given back holds no live object, and a reused slot is cleared before use: main memory
  // can forget its lines (those no cache holds), so a copy of the machine holds only what is live.
  if (sys_)
    for (const auto& [first, n] : released) sys_->release(heap_byte(first), heap_byte(first) + n * 8);
  if (heap_.end() < size_) resize_space(heap_.end());
  return {objects, words};
}

void Memory::charge(const AccessResult& r, bool stalls_core) {
  ++accesses_;
  const std::uint64_t stall_before = stall_;
  if (r.bus != BusOp::None) {
    std::uint32_t lat = transaction_latency(latencies_, r, sys_->cache(0).words_per_line());
    // Timing noise: DRAM's row-buffer state and refresh for a transaction that reaches memory, arbitration and the
    // distance between the caches for one that does not. No draw at all when the noise is off.
    const bool dram = r.writeback || (carries_line(r.bus) && r.supplier < 0);
    if (const std::uint32_t most = dram ? noise_dram_ns_ : noise_bus_ns_; most != 0 && noise_.chooser != nullptr)
      lat += static_cast<std::uint32_t>(noise_.chooser->choose(std::size_t{most} + 1, ChoiceKind::Timing));
    // The request is made when the burst reached it (its start plus earlier stalls; the instructions before it in
    // the burst, at most a few, are not counted) and waits while the bus is held.
    // A background drain of a store buffer is simplified to use the bus in a gap: it neither waits nor holds
    // the bus against the cores' own requests.
    const std::int64_t asked = time_ + static_cast<std::int64_t>(stall_);
    const std::int64_t start = stalls_core ? std::max(asked, bus_free_at_) : asked;
    const auto wait = static_cast<std::uint64_t>(start - asked);
    bus_wait_ns_ += wait;
    stall_ += wait;
    if (stalls_core) bus_free_at_ = start + lat;
    if (recording_ && last_.seen) {
      BusRecord b = event_record(start);
      b.dur_ns = lat;
      b.op = r.bus;
      b.then_op = r.then_bus;
      bus_log_.push_back(b);
    }
    stall_ += lat;
  }
  // A silent change: the line's state moved with no transaction (op None, no duration).
  if (r.bus == BusOp::None && recording_ && last_.seen && last_.event.change_count != 0)
    silent_log_.push_back(event_record(time_ + static_cast<std::int64_t>(stall_)));
  if (!stalls_core) stall_ = stall_before;  // a background drain: the bus is busy, the core runs on
  if (recording_) sys_->set_sink(nullptr);
}

BusRecord Memory::event_record(std::int64_t start_ns) const {
  BusRecord b;
  b.start_ns = start_ns;
  b.core = core_;
  b.addr = last_.event.addr;
  b.change_count = last_.event.change_count;
  b.changes = last_.event.changes;
  b.instr = position_;
  b.g = origin_g_;
  b.cause = cause_;
  b.at = access_at_;
  return b;
}

void Memory::write_through(int core, const BufferedStore& s, bool stalls_core) {
  const int saved = core_;
  const AccessCause saved_cause = cause_;
  const std::uint64_t saved_at = access_at_;
  core_ = core;
  cause_ = s.cause;  // the drain's transaction is the buffered store's doing
  access_at_ = s.slot;
  begin_access();
  const AccessResult r = s.mask == ~Word{0} ? sys_->write(static_cast<CoreId>(core), s.word, s.value)
                                            : sys_->write_masked(static_cast<CoreId>(core), s.word, s.value, s.mask);
  charge(r, stalls_core);
  core_ = saved;
  cause_ = saved_cause;
  access_at_ = saved_at;
}

void Memory::drain_store_buffer(int core, std::int64_t now) {
  if (!sys_ || static_cast<std::size_t>(core) >= store_buffers_.size()) return;
  std::vector<BufferedStore>& b = store_buffers_[static_cast<std::size_t>(core)];
  std::size_t n = 0;
  while (n < b.size() && (now == INT64_MAX || b[n].at + store_drain_ns_ <= now)) {
    write_through(core, b[n], false);
    --accesses_;  // the store was counted when it was buffered
    ++n;
  }
  b.erase(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n));
}

Word Memory::machine_load(Word address, bool exclusive) {
  const Word v = cache_load(address, exclusive);
  if (trace_on_) trace_.push_back(TracedAccess{address, exclusive});
  if (watch_) {
    if (exclusive) update_watch_.sync(cause_.g);
    else if (cause_.kind == AccessKind::Load && user_site()) update_watch_.load(address, cause_, v);
  }
  return v;
}

Word Memory::cache_load(Word address, bool exclusive) {
  const Slot s = unpack(slots_[address]);
  access_at_ = s.at;
  locked_ = 0;
  std::vector<BufferedStore>* buffer =
      store_buffer_entries_ > 0 ? &store_buffers_[static_cast<std::size_t>(core_)] : nullptr;
  if (exclusive && buffer != nullptr) {
    // A locked instruction drains the store buffer first (the core waits for it).
    for (const BufferedStore& b : *buffer) {
      write_through(core_, b, true);
      --accesses_;
    }
    buffer->clear();
  }
  if (!exclusive && buffer != nullptr && !buffer->empty()) {
    // Store-to-load forwarding: the core's own buffered stores to this word, oldest first, over what the cache
    // has; when they cover every byte of the load, the cache is not asked at all.
    const Word need = width_mask(s.width) << s.shift();
    Word covered = 0, value = 0;
    for (const BufferedStore& b : *buffer) {
      if (b.word != s.word()) continue;
      value = (value & ~b.mask) | (b.value & b.mask);
      covered |= b.mask;
    }
    if (covered != 0) {
      Word base = 0;
      if ((covered & need) != need) {
        begin_access();
        const AccessResult r = sys_->read(core_, s.word());
        charge(r);
        base = r.value;
      } else {
        ++accesses_;
      }
      return decode(s.extract((base & ~covered) | (value & covered)), s.width, s.enc);
    }
  }
  // fetch_add of 0 is a locked read: it takes the line in M without changing it.
  begin_access();
  const AccessResult r = exclusive ? sys_->fetch_add(core_, s.word(), 0) : sys_->read(core_, s.word());
  charge(r);
  if (exclusive) locked_ = address + 1;
  return decode(s.extract(r.value), s.width, s.enc);
}

void Memory::machine_store(Word address, Word value) {
  if (trace_on_) trace_.push_back(TracedAccess{address, true});
  const Slot s = unpack(slots_[address]);
  access_at_ = s.at;
  if (watch_ && cause_.kind == AccessKind::Store && user_site()) {
    LostUpdateRecord lost;
    if (update_watch_.store(address, cause_, value, lost)) {
      lost.ns = time_ + static_cast<std::int64_t>(stall_);
      lost.instr = position_;
      lost.word = address;
      lost.at = s.at;
      lost_log_.push_back(lost);
    }
  }
  const Word raw = encode(value, s.width, s.enc);
  const bool completes_locked = locked_ == address + 1;
  locked_ = 0;
  if (store_buffer_entries_ > 0 && !completes_locked) {
    std::vector<BufferedStore>& buffer = store_buffers_[static_cast<std::size_t>(core_)];
    if (buffer.size() >= static_cast<std::size_t>(store_buffer_entries_)) {  // full: the store waits for a slot
      write_through(core_, buffer.front(), true);
      --accesses_;
      buffer.erase(buffer.begin());
    }
    BufferedStore b;
    b.word = s.word();
    b.value = s.width == 8 ? raw : raw << s.shift();
    b.mask = s.width == 8 ? ~Word{0} : width_mask(s.width) << s.shift();
    b.at = time_ + static_cast<std::int64_t>(stall_);
    b.cause = cause_;
    b.slot = s.at;
    buffer.push_back(b);
    ++accesses_;
    return;
  }
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

void Memory::barrier_store(Word value) {
  const auto core = static_cast<std::size_t>(core_);
  const Word at = barrier_buffers_[core] + barrier_pos_[core];
  barrier_pos_[core] = (barrier_pos_[core] + 1) % kBarrierBufferWords;
  const AccessCause saved = cause_;
  const std::uint64_t saved_at = access_at_;
  const Word saved_locked = locked_;
  cause_.kind = AccessKind::Runtime;
  cause_.func = kNoFunc;
  cause_.user_func = kNoFunc;
  machine_store(at, value);
  cause_ = saved;
  access_at_ = saved_at;
  locked_ = saved_locked;
}

void Memory::copy_words(Word dst, Word src, std::uint64_t n) {
  if (barrier_) [[unlikely]]
    for (std::uint64_t i = 0; i < n; ++i) write_barrier(peek(src + i));
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
  consumed();
}

std::uint64_t Memory::hash() const {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto add = [&h](std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0x100000001b3ull;
  };
  add(size_);
  add(heap_.live_objects());
  add(heap_.live_words());
  if (sys_) {
    add(sys_->state_hash());
    add(next_byte_);
    add(stall_);
    add(static_cast<std::uint64_t>(bus_free_at_));
    add(locked_);
    for (const auto& buffer : store_buffers_) {
      add(buffer.size());
      for (const BufferedStore& b : buffer) {
        add(b.word);
        add(b.value);
        add(b.mask);
        add(static_cast<std::uint64_t>(b.at));
      }
    }
    for (const std::uint64_t s : slots_) add(s);
  }
  for (const Word w : words_) add(w);  // flat mode's values; machine mode's string bytes
  add(bytes_.size());
  return h;
}

}  // namespace gb::vm
