// The memory seam: every load, store and allocation of shared Go memory (package variables, heap objects, slice
// backing arrays, closures and their cells, interface boxes, map entries) goes through this one class.
// Word-addressed and flat: address 0 is nil, package variables live at 1 .. globals_words, then zerobase, then the
// heap: spans of size classes (heap_spans.h), whose objects the collector (gc.cpp) frees and allocation reuses.
// A string's bytes are either a literal's, in a read-only arena (the pointer is an offset there; 0 is the empty
// string), or a noscan heap object's, made at run time and collected like any other (the pointer is tagged, so
// the collector can tell it from a word pointer: see kStringTag).
//
// Two modes. Flat (the default): words live in a vector, an access costs nothing. Machine mode (attach_machine):
// every word also has a simulated byte address with Go's sizes and alignment (layout.h's ByteSlot, given at
// allocation), the values live in a coherence::MemorySystem, and each load or store is issued by the current core
// through its private cache and the protocol; the value read comes back from there. The cycles those accesses
// take beyond the instruction's own cycle (bus transactions) accumulate in stall_cycles() for the engine's clock.
// Simplified: string bytes (immutable) stay outside the caches (a heap string's slot has byte addresses, but its
// bytes are read from the words' host storage), and pointers keep the interpreter's word-address
// representation as their stored value.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/chooser.h"
#include "coherence/memory_system.h"
#include "cores/latencies.h"
#include "scheduler/g_status.h"
#include "scheduler/vm/access_cause.h"
#include "scheduler/vm/append_log.h"
#include "scheduler/vm/bytecode.h"
#include "scheduler/vm/heap_spans.h"
#include "scheduler/vm/layout.h"
#include "scheduler/vm/lost_updates.h"

namespace gb::vm {

// The simulated machine under the seam: how many cores, their caches and protocol, and the bus's latencies.
struct MachineMemoryConfig {
  int cores = 1;
  ProtocolKind protocol = ProtocolKind::MESI;
  CacheGeometry geometry{32768, 8, 64};  // a 32 KiB, 8-way L1 with 64-byte lines, as on the x86 parts Go targets
  Latencies latencies;
  std::string bug;  // a planted protocol bug (coherence/bugs.h) for the checker to catch; empty: none
  // x86-TSO store buffers: 0 is off (every store goes to the cache at once). With N entries a plain store waits
  // in its core's FIFO until it is `store_drain_ns` old (or the buffer is full, or a locked instruction or a
  // context switch drains it); the core's own loads read it from there, other cores see it only once drained.
  int store_buffer_entries = 0;
  std::int64_t store_drain_ns = 50;
};

// One bus transaction the machine made, kept when recording (trace export): who, when, what, and every cache's
// state change.
struct BusRecord {
  std::int64_t start_ns = 0;
  std::uint32_t dur_ns = 0;
  CoreId core = 0;
  BusOp op = BusOp::None;
  BusOp then_op = BusOp::None;
  Addr addr = 0;
  std::uint8_t change_count = 0;
  std::array<StateChange, kMaxCores> changes{};
  // Instructions executed (the Session's position) when the burst that made it began (Memory::set_position):
  // the transaction is first in bus_log() at a later position, within that burst.
  std::uint64_t instr = 0;
  GId g = kNoG;  // the goroutine whose burst issued it (kNoG: the scheduler's own work between bursts)
  // The access that needed it (access_cause.h): goroutine, function and pc, operation; and the byte address of
  // the variable's slot it touched (addr is the 8-byte word the caches carry).
  AccessCause cause;
  std::uint64_t at = 0;
};

class Memory {
 public:
  // Where machine mode's simulated addresses start (an address that looks like a heap address when shown).
  static constexpr std::uint64_t kFirstByteAddress = 0xc000000000;  // where Go's amd64 heap arenas begin

  // Upper bound on heap words (2 GiB of simulated heap); past it allocation fails with Go's out-of-memory fatal.
  static constexpr std::uint64_t kMaxWords = std::uint64_t{1} << 28;
  static constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 31;

  Memory() = default;
  explicit Memory(std::uint32_t globals_words) { reset(globals_words); }

  // Machine mode from now on (call before reset): values live in a MemorySystem of `config`.
  void attach_machine(const MachineMemoryConfig& config);
  bool machine() const { return sys_.has_value(); }

