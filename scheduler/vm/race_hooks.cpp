// Where the interpreter meets the race detector (race_detector.h): the accesses it checks, the edges it adds, and
// the reports it prints in the format of Go 1.19's -race (tests/race/README.md).
//
// Checked: the loads and stores of functions outside the runtime and package sync (Go compiles sync without
// memory-access instrumentation), sync/atomic's operations (atomic accesses), map operations (an access of the
// map, as runtime.mapaccess1 and mapassign report it) and channel sends and closes (an access of the channel).
// Simplified: append and copy's element accesses are not checked.
#include <fmt/format.h>

#include "scheduler/vm/vm.h"

namespace gb::vm {

namespace {

// The sync package's annotations, by method (Go's sync/mutex.go, rwmutex.go, waitgroup.go call race.Acquire etc.).
enum class RaceHook : std::int8_t {
  None,
  Lock,      // Mutex.Lock, TryLock: acquire m when taken
  Unlock,    // Mutex.Unlock: release m first
  RLock,     // RWMutex.RLock, TryRLock: internals disabled; acquire readerSem
  RUnlock,   // RWMutex.RUnlock: release-merge writerSem; internals disabled
  WLock,     // RWMutex.Lock, TryLock: internals disabled; acquire readerSem and writerSem
  WUnlock,   // RWMutex.Unlock: release readerSem; internals disabled
  WgAdd,     // WaitGroup.Add: a negative delta release-merges wg; internals disabled
  WgWait,    // WaitGroup.Wait: internals disabled; acquire wg on return
};

RaceHook hook_of(const std::string& name) {
  if (name == "sync.(*Mutex).Lock" || name == "sync.(*Mutex).TryLock") return RaceHook::Lock;
  if (name == "sync.(*Mutex).Unlock") return RaceHook::Unlock;
  if (name == "sync.(*RWMutex).RLock" || name == "sync.(*RWMutex).TryRLock") return RaceHook::RLock;
  if (name == "sync.(*RWMutex).RUnlock") return RaceHook::RUnlock;
  if (name == "sync.(*RWMutex).Lock" || name == "sync.(*RWMutex).TryLock") return RaceHook::WLock;
  if (name == "sync.(*RWMutex).Unlock") return RaceHook::WUnlock;
  if (name == "sync.(*WaitGroup).Add") return RaceHook::WgAdd;
  if (name == "sync.(*WaitGroup).Wait") return RaceHook::WgWait;
  return RaceHook::None;
}

// Synchronisation addresses that are not words of memory: the annotations' (an object's address and which of
// its semaphores), a channel's slots and its close, maps and channels as accessed objects.
constexpr Word kAnnotationTag = Word{1} << 62;
constexpr Word kChanSyncTag = Word{1} << 61;
constexpr Word kObjectTag = Word{1} << 60;
Word annotation(Word object, unsigned which) { return kAnnotationTag | (object << 2) | which; }
Word chan_slot(std::size_t chan, std::uint32_t slot) { return kChanSyncTag | (Word{chan} << 24) | slot; }
Word chan_closed(std::size_t chan) { return kChanSyncTag | (Word{chan} << 24) | 0xFFFFFFu; }

constexpr std::uint32_t kPseudoFunc = 0x80000000u;

// Functions whose accesses and frames a report leaves out: the runtime and the sync packages, as Go's compiler
// leaves them uninstrumented.
bool instrumented(const std::string& name) {
  for (const char* hidden : {"runtime.", "sync.", "atomic.", "sync/atomic."})
    if (name.rfind(hidden, 0) == 0) return false;
  return true;
}

}  // namespace

void Vm::race_init() {
  race_.emplace();
  const Program& p = *prog_;
  race_shown_.assign(p.functions.size(), 0);
  race_hook_.assign(p.functions.size(), 0);
  for (std::size_t i = 0; i < p.functions.size(); ++i) {
    race_shown_[i] = instrumented(p.functions[i].name) && p.functions[i].native < 0 ? 1 : 0;
    race_hook_[i] = static_cast<std::int8_t>(hook_of(p.functions[i].name));
  }
  // Per sync/atomic native, once: its report frame ("sync/atomic.StoreInt64") and whether it is a Store.
  race_atomics_.assign(p.natives.size(), RaceAtomic{});
  for (std::size_t i = 0; i < p.natives.size(); ++i) {
    if (!natives_[i].atomic) continue;
    const std::string& name = p.natives[i].name;
    race_atomics_[i] = RaceAtomic{race_pseudo("sync/" + name), name.find(".Store") != std::string::npos};
  }
}

std::uint32_t Vm::race_pseudo(std::string_view name) {
  for (std::size_t i = 0; i < race_pseudo_.size(); ++i)
    if (race_pseudo_[i] == name) return kPseudoFunc | static_cast<std::uint32_t>(i);
  race_pseudo_.emplace_back(name);
  return kPseudoFunc | static_cast<std::uint32_t>(race_pseudo_.size() - 1);
}

std::string Vm::race_frame_name(const RaceFrame& f) const {
  if ((f.func & kPseudoFunc) != 0) {
    const std::uint32_t i = f.func & ~kPseudoFunc;
    return i < race_pseudo_.size() ? race_pseudo_[i] : std::string("runtime.?");
  }
  return f.func < prog_->functions.size() ? prog_->functions[f.func].name : std::string("?");
}

std::uint32_t Vm::race_frame_line(const RaceFrame& f) const {
  if ((f.func & kPseudoFunc) != 0 || f.func >= prog_->functions.size()) return 0;
  const Function& fn = prog_->functions[f.func];
  return f.pc < fn.lines.size() ? fn.lines[f.pc] : 0;
}

RaceDetector::StackId Vm::race_stack(const GState& gs, std::uint32_t pc, std::uint32_t pseudo, bool drop_innermost) {
  std::vector<RaceFrame> frames;
  if (pseudo != UINT32_MAX) frames.push_back(RaceFrame{pseudo, 0});
  for (std::size_t k = gs.frames.size(); k-- > 0;) {
    const bool innermost = k + 1 == gs.frames.size();
    if (innermost && drop_innermost) continue;
    const Frame& f = gs.frames[k];
    if (f.func >= race_shown_.size() || race_shown_[f.func] == 0) continue;
    frames.push_back(RaceFrame{f.func, innermost ? pc : (f.pc > 0 ? f.pc - 1 : 0)});
  }
  return race_->intern(frames);
}

void Vm::race_access(GId g, std::uint32_t pc, Word addr, std::uint32_t words, bool write) {
  const GState& gs = gs_[static_cast<std::size_t>(g)];
  if (gs.frames.empty()) return;
  const std::uint32_t func = gs.frames.back().func;
  if (func >= race_shown_.size() || race_shown_[func] == 0) return;
  if (auto r = race_->access(g, addr, words, write, false, race_stack(gs, pc))) race_report(*r);
}

void Vm::race_atomic(Word addr, bool load, bool exclusive) {
  if (!race_ || cur_native_ >= natives_.size() || !natives_[cur_native_].atomic || cur_g_ <= kNoG) return;
  if (race_->disabled(cur_g_)) return;  // inside RWMutex's and WaitGroup's internals
  const RaceAtomic& op = race_atomics_[cur_native_];
  const bool store_op = op.store;
  const GState& gs = gs_[static_cast<std::size_t>(cur_g_)];
  // Go's report shows the atomic's own function, and loses the frame that called it (its ABI wrapper records no
  // entry).
  auto stack = [&]() { return race_stack(gs, 0, op.frame, true); };
  if (load && !exclusive) {  // Load: an acquire
    race_->acquire(cur_g_, addr);
    if (auto r = race_->access(cur_g_, addr, 1, false, true, stack())) race_report(*r);
    return;
  }
  if (exclusive) {  // the locked load of Add, Swap, CompareAndSwap (and of Store's XCHG)
    race_rmw_ = addr;
    if (!store_op) {
      race_->acquire(cur_g_, addr);
      if (auto r = race_->access(cur_g_, addr, 1, false, true, stack())) race_report(*r);
    }
    return;
  }
  // The store that completes the operation: Store release-stores, the read-modify-writes release-merge.
  if (store_op || race_rmw_ != addr) race_->release(cur_g_, addr);
  else race_->release_merge(cur_g_, addr);
  race_rmw_ = 0;
  if (auto r = race_->access(cur_g_, addr, 1, true, true, stack())) race_report(*r);
}

// The runtime's access of a map or a channel object on behalf of the running goroutine's instruction, shown as
// the runtime function `op` called from there (only when that instruction's function is instrumented).
void Vm::race_object_access(Word object, bool write, const char* op) {
  if (cur_g_ <= kNoG) return;
  const GState& gs = gs_[static_cast<std::size_t>(cur_g_)];
  if (gs.frames.empty() || race_shown_[gs.frames.back().func] == 0) return;
  const std::uint32_t pc = gs.frames.back().pc > 0 ? gs.frames.back().pc - 1 : 0;
  if (auto r = race_->access(cur_g_, kObjectTag | object, 1, write, false, race_stack(gs, pc, race_pseudo(op))))
    race_report(*r);
}

void Vm::race_map(Word m, bool write, const char* op) {
  if (m != 0) race_object_access(m, write, op);
}

void Vm::race_go(GId parent, GId child) {
  const GState& gs = gs_[static_cast<std::size_t>(parent)];
  const std::uint32_t pc = gs.frames.empty() || gs.frames.back().pc == 0 ? 0 : gs.frames.back().pc - 1;
  race_->go(parent, child, race_stack(gs, pc));
}

void Vm::race_frame(GState& g, std::uint32_t func, Word receiver, bool entry) {
  const auto hook = static_cast<RaceHook>(race_hook_[func]);
  const auto id = static_cast<GId>(&g - gs_.data());
  RaceDetector& d = *race_;
  switch (hook) {
    case RaceHook::None:
      return;
    case RaceHook::Lock:
      if (!entry) d.acquire(id, annotation(receiver, 0));
      return;
    case RaceHook::Unlock:
      if (entry) d.release(id, annotation(receiver, 0));
      return;
    case RaceHook::RLock:
      if (entry) {
        d.disable(id);
      } else {
        d.enable(id);
        d.acquire(id, annotation(receiver, 1));
      }
      return;
    case RaceHook::RUnlock:
      if (entry) {
        d.release_merge(id, annotation(receiver, 2));
        d.disable(id);
      } else {
        d.enable(id);
      }
      return;
    case RaceHook::WLock:
      if (entry) {
        d.disable(id);
      } else {
        d.enable(id);
        d.acquire(id, annotation(receiver, 1));
        d.acquire(id, annotation(receiver, 2));
      }
      return;
    case RaceHook::WUnlock:
      if (entry) {
        d.release(id, annotation(receiver, 1));
        d.disable(id);
      } else {
        d.enable(id);
      }
      return;
    case RaceHook::WgAdd:
      if (entry) {
        const Frame& f = g.frames.back();
        const auto delta = static_cast<std::int64_t>(g.stack[f.base + 1]);
        if (delta < 0) d.release_merge(id, annotation(receiver, 0));
        d.disable(id);
      } else {
        d.enable(id);
        // The first increment must be ordered before Wait: Go models it as a read of the semaphore, which the
        // first waiter's write races with (read here, at the return, from the counter the Add left).
        const Frame& f = g.frames.back();
        const auto delta = static_cast<std::int64_t>(g.stack[f.base + 1]);
        if (delta > 0 && mem_.valid(receiver) && static_cast<std::int64_t>(mem_.peek(receiver) >> 32) == delta)
          race_annotated_access(g, annotation(receiver, 3), false);
      }
      return;
    case RaceHook::WgWait:
      if (entry) {
        // The first waiter that will block writes the semaphore (see WgAdd).
        if (mem_.valid(receiver)) {
          const Word state = mem_.peek(receiver);
          if ((state >> 32) != 0 && static_cast<std::uint32_t>(state) == 0)
            race_annotated_access(g, annotation(receiver, 3), true);
        }
        d.disable(id);
      } else {
        d.enable(id);
        d.acquire(id, annotation(receiver, 0));
      }
      return;
  }
}

// race.Read / race.Write of package sync: a plain access shown as runtime.raceread / racewrite called from the
// caller of the sync method.
void Vm::race_annotated_access(GState& g, Word address, bool write) {
  const auto id = static_cast<GId>(&g - gs_.data());
  const RaceDetector::StackId stack = race_stack(g, 0, race_pseudo(write ? "runtime.racewrite" : "runtime.raceread"));
  if (auto r = race_->access(id, address, 1, write, false, stack)) race_report(*r);
}

void Vm::race_chan(Word ch, bool send, GId partner, std::uint32_t slot, bool closed) {
  if (cur_g_ <= kNoG) return;
  const std::size_t i = chan_index(ch);
  const gb::Channel& c = chans_[i];
  RaceDetector& d = *race_;
  if (send) race_object_access(ch, false, "runtime.chansend");  // chansend reads the channel (a close writes it)
  if (closed) {
    d.acquire(cur_g_, chan_closed(i));
    return;
  }
  if (c.cap() == 0) {  // racesync: both end with the max of both clocks
    if (partner > kNoG) d.sync_both(cur_g_, partner);
    return;
  }
  if (c.elem_words() == 0) {  // zero-size elements: every operation acquires and releases the channel's one clock
    d.acquire_release(cur_g_, chan_slot(i, 0));
    if (partner > kNoG) d.acquire_release(partner, chan_slot(i, 0));
    return;
  }
  d.release_acquire(cur_g_, chan_slot(i, slot));
  if (partner > kNoG) d.release_acquire(partner, chan_slot(i, slot));
}

void Vm::race_close(Word ch, const std::vector<GId>& woken) {
  if (cur_g_ <= kNoG) return;
  const std::size_t i = chan_index(ch);
  RaceDetector& d = *race_;
  race_object_access(ch, true, "runtime.closechan");
  d.release(cur_g_, chan_closed(i));
  for (const GId w : woken) d.acquire(w, chan_closed(i));
}

void Vm::race_report(const RaceDetector::Report& r) {
  auto who = [](GId g) { return g == 1 ? std::string("main goroutine") : fmt::format("goroutine {}", g); };
  auto address = [&](Word w) -> std::uint64_t {
    if ((w & (kObjectTag | kChanSyncTag | kAnnotationTag)) != 0) return 0xc000000000ULL + ((w & 0xFFFFFFu) << 6);
    if (mem_.machine()) return mem_.byte_address(w);
    return 0xc000000000ULL + w * 8;
  };
  auto frames = [&](std::string& s, RaceDetector::StackId id) {
    for (const RaceFrame& f : race_->stack(id)) {
      s += "  " + race_frame_name(f) + "()\n      ";
      if ((f.func & kPseudoFunc) == 0 && f.func < prog_->functions.size()) {
        const Function& fn = prog_->functions[f.func];
        s += fn.file < prog_->files.size() ? prog_->files[fn.file] : std::string("?");
        s += fmt::format(":{} +0x{:x}\n", race_frame_line(f), std::uint64_t{f.pc} * sizeof(Instr));
      } else {
        s += "<autogenerated>:1 +0x0\n";
      }
    }
  };
  std::string s = "==================\nWARNING: DATA RACE\n";
  s += fmt::format("{} at 0x{:012x} by {}:\n", r.current.write ? "Write" : "Read", address(r.address), who(r.current.g));
  frames(s, r.current.stack);
  s += fmt::format("\nPrevious {} at 0x{:012x} by {}:\n", r.previous.write ? "write" : "read", address(r.address),
                   who(r.previous.g));
  frames(s, r.previous.stack);
  for (const GId g : {r.current.g, r.previous.g}) {
    if (g == 1) continue;
    const std::optional<RaceDetector::StackId> at = race_->created_at(g);
    if (!at) continue;
    const bool finished = sched_.g(g).status == GStatus::Dead;
    s += fmt::format("\nGoroutine {} ({}) created at:\n", g, finished ? "finished" : "running");
    frames(s, *at);
  }
  s += "==================\n";
  write_stderr(s);
  race_log_.push_back(RaceRecord{r, s, instructions_, now_});
}

void Vm::race_finish(int& code) {
  if (!race_ || race_->races_found() == 0 || code != 0) return;
  write_stderr(fmt::format("Found {} data race(s)\n", race_->races_found()));
  code = 66;
}

}  // namespace gb::vm
