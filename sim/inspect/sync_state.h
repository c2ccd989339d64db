// A run's channels (hchan: ring buffer, sendx/recvx, sendq/recvq, closed) and sync.Mutexes (state bits, the
// semaphore's waiter queue, starvation mode) decoded as plain data, for the studio's channels-and-locks panel,
// the CLI and the lessons.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/vm.h"
#include "sim/go/stdlib_sync_layout.h"

namespace gb::inspect {

// One waiting goroutine of a channel's sendq or recvq, with the value a sender carries.
struct ChanWaiter {
  GId g = kNoG;
  std::string value;  // senders only (empty for receivers)
};

struct ChanView {
  std::size_t index = 0;  // in Vm::channels()
  Word handle = 0;        // the channel's word as the program holds it
  // A package variable holding it ("main.jobs"), else the variable the line that made it assigns to ("done"
  // for `done := make(chan bool)`), else empty.
  std::string name;
  std::uint32_t line = 0;  // the line of package main that made it (0: elsewhere, e.g. the library)
  std::string elem_type;   // "int", "string", ... (empty when unknown)
  Word hchan = 0;          // machine mode: hchan's first word, and its byte address
  std::uint64_t hchan_byte = 0;
  std::uint32_t len = 0, cap = 0, sendx = 0, recvx = 0;
  bool closed = false;
  std::vector<ChanWaiter> sendq, recvq;  // head first
  // Per buffer slot (cap entries, filled only by channel_view): the element's value when the slot holds one.
  std::vector<std::optional<std::string>> slots;
  // What the panel's list shows: the name, else "chan@0xc000000040", else "chan #3".
  std::string label() const;
  std::size_t waiters() const { return sendq.size() + recvq.size(); }
};

// The summary of every channel made so far (no slot values: cheap for many channels). `source`: the lines of
// the user's file (package main), to name a channel after the variable its make assigns to.
std::vector<ChanView> channel_views(const vm::Vm& vm, const std::vector<std::string>* source = nullptr);
// One channel with its buffer's values; nullopt for an index out of range.
std::optional<ChanView> channel_view(const vm::Vm& vm, std::size_t index,
                                     const std::vector<std::string>* source = nullptr);
// The variable `line` assigns a make to: "done" for "done := make(chan bool)", "c.jobs" for
// "c.jobs = make(chan int, 4)", "done" for "var done = make(...)"; empty when it is not that simple.
std::string assigned_name(std::string_view line);

// sync/mutex.go's state bits, as the embedded sync package declares them.
using gostd::kMutexLocked, gostd::kMutexWoken, gostd::kMutexStarving, gostd::kMutexWaiterShift;

struct MutexView {
  Word addr = 0;                // the word of `state` (sema is the next word)
  std::uint64_t byte_addr = 0;  // machine mode: &m.state
  std::string name;        // "main.mu", "main.accounts[2].mu", or empty for a mutex found only on the heap
  std::int32_t state = 0;  // read through the memory model's coherent value, without touching caches
  std::uint32_t sema = 0;
  bool locked() const { return (state & kMutexLocked) != 0; }
  bool woken() const { return (state & kMutexWoken) != 0; }
  bool starving() const { return (state & kMutexStarving) != 0; }
  std::int32_t waiter_count() const { return state >> kMutexWaiterShift; }
  std::vector<GId> queue;    // goroutines parked on &m.sema, front first (the next to be woken)
  std::vector<GId> in_lock;  // goroutines inside Lock's slow path that are not parked (spinning, retrying)
};

// The mutexes of a run, found soundly: package variables whose type is or contains sync.Mutex (through struct
// fields and arrays), and the receivers of goroutines' frames in sync.(*Mutex)'s methods (a heap mutex shows
// while someone locks or unlocks it). `remembered` (optional) carries addresses found earlier so a heap mutex
// stays listed; found ones are added to it. Sorted by address.
std::vector<MutexView> mutex_views(const vm::Vm& vm, std::vector<Word>* remembered = nullptr);

// A value of type `type` in words as fmt's %v prints it (variables.h's format_go), strings quoted as %#v does
// (a string over 64 bytes only as its length); words that do not make a whole value as hex.
std::string format_value(const vm::Vm& vm, vm::TypeId type, const std::vector<Word>& words);

}  // namespace gb::inspect