  // Package variables' words, then zerobase. In machine mode the globals have no byte address until place().
  void reset(std::uint32_t globals_words) {
    size_ = std::uint64_t{globals_words} + 2;
    zero_base_ = globals_words + 1;  // runtime.zerobase: the address of every zero-size allocation
    heap_.reset(size_);
    heap_byte_base_ = 0;
    bytes_.assign(1, '\0');
    if (sys_) {
      words_.clear();
      slots_.assign(size_, 0);
      next_byte_ = kFirstByteAddress;
    } else {
      words_.assign(size_, 0);
    }
  }

  // A valid, non-nil address (0 < a < size). Callers check nil themselves to raise Go's panic.
  bool valid(Word address) const { return address - 1 < size_ - 1; }
  bool valid_range(Word address, std::uint64_t n) const {
    return address != 0 && address <= size_ && n <= size_ - address;
  }

  Word load(Word address) {
    if (!sys_) return words_[address];
    const Word v = machine_load(address);
    consumed();
    return v;
  }
  void store(Word address, Word value) {
    if (barrier_) [[unlikely]] write_barrier(value);
    if (!sys_) {
      words_[address] = value;
      return;
    }
    machine_store(address, value);
    consumed();
  }
  // The first half of an atomic read-modify-write (LOCK-prefixed on amd64): the line is taken for writing
  // (BusRdX or BusUpgr) and the current value returned; the store that follows hits the line in M.
  Word load_exclusive(Word address) {
    if (!sys_) return words_[address];
    const Word v = machine_load(address, true);
    consumed();
    return v;
  }
  // The value without any cache effect (tests, hashes, the UI).
  Word peek(Word address) const;
  void load_n(Word address, Word* out, std::uint32_t n) {
    if (sys_) {
      for (std::uint32_t i = 0; i < n; ++i) out[i] = machine_load(address + i);
      consumed();
      return;
    }
    std::memcpy(out, words_.data() + address, std::size_t{n} * sizeof(Word));
  }
  void store_n(Word address, const Word* in, std::uint32_t n) {
    if (barrier_) [[unlikely]]
      for (std::uint32_t i = 0; i < n; ++i) write_barrier(in[i]);
    if (sys_) {
      for (std::uint32_t i = 0; i < n; ++i) machine_store(address + i, in[i]);
      consumed();
      return;
    }
    std::memcpy(words_.data() + address, in, std::size_t{n} * sizeof(Word));
  }
  void copy_words(Word dst, Word src, std::uint64_t n);  // overlapping allowed (Go's copy is memmove)

  // n zeroed words from the heap; n == 0 gives zerobase. Returns 0 when the heap is exhausted. `noscan`: the
  // object holds no pointers. In machine mode the words get byte addresses: `pattern` (one ByteSlot per word of
  // one element of `elem_bytes` bytes, aligned to `align`) repeated, or 8 bytes per word when there is no
  // pattern; an object whose memory was used before is cleared through the current core's cache first, as
  // mallocgc's memclr of a span that needs zeroing.
  // `go_bytes`: Go's size of the object (0: 8 bytes a word), rounded to Go's size classes, for the pacer.
  // `needzero` false: the caller overwrites every word (a string's bytes), so a reused slot is not cleared.
  Word allocate(std::uint64_t n, const ByteSlot* pattern = nullptr, std::uint32_t pattern_words = 0,
                std::uint64_t elem_bytes = 8, std::uint32_t align = 8, bool noscan = false, std::uint64_t go_bytes = 0,
                bool needzero = true);
  // Gives words [first, first+n) their byte addresses (machine mode; allocate does it for heap words): the next
  // free bytes of the data segment.
  void place(Word first, std::uint64_t n, const ByteSlot* pattern, std::uint32_t pattern_words,
             std::uint64_t elem_bytes, std::uint32_t align) {
    next_byte_ = place_at(next_byte_, first, n, pattern, pattern_words, elem_bytes, align);
  }
  // The next place() starts on a multiple of `bytes`.
  void align_placement(std::uint64_t bytes) { next_byte_ = (next_byte_ + bytes - 1) / bytes * bytes; }
  Word zero_base() const { return zero_base_; }
  std::uint64_t heap_words() const { return size_; }

  // [SECTION] The collector's view (gc.cpp)
  const HeapSpans& heap() const { return heap_; }
  HeapSpans& heap() { return heap_; }
  // The write barrier, on while the collector marks: every word stored that points into the heap is kept for
  // the collector to shade (Dijkstra's insertion barrier, conservative as the marking). On the machine each one
  // is also stored into the current core's barrier buffer (`buffers`: one heap object of kBarrierBufferWords
  // per core, as a P's wbBuf), through the cache: the barrier's cost in bus traffic.
  static constexpr std::uint32_t kBarrierBufferWords = 256;
  void set_write_barrier(bool on, std::vector<Word> buffers = {}) {
    barrier_ = on;
    barrier_buffers_ = std::move(buffers);
    barrier_pos_.assign(barrier_buffers_.size(), 0);
  }
  std::vector<Word>& shaded() { return shaded_; }
  // Sweeps the heap: unmarked objects are freed (their words zeroed in flat mode) and the address space shrinks
  // to the pages still in use. Returns the objects and words freed.
  std::pair<std::uint64_t, std::uint64_t> sweep();

