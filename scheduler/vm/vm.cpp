// The VM's engine: runtime.main's start, the turn-taking of Ps, schedule() with timers and preemption, waking
// parked goroutines, deadlock detection, program end, state hashing, and the simple NativeHost services.
#include "scheduler/vm/vm.h"

#include <algorithm>
#include <cstring>

#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

bool uses_os(const Program& p) {
  auto named = [](std::string_view n) { return n.rfind("fmt.", 0) == 0 || n.rfind("os.", 0) == 0; };
  for (const Function& f : p.functions)
    if (named(f.name)) return true;
  for (const NativeRef& n : p.natives)
    if (named(n.name)) return true;
  return false;
}

struct Hasher {
  std::uint64_t h = 0xcbf29ce484222325ull;
  void add(std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0x100000001b3ull;
  }
  void add(std::string_view s) {
    add(s.size());
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  }
  template <class T>
  void words(const std::vector<T>& v) {
    add(v.size());
    for (const T& w : v) add(static_cast<std::uint64_t>(w));
  }
};

}  // namespace

Vm::Vm(Program program, VmOptions options)
    : Vm(std::make_shared<const Program>(std::move(program)), std::move(options)) {}

Vm::Vm(std::shared_ptr<const Program> program, VmOptions options)
    : prog_(std::move(program)),
      opts_(std::move(options)),
      chooser_(opts_.seed),
      sched_(std::max(1, opts_.gomaxprocs), chooser_),
      layout_(prog_->types) {
  init();
}

void Vm::init() {
  const Program& p = *prog_;
  if (opts_.machine) {
    mem_.attach_machine(opts_.machine->memory);
    mem_.system().set_checking(opts_.machine->check_coherence);
    mem_.set_recording(opts_.machine->record);
    if (opts_.machine->controlled) {
      opts_.machine->jitter = 0.0;  // the explorer's choices are the only variation
      mem_.set_access_trace(true);
    }
    const double j = std::max(0.0, opts_.machine->jitter);
    mem_.set_timing_noise(&chooser_, static_cast<std::uint32_t>(kJitterDramNs * j + 0.5),
                          static_cast<std::uint32_t>(kJitterBusNs * j + 0.5));
    auto user = std::make_shared<std::vector<std::uint8_t>>(p.functions.size(), 0);
    for (std::size_t i = 0; i < p.functions.size(); ++i)
      (*user)[i] = p.functions[i].name.rfind("main.", 0) == 0 && p.functions[i].native < 0;
    user_funcs_ = user;
    mem_.set_watch(opts_.machine->record || opts_.machine->detect_lost_updates, user_funcs_);
    cores_.assign(static_cast<std::size_t>(std::max(1, opts_.machine->memory.cores)), CoreRun{});
  }
  mem_.reset(p.globals_words);
  if (mem_.machine()) {
    // Package variables in declaration order with Go's sizes and alignment (as the linker lays out .data/.bss,
    // simplified: it also sorts by size); words of no variable get 8 bytes each. Package main's begin on a new
    // 64-byte line, so that a variable added to the library never moves the program's across a line boundary.
    Word next = 1;
    bool main_seen = false;
    for (const GlobalVar& v : p.globals) {
      if (v.addr < next || v.addr > p.globals_words) continue;
      if (v.addr > next) mem_.place(next, v.addr - next, nullptr, 0, 8, 8);
      if (!main_seen && v.name.rfind("main.", 0) == 0) {
        main_seen = true;
        mem_.align_placement(64);
      }
      const std::uint32_t w = p.types.words(v.type);
      if (w == 0) {
        mem_.place(v.addr, 1, nullptr, 0, 8, 8);
        next = v.addr + 1;
        continue;
      }
      const std::vector<ByteSlot> slots = layout_.word_bytes(v.type);
      const GoLayout l = layout_.layout(v.type);
      mem_.place(v.addr, w, slots.data(), w, l.size, l.align);
      next = v.addr + w;
    }
    if (next <= Word{p.globals_words} + 1) mem_.place(next, p.globals_words + 2 - next, nullptr, 0, 8, 8);
  }
  strings_.reserve(p.strings.size());
  for (const std::string& s : p.strings) strings_.emplace_back(mem_.add_literal(s), s.size());
  func_closures_.assign(p.functions.size(), 0);
  for (std::size_t i = 0; i < p.functions.size(); ++i)
    if (p.functions[i].name == "runtime.gcBgMarkWorker") gc_worker_func_ = static_cast<std::int32_t>(i);
  gs_.resize(1);
  const TypeTable& t = p.types;
  for (TypeId id = kFirstUserType; id < t.size(); ++id) {
    const Type& ty = t[id];
    if (ty.kind != Kind::Named || ty.package != "runtime") continue;
    if (ty.name == "errorString") error_string_ = id;
    if (ty.name == "plainError") plain_error_ = id;
    if (ty.name == "TypeAssertionError") tae_ = id;
    if (ty.name == "boundsError" && t.underlying_kind(id) == Kind::String) bounds_error_ = id;
    if (ty.name == "MemStats" && t.underlying_kind(id) == Kind::Struct) mem_stats_ = id;
  }
  if (tae_ != kNoType)
    for (TypeId id = kFirstUserType; id < t.size(); ++id)
      if (t[id].kind == Kind::Pointer && t[id].elem == tae_) tae_ptr_ = id;
  bind_natives();
  if (auto bad = verify()) {
    err_ = "fatal error: invalid bytecode: ";
    err_ += *bad;
    err_ += '\n';
    if (opts_.output) opts_.output(true, err_);
    exited_ = true;
    exit_code_ = 2;
    return;
  }
  const auto procs = static_cast<std::size_t>(sched_.gomaxprocs());
  last_tick_.assign(procs, 0);
  tick_time_.assign(procs, 0);
  if (opts_.race) race_init();
  start_runtime_main();
  // The machine runs Ps on Ms on cores; the flat engine gives every P a turn instead (no Ms).
  if (opts_.machine) sched_.enable_threads();
  // A schedule answers the run's choices from here on, as an explorer (which attaches to a built Vm) took them.
  if (opts_.schedule) chooser_.set_schedule(opts_.schedule);
}

