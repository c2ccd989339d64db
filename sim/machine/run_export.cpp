// timeline_of and sched_snapshot (run_export.h).
#include "sim/machine/run_export.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <map>

#include "coherence/bus_op.h"
#include "sim/inspect/causes.h"
#include "coherence/line_state.h"

namespace gb {

RunTimeline timeline_of(const vm::Vm& vm) {
  RunTimeline t;
  t.procs = vm.scheduler().gomaxprocs();
  t.cores = static_cast<int>(vm.cores().size());
  const vm::Program& prog = vm.program();
  for (const vm::RunSlice& s : vm.run_slices()) {
    GSlice g;
    g.p = s.p;
    g.core = s.core;
    g.goid = s.g;
    g.name = s.func < prog.functions.size() ? prog.functions[s.func].name : std::string("goroutine");
    g.start_ns = s.start_ns;
    g.end_ns = s.end_ns;
    g.end_reason = s.end_reason;
    CoreSlice c;  // the M on the core, and the P it held
    c.core = s.core;
    c.m = s.m;
    c.p = s.p;
    c.start_ns = s.start_ns;
    c.end_ns = s.end_ns;
    if (!t.core_slices.empty()) {
      CoreSlice& last = t.core_slices.back();
      if (last.core == c.core && last.m == c.m && last.p == c.p && last.end_ns == c.start_ns) {
        last.end_ns = c.end_ns;
        t.add(std::move(g));
        continue;
      }
    }
    t.add(std::move(g));
    t.add(c);
  }
  // Flow arrows: from the waker's P at the wake to the woken G's next slice (unblock edges: send -> receiver,
  // unlock -> waiter, timer -> sleeper). "Next" is by recording order, not by time: each core has its own clock,
  // so the woken G may start on a core whose clock is a little behind the waker's.
  const auto& slices = vm.run_slices();
  std::map<GId, std::vector<std::size_t>> of_g;  // goid -> indices of its slices, in recording order
  for (std::size_t i = 0; i < slices.size(); ++i) of_g[slices[i].g].push_back(i);
  for (const vm::WakeRecord& w : vm.wakes()) {
    const auto it = of_g.find(w.woken);
    if (it == of_g.end()) continue;
    const auto next = std::lower_bound(it->second.begin(), it->second.end(), w.slices_before);
    if (next == it->second.end()) continue;
    const vm::RunSlice& s = slices[*next];
    t.add_flow(RowPoint{RowKind::P, w.waker_p, w.ts_ns}, RowPoint{RowKind::P, s.p, std::max(s.start_ns, w.ts_ns)},
               w.waker == kNoG ? "timer" : "wake");
  }
  for (const vm::LoadSample& s : vm.load_samples()) {
    t.add(Counter{s.ts_ns, "Goroutines running", static_cast<double>(s.running)});
    t.add(Counter{s.ts_ns, "Goroutines runnable", static_cast<double>(s.runnable)});
    t.add(Counter{s.ts_ns, "Global run queue", static_cast<double>(s.global)});
    t.add(Counter{s.ts_ns, "In syscalls", static_cast<double>(s.syscall)});
  }
  if (vm.memory().machine()) {
    inspect::CauseNamer namer(vm);
    for (const vm::BusRecord& b : vm.memory().bus_log()) {
      BusTransaction x;
      x.start_ns = b.start_ns;
      x.dur_ns = b.dur_ns;
      x.core = b.core;
      x.op = std::string(name(b.op));
      if (b.then_op != BusOp::None) {
        x.op += '+';
        x.op += name(b.then_op);
      }
      x.addr = b.addr;
      for (std::uint8_t i = 0; i < b.change_count; ++i) {
        const StateChange& ch = b.changes[i];
        if (!x.changes.empty()) x.changes += ", ";
        x.changes += 'c';
        x.changes += std::to_string(ch.core);
        x.changes += ' ';
        x.changes += name(ch.from);
        x.changes += "->";
        x.changes += name(ch.to);
      }
      const inspect::CauseParts cause = namer.parts(b.cause, b.at);
      x.g = cause.g;
      x.site = !cause.user_site.empty() ? cause.user_site : cause.site;
      x.access = cause.op;
      x.variable = cause.what;
      x.cause = namer.describe(b.cause, b.at);
      t.add(std::move(x));
    }
    // Lost updates (scheduler/vm/lost_updates.h) as marks on the bus row.
    const auto& lost = vm.memory().lost_updates();
    for (std::size_t i = 0; i < lost.size(); ++i) {
      const vm::LostUpdateRecord& l = lost[i];
      Instant in;
      in.row = RowKind::Bus;
      in.ts_ns = l.ns;
      in.name = "lost update";
      in.args = {{"what", namer.describe(l)}, {"g", std::to_string(l.g)}, {"over_g", std::to_string(l.over_g)}};
      t.add(std::move(in));
    }
  }
  return t;
}

// The export's status numbers are runtime2.go's, as the scheduler's are; this ties the two copies together.
static_assert(static_cast<int>(SchedPStatus::Syscall) == static_cast<int>(PStatus::Syscall));
static_assert(static_cast<int>(SchedPStatus::Dead) == static_cast<int>(PStatus::Dead));
static_assert(static_cast<int>(SchedGStatus::Waiting) == static_cast<int>(GStatus::Waiting));
static_assert(static_cast<int>(SchedGStatus::Dead) == static_cast<int>(GStatus::Dead));

SchedSnapshot sched_snapshot(const vm::Vm& vm, bool detail) {
  const Scheduler& s = vm.scheduler();
  SchedSnapshot snap;
  snap.now_ns = vm.now();
  snap.gomaxprocs = s.gomaxprocs();
  for (int i = 0; i < s.gomaxprocs(); ++i) {
    const Processor& p = s.p(i);
    snap.idleprocs += p.status == PStatus::Idle;
    snap.local_runq.push_back(static_cast<int>(p.runq.size()));
  }
  if (s.threads()) {
    snap.threads = static_cast<int>(s.ms().size()) + 1;  // every M started so far, plus sysmon's
    snap.spinningthreads = s.spinning_ms();
    snap.idlethreads = static_cast<int>(s.idle_m_list().size());
  } else {  // the flat engine has no Ms: count one per P (idle with its P) plus sysmon's
    snap.threads = s.gomaxprocs() + 1;
    snap.idlethreads = snap.idleprocs;
  }
  snap.runqueue = static_cast<int>(s.global_queue().size());
  if (!detail) return snap;
  for (int i = 0; i < s.gomaxprocs(); ++i) {
    const Processor& p = s.p(i);
    SchedSnapshot::PDetail d;
    d.status = static_cast<SchedPStatus>(static_cast<int>(p.status));
    d.schedtick = p.schedtick;
    d.syscalltick = p.syscalltick;
    d.m = p.m;
    d.runqsize = static_cast<int>(p.runq.size()) + (p.runq.runnext() != kNoG ? 1 : 0);
    d.timerslen = static_cast<int>(vm.timers().pending(i));
    snap.ps.push_back(d);
  }
  // allm is newest first. Sysmon's M, which prints, is listed first with the two locks it holds; it is the
  // newest M here (the runtime creates it second, as M1 — our ids number only the Ms that run Go code).
  const auto& ms = s.ms();
  auto running_g = [&](const Thread& t) -> std::int64_t {
    if (t.status == MStatus::Syscall) return t.syscall_g;
    if (t.p >= 0 && s.p(t.p).current != kNoG) return s.p(t.p).current;
    return -1;
  };
  SchedSnapshot::MDetail sysmon;
  sysmon.id = static_cast<std::int64_t>(ms.size());
  sysmon.locks = 2;
  snap.ms.push_back(sysmon);
  for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
    SchedSnapshot::MDetail d;
    d.id = it->id;
    d.p = it->p;
    d.curg = running_g(*it);
    d.spinning = it->status == MStatus::Spinning;
    d.blocked = it->status == MStatus::Idle;  // parked on its note in stopm
    snap.ms.push_back(d);
  }
  std::vector<std::int64_t> m_of(s.goroutines().size(), -1);
  for (const Thread& t : ms) {
    const std::int64_t g = running_g(t);
    if (g > 0 && static_cast<std::size_t>(g) < m_of.size()) m_of[static_cast<std::size_t>(g)] = t.id;
  }
  for (std::size_t i = 1; i < s.goroutines().size(); ++i) {
    const Goroutine& g = s.goroutines()[i];
    if (g.status == GStatus::Idle) continue;  // an id reserved in a P's goid cache: no goroutine (not in allgs)
    SchedSnapshot::GDetail d;
    d.goid = g.id;
    d.status = static_cast<SchedGStatus>(static_cast<int>(g.status));
    if (g.status == GStatus::Waiting) d.waitreason = std::string(g.wait_reason);
    d.m = m_of[i];
    snap.gs.push_back(d);
  }
  return snap;
}

}  // namespace gb