  // [SECTION] Machine mode
  // Store buffers (MachineMemoryConfig::store_buffer_entries): writes `core`'s buffered stores that are due at
  // `now` (all of them with INT64_MAX) to its cache; the bus time they take does not stall the core.
  void drain_store_buffer(int core, std::int64_t now);
  struct BufferedStore {
    Addr word = 0;  // the 8-byte word's address in the memory system
    Word value = 0; // already shifted into place
    Word mask = 0;  // the bytes it writes
    std::int64_t at = 0;
    AccessCause cause;        // the store's cause, for the transaction its drain makes
    std::uint64_t slot = 0;   // the stored slot's byte address
  };
  // `core`'s buffered stores, oldest first (empty when buffers are off), for the UI.
  const std::vector<BufferedStore>& store_buffer(int core) const {
    static const std::vector<BufferedStore> none;
    return static_cast<std::size_t>(core) < store_buffers_.size() ? store_buffers_[static_cast<std::size_t>(core)]
                                                                   : none;
  }
  std::size_t buffered_stores(int core) const {
    return static_cast<std::size_t>(core) < store_buffers_.size() ? store_buffers_[static_cast<std::size_t>(core)].size() : 0;
  }
  // The core that issues the accesses from now on.
  void set_core(int core) { core_ = core; }
  int core() const { return core_; }
  std::uint64_t pending_stall() const { return stall_; }
  // Cycles of bus transactions since the last call (beyond each instruction's own cycle), then zero.
  std::uint64_t take_stall_cycles() {
    const std::uint64_t s = stall_;
    stall_ = 0;
    return s;
  }
  // Timing noise (MachineOptions::jitter): each bus transaction takes up to `dram_ns` extra nanoseconds when it
  // involves memory (a fill or a writeback) and up to `bus_ns` otherwise, drawn from `chooser` (ChoiceKind::Timing).
  // The owner re-aims the chooser before every run, as the scheduler's; a copy of this Memory has none until then
  // (and draws no noise), so it never reaches into another machine's chooser.
  void set_timing_noise(Chooser* chooser, std::uint32_t dram_ns, std::uint32_t bus_ns) {
    noise_.chooser = chooser;
    noise_dram_ns_ = dram_ns;
    noise_bus_ns_ = bus_ns;
  }
  void set_noise_chooser(Chooser* chooser) { noise_.chooser = chooser; }
  // Recording (machine mode): each bus transaction is appended to bus_log(), stamped with the issuing core's time.
  void set_recording(bool on) { recording_ = on; }
  void set_time(std::int64_t ns) { time_ = ns; }
  // What the next transactions' BusRecord::instr and ::g get; the cause starts over as the runtime's work of g.
  void set_position(std::uint64_t instructions, GId g) {
    position_ = instructions;
    origin_g_ = g;
    cause_ = AccessCause{};
    cause_.g = g;
  }
  GId origin_g() const { return origin_g_; }
  // The cause of the next access (access_cause.h). The interpreter sets the site of its plain loads and stores;
  // the runtime sets the whole cause. After each access through load/store/... the cause falls back to the
  // runtime's work of the same goroutine, so an access nobody labelled is never credited to an earlier site.
  void set_site(AccessKind kind, std::uint32_t func, std::uint32_t pc, std::uint32_t user_func = kNoFunc,
                std::uint32_t user_pc = 0) {
    cause_.kind = kind;
    cause_.func = func;
    cause_.pc = pc;
    cause_.user_func = user_func;
    cause_.user_pc = user_pc;
  }
  void set_cause(const AccessCause& c) { cause_ = c; }
  const AccessCause& cause() const { return cause_; }
  // The store to `address` completes the locked instruction whose load just took it (an atomic's second half).
  bool completes_locked(Word address) const { return locked_ == address + 1; }
  const AppendLog<BusRecord>& bus_log() const { return bus_log_; }
  // Recording: each change of a line's state without the bus (MESI's E -> M on a write, a silent upgrade), as a
  // record with op None and no duration, so a step can say why a square changed colour with no transaction.
  const AppendLog<BusRecord>& silent_log() const { return silent_log_; }
  // Lost updates (lost_updates.h explains the rule): watched from the accesses when on; `user_funcs` flags the
  // functions of package main by index, the only code whose plain loads and stores take part.
  void set_watch(bool on, std::shared_ptr<const std::vector<std::uint8_t>> user_funcs) {
    watch_ = on;
    user_funcs_ = std::move(user_funcs);
  }
  bool watching() const { return watch_; }
  // The explorer's view (machine mode, controlled runs; sim/explore): every word the cores load or store, in order,
  // kept until taken. A load that takes a line for a locked instruction counts as a store.
  struct TracedAccess {
    Word word = 0;
    bool store = false;
  };
  void set_access_trace(bool on) {
    trace_on_ = on;
    trace_.clear();
  }
  const std::vector<TracedAccess>& access_trace() const { return trace_; }
  void take_access_trace(std::vector<TracedAccess>& out) {
    out.swap(trace_);
    trace_.clear();
  }
  const AppendLog<LostUpdateRecord>& lost_updates() const { return lost_log_; }
  // Nanoseconds cores spent waiting for the bus while another core's transaction held it.
  std::uint64_t bus_wait_ns() const { return bus_wait_ns_; }
  const MemorySystem& system() const { return *sys_; }
  MemorySystem& system() { return *sys_; }
  // The simulated byte address of word `address` and its width, for events and the UI (machine mode).
  std::uint64_t byte_address(Word address) const;
  std::uint32_t byte_width(Word address) const;
  // The byte address of the heap's first word (machine mode; 0 before the first heap object).
  std::uint64_t heap_first_byte() const { return heap_byte_base_; }
  std::uint64_t accesses() const { return accesses_; }
  std::uint64_t hash() const;

