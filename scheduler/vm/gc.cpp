// The garbage collector: mark and sweep over the span heap (heap_spans.h), paced by GOGC as mgc.go paces its
// cycles, with runtime.SetFinalizer's finalizers run by the finalizer goroutine (mfinal.go's runfinq).
//
// A cycle: when the heap reaches the trigger, sweep termination stops the world at an instruction boundary, greys
// the roots and turns the write barrier on; the world runs while background mark workers (goroutines running
// runtime.gcBgMarkWorker, a quarter of the Ps) and mark assists (allocating goroutines) scan grey objects;
// when none is left, mark termination stops the world again, rescans the roots (as Go 1.5's collector did, rather
// than the hybrid barrier's no-rescan), sweeps every span at once and sets the next goal. runtime.GC runs a
// whole cycle with the world stopped. The pauses are the model's figures (a fixed cost and a few ns per word
// scanned and object freed) and take simulated time: no goroutine runs on any core meanwhile. Marking is
// conservative: words carry no type, so any word of a root or of a scanned object that points into an allocated
// object keeps it (an integer that happens to look like an address can retain a dead object; it never frees a
// live one). Objects whose type has no pointers are not scanned (Go's noscan spans). A string's bytes are a noscan
// object, and its pointer word is tagged (Memory::kStringTag): the marker maps it to the object's word. Maps and
// channels are tables of the VM, not heap objects: a map's entries are roots for as long as the map exists.
#include <algorithm>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

// The modelled stop-the-world pause: a fixed cost plus the marking and sweeping work (a few ns per word marked
// and per object freed), for MemStats's pause figures.
constexpr std::uint64_t kPauseBaseNs = 20'000;
constexpr std::uint64_t kPauseNsPerWord = 1;
constexpr std::uint64_t kPauseNsPerFree = 5;
// Words a background worker scans per call of its loop (about as long as the call's few instructions take).
constexpr std::uint64_t kWorkerChunkWords = 32;
constexpr std::string_view kGcWorkerIdle = wait_reason::kGcWorkerIdle;

}  // namespace

bool Vm::pointer_free(TypeId t) {
  if (t == kNoType) return false;
  if (noscan_.size() <= t) noscan_.resize(std::size_t{t} + 1, -1);
  if (noscan_[t] >= 0) return noscan_[t] != 0;
  const TypeTable& tt = prog_->types;
  const Type& u = tt[tt.underlying(t)];
  bool free = true;
  switch (u.kind) {
    case Kind::Pointer: case Kind::Slice: case Kind::Interface: case Kind::Func: case Kind::UnsafePointer:
    case Kind::String: case Kind::Invalid: case Kind::Named: case Kind::Tuple:
      free = false;
      break;
    case Kind::Array:
      noscan_[t] = 0;  // a recursive type through an array cannot exist, but be safe while computing
      free = u.length == 0 || pointer_free(u.elem);
      break;
    case Kind::Struct:
      noscan_[t] = 0;
      for (const StructField& f : u.fields) free = free && pointer_free(f.type);
      break;
    default:  // numbers, bools, maps and channels (handles)
      break;
  }
  noscan_[t] = free ? 1 : 0;
  return free;
}

void Vm::note_allocation(Word a, std::uint64_t words, std::uint64_t bytes) {
  if (a == 0 || a == mem_.zero_base()) return;
  ++gc_.mallocs;
  gc_.total_alloc += bytes;
  gc_.sys_high = std::max<std::uint64_t>(gc_.sys_high, mem_.heap().span_words() * 8);
  if (gc_.phase == GcPhase::Mark) {
    // Allocated black during the mark phase, and a mark assist: the allocating goroutine scans as many words as
    // it allocated (gcAssistAlloc, at an assist ratio of 1). Marking never frees, so it is safe mid-instruction.
    if (const auto o = mem_.heap().find(a)) mem_.heap().mark(o->ref);
    const std::uint64_t before = gc_.cycle_scan;
    const bool more = gc_mark_work(words);
    gc_.assist_words += gc_.cycle_scan - before;
    if (!more) gc_.pending = true;  // mark termination at the next instruction boundary
    return;
  }
  if (gc_.percent >= 0 && mem_.heap().live_bytes() >= gc_.trigger) gc_.pending = true;
}

void Vm::mark_word(Word w) {
  const auto o = mem_.heap().find(Memory::object_word(w));  // a heap string's pointer keeps its bytes' object
  if (!o || !mem_.heap().mark(o->ref) || mem_.heap().noscan(o->ref)) return;
  gc_work_.push_back(*o);
}

