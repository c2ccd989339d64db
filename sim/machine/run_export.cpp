// timeline_of and sched_snapshot (run_export.h).
#include "sim/machine/run_export.h"

#include <cstdio>

#include "coherence/bus_op.h"
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
    // The M on the core: one M per P in our model, so M i holds P i.
    CoreSlice c;
    c.core = s.core;
    c.m = s.p;
    c.p = s.p;
    c.start_ns = s.start_ns;
    c.end_ns = s.end_ns;
    if (!t.core_slices.empty()) {
      CoreSlice& last = t.core_slices.back();
      if (last.core == c.core && last.p == c.p && last.end_ns == c.start_ns) {
        last.end_ns = c.end_ns;
        t.add(std::move(g));
        continue;
      }
    }
    t.add(std::move(g));
    t.add(c);
  }
  if (vm.memory().machine()) {
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
      t.add(std::move(x));
    }
  }
  return t;
}

SchedSnapshot sched_snapshot(const vm::Vm& vm) {
  const Scheduler& s = vm.scheduler();
  SchedSnapshot snap;
  snap.now_ns = vm.now();
  snap.gomaxprocs = s.gomaxprocs();
  for (int i = 0; i < s.gomaxprocs(); ++i) {
    const Processor& p = s.p(i);
    const bool idle = p.status == PStatus::Idle;
    snap.idleprocs += idle;
    snap.idlethreads += idle;
    snap.local_runq.push_back(static_cast<int>(p.runq.size()));
  }
  snap.threads = s.gomaxprocs() + 1;  // an M per P, plus sysmon's
  snap.runqueue = static_cast<int>(s.global_queue().size());
  return snap;
}

}  // namespace gb
