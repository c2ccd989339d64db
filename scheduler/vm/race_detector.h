// The race detector of `run --race` (and the studio's Race checkbox): happens-before with vector clocks, as
// ThreadSanitizer does inside a Go binary built with -race (tests/race/README.md has the rules as Go 1.19 applies
// them, observed and read from its sources).
//
// Each goroutine has a vector clock (one component per goroutine id); each synchronising address has one too.
// The edges: a `go` statement (the new goroutine starts with its creator's clock), channel operations (an
// unbuffered handoff leaves both sides with the max of both clocks; a buffered channel's slot is released and
// acquired by each send into it and each receive from it, so the k-th receive happens before the (k+C)-th send
// completes; a close is acquired by every receive that finds the channel closed), sync/atomic (a Load acquires,
// a Store release-stores, Add, Swap and CompareAndSwap acquire and release-merge), and the sync package's
// annotations (race_Acquire and friends in sim/go/stdlib/sync.go, where Go's sync calls race.Acquire ...).
//
// Shadow memory: per word, the last write (goroutine, its clock then, the access's stack) and the reads since
// (one per goroutine). An access races with a shadow entry of another goroutine that does not happen before it,
// when one of the two writes and they are not both atomic. As Go does, a word is reported once, and a pair of
// stacks that was reported is not reported again.
//
// Plain data: a copy of the Vm carries its detector.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "scheduler/g_status.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

// A stack: (function, pc) pairs, innermost first, as the report prints them. pc is the instruction's index (of
// the access in the innermost frame, of the call in the others); func may be a pseudo-function's name index
// (see RaceStacks).
struct RaceFrame {
  std::uint32_t func = 0;
  std::uint32_t pc = 0;
  auto operator<=>(const RaceFrame&) const = default;
};

class RaceDetector {
 public:
  using StackId = std::uint32_t;

  struct Access {
    GId g = kNoG;
    bool write = false;
    bool atomic = false;
    StackId stack = 0;
  };
  // A race found: the access that found it and the earlier one it conflicts with.
  struct Report {
    Word address = 0;  // the word
    Access current, previous;
  };

  // [SECTION] Stacks, interned.
  StackId intern(const std::vector<RaceFrame>& frames);
  const std::vector<RaceFrame>& stack(StackId id) const { return stacks_[id]; }

  // [SECTION] Goroutines
  // `child` starts with `parent`'s clock; `created_at` is the go statement's stack (for "created at").
  void go(GId parent, GId child, StackId created_at);
  std::optional<StackId> created_at(GId g) const;

  // [SECTION] Synchronisation on an address (a sync word, a channel slot, a pseudo-address).
  void acquire(GId g, Word sync);
  void release(GId g, Word sync);          // S := G (a release store)
  void release_merge(GId g, Word sync);    // S := max(S, G)
  void release_acquire(GId g, Word sync);  // old := S; S := G; G := max(G, old) (a buffered channel's slot)
  void acquire_release(GId g, Word sync);  // G := max(G, S); S := G (a zero-size channel's one slot)
  void sync_both(GId a, GId b);            // an unbuffered handoff: both take the max of both
  // race.Disable / race.Enable of the sync package: synchronisation of g in between is ignored.
  void disable(GId g) { ++state(g).disabled; }
  void enable(GId g) {
    if (state(g).disabled > 0) --state(g).disabled;
  }
  bool disabled(GId g) const {
    const auto i = static_cast<std::size_t>(g);
    return i < gs_.size() && gs_[i].disabled > 0;
  }

  // [SECTION] Accesses
  // Checks an access of `words` words from `address` and records it; a race not reported before comes back.
  std::optional<Report> access(GId g, Word address, std::uint32_t words, bool write, bool atomic, StackId stack);

  std::uint64_t races_found() const { return reported_; }

 private:
  struct Epoch {
    GId g = kNoG;
    std::uint32_t clock = 0;
    bool atomic = false;
    StackId stack = 0;
  };
  struct Shadow {
    Epoch write;                // g == kNoG: none yet
    std::vector<Epoch> reads;   // since the write, one per goroutine
  };
  struct GoroutineState {
    std::vector<std::uint32_t> clock;
    std::optional<StackId> created_at;
    std::uint32_t disabled = 0;
  };
  GoroutineState& state(GId g);
  std::vector<std::uint32_t>& clock(GId g) { return state(g).clock; }
  bool before(const Epoch& e, GId g);  // e happens before g's present
  void tick(GId g);
  static void join(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& from);

  std::vector<GoroutineState> gs_;
  std::unordered_map<Word, std::vector<std::uint32_t>> syncs_;
  std::unordered_map<Word, Shadow> shadow_;
  std::vector<std::vector<RaceFrame>> stacks_{std::vector<RaceFrame>{}};
  std::map<std::vector<RaceFrame>, StackId> stack_ids_;
  std::vector<Word> reported_words_;
  std::vector<std::pair<StackId, StackId>> reported_pairs_;
  std::uint64_t reported_ = 0;
};

}  // namespace gb::vm
