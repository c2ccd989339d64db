// The G/P scheduling rules of runtime/proc.go over plain data.
#include "scheduler.h"

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace gb {

std::string_view name(PStatus s) {
  switch (s) {
    case PStatus::Idle: return "idle";
    case PStatus::Running: return "running";
    case PStatus::Syscall: return "syscall";
    case PStatus::GcStop: return "gcstop";
    case PStatus::Dead: return "dead";
  }
  return "?";
}

std::string_view name(Source s) {
  switch (s) {
    case Source::Runnext: return "runnext";
    case Source::LocalQueue: return "local queue";
    case Source::GlobalQueue: return "global queue";
    case Source::GlobalFairness: return "global queue (schedtick%61)";
    case Source::Stolen: return "stolen";
  }
  return "?";
}

Scheduler::Scheduler(int gomaxprocs, Chooser& chooser)
    : chooser_(&chooser), steal_order_(static_cast<std::uint32_t>(gomaxprocs < 1 ? 1 : gomaxprocs)) {
  if (gomaxprocs < 1) throw std::invalid_argument("GOMAXPROCS must be at least 1");
  ps_.resize(static_cast<std::size_t>(gomaxprocs));
  for (int i = 0; i < gomaxprocs; ++i) ps_[static_cast<std::size_t>(i)].id = i;
  gs_.emplace_back();  // goid 0 is never used
}

GId Scheduler::new_g(GId parent, int p) {
  // newproc1: `if pp.goidcache == pp.goidcacheend` take the next _GoidCacheBatch ids from sched.goidgen.
  constexpr GId kGoidCacheBatch = 16;
  if (goidcache_.size() <= static_cast<std::size_t>(p)) goidcache_.resize(static_cast<std::size_t>(p) + 1);
  GoidCache& c = goidcache_[static_cast<std::size_t>(p)];
  if (c.next == c.end) {
    goidgen_ += kGoidCacheBatch;
    c.next = goidgen_ - (kGoidCacheBatch - 1);
    c.end = c.next + kGoidCacheBatch;
  }
  const GId id = c.next++;
  while (gs_.size() <= static_cast<std::size_t>(id)) {
    gs_.emplace_back();
    gs_.back().id = static_cast<GId>(gs_.size() - 1);  // status Idle: reserved by some P, not given out yet
  }
  Goroutine& g = gs_[static_cast<std::size_t>(id)];
  g.status = GStatus::Runnable;
  g.created_by = parent;
  return id;
}

Goroutine& Scheduler::running_on(int p) {
  const GId id = ps_.at(static_cast<std::size_t>(p)).current;
  if (id == kNoG) throw std::logic_error(fmt::format("P{} runs no goroutine", p));
  return gs_[static_cast<std::size_t>(id)];
}

GId Scheduler::start_main() {
  const GId id = new_g(kNoG, 0);
  ps_[0].runq.put(id, true, global_);
  return id;
}

GId Scheduler::go(int p) {
  const GId id = new_g(running_on(p).id, p);
  ps_[static_cast<std::size_t>(p)].runq.put(id, true, global_);
  wakep();
  return id;
}

GId Scheduler::go_to(int p, int target) {
  const GId id = new_g(running_on(p).id, p);
  ps_.at(static_cast<std::size_t>(target)).runq.put(id, true, global_);
  wakep();
  return id;
}

GId Scheduler::spawn(int p, GId parent) {
  const GId id = new_g(parent, p);
  ps_.at(static_cast<std::size_t>(p)).runq.put(id, true, global_);
  wakep();
  return id;
}

void Scheduler::goyield(int p) {
  Goroutine& g = running_on(p);
  g.status = GStatus::Runnable;
  g.p = -1;
  Processor& pp = ps_[static_cast<std::size_t>(p)];
  pp.current = kNoG;
  pp.runq.put(g.id, false, global_);
}

int Scheduler::resize(int n, int caller_p) {
  if (n < 1) throw std::invalid_argument("GOMAXPROCS must be at least 1");
  const int old = gomaxprocs();
  const GId caller = ps_.at(static_cast<std::size_t>(caller_p)).current;
  const int caller_m = ps_[static_cast<std::size_t>(caller_p)].m;
  // Stop the world: the other running Gs are preempted to the global queue.
  for (int i = 0; i < old; ++i) {
    if (i == caller_p || ps_[static_cast<std::size_t>(i)].current == kNoG) continue;
    gosched(i);
  }
  // Removed Ps hand their runnable Gs to the head of the global queue, keeping their order (runnext first).
  // procresize destroys them from the lowest up, so the highest P's Gs end up at the very front.
  for (int i = n; i < old; ++i) {
    Processor& pp = ps_[static_cast<std::size_t>(i)];
    std::vector<GId> moved;
    if (pp.runq.runnext() != kNoG) moved.push_back(pp.runq.runnext());
    for (GId g : pp.runq.entries()) moved.push_back(g);
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) global_.put_front(*it);
  }
  int new_p = caller_p;
  if (caller_p >= n) {
    ps_[static_cast<std::size_t>(caller_p)].current = kNoG;
    new_p = 0;
  }
  ps_.resize(static_cast<std::size_t>(n));
  for (int i = old; i < n; ++i) ps_[static_cast<std::size_t>(i)].id = i;
  for (int i = 0; i < n; ++i) {
    Processor& pp = ps_[static_cast<std::size_t>(i)];
    pp.status = pp.current != kNoG ? PStatus::Running : PStatus::Idle;
  }
  if (caller != kNoG) {
    Processor& pp = ps_[static_cast<std::size_t>(new_p)];
    pp.current = caller;
    pp.status = PStatus::Running;
    gs_[static_cast<std::size_t>(caller)].p = new_p;
  }
  steal_order_ = StealOrder(static_cast<std::uint32_t>(n));
  if (threads_) threads_after_resize(caller_m, new_p);
  return new_p;
}