// Checks what the dispatch loop trusts without checking: jump targets, table indices (constants, strings,
// functions, natives, selects, types) and that no function can run off the end of its code.
std::optional<std::string> Vm::verify() const {
  const Program& p = *prog_;
  const std::size_t nf = p.functions.size();
  auto where = [&](const Function& f, std::size_t pc) {
    std::string w = f.name;
    w += " at ";
    w += std::to_string(pc);
    return w;
  };
  if (p.main >= 0 && static_cast<std::size_t>(p.main) >= nf) return std::string("main function out of range");
  if (p.init >= 0 && static_cast<std::size_t>(p.init) >= nf) return std::string("init function out of range");
  for (const Function& f : p.functions) {
    if (f.native >= 0) {
      if (static_cast<std::size_t>(f.native) >= p.natives.size()) return f.name + ": native out of range";
      continue;
    }
    if (f.code.empty()) return f.name + ": no code";
    switch (f.code.back().op) {
      case Op::Return: case Op::Jump: case Op::Panic: case Op::Halt: break;
      default: return f.name + ": code can run past its end";
    }
    if (f.closure_slot >= 0 && static_cast<std::uint32_t>(f.closure_slot) >= f.frame_words)
      return f.name + ": closure slot outside the frame";
    for (const Function::ResultCell& c : f.result_cells)
      if (c.cell_slot >= f.frame_words || c.result_offset + c.words > f.result_words)
        return f.name + ": result cell outside the frame";
    for (std::size_t pc = 0; pc < f.code.size(); ++pc) {
      const Instr& in = f.code[pc];
      const auto d = static_cast<std::size_t>(static_cast<std::uint32_t>(in.d));
      bool ok = true;
      switch (in.op) {
        case Op::Jump: case Op::JumpIf: case Op::JumpIfNot: case Op::JumpLt: case Op::JumpLe: case Op::JumpEq:
        case Op::JumpNe:
          ok = in.d >= 0 && d < f.code.size();
          break;
        case Op::LoadConst: ok = in.d >= 0 && d < p.constants.size(); break;
        case Op::LoadString: ok = in.d >= 0 && d < p.strings.size(); break;
        case Op::LoadFunc: case Op::Call: ok = in.d >= 0 && d < nf; break;
        case Op::Select: ok = in.d >= 0 && d < p.selects.size(); break;
        case Op::CallNative: ok = in.d >= 0 && d < p.natives.size(); break;
        case Op::MakeMap: ok = in.d > 0 && d < p.types.size() && p.types.underlying_kind(static_cast<TypeId>(d)) == Kind::Map; break;
        case Op::MakeIface: case Op::AssertType: case Op::AssertTypeOk: case Op::AssertIface:
        case Op::AssertIfaceOk: case Op::MakeChan:
          ok = in.d >= 0 && d < p.types.size();
          break;
        case Op::CallIface: ok = in.c < p.types.size() && p.types.underlying_kind(in.c) == Kind::Interface; break;
        default: break;
      }
      if (!ok) {
        std::string m = "operand out of range in ";
        m += where(f, pc);
        m += " (";
        m += op_name(in.op);
        m += ')';
        return m;
      }
    }
  }
  return std::nullopt;
}

