// Formats schedtrace lines field for field as Go 1.19's runtime/proc.go schedtrace() prints them.
#include "sim/export/schedtrace.h"

namespace gb {

namespace {

// Go's print() writes integers in decimal and bools as true/false, with no padding.
std::string num(std::int64_t v) {
  return std::to_string(v);
}
const char* boolean(bool b) {
  return b ? "true" : "false";
}

// (now-starttime)/1e6 in Go is int64 division, truncating toward zero.
std::string header(const SchedSnapshot& s) {
  return "SCHED " + num(s.now_ns / 1000000) + "ms: gomaxprocs=" + num(s.gomaxprocs) +
         " idleprocs=" + num(s.idleprocs) + " threads=" + num(s.threads) +
         " spinningthreads=" + num(s.spinningthreads) + " idlethreads=" + num(s.idlethreads) +
         " runqueue=" + num(s.runqueue);
}

}  // namespace

std::string schedtrace_line(const SchedSnapshot& s) {
  std::string out = header(s);
  // The runtime prints " [" before the first length and "]" after the last, with one space before each.
  for (std::size_t i = 0; i < s.local_runq.size(); ++i) {
    out += ' ';
    if (i == 0) out += '[';
    out += num(s.local_runq[i]);
    if (i + 1 == s.local_runq.size()) out += ']';
  }
  return out;
}

std::string schedtrace_detail(const SchedSnapshot& s) {
  // Not modelled, printed as an idle runtime would: no GC waiting to stop the world, no locked Ms.
  std::string out = header(s) + " gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0\n";
  for (std::size_t i = 0; i < s.ps.size(); ++i) {
    const auto& p = s.ps[i];
    out += "  P" + num(static_cast<std::int64_t>(i)) + ": status=" + num(static_cast<int>(p.status)) +
           " schedtick=" + num(p.schedtick) + " syscalltick=" + num(p.syscalltick) + " m=" + num(p.m) +
           " runqsize=" + num(p.runqsize) + " gfreecnt=" + num(p.gfreecnt) +
           " timerslen=" + num(p.timerslen) + "\n";
  }
  // mallocing, throwing, preemptoff (a string, empty when preemption is allowed), dying and lockedg are not
  // modelled; the runtime's format string has preemptoff= directly followed by " locks=".
  for (const auto& m : s.ms) {
    out += "  M" + num(m.id) + ": p=" + num(m.p) + " curg=" + num(m.curg) +
           " mallocing=0 throwing=0 preemptoff= locks=" + num(m.locks) +
           " dying=0 spinning=" + boolean(m.spinning) + " blocked=" + boolean(m.blocked) + " lockedg=-1\n";
  }
  for (const auto& g : s.gs) {
    out += "  G" + num(g.goid) + ": status=" + num(static_cast<int>(g.status)) + "(" + g.waitreason +
           ") m=" + num(g.m) + " lockedm=-1\n";
  }
  return out;
}

bool schedtrace_due(const SchedtraceClock& clock, std::int64_t now_ns) {
  if (clock.period_ms <= 0) return false;
  if (!clock.last_ns) return true;
  return *clock.last_ns + static_cast<std::int64_t>(clock.period_ms) * 1000000 <= now_ns;
}

std::int64_t schedtrace_mark(SchedtraceClock& clock, std::int64_t now_ns) {
  clock.last_ns = now_ns;
  if (!clock.start_ns) clock.start_ns = now_ns;
  return now_ns - *clock.start_ns;
}

}  // namespace gb
