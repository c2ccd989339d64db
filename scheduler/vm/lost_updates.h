// Lost updates, detected from the stream of accesses the memory seam sees (machine mode, when watching).
//
// The rule, per word of a Go variable (an interpreter word: a sub-word field is its own variable):
//   1. goroutine A loads the word (value v, version n of the word);
//   2. another goroutine B stores to it (version n+1, value w != v);
//   3. A stores to it, with no synchronising operation of its own between its load and this store.
// Then A's store overwrites B's update with a value A computed from a stale load: a lost update, reported as
// "lost update on main.balance: G7 stored 121 over G6's 121, lines 17/17" (B's store line / A's store line).
//
// Only plain loads and stores of the bytecode in package main take part (AccessKind::Load and ::Store from a
// function whose name starts with "main."): the standard library's and the runtime's own words (a mutex's state,
// updated by CAS loops that load, lose the CAS and load again; semaphores; hchan fields) are synchronisation,
// not the program's data. A synchronising operation is any locked read-modify-write by A (sync/atomic, a
// mutex's CAS, a channel's lock, a WaitGroup's counter): it starts a new epoch for A, and a load from an
// earlier epoch no longer counts as what A's store was computed from. So:
//   - a mutex-protected `counter++` never fires: A's load and store lie inside A's critical section, and a
//     store by B in between would need B to hold the lock too; B's own earlier load was consumed by its store;
//   - atomic.AddInt64 is one locked RMW (NativeRmw), never a plain load then a plain store;
//   - a counter owned by one goroutine and fed by a channel is stored by that goroutine only.
// A's store consumes its load: a second store by A without a new load is not reported again. The rule cannot
// see data flow, so a store that does not depend on the stale load (A reads x, B writes x, A writes a constant
// to x with no synchronisation between) is reported too: that is still a data race that overwrote B's update.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "scheduler/vm/access_cause.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

// One lost update: `g` stored `stored` over `over_g`'s `over_value`, having loaded `loaded` before it.
struct LostUpdateRecord {
  std::int64_t ns = 0;       // the issuing core's time of the losing store
  std::uint64_t instr = 0;   // the position of the burst that made it (as BusRecord::instr)
  Word word = 0;             // the interpreter's word address of the variable
  std::uint64_t at = 0;      // its simulated byte address
  GId g = kNoG;
  Word stored = 0;
  Word loaded = 0;
  GId over_g = kNoG;
  Word over_value = 0;
  std::uint32_t func = kNoFunc, pc = 0;            // the losing store
  std::uint32_t load_func = kNoFunc, load_pc = 0;  // its stale load
  std::uint32_t over_func = kNoFunc, over_pc = 0;  // the store it overwrote
};

class UpdateWatch {
 public:
  // A locked read-modify-write by `g`: its later stores are no longer computed from its earlier loads.
  void sync(GId g) {
    if (g == kNoG) return;
    epoch(g) += 1;
  }
  // Words [first, first+n) were freed by the collector: what was loaded from them belongs to a dead object.
  void forget(Word first, std::uint64_t n) {
    if (words_.empty()) return;
    if (n < words_.size()) {
      for (std::uint64_t i = 0; i < n; ++i) words_.erase(first + i);
      return;
    }
    std::erase_if(words_, [&](const auto& e) { return e.first - first < n; });
  }
  void load(Word word, const AccessCause& c, Word value) {
    if (words_.size() >= sweep_at_) sweep();
    WordState& s = words_[word];
    LoadMark* m = find(s, c.g);
    if (m == nullptr) {
      s.loads.push_back({});
      m = &s.loads.back();
      m->g = c.g;
    }
    m->version = s.version;
    m->epoch = epoch(c.g);
    m->value = value;
    m->func = c.func;
    m->pc = c.pc;
  }
  // Returns true and fills `out` (all but times and addresses) when this store loses another goroutine's update.
  bool store(Word word, const AccessCause& c, Word value, LostUpdateRecord& out) {
    const auto it = words_.find(word);
    if (it == words_.end()) return false;  // nobody's load is waiting on it: nothing to lose, nothing to keep
    WordState& s = it->second;
    bool lost = false;
    if (LoadMark* m = find(s, c.g)) {
      lost = m->epoch == epoch(c.g) && m->version != s.version && s.writer != kNoG && s.writer != c.g &&
             s.written != m->value;
      if (lost) {
        out.g = c.g;
        out.stored = value;
        out.loaded = m->value;
        out.over_g = s.writer;
        out.over_value = s.written;
        out.func = c.func;
        out.pc = c.pc;
        out.load_func = m->func;
        out.load_pc = m->pc;
        out.over_func = s.writer_func;
        out.over_pc = s.writer_pc;
      }
      *m = s.loads.back();  // the store consumes the load
      s.loads.pop_back();
    }
    ++s.version;
    s.writer = c.g;
    s.written = value;
    s.writer_func = c.func;
    s.writer_pc = c.pc;
    return lost;
  }

 private:
  struct LoadMark {
    GId g = kNoG;
    std::uint32_t version = 0, epoch = 0;
    Word value = 0;
    std::uint32_t func = kNoFunc, pc = 0;
  };
  struct WordState {
    std::uint32_t version = 0;
    GId writer = kNoG;
    Word written = 0;
    std::uint32_t writer_func = kNoFunc, writer_pc = 0;
    std::vector<LoadMark> loads;  // one per goroutine with a load not yet consumed by its own store
  };
  static LoadMark* find(WordState& s, GId g) {
    for (LoadMark& m : s.loads)
      if (m.g == g) return &m;
    return nullptr;
  }
  std::uint32_t& epoch(GId g) {
    const auto i = static_cast<std::size_t>(g);
    if (i >= epochs_.size()) epochs_.resize(i + 1, 0);
    return epochs_[i];
  }
  // Drops what can no longer matter, so read-mostly data does not pile up marks: a load from an earlier epoch
  // of its goroutine (it synchronised since), and a word nobody's load waits on (its version and last writer
  // only compare against marks made later, so it starts over). Deterministic: it depends on the accesses only.
  void sweep() {
    for (auto it = words_.begin(); it != words_.end();) {
      std::vector<LoadMark>& loads = it->second.loads;
      std::erase_if(loads, [this](const LoadMark& m) { return m.epoch != epoch(m.g); });
      if (loads.empty()) it = words_.erase(it);
      else ++it;
    }
    sweep_at_ = std::max<std::size_t>(kFirstSweep, 2 * words_.size());
  }
  static constexpr std::size_t kFirstSweep = 4096;
  std::size_t sweep_at_ = kFirstSweep;
  std::unordered_map<Word, WordState> words_;
  std::vector<std::uint32_t> epochs_;  // per goroutine
};

}  // namespace gb::vm