// runtime.main before main.main, as tests/scheduler's start_like_runtime_main: forcegchelper, bgsweep and
// bgscavenge (goroutines 2-4) run and park, leaving main running with schedtick 2; package os's init then creates
// the finalizer goroutine (5) in runnext.
void Vm::start_runtime_main() {
  auto run_next = [this]() {
    sched_.set_chooser(chooser_);
    const auto found = sched_.find_runnable(0);
    sched_.execute(0, *found);
    return found->g;
  };
  const GId main = sched_.start_main();
  run_next();
  sched_.go(0);
  sched_.go(0);
  sched_.go(0);
  sched_.park(0, wait_reason::kChanReceive);
  run_next();  // bgscavenge
  sched_.ready(main, 0);
  sched_.park(0, "GC scavenge wait");
  run_next();  // main
  sched_.park(0, wait_reason::kChanReceive);
  run_next();  // forcegchelper
  sched_.park(0, "force gc (idle)");
  run_next();  // bgsweep
  sched_.ready(main, 0);
  sched_.park(0, "GC sweep wait");
  run_next();  // main again
  gs_.resize(5);
  for (int i = 2; i <= 4; ++i) gs_[static_cast<std::size_t>(i)].system = true;
  system_goroutines_ = 3;
  const bool fing = opts_.finalizer_goroutine < 0 ? uses_os(*prog_) : opts_.finalizer_goroutine > 0;
  if (fing) {
    const GId f = sched_.go(0);
    gs_.resize(static_cast<std::size_t>(f) + 1);
    gs_[static_cast<std::size_t>(f)].system = true;
    ++system_goroutines_;
    gc_.fing = f;
  }
  GState& g = gs_[static_cast<std::size_t>(main)];
  const Program& p = *prog_;
  if (p.main < 0) {
    exited_ = true;
    return;
  }
  cur_p_ = 0;
  cur_g_ = main;
  try {  // runtime.main's frame holds the package initialisers' temporaries: it can overflow the stack already
    push_frame(g, static_cast<std::uint32_t>(p.main), nullptr, 0, kNoSlot, 0, FrameKind::Normal);
    if (p.init >= 0) push_frame(g, static_cast<std::uint32_t>(p.init), nullptr, 0, kNoSlot, 0, FrameKind::Normal);
  } catch (const ProgramEnd&) {
    return;  // fatal_error has written the text and set the exit status
  }
  last_tick_[0] = sched_.p(0).schedtick;
  tick_time_[0] = now_;
}

int Vm::num_goroutine() const { return sched_.live_goroutines() - system_goroutines_; }

// [SECTION] Engine

RunResult Vm::run(std::uint64_t max_instructions, std::int64_t until_ns) {
  RunResult r;
  until_ns_ = until_ns;
  r.instructions = advance(max_instructions);
  until_ns_ = INT64_MAX;
  r.finished = exited_;
  r.exit_code = exit_code_;
  return r;
}

bool Vm::step() {
  if (exited_) return false;
  advance(1);
  return !exited_;
}

std::uint64_t Vm::advance(std::uint64_t budget) {
  if (mem_.machine()) return advance_machine(budget);
  std::uint64_t done = 0;
  int idle_turns = 0;
  try {
    while (!exited_ && done < budget && now_ < until_ns_) {
      service_syscalls(now_);
      const int procs = sched_.gomaxprocs();
      if (rr_p_ >= procs) {
        rr_p_ = 0;
        rr_left_ = 0;
      }
      const int p = rr_p_;
      if (rr_left_ == 0) rr_left_ = procs == 1 ? UINT64_MAX : opts_.quantum;
      auto next_turn = [&] {
        rr_left_ = 0;
        rr_p_ = (rr_p_ + 1) % procs;
      };
      const bool in_syscall = sched_.p(p).status == PStatus::Syscall;  // its M is blocked in the kernel
      if (sched_.p(p).current == kNoG && (in_syscall || !work_visible() || !schedule(p))) {
        sched_.release_idle(p);
        next_turn();
        if (++idle_turns >= procs) {
          idle_turns = 0;
          check_deadlock_or_sleep();
        }
        continue;
      }
      idle_turns = 0;
      const std::int64_t may_run = preempt_check(p);
      if (may_run < 0) continue;
      std::uint64_t n = std::min(budget - done, rr_left_);
      n = std::min<std::uint64_t>(n, static_cast<std::uint64_t>((may_run + kNsPerInstruction - 1) /
                                                                 kNsPerInstruction));
      cur_p_ = p;
      cur_g_ = sched_.p(p).current;
      Stop why = Stop::Budget;
      const std::uint64_t ran_now = run_g(n, 0, why);
      done += ran_now;
      rr_left_ -= std::min(rr_left_, ran_now);
      if (rr_left_ == 0) next_turn();
    }
  } catch (const ProgramEnd&) {
  }
  return done;
}

