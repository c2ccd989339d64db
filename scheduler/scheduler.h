// Go's scheduler (runtime/proc.go) over plain data: where each goroutine is, how `go`, Gosched, park and ready
// move it, findRunnable's order for a P that needs work, and — once enable_threads() is called (the machine
// engine does) — the Ms: which M holds which P, spinning Ms and wakep, startm/stopm, handoffp. Without threads
// (the flat engine) every P that takes a turn looks for work and may steal.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/chooser.h"
#include "g_status.h"
#include "run_queues.h"
#include "steal_order.h"

namespace gb {

enum class PStatus : std::uint8_t { Idle = 0, Running = 1, Syscall = 2, GcStop = 3, Dead = 4 };
std::string_view name(PStatus s);  // "idle", "running", "syscall", "gcstop", "dead"

// An M's life: running Go code (or schedule()) with a P, spinning (holding a P, looking for work to steal),
// blocked in a system call, or parked on the idle list (stopm).
enum class MStatus : std::uint8_t { Running, Spinning, Syscall, Idle };
std::string_view name(MStatus s);

// An M: an OS thread that runs Go code while it holds a P.
struct Thread {
  int id = 0;
  MStatus status = MStatus::Idle;
  int p = -1;       // the P it holds (Running, Spinning)
  int oldp = -1;    // Syscall: the P it left in _Psyscall (m.oldp)
  GId syscall_g = kNoG;
};

struct Goroutine {
  GId id = kNoG;
  GStatus status = GStatus::Idle;
  std::string_view wait_reason;  // Go's words: "chan receive", "semacquire", "sleep", ...
  int p = -1;                    // the P running it, while running
  GId created_by = kNoG;
};

struct Processor {
  int id = 0;
  PStatus status = PStatus::Idle;
  LocalRunQueue runq;
  std::uint32_t schedtick = 0;  // incremented by every execute() that does not inherit the time slice
  GId current = kNoG;
  bool runnext_slept = false;   // its M's last search ended in runqgrab's usleep(3): the next one may take runnext
  GId syscall_g = kNoG;         // in _Psyscall: the G whose M holds this P
  std::uint32_t syscalltick = 0;
  int m = -1;                   // the M holding it (threads mode), -1 when idle or in _Psyscall
};

// Where a runnable G came from, for events and lessons.
enum class Source : std::uint8_t { Runnext, LocalQueue, GlobalQueue, GlobalFairness, Stolen };
std::string_view name(Source s);

struct Found {
  GId g = kNoG;
  bool inherit_time = false;
  Source source = Source::LocalQueue;
  int victim = -1;  // Stolen: the P robbed
  // With Ms, no G yet (g == kNoG): the only thing left to steal is the runnext of P `victim`, which is running a
  // G, and runqgrab sleeps 3 us first (usleep(3)) so that P, perhaps about to schedule it, gets the chance. The
  // M stays spinning with its P; the engine lets that time pass on its core and calls find_runnable again,
  // which takes the runnext if it is still there (runqgrab's CAS after the sleep) and otherwise looks on.
  bool sleep_first = false;
};

class Scheduler {
 public:
  Scheduler(int gomaxprocs, Chooser& chooser);

  // The main goroutine (goid 1), runnable on P0.
  GId start_main();
  // A `go` statement by the G running on P `p`: a new runnable G in p's runnext (newproc), its id from p's cache.
  GId go(int p);
  // ... whose new G goes into P `target`'s runnext instead (the collector's first mark worker, made by the
  // goroutine that starts the cycle, for the P that will run it).
  GId go_to(int p, int target);
  // newproc from outside a running G (a timer's time.AfterFunc, runtime.main's helpers): a new runnable G in p's
  // runnext, created by `parent`.
  GId spawn(int p, GId parent);
  // goyield (semaphore handoff): the G running on `p` goes to the tail of p's local queue.
  void goyield(int p);
  // runtime.GOMAXPROCS(n) with the world stopped (procresize): every running G except the caller's goes to the
  // global queue, the queues of removed Ps move to the head of the global queue in order, and the caller keeps
  // running on its P, or on P0 if its P is removed. Returns the caller's P.
  int resize(int n, int caller_p);
  // The chooser lives with the owner of the scheduler; a copied owner re-points its copy here.
  void set_chooser(Chooser& chooser) { chooser_ = &chooser; }
  // The G running on `p` gives up its P: Gosched and preemption put it on the global queue.
  void gosched(int p);
  // The G running on `p` blocks with Go's wait reason (gopark).
  void park(int p, std::string_view reason);
  // A waiting G becomes runnable in the runnext of the waker's P (goready).
  void ready(GId g, int waker_p);
  // [SECTION] System calls (proc.go's entersyscall / retake's handoffp / exitsyscall)
  // The G running on `p` enters a blocking system call: it stays with its M (not on any queue), the P goes to
  // _Psyscall, still owned by that M.
  void enter_syscall(int p);
  // Sysmon retakes P `p` from an M blocked in a syscall (handoffp): the P goes idle, free for another M.
  void retake_syscall(int p);
  // The syscall of G `g`, entered on P `p`, returns. If the P was not retaken the G continues on it at once
  // (exitsyscallfast). Otherwise it takes an idle P if there is one (exitsyscall0's acquirep) or goes
  // to the global queue. Returns the P it will run on, or -1 (global queue).
  int exit_syscall(GId g, int p, bool retaken);
  // The G running on `p` returns (goexit).
  void exit(int p);
  // findRunnable for P `p`: schedtick%61 fairness, local (runnext first), global, then four stealing passes in
  // random order (runnext only on the last). Nothing found: the P goes idle.
  // With Ms, the last pass also runs each victim's due timers through `steal_timers(victim, thief)` (the timers
  // live with their owner, the VM); if that readied anything into the thief's queue, the thief takes it.
  std::optional<Found> find_runnable(int p, const std::function<bool(int, int)>& steal_timers = {});
  // P `p` has no G and its M found nothing to do without looking further (an engine that knows no queue holds
  // work): the P goes idle as findRunnable's pidleput would, without spending a stealing pass.
  void release_idle(int p) {
    Processor& pp = ps_[static_cast<std::size_t>(p)];
    if (pp.current == kNoG && pp.status != PStatus::Syscall) pp.status = PStatus::Idle;
  }
  // Runs `found` on `p` (execute): Running, and schedtick++ unless it inherits the time slice.
  void execute(int p, const Found& found);

