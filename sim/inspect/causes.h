// The causes of memory accesses in words (scheduler/vm/access_cause.h keeps them compact): which goroutine, at
// which function and line, did what to which Go variable. Every bus transaction carries one (BusRecord::cause),
// and so does every lost update (LostUpdateRecord, scheduler/vm/lost_updates.h). The CLI's --events, the trace
// JSON, the studio's event log, bus panel and cache tooltips all print them through this one namer.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "scheduler/vm/vm.h"
#include "sim/inspect/sync_state.h"

namespace gb::inspect {

// The parts of a cause, for callers that lay them out themselves (the trace's args).
struct CauseParts {
  GId g = kNoG;
  std::string site;       // "main.deposit:17" (empty: the scheduler's own work)
  std::string user_site;  // the package-main line a library or native access was made for ("main.worker:17")
  std::string op;         // "store", "load", "sync.(*Mutex).Lock's atomic.CompareAndSwapInt32", "channel lock"
  std::string what;       // "main.balance", "main.mu.state", "hchan of channel jobs (1).lock", "heap 0xc000000040"
};

class CauseNamer {
 public:
  // `source`: the user's file's lines (names channels after the variable their make assigns to). Names are
  // taken from `vm` as it is now; package variables and hchans never move, so an old record names right.
  explicit CauseNamer(const vm::Vm& vm, const std::vector<std::string>* source = nullptr);
  // A namer kept across a run's states (the studio's event log): names come from its cache, filled while a
  // Vm is attached (variable() of each new record's address); detached, an address never seen is named by
  // its number.
  CauseNamer() = default;
  void attach(const vm::Vm* vm, const std::vector<std::string>* source = nullptr);

  // "main.deposit:17"; empty for no function.
  std::string site(std::uint32_t func, std::uint32_t pc) const;
  std::uint32_t line(std::uint32_t func, std::uint32_t pc) const;
  // The Go variable at byte address `at` (cached): "main.balance", else "heap 0xc000000040".
  const std::string& variable(std::uint64_t at);
  CauseParts parts(const vm::AccessCause& c, std::uint64_t at);
  // "G6 main.deposit:17 store main.balance"; "G6 sync.(*Mutex).Lock:72 (for main.worker:17)
  // sync.(*Mutex).Lock's atomic.CompareAndSwapInt32 main.mu.state"; "runtime hchan field update ...".
  std::string describe(const vm::AccessCause& c, std::uint64_t at);
  // "lost update on main.balance: G7 stored 121 over G6's 121, lines 17/17" (the overwritten store's line, then
  // the losing store's).
  std::string describe(const vm::LostUpdateRecord& l);

 private:
  const vm::Program* program_ = nullptr;
  const vm::Vm* vm_ = nullptr;
  std::vector<ChanView> chans_;
  std::unordered_map<std::uint64_t, std::string> names_;
};

}  // namespace gb::inspect