std::int64_t Vm::preempt_check(int p) {
  const auto pi = static_cast<std::size_t>(p);
  if (sched_.p(p).schedtick != last_tick_[pi]) {
    last_tick_[pi] = sched_.p(p).schedtick;
    tick_time_[pi] = now_;
  }
  // sysmon's retake: a G holding its P for forcePreemptNS goes to the global queue.
  const std::int64_t ran = now_ - tick_time_[pi];
  const std::int64_t slice = scaled(kForcePreemptNs);
  if (ran >= slice) {
    sched_.gosched(p);
    tick_time_[pi] = now_;
    return -1;
  }
  return slice - ran;
}

// Whether an idle P could find anything: runnable Gs in some queue or a due timer. An idle P without this skips
// its turn without running findRunnable (real Ps sleep until wakep; this keeps idle turns cheap).
bool Vm::work_visible() const {
  if (!sched_.global_queue().empty()) return true;
  for (int i = 0; i < sched_.gomaxprocs(); ++i)
    if (!sched_.p(i).runq.empty()) return true;
  const auto when = timers_.next_when();
  return when && *when <= now_;
}

bool Vm::schedule(int p) {
  const auto pi = static_cast<std::size_t>(p);
  for (;;) {
    run_timers(p);
    const bool was_idle = sched_.p(p).status == PStatus::Idle;
    sched_.set_chooser(chooser_);
    // stealWork's last pass runs the victims' due timers for the thief (per-P heaps exist only with Ms).
    const auto found = sched_.threads()
                           ? sched_.find_runnable(p, [this](int victim, int thief) { return run_timers(victim, thief); })
                           : sched_.find_runnable(p);
    if (!found) return false;
    if (found->sleep_first) {  // runqgrab's usleep(3): the machine engine lets it pass on this M's core
      steal_sleep_ = true;
      return false;
    }
    sched_.execute(p, *found);
    if (found->source == Source::Stolen && recording()) {
      ++steals_;
      last_steal_ = StealRecord{p, found->victim, found->g};
    }
    if (!found->inherit_time || was_idle) tick_time_[pi] = now_;
    last_tick_[pi] = sched_.p(p).schedtick;
    GState& g = gs_[static_cast<std::size_t>(found->g)];
    if (g.system && g.frames.empty()) {  // the finalizer goroutine (runfinq): the next due finalizer, or wait
      const GId saved = cur_g_;
      cur_g_ = found->g;  // push_frame's stack check reports against it
      const bool started = start_finalizer(g);
      cur_g_ = saved;
      if (!started) {
        sched_.park(p, kFinalizerWait);
        continue;
      }
    }
    if (resume_wait(found->g, p)) return true;
  }
}

// Completes what a woken G was waiting for, before it runs again. False: it had to park again (a semaphore taken
// by someone else in between, as semacquire1's loop).
bool Vm::resume_wait(GId id, int p) {
  GState& g = gs_[static_cast<std::size_t>(id)];
  Wait& w = g.wait;
  switch (w.kind) {
    case WaitKind::None:
    case WaitKind::Sleep:
    case WaitKind::Forever:
      break;
    case WaitKind::ChanRecv:
      std::copy(w.value.begin(), w.value.end(), g.stack.begin() + w.dst);
      if (w.ok != kNoSlot) g.stack[w.ok] = w.success ? 1 : 0;
      break;
    case WaitKind::ChanSend:
      if (!w.success) g.send_closed = true;
      break;
    case WaitKind::Select: {
      const SelectCase& c = prog_->selects[w.select].cases[static_cast<std::size_t>(w.chosen)];
      g.stack[w.dst] = static_cast<Word>(static_cast<std::int64_t>(w.chosen));
      note_chan_op(g.stack[w.base + c.chan], c.send ? ChanOp::Send : ChanOp::Recv, id);
      if (c.send) {
        if (!w.success) g.send_closed = true;
      } else {
        if (c.value != kNoSlot) std::copy(w.value.begin(), w.value.end(), g.stack.begin() + w.base + c.value);
        if (c.ok != kNoSlot) g.stack[w.base + c.ok] = w.success ? 1 : 0;
      }
      break;
    }
    case WaitKind::Sema:
      if (w.ticket || try_sema(w.sema)) break;
      {
        auto& q = sema_[w.sema];
        if (w.lifo) q.insert(q.begin(), id);
        else q.push_back(id);
      }
      w.ticket = false;
      sched_.park(p, wait_reason::kSemacquire);
      return false;
  }
  w.kind = WaitKind::None;
  w.value.clear();
  return true;
}