  // [SECTION] String bytes
  // A heap string's pointer: kStringTag | (its object's word address * 8 + the byte's index). The bytes live in
  // the object's words, 8 to a word, in the words' host storage (in machine mode too, where that storage holds
  // nothing else). A literal's pointer is its offset in the read-only arena, untagged.
  static constexpr Word kStringTag = Word{1} << 49;
  static bool heap_string(Word p) { return (p & kStringTag) != 0; }
  // The word address a heap string's pointer falls in (the collector's view of it); any other word unchanged.
  static Word object_word(Word w) { return heap_string(w) ? (w & ~kStringTag) >> 3 : w; }

  std::string_view string_view(Word address, Word length) const {
    return std::string_view(string_data(address), length);
  }
  std::uint8_t byte_at(Word address) const { return static_cast<std::uint8_t>(*string_data(address)); }
  // Whether [address, address+length) are bytes of a string (the UI reads values it cannot trust).
  bool valid_string(Word address, Word length) const {
    if (length == 0) return true;
    if (!heap_string(address)) return address < bytes_.size() && length <= bytes_.size() - address;
    const Word at = address & ~kStringTag, end = words_.size() * 8;
    return at >= heap_.first() * 8 && at < end && length <= end - at;
  }
  // A literal's bytes, in the read-only arena; returns their pointer (0 for an empty string).
  Word add_literal(std::string_view s) {
    if (s.empty()) return 0;
    const Word at = bytes_.size();
    bytes_.append(s.data(), s.size());
    return at;
  }
  // A heap string of `s`'s bytes (non-empty): a noscan object Go would size at `go_bytes`. Returns its pointer,
  // or 0 when the heap is exhausted. The caller counts the allocation (its object is object_word(pointer)).
  Word new_string(std::string_view s, std::uint64_t go_bytes);
  std::uint64_t literal_bytes() const { return bytes_.size(); }
  const std::string& literals() const { return bytes_; }

 private:
  Word machine_load(Word address, bool exclusive = false);
  Word cache_load(Word address, bool exclusive);
  void machine_store(Word address, Word value);
  void consumed() {
    cause_.kind = AccessKind::Runtime;
    cause_.func = kNoFunc;
    cause_.user_func = kNoFunc;
  }
  bool user_site() const {
    return user_funcs_ && cause_.func < user_funcs_->size() && (*user_funcs_)[cause_.func] != 0;
  }
  void charge(const AccessResult& r, bool stalls_core = true);
  void write_through(int core, const BufferedStore& s, bool stalls_core);
  // Catches the coherence engine's event for the access in flight (attached only around a recorded access, so
  // a copy of this Memory never points at another one's catcher).
  struct LastEvent final : EventSink {
    CoherenceEvent event;
    bool seen = false;
    void on_event(const CoherenceEvent& e) override {
      event = e;
      seen = true;
    }
  };
  // The record of the access in flight's coherence event (its changes, core, cause), starting at `start_ns`: a bus
  // transaction's (the caller adds op and duration) or a silent change's.
  BusRecord event_record(std::int64_t start_ns) const;
  void begin_access() {
    if (recording_) {
      last_.seen = false;
      sys_->set_sink(&last_);
    }
  }