void Scheduler::gosched(int p) {
  Goroutine& g = running_on(p);
  g.status = GStatus::Runnable;
  g.p = -1;
  ps_[static_cast<std::size_t>(p)].current = kNoG;
  global_.put(g.id);
}

void Scheduler::enter_syscall(int p) {
  Goroutine& g = running_on(p);
  g.status = GStatus::Syscall;
  Processor& pp = ps_[static_cast<std::size_t>(p)];
  pp.current = kNoG;
  pp.syscall_g = g.id;
  pp.status = PStatus::Syscall;
  ++pp.syscalltick;
  if (threads_) {  // the M keeps the P as oldp; the P has no M while in _Psyscall
    Thread& t = ms_[static_cast<std::size_t>(pp.m)];
    t.status = MStatus::Syscall;
    t.oldp = p;
    t.p = -1;
    t.syscall_g = g.id;
    pp.m = -1;
  }
}

void Scheduler::retake_syscall(int p) {
  Processor& pp = ps_.at(static_cast<std::size_t>(p));
  if (pp.status != PStatus::Syscall) throw std::logic_error(fmt::format("retake of P{} not in a syscall", p));
  gs_[static_cast<std::size_t>(pp.syscall_g)].p = -1;
  pp.syscall_g = kNoG;
  pp.status = PStatus::Idle;
  ++pp.syscalltick;
  if (threads_) handoffp(p);
}

int Scheduler::exit_syscall(GId id, int p, bool retaken) {
  Goroutine& g = gs_.at(static_cast<std::size_t>(id));
  if (g.status != GStatus::Syscall) throw std::logic_error(fmt::format("exitsyscall of G{} in state {}", id, name(g.status)));
  // The P may also have been lost to a GOMAXPROCS change (procresize), which counts as retaken.
  int m = -1;
  for (const Thread& t : ms_)
    if (t.status == MStatus::Syscall && t.syscall_g == id) m = t.id;
  if (!retaken && p < gomaxprocs() && ps_[static_cast<std::size_t>(p)].status == PStatus::Syscall &&
      ps_[static_cast<std::size_t>(p)].syscall_g == id) {
    Processor& pp = ps_[static_cast<std::size_t>(p)];
    if (m >= 0) acquire(m, p, MStatus::Running);
    pp.syscall_g = kNoG;
    pp.status = PStatus::Running;
    pp.current = id;
    g.status = GStatus::Running;
    g.p = p;
    return p;
  }
  g.status = GStatus::Runnable;
  g.p = -1;
  if (m >= 0) {  // exitsyscall0: an idle P for this M, else the G waits in the global queue and the M stops
    Thread& t = ms_[static_cast<std::size_t>(m)];
    t.oldp = -1;
    const int idle = pidleget();
    if (idle >= 0) {
      acquire(m, idle, MStatus::Running);
      ps_[static_cast<std::size_t>(idle)].runq.put(id, false, global_);
      return idle;
    }
    t.status = MStatus::Idle;
    t.syscall_g = kNoG;
    midle_.push_back(m);
    global_.put(id);
    return -1;
  }
  for (Processor& pp : ps_) {
    // exitsyscall0: pidleget, then execute(gp, inheritTime=false): a fresh time slice, so it is queued as a
    // plain local entry (not runnext, whose Gs inherit the slice and would not advance schedtick).
    if (pp.status == PStatus::Idle && pp.current == kNoG && pp.runq.empty()) {
      pp.runq.put(id, false, global_);
      return pp.id;
    }
  }
  global_.put(id);
  return -1;
}

