// The VM's machine mode engine: the Ps' threads (Ms) placed on simulated cores by a small OS model, each core
// with its own clock, and the core with the earliest clock running next (vm.h's MachineOptions says why).
#include <algorithm>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

// An M wants a core while it holds a P: running a G, in schedule(), or spinning in search of work. An M blocked
// in a syscall or parked on the idle list needs none.
bool Vm::thread_ready(int m) const {
  const MStatus s = sched_.m(m).status;
  return s == MStatus::Running || s == MStatus::Spinning;
}

// The OS: threads that cannot run leave their cores; a thread whose slice is used up yields its core when
// another thread waits; free cores take waiting threads, each preferring the core it ran on last.
void Vm::place_threads() {
  const MachineOptions& mo = *opts_.machine;
  const int threads = static_cast<int>(sched_.ms().size());
  thread_last_core_.resize(static_cast<std::size_t>(threads), -1);
  std::vector<bool> on_core(static_cast<std::size_t>(threads), false);
  for (const CoreRun& core : cores_)
    if (core.thread >= 0) on_core[static_cast<std::size_t>(core.thread)] = true;
  std::vector<int> waiting;
  for (int i = 0; i < threads; ++i) {
    const int m = (os_next_ + i) % threads;
    if (!on_core[static_cast<std::size_t>(m)] && thread_ready(m)) waiting.push_back(m);
  }
  for (std::size_t c = 0; c < cores_.size(); ++c) {
    CoreRun& core = cores_[c];
    if (core.thread < 0) continue;
    const bool expired =
        !waiting.empty() && core.clock - core.slice_start >= scaled(mo.os_slice_ns) + core.slice_extra;
    if (!thread_ready(core.thread) || expired) {
      if (expired && thread_ready(core.thread)) waiting.push_back(core.thread);
      core.thread = -1;
      // A context switch goes through the kernel, whose serialising instructions drain the store buffer.
      mem_.set_time(core.clock);
      mem_.set_position(instructions_, kNoG);
      mem_.drain_store_buffer(static_cast<int>(c), INT64_MAX);
    }
  }
  if (waiting.empty()) return;
  auto take = [&](std::size_t c, int m) {
    CoreRun& core = cores_[c];
    core.clock = std::max(core.clock, floor_);  // an idle core wakes at the present, not in the past
    const int last = thread_last_core_[static_cast<std::size_t>(m)];
    if (core.instructions != 0 && last != static_cast<int>(c)) {  // switching in another thread's context
      core.clock += mo.context_switch_ns;
      ++core.context_switches;
    }
    // Jitter: the thread's wake-up takes a varying time (the futex wake, the IPI, the core leaving its idle
    // state), and its slice ends at the OS's next tick after the slice length, not exactly at it. (The first
    // thread is running when the program starts: no wake-up.)
    if (instructions_ != 0) core.clock += timing_noise(kJitterWakeNs);
    core.thread = m;
    core.slice_start = core.clock;
    core.slice_extra = timing_noise(scaled(kJitterSliceNs));
    core.spin_until = -1;
    thread_last_core_[static_cast<std::size_t>(m)] = static_cast<int>(c);
  };
  // Affinity first: a waiting thread goes back to its last core when that core is free.
  for (int& m : waiting) {
    const int last = thread_last_core_[static_cast<std::size_t>(m)];
    if (last >= 0 && static_cast<std::size_t>(last) < cores_.size() && cores_[static_cast<std::size_t>(last)].thread < 0) {
      take(static_cast<std::size_t>(last), m);
      m = -1;
    }
  }
  for (const int m : waiting) {
    if (m < 0) continue;
    for (std::size_t c = 0; c < cores_.size(); ++c) {
      if (cores_[c].thread < 0) {
        take(c, m);
        break;
      }
    }
  }
  os_next_ = (os_next_ + 1) % threads;
}