void Vm::mark_words(const Word* w, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) mark_word(w[i]);
}

void Vm::mark_roots() {
  // Package variables.
  for (Word a = 1; a < mem_.zero_base(); ++a) mark_word(mem_.peek(a));
  // Goroutines: their frames, deferred calls, panics and what a parked one holds.
  for (const GState& g : gs_) {
    mark_words(g.stack.data(), g.stack.size());
    mark_words(g.defer_args.data(), g.defer_args.size());
    for (const Frame& f : g.frames) mark_word(f.closure);
    for (const DeferRecord& d : g.defers) mark_word(d.closure);
    for (const PanicRecord& p : g.panics) mark_word(p.data);
    mark_words(g.wait.value.data(), g.wait.value.size());
    mark_word(g.wait.sema);
  }
  // Channels' buffers and waiting senders' values; on the machine, their hchans.
  for (const gb::Channel& c : chans_) c.visit_words([this](Word w) { mark_word(w); });
  for (const ChanMemory& m : chan_mem_) {
    mark_word(m.hchan);
    mark_word(m.buf);
  }
  // Maps' entries (key and value words live in the heap).
  for (const GoMap& m : maps_.maps)
    for (const MapEntry& e : m.entries)
      if (e.live) mark_word(e.addr);
  // Timers' funcs, the per-function closures, and the natives in progress.
  for (const Timer& t : timers_.slots()) mark_word(t.func);
  mark_words(func_closures_.data(), func_closures_.size());
  for (std::uint32_t i = 0; i < native_depth_ && i < native_frames_.size(); ++i)
    mark_words(native_frames_[i].data(), native_frames_[i].size());
  mark_words(nested_result_.data(), nested_result_.size());
  mark_words(gc_.barrier_buffers.data(), gc_.barrier_buffers.size());
  // Finalizers due to run: their funcs and objects.
  for (const Finalizer& f : gc_.queue) {
    mark_word(f.closure);
    mark_word(f.object);
  }
}

void Vm::set_gc_goal() {
  if (gc_.percent < 0) {
    gc_.goal = gc_.trigger = UINT64_MAX;
    return;
  }
  const std::uint64_t live = mem_.heap().live_bytes();
  const auto percent = static_cast<std::uint64_t>(gc_.percent);
  gc_.goal = std::max(live + live * percent / 100, GcState::kHeapMinimum * percent / 100);
  gc_.trigger = live + (gc_.goal - live) * 7 / 8;
}

std::uint64_t Vm::scan_grey(std::uint64_t budget, bool through_cache) {
  std::vector<Word>& shaded = mem_.shaded();
  for (const Word w : shaded) mark_word(w);
  shaded.clear();
  std::uint64_t done = 0;
  while (!gc_work_.empty() && done < budget) {
    HeapSpans::Object& o = gc_work_.back();
    const std::uint64_t n = std::min(o.words, budget - done);
    const Word base = o.base;
    if (n == o.words) gc_work_.pop_back();
    else {
      o.base += n;
      o.words -= n;
    }
    for (std::uint64_t i = 0; i < n; ++i) mark_word(through_cache ? mem_.load(base + i) : mem_.peek(base + i));
    done += n;
  }
  return done;
}

bool Vm::gc_mark_work(std::uint64_t budget) {
  // On the machine the marker reads through the running core's cache (scanobject's loads), so marking costs bus
  // traffic like any other work; flat mode reads the words directly.
  gc_.cycle_scan += scan_grey(budget, mem_.machine());
  return !gc_work_.empty() || !mem_.shaded().empty();
}

void Vm::open_cycle() {
  gc_.phase = GcPhase::Mark;
  gc_.cycle_scan = 0;
  gc_work_.clear();
}

void Vm::stop_the_world(GcEvent::Kind kind, bool forced, std::uint64_t pause_ns) {
  if (recording()) {
    GcEvent e;
    e.kind = kind;
    e.ns = now_;
    e.cycle = gc_.cycles;
    e.g = cur_g_;
    e.forced = forced;
    e.instr = instructions_;
    e.pause_ns = pause_ns;
    gc_events_.push_back(e);
  }
  // The pause takes time: this core's clock moves past it (the goroutine that stopped the world does the work,
  // as the M that calls stopTheWorld does), and no other core runs a goroutine before it ends.
  now_ += static_cast<std::int64_t>(pause_ns);
  for (CoreRun& core : cores_) core.clock = std::max(core.clock, now_);
}