  // [SECTION] Ms (scheduler_threads.cpp)
  // From now on Ps are held by Ms: M0 holds P0 (running main), every other P goes to the idle list, and `go`,
  // ready and handoffs wake Ms as proc.go does. Call once, after runtime.main's start.
  void enable_threads();
  bool threads() const { return threads_; }
  // startm(nil, false) for a timer that came due while every M slept (the M blocked in netpoll until the next
  // timer, or sysmon, takes an idle P): returns that P, or -1 when no P is idle.
  int start_idle_m();
  // sysmon's "timers should have run already": an M starts on an idle P unless one is spinning. Returns the P or -1.
  int wake_for_overdue_timer();
  const std::vector<Thread>& ms() const { return ms_; }
  const Thread& m(int id) const { return ms_[static_cast<std::size_t>(id)]; }
  int spinning_ms() const { return nmspinning_; }
  int idle_ps() const { return static_cast<int>(pidle_.size()); }
  const std::vector<int>& idle_m_list() const { return midle_; }

  // Null if a G is in exactly one place and the queues are consistent; otherwise what is wrong.
  std::optional<std::string> check_invariants() const;

  int gomaxprocs() const { return static_cast<int>(ps_.size()); }
  const Processor& p(int i) const { return ps_[static_cast<std::size_t>(i)]; }
  const Goroutine& g(GId id) const { return gs_[static_cast<std::size_t>(id)]; }
  const GlobalRunQueue& global_queue() const { return global_; }
  // Goroutines not dead (runtime.NumGoroutine). goroutines() is indexed by goid and also holds, with status
  // Idle, the ids Ps reserved in their goid caches and have not given out yet: skip those.
  int live_goroutines() const;
  const std::vector<Goroutine>& goroutines() const { return gs_; }
  std::size_t goroutine_count() const { return gs_.size() - 1; }

 private:
  // newproc1's goid: from P `p`'s cache, refilled _GoidCacheBatch (16) at a time from sched.goidgen, so under
  // GOMAXPROCS > 1 the ids are not dense. The ids a P reserved but has not used yet are placeholder entries of
  // gs_ with status Idle (Go's _Gidle: no goroutine has had that id).
  GId new_g(GId parent, int p);
  Goroutine& running_on(int p);
  // [SECTION] Ms (scheduler_threads.cpp)
  void wakep();
  // startm: gives P `p` (or an idle P when -1) to an idle M, or a new one. False when no P was available.
  bool startm(int p, bool spinning);
  void handoffp(int p);
  void pidleput(int p);
  int pidleget();
  void acquire(int m, int p, MStatus status);
  // findRunnable's end for M `m` on P `p` that found nothing: the P goes idle; a spinning M re-checks every run
  // queue (checkRunqsNoP) and takes an idle P back if one has work. True: `m` holds a P again and should look again.
  bool drop_p_and_recheck(int m, int p);
  void threads_after_resize(int caller_m, int caller_p);
  std::optional<std::string> check_thread_invariants() const;

  Chooser* chooser_;
  std::vector<Processor> ps_;
  std::vector<Goroutine> gs_;  // index = goid; slot 0 unused
  GlobalRunQueue global_;
  StealOrder steal_order_;
  bool threads_ = false;
  std::vector<Thread> ms_;
  std::vector<int> midle_;  // idle Ms, last parked on top (sched.midle)
  std::vector<int> pidle_;  // idle Ps, last put on top (sched.pidle)
  int nmspinning_ = 0;
  // Per P (every P there ever was: procresize keeps a removed P's struct, and its cache, for when it returns):
  // p.goidcache and p.goidcacheend.
  struct GoidCache {
    GId next = 0;
    GId end = 0;
  };
  std::vector<GoidCache> goidcache_;
  GId goidgen_ = 0;  // sched.goidgen
};

}  // namespace gb