void Scheduler::park(int p, std::string_view reason) {
  Goroutine& g = running_on(p);
  g.status = GStatus::Waiting;
  g.wait_reason = reason;
  g.p = -1;
  ps_[static_cast<std::size_t>(p)].current = kNoG;
}

void Scheduler::ready(GId id, int waker_p) {
  Goroutine& g = gs_.at(static_cast<std::size_t>(id));
  if (g.status != GStatus::Waiting)
    throw std::logic_error(fmt::format("goready of G{} in state {}", id, name(g.status)));
  g.status = GStatus::Runnable;
  g.wait_reason = {};
  ps_.at(static_cast<std::size_t>(waker_p)).runq.put(id, true, global_);
  wakep();
}

void Scheduler::exit(int p) {
  Goroutine& g = running_on(p);
  g.status = GStatus::Dead;
  g.p = -1;
  ps_[static_cast<std::size_t>(p)].current = kNoG;
}

std::optional<Found> Scheduler::find_runnable(int p, const std::function<bool(int, int)>& steal_timers) {
  const int procs = gomaxprocs();
  // resetspinning: a spinning M that found work stops spinning and wakes another M to look in its place.
  auto found = [&](Found f) -> std::optional<Found> {
    const int m = ps_[static_cast<std::size_t>(p)].m;
    if (threads_ && m >= 0 && ms_[static_cast<std::size_t>(m)].status == MStatus::Spinning) {
      ms_[static_cast<std::size_t>(m)].status = MStatus::Running;
      --nmspinning_;
      wakep();
    }
    return f;
  };
  // The last search ended in runqgrab's sleep: this one takes a running P's runnext (the CAS after the sleep).
  const bool slept = std::exchange(ps_.at(static_cast<std::size_t>(p)).runnext_slept, false);
  // A spinning M comes back here with a P it took again (checkRunqsNoP); twice is enough for work another P
  // queued meanwhile, and bounds the loop.
  for (int round = 0; round < 3; ++round) {
    Processor& pp = ps_.at(static_cast<std::size_t>(p));
    // Fairness: every 61st schedule takes one G from the global queue first, so two Gs that keep respawning
    // each other cannot own the local queue forever.
    if (pp.schedtick % 61 == 0 && !global_.empty()) {
      if (auto g = global_.get(pp.runq, procs, 1)) return found(Found{*g, false, Source::GlobalFairness, -1});
    }
    if (auto d = pp.runq.get())
      return found(Found{d->g, d->inherit_time, d->inherit_time ? Source::Runnext : Source::LocalQueue, -1});
    if (auto g = global_.get(pp.runq, procs, 0)) return found(Found{*g, false, Source::GlobalQueue, -1});
    // Only spinning Ms steal, and at most half the busy Ps' worth of Ms spin at once.
    bool may_steal = procs > 1;
    if (threads_ && may_steal) {
      Thread& t = ms_[static_cast<std::size_t>(pp.m)];
      if (t.status != MStatus::Spinning) {
        if (2 * nmspinning_ < procs - static_cast<int>(pidle_.size())) {
          t.status = MStatus::Spinning;
          ++nmspinning_;
        } else {
          may_steal = false;
        }
      }
    }
    // stealWork: four passes over the other Ps in random order; runnext may be taken on the last pass only.
    constexpr int kStealTries = 4;
    for (int attempt = 0; attempt < kStealTries && may_steal; ++attempt) {
      const bool steal_runnext = attempt == kStealTries - 1;
      const auto r = static_cast<std::uint32_t>(chooser_->choose(1u << 30, ChoiceKind::Scheduler));
      for (std::uint32_t victim : steal_order_.pass(r)) {
        if (static_cast<int>(victim) == p) continue;
        Processor& vp = ps_[victim];
        if (steal_runnext && steal_timers && steal_timers(static_cast<int>(victim), p)) {
          if (auto d = pp.runq.get())
            return found(Found{d->g, d->inherit_time, d->inherit_time ? Source::Runnext : Source::LocalQueue, -1});
        }
        if (vp.status == PStatus::Idle) continue;
        if (threads_ && steal_runnext && !slept && vp.status == PStatus::Running && vp.runq.size() == 0 &&
            vp.runq.runnext() != kNoG) {
          pp.runnext_slept = true;  // runqgrab: usleep(3) before the CAS on runnext
          return Found{kNoG, false, Source::Stolen, static_cast<int>(victim), true};
        }
        if (auto g = pp.runq.steal_from(vp.runq, steal_runnext))
          return found(Found{*g, false, Source::Stolen, static_cast<int>(victim)});
      }
    }
    if (!threads_) {
      pp.status = PStatus::Idle;
      return std::nullopt;
    }
    if (auto g = global_.get(pp.runq, procs, 0)) return found(Found{*g, false, Source::GlobalQueue, -1});
    const int m = pp.m;
    if (!drop_p_and_recheck(m, p)) return std::nullopt;
    p = ms_[static_cast<std::size_t>(m)].p;
  }
  // Still nothing after the re-checks: this M stops.
  const int m = ps_[static_cast<std::size_t>(p)].m;
  Thread& t = ms_[static_cast<std::size_t>(m)];
  if (t.status == MStatus::Spinning) --nmspinning_;
  t.status = MStatus::Idle;
  t.p = -1;
  pidleput(p);
  midle_.push_back(m);
  return std::nullopt;
}