bool Vm::run_timers(int heap, int p) {
  bool ran = false;
  while (auto t = timers_.pop_due(now_, heap)) {
    ran = true;
    switch (t->kind) {
      case TimerKind::Sleep: {
        GState& g = gs_[static_cast<std::size_t>(t->g)];
        if (g.wait.kind == WaitKind::Sleep && sched_.g(t->g).status == GStatus::Waiting) ready_g(t->g, p, true);
        break;
      }
      case TimerKind::Runtime:
        if (t->chan != 0) {
          // sendTime: a non-blocking send of time.Now(). time.Time is one word, the package's Unix nanoseconds:
          // the simulated clock plus its epoch (time.go's clockEpochUnix, 2009-11-10 23:00:00 UTC).
          gb::Channel& c = chan(t->chan);
          std::vector<Word> v(c.elem_words(), 0);
          if (!v.empty()) v[0] = static_cast<Word>(kClockEpochUnixNs + now_);
          const auto out = c.send(kNoG, v, false);
          if (out.status == gb::ChanStatus::Done) wake(c, out.wake, p, true);
        }
        if (t->func != 0) {  // time.AfterFunc (and tickers' re-arming): go f()
          const GId id = sched_.spawn(p, kNoG);
          gs_.resize(std::max(gs_.size(), static_cast<std::size_t>(id) + 1));
          const std::uint32_t fn = closure_function(t->func);
          push_frame(gs_[static_cast<std::size_t>(id)], fn, nullptr, 0, kNoSlot, t->func, FrameKind::Normal);
        }
        break;
    }
  }
  return ran;
}

// Every P is idle: jump the clock to the next timer (checkdead returns while timers are pending), or report the
// deadlock as checkdead does.
void Vm::check_deadlock_or_sleep() {
  auto when = timers_.next_when();
  if (const auto sys = next_syscall_event()) when = when ? std::min(*when, *sys) : *sys;
  if (when) {
    if (*when > until_ns_) {  // the caller wants control back first (an observer due before the event)
      now_ = std::max(now_, until_ns_);
      return;
    }
    if (*when > now_) now_ = *when;
    // With Ms, the M that slept in netpoll until this moment takes an idle P and runs its timers, then, spinning,
    // the other Ps' due ones (stealWork's last pass), done here at once. With every P in _Psyscall, P0's queue
    // takes the woken Gs and sysmon's retake passes them on.
    const int p = std::max(sched_.start_idle_m(), 0);
    run_timers(p);
    if (sched_.threads())
      for (int heap = 0; heap < sched_.gomaxprocs(); ++heap) run_timers(heap, p);
    service_syscalls(now_);
    return;
  }
  const Goroutine& main = sched_.g(1);
  if (main.status != GStatus::Dead) fatal_error("all goroutines are asleep - deadlock!", 1, main.wait_reason);
  // main called runtime.Goexit: checkdead counts the user goroutines still waiting.
  bool waiting = false;
  for (std::size_t i = 1; i < gs_.size(); ++i)
    waiting = waiting || (!gs_[i].system && sched_.g(static_cast<GId>(i)).status == GStatus::Waiting);
  if (!waiting) fatal_error("no goroutines (main called runtime.Goexit) - deadlock!", kNoG);
  fatal_error("all goroutines are asleep - deadlock!", kNoG);
}

void Vm::wake(gb::Channel& c, const std::vector<GId>& woken, int p, bool by_timer) {
  for (const GId id : woken) {
    auto done = c.take_completion(id);
    if (!done || id == kNoG) continue;
    if (sched_.g(id).status != GStatus::Waiting) continue;
    GState& g = gs_[static_cast<std::size_t>(id)];
    Wait& w = g.wait;
    w.success = done->success;
    w.value = std::move(done->elem);
    if (w.kind == WaitKind::Select) {
      w.chosen = static_cast<std::int32_t>(done->tag);
      // selectgo's pass 3, done at once: this G's sudogs on the other cases are gone (selectDone).
      for (const SelectCase& sc : prog_->selects[w.select].cases) {
        const Word h = g.stack[w.base + sc.chan];
        if (h != 0) chan(h).remove_waiter(id);
      }
    }
    ready_g(id, p, by_timer);
  }
}

