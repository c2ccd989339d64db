// GODEBUG=schedtrace=N (and scheddetail=1) text of Go 1.19's runtime.schedtrace, from a plain snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gb {

// Status numbers as runtime2.go defines them: the runtime prints the number, not a name, so we keep the
// number.
enum class SchedPStatus : int { Idle = 0, Running = 1, Syscall = 2, GCStop = 3, Dead = 4 };
enum class SchedGStatus : int {
  Idle = 0,
  Runnable = 1,
  Running = 2,
  Syscall = 3,
  Waiting = 4,
  Dead = 6,
  Preempted = 9
};

// What schedtrace reads under sched.lock, copied out of the simulated runtime at one instant.
struct SchedSnapshot {
  // Time since the first schedtrace line: Go sets starttime on the first call and prints (now-starttime)/1e6,
  // truncated to whole milliseconds. SchedtraceClock below keeps that origin.
  std::int64_t now_ns = 0;
  int gomaxprocs = 0;
  int idleprocs = 0;            // sched.npidle
  int threads = 0;              // mcount(): every M ever made, minus freed ones
  int spinningthreads = 0;      // sched.nmspinning
  int idlethreads = 0;          // sched.nmidle
  int runqueue = 0;             // global run queue length
  std::vector<int> local_runq;  // per P, in P order: the bracketed list

  // scheddetail=1 only. Fields the simulator does not model (GC, LockOSThread, gFree, malloc state) are
  // printed with the values an idle runtime shows: 0, "", -1, as listed in schedtrace.cpp.
  struct PDetail {
    SchedPStatus status = SchedPStatus::Idle;
    std::uint32_t schedtick = 0;
    std::uint32_t syscalltick = 0;
    std::int64_t m = -1;  // id of the M holding this P
    int runqsize = 0;
    int gfreecnt = 0;
    int timerslen = 0;
  };
  // Listed in the order given. The runtime walks allm, which is newest first (M3, M2, M1, M0).
  struct MDetail {
    std::int64_t id = 0;
    int p = -1;
    std::int64_t curg = -1;
    int locks = 0;  // runtime locks held; sysmon's M shows 2 while it prints (sysmonlock and sched.lock)
    bool spinning = false;
    bool blocked = false;
  };
  struct GDetail {
    std::int64_t goid = 0;
    SchedGStatus status = SchedGStatus::Idle;
    std::string waitreason;  // "" unless waiting: "chan receive", "semacquire", "sleep"...
    std::int64_t m = -1;
  };
  std::vector<PDetail> ps;  // P lines, index = P id
  std::vector<MDetail> ms;
  std::vector<GDetail> gs;
};

// "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 idlethreads=1 runqueue=0 [2 0]", without
// the trailing newline the runtime prints. With no Ps there is no bracket list, as in the runtime.
std::string schedtrace_line(const SchedSnapshot& s);

// The whole scheddetail=1 block as the runtime prints it, each line ending in '\n': the SCHED line with
// gcwaiting/nmidlelocked/stopwait/sysmonwait and no bracket list, then "  P0: ..." lines, "  M1: ..." lines
// and "  G1: ..." lines.
std::string schedtrace_detail(const SchedSnapshot& s);

// When sysmon prints: debug.schedtrace > 0 && lasttrace + schedtrace*1e6 <= now. Go's lasttrace starts at 0
// against an absolute clock, so the first check always prints; here "never printed" is an empty last_ns.
struct SchedtraceClock {
  int period_ms = 0;                     // GODEBUG schedtrace=N; 0 or less is off
  std::optional<std::int64_t> last_ns;   // sysmon's lasttrace
  std::optional<std::int64_t> start_ns;  // schedtrace's starttime, set by the first line
};

bool schedtrace_due(const SchedtraceClock& clock, std::int64_t now_ns);

// Records a line printed at now_ns and returns the value for SchedSnapshot::now_ns (time since the first
// line).
std::int64_t schedtrace_mark(SchedtraceClock& clock, std::int64_t now_ns);

}  // namespace gb