void Vm::gc_start() {
  // Sweep termination, the world stopped: there is nothing left to sweep (each cycle sweeps as it ends); the
  // roots are greyed and the write barrier turned on, then the world runs while the workers mark.
  if (mem_.machine() && gc_.barrier_buffers.empty())
    for (std::size_t c = 0; c < cores_.size(); ++c) {  // noscan: what they held was shaded when it was stored
      const Word b = mem_.allocate(Memory::kBarrierBufferWords, nullptr, 0, 8, 8, true);
      if (b == 0) fatal_error("runtime: out of memory", cur_g_);
      note_allocation(b, Memory::kBarrierBufferWords, Memory::kBarrierBufferWords * 8);
      gc_.barrier_buffers.push_back(b);
    }
  // Allocated before the cycle opens: counted in the mark phase, their allocation would have found no grey work
  // and ended the cycle at the next instruction, and past the trigger it asks for this cycle again.
  gc_.pending = false;
  open_cycle();
  mem_.set_write_barrier(true, gc_.barrier_buffers);
  mark_roots();
  gc_.cycle_pause_ns = kPauseBaseNs / 2 + gc_work_.size() * kPauseNsPerWord;
  stop_the_world(GcEvent::Kind::Start, false, gc_.cycle_pause_ns);
  // stopTheWorld preempted every other P's goroutine (gopreempt_m: to the global queue, its core's stores
  // drained by the runtime's locked instructions); started again, each P runs schedule(), where its dedicated
  // worker comes first (findRunnableGCWorker). The goroutine that started the cycle goes on (gcStart returns to
  // it in background mode), so its own P takes a worker last; there an idle P's M, woken, may steal it.
  const int procs = sched_.gomaxprocs();
  const int p = std::max(cur_p_, 0);
  std::vector<int> order;
  for (int q = 0; q < procs; ++q) {
    if (q == p) continue;
    const GId running = sched_.p(q).current;
    if (running == kNoG || sched_.g(running).status != GStatus::Running) continue;
    sched_.gosched(q);
    for (std::size_t c = 0; c < cores_.size(); ++c)
      if (cores_[c].thread >= 0 && sched_.m(cores_[c].thread).p == q)
        mem_.drain_store_buffer(static_cast<int>(c), INT64_MAX);
    order.push_back(q);
  }
  order.push_back(p);
  // gcBgMarkStartWorkers: the worker goroutines are made the first time (by this goroutine, so their ids come
  // from its P's cache); a quarter of the Ps mark (dedicated workers), or, under 2 Ps, one that shares its P
  // (fractional).
  const int dedicated = static_cast<int>(procs * 0.25 + 0.5);
  gc_.fractional = dedicated == 0;
  const auto wanted = static_cast<std::size_t>(std::max(dedicated, 1));
  for (std::size_t i = 0; i < wanted; ++i) {
    const int target = order[i % order.size()];
    if (i < gc_.workers.size()) {
      const GId id = gc_.workers[i];
      if (sched_.g(id).status == GStatus::Waiting) ready_g(id, target, false);
      continue;
    }
    const GId id = sched_.go_to(p, target);
    gs_.resize(std::max(gs_.size(), static_cast<std::size_t>(id) + 1));
    GState& w = gs_[static_cast<std::size_t>(id)];
    w.system = true;
    ++system_goroutines_;
    push_frame(w, static_cast<std::uint32_t>(gc_worker_func_), nullptr, 0, kNoSlot, 0, FrameKind::Normal);
    gc_.workers.push_back(id);
  }
}