  // Places [first, first+n) from byte address `base` on; returns the byte after the last element.
  std::uint64_t place_at(std::uint64_t base, Word first, std::uint64_t n, const ByteSlot* pattern,
                         std::uint32_t pattern_words, std::uint64_t elem_bytes, std::uint32_t align);
  // Machine mode: a heap word's byte address follows from its word address, 8 bytes a word from the heap's
  // first byte (so a freed object's bytes are the next one's, and memory stays as big as the live heap).
  std::uint64_t heap_byte(Word address) {
    if (heap_byte_base_ == 0) heap_byte_base_ = (next_byte_ + 63) / 64 * 64;  // after the package variables
    return heap_byte_base_ + (address - heap_.first()) * 8;
  }
  void resize_space(std::uint64_t size);
  void write_barrier(Word value) {
    value = object_word(value);
    if (value - heap_.first() >= heap_.end() - heap_.first()) return;  // not into the heap
    shaded_.push_back(value);
    if (sys_ && static_cast<std::size_t>(core_) < barrier_buffers_.size()) barrier_store(value);
  }
  void barrier_store(Word value);

  std::vector<Word> words_{0, 0};   // flat mode's values; in machine mode, only heap strings' bytes
  HeapSpans heap_;
  std::uint64_t heap_byte_base_ = 0;
  bool barrier_ = false;
  std::vector<Word> shaded_;                 // stored heap pointers the collector has not shaded yet
  std::vector<Word> barrier_buffers_;        // per core, machine mode
  std::vector<std::uint32_t> barrier_pos_;
  std::uint64_t size_ = 2;          // words in the address space (both modes)
  Word zero_base_ = 1;
  // Machine mode: per word, its byte address (bits 0-47), log2 of its width (48-49) and SlotEncoding (50-51).
  std::optional<MemorySystem> sys_;
  Latencies latencies_;
  std::vector<std::uint64_t> slots_;
  std::uint64_t next_byte_ = kFirstByteAddress;
  int core_ = 0;
  std::uint64_t stall_ = 0;
  // One shared bus, held for each transaction's latency (as cores/timed_machine's): a request that finds it busy
  // waits, in the order the cores reach it (the engine runs the core with the earliest clock next).
  std::int64_t bus_free_at_ = 0;
  std::uint64_t bus_wait_ns_ = 0;
  // The Chooser for timing noise: a pointer into the owner, so copying leaves it empty (see set_timing_noise).
  struct NoiseChooser {
    Chooser* chooser = nullptr;
    NoiseChooser() = default;
    NoiseChooser(const NoiseChooser&) {}
    NoiseChooser& operator=(const NoiseChooser&) {
      chooser = nullptr;
      return *this;
    }
  } noise_;
  std::uint32_t noise_dram_ns_ = 0;
  std::uint32_t noise_bus_ns_ = 0;
  std::uint64_t accesses_ = 0;
  bool recording_ = false;
  std::int64_t time_ = 0;
  std::uint64_t position_ = 0;
  GId origin_g_ = kNoG;
  AppendLog<BusRecord> bus_log_;  // shared between copies (checkpoints): see append_log.h
  AppendLog<BusRecord> silent_log_;
  AccessCause cause_;             // the access in flight's cause (not part of the hash: it labels records only)
  std::uint64_t access_at_ = 0;   // the byte address of the slot the access in flight touches
  bool watch_ = false;
  bool trace_on_ = false;
  std::vector<TracedAccess> trace_;
  std::shared_ptr<const std::vector<std::uint8_t>> user_funcs_;
  UpdateWatch update_watch_;      // per word, who loaded and stored it (a copy carries its own)
  AppendLog<LostUpdateRecord> lost_log_;
  LastEvent last_;
  std::vector<std::vector<BufferedStore>> store_buffers_;  // per core, oldest first
  int store_buffer_entries_ = 0;
  std::int64_t store_drain_ns_ = 50;
  Word locked_ = 0;  // the word a locked load just took: the store that completes the locked instruction bypasses
                     // the store buffer
  std::string bytes_{std::string(1, '\0')};  // literals' bytes (read-only)

  const char* string_data(Word p) const {
    if (heap_string(p)) return reinterpret_cast<const char*>(words_.data()) + (p & ~kStringTag);
    return bytes_.data() + p;
  }
};

}  // namespace gb::vm