void Vm::ready_g(GId g, int p, bool by_timer) {
  sched_.ready(g, p);
  ++readies_;
  if (opts_.machine && opts_.machine->record) {
    WakeRecord w;
    w.waker = by_timer ? kNoG : cur_g_;
    w.waker_p = p;
    w.ts_ns = now_;
    w.woken = g;
    w.slices_before = slices_.size();
    // Inside a burst instructions_ may already count the instruction making the wake, so the wake would exist at
    // its own stamp; the burst's start (as a BusRecord's) is always before it. Between bursts (a timer run by
    // schedule()) instructions_ is the position the next instruction starts from.
    w.instr = burst_.left != 0 ? burst_.instr : instructions_;
    wakes_.push_back(w);
  }
}

void Vm::park(std::string_view reason) {
  sched_.park(cur_p_, reason);
  switch_ = true;
}

void Vm::finish_program(int code) {
  race_finish(code);
  exited_ = true;
  exit_code_ = code;
  switch_ = true;
}

// [SECTION] State hash

std::uint64_t Vm::state_hash() const {
  Hasher h;
  h.add(static_cast<std::uint64_t>(now_));
  h.add(instructions_);
  h.add(exited_ ? 1 : 0);
  h.add(static_cast<std::uint64_t>(exit_code_));
  h.add(mem_.hash());
  if (gc_.cycles != 0 || gc_.phase != GcPhase::Off) {  // (a program that never collected hashes as before)
    h.add(gc_.cycles);
    h.add(static_cast<std::uint64_t>(gc_.phase));
    h.add(gc_work_.size());
    h.add(gc_.finalizers.size() + gc_.queue.size());
  }
  for (const PendingSyscall& s : syscalls_) {
    h.add(static_cast<std::uint64_t>(s.g));
    h.add(static_cast<std::uint64_t>(s.done_ns));
    if (s.retake_extra != 0) h.add(static_cast<std::uint64_t>(s.retake_extra));
    h.add(s.retaken ? 1 : 0);
  }
  h.add(static_cast<std::uint64_t>(burst_.core + 1));
  h.add(burst_.left);
  for (const CoreRun& c : cores_) {
    h.add(static_cast<std::uint64_t>(c.thread + 1));
    h.add(static_cast<std::uint64_t>(c.clock));
    h.add(static_cast<std::uint64_t>(c.slice_start));
    if (c.slice_extra != 0) h.add(static_cast<std::uint64_t>(c.slice_extra));  // (0 hashes as it did before jitter)
    h.add(static_cast<std::uint64_t>(c.spin_until));
  }
  h.add(mem_.literals());
  for (const GState& g : gs_) {
    h.words(g.stack);
    h.add((g.goexit ? 1 : 0) | (g.exiting ? 2 : 0));
    h.add(g.frames.size());
    for (const Frame& f : g.frames) {
      h.add(f.func);
      h.add(f.pc);
      h.add(f.base);
      h.add(f.ret);
      h.add(static_cast<std::uint64_t>(f.kind));
    }
    for (const DeferRecord& d : g.defers) {
      h.add(d.closure);
      h.add(d.frame);
      h.add(d.started ? 1 : 0);
    }
    h.words(g.defer_args);
    for (const PanicRecord& pr : g.panics) {
      h.add(pr.type);
      h.add(pr.data);
      h.add(pr.recovered * 2 + pr.aborted);
    }
    h.add(static_cast<std::uint64_t>(g.wait.kind));
  }
  for (int i = 0; i < sched_.gomaxprocs(); ++i) {
    const Processor& p = sched_.p(i);
    h.add(static_cast<std::uint64_t>(p.status));
    h.add(static_cast<std::uint64_t>(p.current));
    h.add(p.schedtick);
    h.add(p.runnext_slept ? 1 : 0);
    h.add(static_cast<std::uint64_t>(p.runq.runnext()));
    h.words(p.runq.entries());
  }
  for (GId g : sched_.global_queue().entries()) h.add(static_cast<std::uint64_t>(g));
  for (const Goroutine& g : sched_.goroutines()) {
    h.add(static_cast<std::uint64_t>(g.status));
    h.add(g.wait_reason);
  }
  for (const gb::Channel& c : chans_) {
    h.add(c.len());
    h.add(c.sendx());
    h.add(c.recvx());
    h.add(c.closed() ? 1 : 0);
    for (const auto& s : c.sendq()) h.add(static_cast<std::uint64_t>(s.g));
    for (const auto& s : c.recvq()) h.add(static_cast<std::uint64_t>(s.g));
  }
  for (const GoMap& m : maps_.maps) {
    h.add(m.live);
    for (const MapEntry& e : m.entries) h.add(e.addr * 2 + e.live);
  }
  for (const Timer& t : timers_.slots()) {
    h.add(static_cast<std::uint64_t>(t.when));
    h.add(t.active ? 1 : 0);
    h.add(static_cast<std::uint64_t>(t.heap));
  }
  for (const auto& [addr, q] : sema_) {
    h.add(addr);
    h.words(q);
  }
  h.add(out_);
  h.add(err_);
  return h.h;
}