void Vm::record_slice(std::size_t core, int m, int p, GId g, std::uint32_t func, std::int64_t start, std::int64_t end) {
  open_slice_.resize(cores_.size(), -1);
  std::int32_t& open = open_slice_[core];
  const bool still = sched_.p(p).current == g && !exited_;
  std::string reason;
  if (!still) {
    const Goroutine& gr = sched_.g(g);
    if (exited_ || gr.status == GStatus::Dead) reason = "exit";
    else if (gr.status == GStatus::Waiting) reason = gr.wait_reason;
    else if (gr.status == GStatus::Syscall) reason = "syscall";
    else reason = "runnable";
  }
  if (open >= 0) {
    RunSlice& s = slices_.at_mut(static_cast<std::size_t>(open));
    if (s.g == g && s.p == p && s.m == m && s.end_ns == start) {
      s.end_ns = end;
      s.end_reason = reason;
      if (!still) open = -1;
      return;
    }
  }
  RunSlice s;
  s.core = static_cast<int>(core);
  s.m = m;
  s.p = p;
  s.g = g;
  s.func = func;
  s.start_ns = start;
  s.end_ns = end;
  s.end_reason = reason;
  s.instr = burst_.instr;
  slices_.push_back(std::move(s));
  open = still ? static_cast<std::int32_t>(slices_.size() - 1) : -1;
}

void Vm::sample_load(std::int64_t ts) {
  LoadSample s;
  s.ts_ns = ts;
  for (int i = 0; i < sched_.gomaxprocs(); ++i) {
    const Processor& pp = sched_.p(i);
    s.running += pp.current != kNoG;
    s.runnable += pp.runq.size() + (pp.runq.runnext() != kNoG ? 1 : 0);
  }
  s.global = static_cast<std::uint32_t>(sched_.global_queue().size());
  s.runnable += s.global;
  s.syscall = static_cast<std::uint32_t>(syscalls_.size());
  if (!load_.empty() && load_.back().same_counts(s)) return;
  if (!load_.empty() && load_.back().ts_ns > ts) s.ts_ns = load_.back().ts_ns;  // cores' clocks differ a little
  load_.push_back(s);
}

