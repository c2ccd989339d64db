// The natives that act on the scheduler, served by the VM itself (checked before find_native): runtime's
// Gosched/NumGoroutine/GOMAXPROCS and Stack's tracebacks, sync's semaphores (runtime/sema.go: a FIFO of waiters per address, lifo
// re-queueing, handoff with goyield), canSpin/doSpin, time's clock, Sleep and timers, fatal errors, os.Exit.
#include <algorithm>
#include <cstring>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

enum class Vm::OwnNative : std::int16_t {
  Gosched, NumGoroutine, Gomaxprocs, SemacquireMutex, Semacquire, Semrelease, CanSpin, DoSpin, Nanotime,
  SyncFatal, SyncThrow, Sleep, RuntimeNano, StartTimer, StopTimer, Exit,
  MqPublish, MqSubscribe, MqPoll, MqCommit, ClientNext, DbExec, StarvationThreshold, Stack, NumCPU, Breakpoint,
  Argc, Argv, Envc, Envv,
  Goexit, Callers, FuncInfo, GC, SetFinalizer, MemStats, SetGCPercent, GcMarkWorkerStep,
};

namespace {

struct OwnName {
  std::string_view name;
  std::int16_t id;
};

}  // namespace

void Vm::bind_natives() {
  using O = OwnNative;
  static const OwnName kOwn[] = {
      {"runtime.Gosched", static_cast<std::int16_t>(O::Gosched)},
      {"runtime.NumGoroutine", static_cast<std::int16_t>(O::NumGoroutine)},
      {"runtime.GOMAXPROCS", static_cast<std::int16_t>(O::Gomaxprocs)},
      {"sync.runtime_SemacquireMutex", static_cast<std::int16_t>(O::SemacquireMutex)},
      {"sync.runtime_Semacquire", static_cast<std::int16_t>(O::Semacquire)},
      {"sync.runtime_Semrelease", static_cast<std::int16_t>(O::Semrelease)},
      {"sync.runtime_canSpin", static_cast<std::int16_t>(O::CanSpin)},
      {"sync.runtime_doSpin", static_cast<std::int16_t>(O::DoSpin)},
      {"sync.runtime_nanotime", static_cast<std::int16_t>(O::Nanotime)},
      {"sync.fatal", static_cast<std::int16_t>(O::SyncFatal)},
      {"sync.throw", static_cast<std::int16_t>(O::SyncThrow)},
      {"time.Sleep", static_cast<std::int16_t>(O::Sleep)},
      {"time.runtimeNano", static_cast<std::int16_t>(O::RuntimeNano)},
      {"time.startTimer", static_cast<std::int16_t>(O::StartTimer)},
      {"time.stopTimer", static_cast<std::int16_t>(O::StopTimer)},
      {"os.Exit", static_cast<std::int16_t>(O::Exit)},
      {"mq.Publish", static_cast<std::int16_t>(O::MqPublish)},
      {"mq.Subscribe", static_cast<std::int16_t>(O::MqSubscribe)},
      {"mq.pollRaw", static_cast<std::int16_t>(O::MqPoll)},
      {"mq.commitOffset", static_cast<std::int16_t>(O::MqCommit)},
      {"clients.nextRaw", static_cast<std::int16_t>(O::ClientNext)},
      {"db.Exec", static_cast<std::int16_t>(O::DbExec)},
      {"sync.runtime_starvationThreshold", static_cast<std::int16_t>(O::StarvationThreshold)},
      {"runtime.stack", static_cast<std::int16_t>(O::Stack)},
      {"runtime.NumCPU", static_cast<std::int16_t>(O::NumCPU)},
      {"runtime.Breakpoint", static_cast<std::int16_t>(O::Breakpoint)},
      {"os.runtime_argc", static_cast<std::int16_t>(O::Argc)},
      {"os.runtime_argv", static_cast<std::int16_t>(O::Argv)},
      {"os.runtime_envc", static_cast<std::int16_t>(O::Envc)},
      {"os.runtime_envv", static_cast<std::int16_t>(O::Envv)},
      {"runtime.Goexit", static_cast<std::int16_t>(O::Goexit)},
      {"runtime.callers", static_cast<std::int16_t>(O::Callers)},
      {"runtime.funcInfo", static_cast<std::int16_t>(O::FuncInfo)},
      {"runtime.GC", static_cast<std::int16_t>(O::GC)},
      {"runtime.SetFinalizer", static_cast<std::int16_t>(O::SetFinalizer)},
      {"runtime.readMemStats", static_cast<std::int16_t>(O::MemStats)},
      {"debug.setGCPercent", static_cast<std::int16_t>(O::SetGCPercent)},
      {"runtime.gcMarkWorkerStep", static_cast<std::int16_t>(O::GcMarkWorkerStep)},
  };
  const Program& p = *prog_;
  natives_.assign(p.natives.size(), NativeBinding{});
  for (std::size_t i = 0; i < p.natives.size(); ++i) {
    NativeBinding& b = natives_[i];
    const std::string& name = p.natives[i].name;
    for (const OwnName& o : kOwn)
      if (o.name == name) b.own = o.id;
    if (b.own < 0) b.fn = find_native(name);
    b.atomic = name.rfind("atomic.", 0) == 0;
  }
  for (const Function& f : p.functions) {
    if (f.native < 0 || static_cast<std::size_t>(f.native) >= natives_.size()) continue;
    NativeBinding& b = natives_[static_cast<std::size_t>(f.native)];
    b.params = f.param_words;
    b.results = f.result_words;
    b.sized = true;
  }
}