void Vm::gc_mark_termination(bool forced) {
  // The world stopped: the roots are scanned again (stacks and tables changed while the world ran; heap stores
  // were caught by the barrier), and everything grey is drained.
  mark_roots();
  std::uint64_t scanned = scan_grey(UINT64_MAX, false);
  // Objects with finalizers: what they reach stays, and their funcs, but not the objects themselves (mgc.go's
  // markrootSpans); those left unmarked are due, and are kept until their finalizers have run.
  for (const Finalizer& f : gc_.finalizers) {
    mark_word(f.closure);
    if (const auto o = mem_.heap().find(f.object))
      for (std::uint64_t i = 0; i < o->words; ++i) mark_word(mem_.peek(o->base + i));
  }
  scanned += scan_grey(UINT64_MAX, false);
  std::size_t kept = 0;
  for (const Finalizer& f : gc_.finalizers) {
    const auto o = mem_.heap().find(f.object);
    if (o && mem_.heap().marked(o->ref)) {
      gc_.finalizers[kept++] = f;
      continue;
    }
    gc_.queue.push_back(f);
    if (o) mem_.heap().mark(o->ref);
  }
  gc_.finalizers.resize(kept);
  mem_.set_write_barrier(false);
  gc_.phase = GcPhase::Off;
  const auto freed = mem_.sweep();
  gc_.frees += freed.first;
  set_gc_goal();

  const std::uint64_t pause = kPauseBaseNs / 2 + scanned * kPauseNsPerWord + freed.first * kPauseNsPerFree;
  stop_the_world(GcEvent::Kind::Termination, forced, pause);
  const std::uint64_t total = gc_.cycle_pause_ns + pause;
  gc_.pause_ns[gc_.cycles % gc_.pause_ns.size()] = total;
  gc_.pause_end[gc_.cycles % gc_.pause_end.size()] = static_cast<std::uint64_t>(kClockEpochUnixNs + now_);
  gc_.pause_total_ns += total;
  gc_.last_ns = static_cast<std::uint64_t>(kClockEpochUnixNs + now_);
  gc_.cycle_pause_ns = 0;
  ++gc_.cycles;
  if (forced) ++gc_.forced;
  if (!gc_.queue.empty()) wake_finalizers();
}

void Vm::collect(bool forced) {
  if (gc_.phase == GcPhase::Off) {  // a whole cycle at once: no concurrent phase, so no barrier either
    open_cycle();
    gc_.cycle_pause_ns = kPauseBaseNs / 2;
    stop_the_world(GcEvent::Kind::Start, forced, gc_.cycle_pause_ns);
  }
  gc_mark_termination(forced);
}

void Vm::collect_at_safe_point() {
  if (native_depth_ != 0 || !barriers_.empty()) return;  // a native's C++ state may hold pointers: later
  const bool forced = gc_.forced_request;
  gc_.forced_request = false;
  gc_.pending = false;
  if (gc_.phase == GcPhase::Mark) {  // the assists ran out of grey objects: mark termination
    gc_mark_termination(false);
    if (forced) collect(true);
    return;
  }
  if (forced || gc_worker_func_ < 0) {
    collect(forced);
    return;
  }
  gc_start();
}

void Vm::gc_worker_step() {
  if (gc_.phase != GcPhase::Mark) {
    park(kGcWorkerIdle);
    return;
  }
  const std::uint64_t before = gc_.cycle_scan;
  const bool more = gc_mark_work(kWorkerChunkWords);
  gc_.worker_words += gc_.cycle_scan - before;
  if (more) {
    if (gc_.fractional) {  // share the P: back to the global queue after each chunk
      sched_.gosched(cur_p_);
      switch_ = true;
    }
    return;
  }
  // No grey object left (gcMarkDone): mark termination, here, where every other goroutine is between
  // instructions and this worker's own frame holds nothing.
  gc_mark_termination(false);
  park(kGcWorkerIdle);
}

// [SECTION] Finalizers

