// The Ms of runtime/proc.go over plain data: which M holds which P, the idle lists of Ps and Ms, spinning Ms and
// wakep's one-at-a-time policy, startm/stopm, and handoffp for a P taken from a blocked M.
#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "scheduler.h"

namespace gb {

std::string_view name(MStatus s) {
  switch (s) {
    case MStatus::Running: return "running";
    case MStatus::Spinning: return "spinning";
    case MStatus::Syscall: return "syscall";
    case MStatus::Idle: return "idle";
  }
  return "?";
}

void Scheduler::enable_threads() {
  if (threads_) return;
  threads_ = true;
  ms_.clear();
  midle_.clear();
  pidle_.clear();
  nmspinning_ = 0;
  ms_.push_back(Thread{});  // M0, the thread runtime.main starts on
  acquire(0, 0, MStatus::Running);
  // procresize walks the Ps from the last down, putting each idle one on the head of the list: P1 comes out first.
  for (int i = gomaxprocs() - 1; i >= 1; --i) {
    Processor& pp = ps_[static_cast<std::size_t>(i)];
    if (pp.current != kNoG || !pp.runq.empty()) startm(i, false);
    else pidleput(i);
  }
}

void Scheduler::acquire(int m, int p, MStatus status) {
  Thread& t = ms_[static_cast<std::size_t>(m)];
  Processor& pp = ps_[static_cast<std::size_t>(p)];
  t.p = p;
  t.status = status;
  t.syscall_g = kNoG;
  pp.m = m;
  pp.status = PStatus::Running;
  if (status == MStatus::Spinning) ++nmspinning_;
}

void Scheduler::pidleput(int p) {
  Processor& pp = ps_[static_cast<std::size_t>(p)];
  pp.status = PStatus::Idle;
  pp.m = -1;
  pidle_.push_back(p);
}

int Scheduler::pidleget() {
  if (pidle_.empty()) return -1;
  const int p = pidle_.back();
  pidle_.pop_back();
  return p;
}

bool Scheduler::startm(int p, bool spinning) {
  if (p < 0) p = pidleget();
  if (p < 0) return false;  // wakep's nmspinning is never raised before this succeeds here, so nothing to undo
  int m;
  if (!midle_.empty()) {  // mget: the M parked last
    m = midle_.back();
    midle_.pop_back();
  } else {  // newm: a new OS thread
    m = static_cast<int>(ms_.size());
    Thread t;
    t.id = m;
    ms_.push_back(t);
  }
  acquire(m, p, spinning ? MStatus::Spinning : MStatus::Running);
  return true;
}

// wakep: one more spinning M, only when a P is idle and no M is spinning already. The spinning M that finds
// work wakes the next (resetspinning), so a burst of new work brings Ms up one at a time.
void Scheduler::wakep() {
  if (!threads_ || pidle_.empty() || nmspinning_ != 0) return;
  startm(-1, true);
}

void Scheduler::handoffp(int p) {
  Processor& pp = ps_[static_cast<std::size_t>(p)];
  if (!pp.runq.empty() || !global_.empty()) {
    startm(p, false);
  } else if (nmspinning_ + static_cast<int>(pidle_.size()) == 0) {
    startm(p, true);  // nobody is looking for work: this P's new M will
  } else {
    // proc.go also starts an M here when this is the last running P, to poll the network; we have no network
    // poller (blocking syscalls only), so the P just goes idle.
    pidleput(p);
  }
}

bool Scheduler::drop_p_and_recheck(int m, int p) {
  Thread& t = ms_[static_cast<std::size_t>(m)];
  const bool was_spinning = t.status == MStatus::Spinning;
  t.p = -1;
  t.status = MStatus::Idle;
  if (was_spinning) --nmspinning_;
  pidleput(p);
  if (was_spinning) {
    // checkRunqsNoP: work may have arrived after this M looked; take an idle P back and look again.
    for (const Processor& other : ps_) {
      if (other.runq.empty()) continue;
      const int again = pidleget();
      if (again < 0) break;
      acquire(m, again, MStatus::Spinning);
      return true;
    }
  }
  midle_.push_back(m);  // stopm
  return false;
}

int Scheduler::start_idle_m() {
  if (!threads_) return 0;
  for (const Thread& t : ms_)
    if (t.p >= 0) return t.p;  // an M holds a P already: it runs the timers
  if (pidle_.empty()) return -1;
  const int p = pidle_.back();
  startm(-1, false);
  return p;
}

int Scheduler::wake_for_overdue_timer() {
  if (!threads_ || pidle_.empty() || nmspinning_ != 0) return -1;
  const int p = pidle_.back();
  startm(-1, false);
  return p;
}

// After procresize with the world stopped: the caller's M keeps its (possibly new) P; every other M gives up
// its P; Ps with local work get an M (startTheWorld), the rest go idle, and one spinning M is woken if useful.
void Scheduler::threads_after_resize(int caller_m, int caller_p) {
  const int procs = gomaxprocs();
  pidle_.clear();
  nmspinning_ = 0;
  for (Thread& t : ms_) {
    if (t.status == MStatus::Syscall || t.id == caller_m) continue;
    if (t.status != MStatus::Idle) {
      t.status = MStatus::Idle;
      t.p = -1;
      midle_.push_back(t.id);
    }
  }
  for (Processor& pp : ps_) pp.m = -1;
  acquire(caller_m, caller_p, MStatus::Running);
  for (int i = procs - 1; i >= 0; --i) {
    if (i == caller_p) continue;
    Processor& pp = ps_[static_cast<std::size_t>(i)];
    if (pp.status == PStatus::Syscall) continue;  // still with its blocked M's G; sysmon may retake it
    if (!pp.runq.empty()) startm(i, false);
    else pidleput(i);
  }
  wakep();
}

std::optional<std::string> Scheduler::check_thread_invariants() const {
  int spinning = 0;
  for (const Thread& t : ms_) {
    const bool holds = t.status == MStatus::Running || t.status == MStatus::Spinning;
    if (holds != (t.p >= 0)) return fmt::format("M{} is {} but holds P{}", t.id, name(t.status), t.p);
    if (holds && ps_[static_cast<std::size_t>(t.p)].m != t.id)
      return fmt::format("M{} holds P{} whose M is {}", t.id, t.p, ps_[static_cast<std::size_t>(t.p)].m);
    if (t.status == MStatus::Spinning) {
      ++spinning;
      const Processor& pp = ps_[static_cast<std::size_t>(t.p)];
      if (!pp.runq.empty() || pp.current != kNoG) return fmt::format("M{} spins with local work on P{}", t.id, t.p);
    }
    if (t.status == MStatus::Syscall && gs_[static_cast<std::size_t>(t.syscall_g)].status != GStatus::Syscall)
      return fmt::format("M{} is in a syscall but G{} is {}", t.id, t.syscall_g, name(gs_[static_cast<std::size_t>(t.syscall_g)].status));
    const bool listed = std::find(midle_.begin(), midle_.end(), t.id) != midle_.end();
    if (listed != (t.status == MStatus::Idle)) return fmt::format("M{} is {} and {}on the idle list", t.id, name(t.status), listed ? "" : "not ");
  }
  if (spinning != nmspinning_) return fmt::format("nmspinning is {} but {} Ms spin", nmspinning_, spinning);
  for (const Processor& pp : ps_) {
    const bool listed = std::count(pidle_.begin(), pidle_.end(), pp.id);
    if (pp.status == PStatus::Idle) {
      if (!listed || pp.m >= 0) return fmt::format("idle P{} is {}on the idle list, M {}", pp.id, listed ? "" : "not ", pp.m);
      if (!pp.runq.empty()) return fmt::format("idle P{} has a non-empty run queue", pp.id);
    } else if (listed) {
      return fmt::format("P{} is on the idle list but not idle", pp.id);
    } else if (pp.status == PStatus::Running && pp.m < 0) {
      return fmt::format("running P{} has no M", pp.id);
    }
  }
  return std::nullopt;
}

}  // namespace gb