void Scheduler::execute(int p, const Found& found) {
  Processor& pp = ps_.at(static_cast<std::size_t>(p));
  Goroutine& g = gs_.at(static_cast<std::size_t>(found.g));
  if (g.status != GStatus::Runnable)
    throw std::logic_error(fmt::format("execute of G{} in state {}", found.g, name(g.status)));
  g.status = GStatus::Running;
  g.p = p;
  pp.current = g.id;
  pp.status = PStatus::Running;
  if (!found.inherit_time) ++pp.schedtick;
}

int Scheduler::live_goroutines() const {
  int n = 0;
  for (std::size_t i = 1; i < gs_.size(); ++i) n += gs_[i].status != GStatus::Dead && gs_[i].status != GStatus::Idle;
  return n;
}

std::optional<std::string> Scheduler::check_invariants() const {
  if (threads_)
    if (auto e = check_thread_invariants()) return e;
  // Count the places each G is found in: running on a P, a runnext slot, a local ring, the global queue.
  std::vector<int> places(gs_.size(), 0);
  auto at = [&](GId id, const std::string& where) -> std::optional<std::string> {
    if (id <= kNoG || static_cast<std::size_t>(id) >= gs_.size()) return fmt::format("{} holds unknown G{}", where, id);
    ++places[static_cast<std::size_t>(id)];
    return std::nullopt;
  };
  for (const Processor& pp : ps_) {
    if (pp.runq.size() > LocalRunQueue::kCapacity) return fmt::format("P{} run queue holds {}", pp.id, pp.runq.size());
    if (pp.current != kNoG) {
      if (auto e = at(pp.current, fmt::format("P{} (running)", pp.id))) return e;
      if (gs_[static_cast<std::size_t>(pp.current)].status != GStatus::Running)
        return fmt::format("P{} runs G{} which is {}", pp.id, pp.current, name(gs_[static_cast<std::size_t>(pp.current)].status));
    }
    if (pp.runq.runnext() != kNoG)
      if (auto e = at(pp.runq.runnext(), fmt::format("P{} runnext", pp.id))) return e;
    for (GId id : pp.runq.entries())
      if (auto e = at(id, fmt::format("P{} local queue", pp.id))) return e;
  }
  for (GId id : global_.entries())
    if (auto e = at(id, "the global queue")) return e;
  for (std::size_t i = 1; i < gs_.size(); ++i) {
    const Goroutine& g = gs_[i];
    const int expected = (g.status == GStatus::Runnable || g.status == GStatus::Running) ? 1 : 0;
    // A G in a syscall is with its M (and its P's syscall_g until retaken): on no queue.
    if (places[i] != expected)
      return fmt::format("G{} ({}) is in {} places, expected {}", g.id, name(g.status), places[i], expected);
  }
  return std::nullopt;
}

}  // namespace gb