void Vm::call_own_native(std::int16_t id, Word* f) {
  using O = OwnNative;
  switch (static_cast<O>(id)) {
    case O::Gosched:
      sched_.gosched(cur_p_);
      switch_ = true;
      return;
    case O::NumGoroutine:
      f[0] = static_cast<Word>(num_goroutine());
      return;
    case O::Gomaxprocs: {
      const int prev = sched_.gomaxprocs();
      const auto n = static_cast<std::int64_t>(f[0]);
      f[1] = static_cast<Word>(prev);
      if (n > 0 && n != prev) do_gomaxprocs(static_cast<int>(std::min<std::int64_t>(n, 256)));
      return;
    }
    case O::SemacquireMutex:
      sema_acquire(f[0], f[1] != 0);
      return;
    case O::Semacquire:
      sema_acquire(f[0], false);
      return;
    case O::Semrelease:
      sema_release(f[0], f[1] != 0);
      return;
    case O::CanSpin: {
      // sync_runtime_canSpin: i < active_spin (4), ncpu > 1, GOMAXPROCS > npidle + nmspinning + 1 (some other P
      // is running a G, not just idle or spinning), and nothing queued on this P. ncpu is the machine's core
      // count; the flat engine has no cores and stands for a machine with as many CPUs as Ps (Go's default).
      const auto i = static_cast<std::int64_t>(f[0]);
      const int ncpu = cores_.empty() ? sched_.gomaxprocs() : static_cast<int>(cores_.size());
      int npidle = 0;
      if (sched_.threads()) {
        npidle = sched_.idle_ps();
      } else {
        for (int p = 0; p < sched_.gomaxprocs(); ++p) npidle += sched_.p(p).status == PStatus::Idle;
      }
      const bool can = i < 4 && ncpu > 1 && sched_.gomaxprocs() > npidle + sched_.spinning_ms() + 1 &&
                       sched_.p(cur_p_).runq.empty();
      f[1] = can ? 1 : 0;
      return;
    }
    case O::DoSpin:
      now_ += 30;  // procyield(active_spin_cnt = 30)
      return;
    case O::Nanotime:
    case O::RuntimeNano:
      f[0] = static_cast<Word>(now_);
      return;
    case O::SyncFatal:
    case O::SyncThrow:
      fatal_error(mem_.string_view(f[0], f[1]), cur_g_);
    case O::Sleep: {
      const auto d = static_cast<std::int64_t>(f[0]);
      if (d <= 0) return;
      Timer t;
      t.when = now_ + d < now_ ? INT64_MAX : now_ + d;
      t.kind = TimerKind::Sleep;
      t.g = cur_g_;
      timers_.add(t, timer_heap(cur_p_));
      GState& g = gs_[static_cast<std::size_t>(cur_g_)];
      g.wait = Wait{};
      g.wait.kind = WaitKind::Sleep;
      park(wait_reason::kSleep);
      return;
    }
    case O::StartTimer: {
      Timer t;
      t.when = static_cast<std::int64_t>(f[0]);
      t.chan = f[1];
      t.func = f[2];
      t.kind = TimerKind::Runtime;
      f[3] = static_cast<Word>(timers_.add(t, timer_heap(cur_p_)));
      return;
    }
    case O::StopTimer:
      f[1] = timers_.stop(static_cast<std::int64_t>(f[0])) ? 1 : 0;
      return;
    case O::Exit:
      finish_program(static_cast<int>(static_cast<std::int64_t>(f[0])));
      throw ProgramEnd{};
    case O::Stack:  // func stack(all bool) string, called by runtime.Stack
      make_string_value(goroutine_stacks(f[0] != 0), f + 1);
      return;
    case O::NumCPU:
      // The simulated machine's cores; the flat model has one CPU per P.
      f[0] = static_cast<Word>(opts_.machine ? opts_.machine->memory.cores : opts_.gomaxprocs);
      return;
    case O::Breakpoint:
      fatal_signal("SIGTRAP: trace trap", cur_g_);
    case O::Argc:  // func runtime_argc() int: os.Args's length, the program name included
      f[0] = static_cast<Word>(opts_.args.size() + 1);
      return;
    case O::Argv: {  // func runtime_argv(i int) string
      const auto i = static_cast<std::size_t>(f[0]);
      make_string_value(i == 0 ? std::string("main") : opts_.args.at(i - 1), f + 1);
      return;
    }
    case O::Envc:  // func runtime_envc() int: the environment's entries
      f[0] = static_cast<Word>(opts_.env.size());
      return;
    case O::Envv:  // func runtime_envv(i int) string: "KEY=value"
      make_string_value(opts_.env.at(static_cast<std::size_t>(f[0])), f + 1);
      return;
    case O::Goexit:  // no results: the call's result copy is empty whatever frame is on top afterwards
      goexit(gs_[static_cast<std::size_t>(cur_g_)]);
      return;
    case O::Callers:
      own_callers(f);
      return;
    case O::FuncInfo:
      own_func_info(f);
      return;
    case O::GC:
      if (!barriers_.empty()) {  // called under a native (a String method's): at the next instruction boundary
        gc_.pending = true;
        gc_.forced_request = true;
        return;
      }
      // A whole cycle now (this native's frame holds nothing). gcWaitOnMark parks the caller until mark
      // termination, which puts it on the global run queue: the finalizer goroutine, readied meanwhile into
      // runnext, runs first.
      collect(true);
      sched_.gosched(cur_p_);
      switch_ = true;
      return;
    case O::SetFinalizer:
      set_finalizer(f);
      return;
    case O::GcMarkWorkerStep:
      gc_worker_step();
      return;
    case O::MemStats:
      mem_stats(f);
      return;
    case O::SetGCPercent: {  // func setGCPercent(percent int) int: the old value; the goal follows the new one
      const int old = gc_.percent;
      gc_.percent = static_cast<int>(std::clamp<std::int64_t>(static_cast<std::int64_t>(f[0]), -1, 1 << 30));
      set_gc_goal();
      f[1] = static_cast<Word>(static_cast<std::int64_t>(old));
      return;
    }
    case O::StarvationThreshold:
      f[0] = static_cast<Word>(scaled(1'000'000));  // sync/mutex.go starvationThresholdNs
      return;
    case O::MqPublish: case O::MqSubscribe: case O::MqPoll: case O::MqCommit: case O::ClientNext:
    case O::DbExec:
      world_syscall(static_cast<int>(id) - static_cast<int>(O::MqPublish), f);
      return;
  }
}