// A burst is one core running its G for up to `interleave` instructions. A call whose budget ends inside a burst
// leaves the rest of it pending (burst_), and the next call finishes it before anything else happens, so the run
// does not depend on how it is cut into calls: N single steps, run(N) and any chunking reach the same state.
std::uint64_t Vm::advance_machine(std::uint64_t budget) {
  const MachineOptions& mo = *opts_.machine;
  std::uint64_t done = 0;
  int fruitless = 0;
  std::vector<std::size_t> earliest;
  mem_.set_noise_chooser(&chooser_);  // a copied machine's memory draws its noise from this machine's chooser
  try {
    while (!exited_ && done < budget && (burst_.left != 0 || floor_ < until_ns_)) {
      const bool forced = forced_core_ >= 0 && static_cast<std::size_t>(forced_core_) < cores_.size() &&
                          cores_[static_cast<std::size_t>(forced_core_)].thread >= 0;
      if (burst_.left != 0) {  // the rest of a burst an earlier call stopped inside
        if (forced && burst_.core != forced_core_) {
          cut_burst();  // the forced core goes next, at instruction grain
          continue;
        }
        done += run_burst(budget - done);
        continue;
      }
      now_ = std::max(now_, floor_);
      service_syscalls(floor_);
      sysmon_timers(floor_);
      place_threads();
      // The running core with the earliest clock goes next; the Chooser breaks ties.
      earliest.clear();
      std::int64_t best = INT64_MAX;
      for (std::size_t c = 0; c < cores_.size(); ++c) {
        if (cores_[c].thread < 0) continue;
        if (cores_[c].clock < best) {
          best = cores_[c].clock;
          earliest.clear();
        }
        if (cores_[c].clock == best) earliest.push_back(c);
      }
      if (earliest.empty()) {  // every M is idle: sleep until the next timer, or report the deadlock
        check_deadlock_or_sleep();
        floor_ = std::max(floor_, now_);
        for (CoreRun& core : cores_) core.clock = std::max(core.clock, floor_);
        continue;
      }
      std::size_t c = 0;
      const int controlled = mo.controlled && !forced ? controlled_pick() : -1;
      if (controlled >= 0) {
        // The explorer's pick: the others are held, as for a forced core.
        c = static_cast<std::size_t>(controlled);
        for (CoreRun& other : cores_)
          if (other.thread >= 0) other.clock = std::max(other.clock, cores_[c].clock);
      } else if (forced) {
        // The forced core wins; the others are held until it has run, so none of them runs in its past.
        c = static_cast<std::size_t>(forced_core_);
        for (CoreRun& other : cores_)
          if (other.thread >= 0) other.clock = std::max(other.clock, cores_[c].clock);
      } else {
        c = earliest.size() == 1 ? earliest[0]
                                 : earliest[chooser_.choose(earliest.size(), ChoiceKind::Interleaving)];
      }
      CoreRun& core = cores_[c];
      floor_ = std::max(floor_, core.clock);
      const int p = sched_.m(core.thread).p;
      now_ = core.clock;
      mem_.set_core(static_cast<int>(c));
      mem_.set_position(instructions_, kNoG);
      mem_.set_time(now_);  // schedule() and the timers it runs touch memory too (channel sends, hchan locks)
      if (sched_.p(p).current == kNoG && sched_.m(core.thread).status == MStatus::Spinning && core.spin_until < 0) {
        core.spin_until = core.clock + mo.spin_ns;  // spin first; the search happens when the spin is over
        core.clock = core.spin_until;
        continue;
      }
      core.spin_until = -1;
      if (sched_.p(p).current == kNoG && !schedule(p)) {
        if (steal_sleep_) {  // runqgrab sleeps 3 us before stealing a running P's runnext, then searches again
          steal_sleep_ = false;
          core.clock = std::max(core.clock, now_) + scaled(kRunqgrabSleepNs);
          core.spin_until = core.clock;  // still spinning: the next search follows the sleep at once
          continue;
        }
        core.clock = std::max(core.clock + 1, now_);
        if (mo.controlled) {  // not offered again until the scheduler's state changes
          search_failed_at_.resize(cores_.size(), UINT64_MAX);
          search_failed_at_[c] = sched_version_;
        }
        if (++fruitless > 4 * static_cast<int>(cores_.size()) + 4) {
          fruitless = 0;
          check_deadlock_or_sleep();
          floor_ = std::max(floor_, now_);
        }
        continue;
      }
      fruitless = 0;
      const std::int64_t may_run = preempt_check(p);
      if (may_run < 0) {  // preempted: the core spent a cycle on it
        core.clock = std::max(now_, core.clock + 1) + static_cast<std::int64_t>(mem_.take_stall_cycles());
        continue;
      }
      burst_.core = static_cast<int>(c);
      burst_.p = p;
      burst_.left = std::min<std::uint64_t>(mo.controlled ? 1 : mo.interleave, static_cast<std::uint64_t>(
                                                               (may_run + kNsPerInstruction - 1) / kNsPerInstruction));
      burst_.start = now_;
      burst_.instr = instructions_;
      mem_.set_time(now_);
      mem_.set_position(instructions_, sched_.p(p).current);
      mem_.drain_store_buffer(static_cast<int>(c), now_);  // the stores that have waited long enough
      const GState& gs = gs_[static_cast<std::size_t>(sched_.p(p).current)];
      burst_.func = gs.frames.empty() ? UINT32_MAX : gs.frames.front().func;
      done += run_burst(budget - done);
    }
  } catch (const ProgramEnd&) {
  }
  return done;
}