// [SECTION] NativeHost services

Word* Vm::frame() { return native_frames_[native_depth_ - 1].data(); }

Word Vm::load(Word address) {
  if (!mem_.valid(address)) throw_nil_deref();
  if (race_) race_atomic(address, true, false);
  if (!mem_.machine()) return mem_.load(address);
  note_cause(AccessKind::NativeLoad, cur_native_);
  const Word v = mem_.load(address);
  note_atomic_access(address, v, false);
  return v;
}

Word Vm::load_exclusive(Word address) {
  if (!mem_.valid(address)) throw_nil_deref();
  if (race_) race_atomic(address, true, true);
  if (!mem_.machine()) return mem_.load_exclusive(address);
  note_cause(AccessKind::NativeRmw, cur_native_);
  const Word v = mem_.load_exclusive(address);
  note_atomic_access(address, v, false);
  return v;
}

void Vm::store(Word address, Word value) {
  if (!mem_.valid(address)) throw_nil_deref();
  if (race_) race_atomic(address, false, false);
  if (mem_.machine()) {
    note_cause(mem_.completes_locked(address) ? AccessKind::NativeRmw : AccessKind::NativeStore, cur_native_);
    note_atomic_access(address, value, true);
  }
  mem_.store(address, value);
}

void Vm::user_frame(const GState& g, std::size_t below, std::uint32_t& func, std::uint32_t& pc) const {
  const std::vector<std::uint8_t>& user = *user_funcs_;
  for (std::size_t i = std::min(below, g.frames.size()); i-- > 0;) {
    const Frame& f = g.frames[i];
    if (f.func < user.size() && user[f.func] != 0) {
      func = f.func;
      pc = f.pc > 0 ? f.pc - 1 : 0;  // a caller's pc is the instruction after its call
      return;
    }
  }
}

void Vm::note_cause(AccessKind kind, std::uint32_t detail) {
  AccessCause c;
  c.kind = kind;
  c.detail = detail;
  c.g = mem_.origin_g();
  if (c.g != kNoG && static_cast<std::size_t>(c.g) < gs_.size()) {
    const GState& g = gs_[static_cast<std::size_t>(c.g)];
    // The innermost bytecode frame (a native's own frame has no code), then package main's below it.
    for (std::size_t i = g.frames.size(); i-- > 0;) {
      const Frame& f = g.frames[i];
      if (prog_->functions[f.func].native >= 0) continue;
      c.func = f.func;
      c.pc = f.pc > 0 ? f.pc - 1 : 0;  // a frame's pc is its next instruction
      if (f.func >= user_funcs_->size() || (*user_funcs_)[f.func] == 0) user_frame(g, i, c.user_func, c.user_pc);
      break;
    }
  }
  mem_.set_cause(c);
}

Word Vm::allocate(std::uint32_t words) { return new_words(words); }

Word Vm::allocate_typed(TypeId elem, std::uint64_t count) { return new_typed(elem, count); }

std::uint64_t Vm::append_capacity(TypeId elem, std::uint64_t old_cap, std::uint64_t need) {
  return need <= old_cap ? old_cap : grow_cap(old_cap, need, go_size(elem));
}

Word Vm::make_map(TypeId map_type) {
  const TypeTable& tt = prog_->types;
  const Type& mt = tt[tt.underlying(map_type)];
  return maps_.make(mt.key, mt.elem, tt.words(mt.key), tt.words(mt.elem));
}

void Vm::map_store(Word m, const Word* key, const Word* value) { map_set(m, key, value); }

std::string_view Vm::string_bytes(const Word* value) { return mem_.string_view(value[0], value[1]); }

void Vm::make_string(std::string_view bytes, Word* out) { make_string_value(bytes, out); }