void Vm::set_finalizer(const Word* f) {
  const TypeTable& t = prog_->types;
  const auto obj_type = static_cast<TypeId>(f[0]);
  const Word obj = f[1];
  if (obj_type == kNoType) fatal_error("runtime.SetFinalizer: first argument is nil", cur_g_);
  if (t.underlying_kind(obj_type) != Kind::Pointer)
    fatal_error("runtime.SetFinalizer: first argument is " + t.to_string(obj_type) + ", not pointer", cur_g_);
  const auto o = mem_.heap().find(obj);
  if (!o) {
    if (obj == mem_.zero_base() || (obj != 0 && obj < mem_.zero_base())) return;  // zerobase, package variables
    fatal_error("runtime.SetFinalizer: pointer not in allocated block", cur_g_);
  }
  if (o->base != obj) fatal_error("runtime.SetFinalizer: pointer not at beginning of allocated block", cur_g_);
  const auto fn_type = static_cast<TypeId>(f[2]);
  if (fn_type == kNoType) {  // nil finalizer: remove it
    std::erase_if(gc_.finalizers, [obj](const Finalizer& x) { return x.object == obj; });
    return;
  }
  const Type& ft = t[t.underlying(fn_type)];
  const std::string cannot = "runtime.SetFinalizer: cannot pass " + t.to_string(obj_type) + " to finalizer " +
                             t.to_string(fn_type);
  if (ft.kind != Kind::Func)
    fatal_error("runtime.SetFinalizer: second argument is " + t.to_string(fn_type) + ", not a function", cur_g_);
  if (ft.variadic) fatal_error(cannot + " because dotdotdot", cur_g_);
  if (ft.params.size() != 1) fatal_error(cannot, cur_g_);
  const TypeId arg = ft.params[0];
  const bool iface = t.underlying_kind(arg) == Kind::Interface;
  const bool ok = arg == obj_type ||
                  (t.underlying_kind(arg) == Kind::Pointer && t[t.underlying(arg)].elem == t[t.underlying(obj_type)].elem &&
                   (t[arg].kind != Kind::Named || t[obj_type].kind != Kind::Named)) ||
                  (iface && t[t.underlying(arg)].methods.empty());
  if (!ok) fatal_error(cannot, cur_g_);
  for (const Finalizer& x : gc_.finalizers)
    if (x.object == obj) fatal_error("runtime.SetFinalizer: finalizer already set", cur_g_);
  gc_.finalizers.push_back(Finalizer{obj, obj_type, f[3], iface});
  if (gc_.fing == kNoG) {  // createfing: `go runfinq()` the first time a finalizer is set
    const GId id = sched_.go(cur_p_);
    gs_.resize(std::max(gs_.size(), static_cast<std::size_t>(id) + 1));
    gs_[static_cast<std::size_t>(id)].system = true;
    ++system_goroutines_;
    gc_.fing = id;
  }
}

void Vm::wake_finalizers() {
  if (gc_.fing == kNoG) return;
  const Goroutine& fing = sched_.g(gc_.fing);
  if (fing.status == GStatus::Waiting && gs_[static_cast<std::size_t>(gc_.fing)].frames.empty())
    ready_g(gc_.fing, std::max(cur_p_, 0), false);
}

bool Vm::start_finalizer(GState& g) {
  if (gc_.queue.empty()) return false;
  const Finalizer fin = gc_.queue.front();
  gc_.queue.erase(gc_.queue.begin());
  Word args[2] = {fin.object, 0};
  std::uint32_t n = 1;
  if (fin.iface_arg) {
    args[0] = fin.object_type;
    args[1] = fin.object;
    n = 2;
  }
  push_frame(g, closure_function(fin.closure), args, n, kNoSlot, fin.closure, FrameKind::Normal);
  return true;
}

// [SECTION] runtime.ReadMemStats

void Vm::mem_stats(Word* f) {
  // func readMemStats(m *MemStats): each figure stored in the field of that name (the struct is Go's, in the
  // library's runtime.go), so the store goes through the caches as the real one's writes do.
  const Word m = f[0];
  if (mem_stats_ == kNoType || !mem_.valid_range(m, prog_->types.words(mem_stats_))) throw_nil_deref();
  const TypeTable& t = prog_->types;
  const HeapSpans& h = mem_.heap();
  const std::uint64_t alloc = h.live_bytes();
  const std::uint64_t inuse = h.span_words() * 8;
  const std::uint64_t sys = std::max(gc_.sys_high, inuse);
  auto set = [&](std::string_view name, Word value, std::uint32_t index = 0) {
    Word offset = 0;
    for (const StructField& field : t[t.underlying(mem_stats_)].fields) {
      if (field.name == name) {
        mem_.store(m + offset + index, value);
        return;
      }
      offset += t.words(field.type);
    }
  };
  set("Alloc", alloc);
  set("TotalAlloc", gc_.total_alloc);
  set("Sys", sys);
  set("Mallocs", gc_.mallocs);
  set("Frees", gc_.frees);
  set("HeapAlloc", alloc);
  set("HeapSys", sys);
  set("HeapIdle", sys - inuse);
  set("HeapInuse", inuse);
  set("HeapObjects", h.live_objects());
  set("NextGC", gc_.goal == UINT64_MAX ? 0 : gc_.goal);
  set("LastGC", gc_.last_ns);
  set("PauseTotalNs", gc_.pause_total_ns);
  for (std::uint32_t i = 0; i < 256; ++i) {
    set("PauseNs", gc_.pause_ns[i], i);
    set("PauseEnd", gc_.pause_end[i], i);
  }
  set("NumGC", gc_.cycles);
  set("NumForcedGC", gc_.forced);
  set("EnableGC", 1);
}

}  // namespace gb::vm