// A forced core (force_core) takes the next pick while another core's burst is pending: that burst ends where it
// stands, as run_burst ends one whose G is still running (its slice stays open, its bus time goes on its clock).
void Vm::cut_burst() {
  const auto c = static_cast<std::size_t>(burst_.core);
  CoreRun& core = cores_[c];
  burst_.left = 0;
  if (opts_.machine->record) {
    record_slice(c, core.thread, burst_.p, sched_.p(burst_.p).current, burst_.func, burst_.start,
                 core.clock + static_cast<std::int64_t>(mem_.pending_stall()));
    sample_load(core.clock);
  }
  const std::uint64_t stall = mem_.take_stall_cycles();
  core.clock += static_cast<std::int64_t>(stall);
  core.stall_cycles += stall;
}

// Runs up to `budget` instructions of the pending burst. The burst ends when its G stops running, when an access
// needs more cycles than the burst has left, or when its instructions are used up; then the core's clock takes
// the bus time and the slice is recorded. Otherwise the rest stays pending.
std::uint64_t Vm::run_burst(std::uint64_t budget) {
  const MachineOptions& mo = *opts_.machine;
  const auto c = static_cast<std::size_t>(burst_.core);
  CoreRun& core = cores_[c];
  const int m = core.thread;
  const int p = burst_.p;
  cur_p_ = p;
  cur_g_ = sched_.p(p).current;
  const GId g = cur_g_;
  now_ = core.clock;
  mem_.set_core(burst_.core);
  const std::uint64_t n = std::min(budget, burst_.left);
  stall_slack_ = burst_.left - n;  // the stall test compares against the whole burst, not this call's share
  Stop why = Stop::Budget;
  std::uint64_t ran = 0;
  if (mo.record) {
    GState& gs = gs_[static_cast<std::size_t>(g)];
    burst_origin_ = BurstOrigin{g, UINT32_MAX, 0, static_cast<std::uint32_t>(gs.frames.size()), !gs.started};
    if (!gs.frames.empty()) {
      burst_origin_.func = gs.frames.back().func;
      burst_origin_.pc = gs.frames.back().pc;
    }
    gs.started = true;
  }
  try {
    ran = run_g(n, 0, why);
  } catch (const ProgramEnd&) {
    // The program ended inside the burst: the core's clock and count still take what ran, however the run was
    // cut into calls.
    stall_slack_ = 0;
    core.instructions += n - left_;
    core.clock = std::max(core.clock, now_);
    burst_.left = 0;
    if (mo.record) record_slice(c, m, p, g, burst_.func, burst_.start, now_ + static_cast<std::int64_t>(mem_.pending_stall()));
    throw;
  }
  stall_slack_ = 0;
  core.instructions += ran;
  burst_.left -= ran;
  const bool over = why != Stop::Budget || ran < n || sched_.p(p).current != g || burst_.left == 0 ||
                    burst_.left <= mem_.pending_stall();
  if (!over) {
    core.clock = now_;  // ran >= 1, so the clock moved forward by the instructions
    return ran;
  }
  burst_.left = 0;
  // gopark, goexit, Gosched and entersyscall take runtime locks (locked instructions): the G's stores are
  // visible before another core can pick up what it left.
  if (why != Stop::Budget || sched_.p(p).current != g) mem_.drain_store_buffer(burst_.core, INT64_MAX);
  if (mo.record) {
    record_slice(c, m, p, g, burst_.func, burst_.start, now_ + static_cast<std::int64_t>(mem_.pending_stall()));
    sample_load(now_);
  }
  const std::uint64_t stall = mem_.take_stall_cycles();
  // The clock moved by the instructions (and spins) run_g accounted, plus the bus time; a burst that ran nothing
  // (findRunnable's work, a G that blocked at once) costs a cycle so a core never stands still.
  core.clock = std::max(now_, core.clock + 1) + static_cast<std::int64_t>(stall);
  core.stall_cycles += stall;
  return ran;
}

}  // namespace gb::vm