bool Vm::try_sema(Word addr) {
  if (!mem_.valid(addr)) throw_nil_deref();
  // sema.go's cansemacquire: `v := atomic.Load(addr)` (a plain MOV on amd64: the line may stay shared, and a
  // waiter that sees 0 takes nothing), then `atomic.Cas(addr, v, v-1)`, a locked read-modify-write that drains
  // the store buffer and takes the line in M. semrelease's Xadd is locked too, so the release is never left in
  // a store buffer behind the plain load. The native is indivisible, so the CAS cannot fail and loop.
  if (mem_.machine()) note_cause(AccessKind::Sema);
  const auto v = static_cast<std::uint32_t>(mem_.load(addr));
  if (v == 0) return false;
  if (mem_.machine()) note_cause(AccessKind::Sema);
  if (static_cast<std::uint32_t>(mem_.load_exclusive(addr)) != v) return false;
  if (mem_.machine()) note_cause(AccessKind::Sema);
  mem_.store(addr, v - 1);
  return true;
}

void Vm::sema_acquire(Word addr, bool lifo) {
  if (try_sema(addr)) return;
  auto& q = sema_[addr];
  if (lifo) q.insert(q.begin(), cur_g_);
  else q.push_back(cur_g_);
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  g.wait = Wait{};
  g.wait.kind = WaitKind::Sema;
  g.wait.sema = addr;
  g.wait.lifo = lifo;
  park(wait_reason::kSemacquire);
}

void Vm::sema_release(Word addr, bool handoff) {
  if (!mem_.valid(addr)) throw_nil_deref();
  // semrelease's atomic.Xadd: a locked read-modify-write, as in try_sema.
  if (mem_.machine()) note_cause(AccessKind::Sema);
  const auto v = static_cast<std::uint32_t>(mem_.load_exclusive(addr));
  if (mem_.machine()) note_cause(AccessKind::Sema);
  mem_.store(addr, v + 1);
  const auto it = sema_.find(addr);
  if (it == sema_.end() || it->second.empty()) return;
  const GId w = it->second.front();
  it->second.erase(it->second.begin());
  if (it->second.empty()) sema_.erase(it);
  GState& wg = gs_[static_cast<std::size_t>(w)];
  if (handoff && try_sema(addr)) wg.wait.ticket = true;
  ready_g(w, cur_p_);
  if (wg.wait.ticket) {  // direct handoff: the waiter runs next, inheriting our time slice (goyield)
    sched_.goyield(cur_p_);
    switch_ = true;
  }
}

void Vm::do_gomaxprocs(int n) {
  const int old = sched_.gomaxprocs();
  const int p = sched_.resize(n, cur_p_);
  for (int removed = n; removed < old; ++removed) timers_.move(timer_heap(removed), timer_heap(p));  // moveTimers
  const auto procs = static_cast<std::size_t>(n);
  last_tick_.resize(procs, 0);
  tick_time_.resize(procs, now_);
  cur_p_ = p;
  rr_p_ = p;
  rr_left_ = 0;
  switch_ = true;  // the world restarts: the engine re-reads the Ps
}

}  // namespace gb::vm