void Vm::make_string_value(std::string_view bytes, Word* out) {
  out[1] = bytes.size();
  if (bytes.empty()) {
    out[0] = 0;
    return;
  }
  // Go's size for the pacer: its tiny allocator packs strings under 16 bytes into shared 16-byte blocks.
  const std::uint64_t go_bytes = bytes.size() < 16 ? bytes.size() : roundupsize(bytes.size());
  const Word p = mem_.new_string(bytes, go_bytes);
  if (p == 0) fatal_error("runtime: out of memory", cur_g_);
  note_allocation(Memory::object_word(p), (bytes.size() + 7) / 8, go_bytes);
  out[0] = p;
}

std::vector<std::pair<std::vector<Word>, std::vector<Word>>> Vm::map_entries(Word m) {
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> out;
  if (m == 0 || (m & kChanTag) != 0) return out;
  const GoMap& gm = maps_.at(m);
  for (const MapEntry& e : gm.entries) {
    if (!e.live) continue;
    std::vector<Word> k(gm.key_words), v(gm.value_words);
    mem_.load_n(e.addr, k.data(), gm.key_words);
    mem_.load_n(e.addr + gm.key_words, v.data(), gm.value_words);
    out.emplace_back(std::move(k), std::move(v));
  }
  return out;
}

std::vector<std::pair<std::vector<Word>, std::vector<Word>>> Vm::peek_map_entries(Word m) const {
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> out;
  if (m == 0 || (m & kChanTag) != 0 || m - 1 >= maps_.maps.size()) return out;
  const GoMap& gm = maps_.maps[static_cast<std::size_t>(m - 1)];
  for (const MapEntry& e : gm.entries) {
    if (!e.live) continue;
    std::vector<Word> k(gm.key_words), v(gm.value_words);
    for (std::uint32_t i = 0; i < gm.key_words; ++i) k[i] = mem_.peek(e.addr + i);
    for (std::uint32_t i = 0; i < gm.value_words; ++i) v[i] = mem_.peek(e.addr + gm.key_words + i);
    out.emplace_back(std::move(k), std::move(v));
  }
  return out;
}

std::int64_t Vm::map_len(Word m) {
  if (m == 0) return 0;
  if ((m & kChanTag) != 0) return chan(m).len();
  return static_cast<std::int64_t>(maps_.at(m).live);
}

std::optional<std::string> Vm::call_string_method(TypeId type, const Word* value, std::string_view name) {
  const std::size_t panics_before = gs_[static_cast<std::size_t>(cur_g_)].panics.size();
  if (type != kNoType && prog_->types.kind(type) == Kind::Pointer && value[0] == 0) {
    // A value-receiver method through a nil pointer: the call's dereference panics before the method runs.
    bool pointer_receiver = false;
    if (find_method(type, name, pointer_receiver) >= 0 && !pointer_receiver) {
      try {
        throw_nil_deref();
      } catch (const GoPanic& e) {
        throw MethodPanic{e.type, e.data};
      }
    }
  }
  try {
    return run_string_method(type, value, name);
  } catch (const NestedEscape&) {
    // The method's panic went past its frames (their deferred calls ran): fmt's deferred catchPanic recovers it.
    // recover() returns the latest panic; it and the ones it aborted are done, as in after_panic_defer.
    GState& g = gs_[static_cast<std::size_t>(cur_g_)];
    if (g.panics.size() <= panics_before) throw;
    const PanicRecord top = g.panics.back();
    g.panics.resize(panics_before);
    if (g.panics.empty()) g.sig = false;
    throw MethodPanic{top.type, top.data};
  } catch (const GoPanic& e) {  // a native method panicked: no frames, no record yet
    throw MethodPanic{e.type, e.data};
  }
}

void Vm::panic_value(Word type, Word data) { throw GoPanic{type, data, false}; }

void Vm::write_stdout(std::string_view bytes) {
  output_bytes_ += bytes.size();
  if (opts_.output) opts_.output(false, bytes);
  else out_.append(bytes);
}

void Vm::write_stderr(std::string_view bytes) {
  output_bytes_ += bytes.size();
  if (opts_.output) opts_.output(true, bytes);
  else err_.append(bytes);
}

void Vm::panic_error(std::string message, bool runtime_error) {
  constexpr std::string_view kPrefix = "runtime error: ";
  if (runtime_error) {
    std::string_view m = message;
    if (m.substr(0, kPrefix.size()) == kPrefix) m.remove_prefix(kPrefix.size());
    throw_runtime_error(m);
  }
  throw_plain_error(message);
}

void Vm::panic_string(std::string message) {
  Word s[2];
  make_string_value(message, s);
  Word iface[2];
  box(kString, s, iface);
  throw GoPanic{iface[0], iface[1], false};
}

void Vm::fatal(std::string message) { fatal_error(message, cur_g_); }

}  // namespace gb::vm
