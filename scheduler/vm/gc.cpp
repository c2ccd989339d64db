// The garbage collector: mark and sweep over the span heap (heap_spans.h), paced by GOGC as mgc.go paces its
// cycles, with runtime.SetFinalizer's finalizers run by the finalizer goroutine (mfinal.go's runfinq).
//
// This is the first of two steps. Here a cycle stops the world at an instruction boundary, marks from the roots
// and sweeps at once; the concurrent mark with GC workers, assists and a write barrier comes next. Marking is
// conservative: words carry no type, so any word of a root or of a scanned object that points into an allocated
// object keeps it (an integer that happens to look like an address can retain a dead object; it never frees a
// live one). Objects whose type has no pointers are not scanned (Go's noscan spans). Maps and channels are tables
// of the VM, not heap objects: a map's entries are roots for as long as the map exists.
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
    case Kind::Invalid: case Kind::Named: case Kind::Tuple:
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
    default:  // numbers, bools, strings (their bytes are in the byte arena), maps and channels (handles)
      break;
  }
  noscan_[t] = free ? 1 : 0;
  return free;
}

void Vm::note_allocation(Word a, std::uint64_t words) {
  if (a == 0 || a == mem_.zero_base()) return;
  const std::uint64_t bytes = mem_.heap().size_class_words(words) * 8;
  ++gc_.mallocs;
  gc_.total_alloc += bytes;
  gc_.sys_high = std::max<std::uint64_t>(gc_.sys_high, mem_.heap().span_words() * 8);
  if (gc_.percent >= 0 && mem_.heap().live_words() * 8 >= gc_.goal) gc_.pending = true;
}

void Vm::mark_word(Word w) {
  const auto o = mem_.heap().find(w);
  if (!o || !mem_.heap().mark(o->ref) || mem_.heap().noscan(o->ref)) return;
  gc_work_.push_back(*o);
}

void Vm::mark_words(const Word* w, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) mark_word(w[i]);
}

std::uint64_t Vm::drain_marks() {
  std::uint64_t scanned = 0;
  while (!gc_work_.empty()) {
    const HeapSpans::Object o = gc_work_.back();
    gc_work_.pop_back();
    for (std::uint64_t i = 0; i < o.words; ++i) mark_word(mem_.peek(o.base + i));
    scanned += o.words;
  }
  return scanned;
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
  // Finalizers due to run: their funcs and objects.
  for (const Finalizer& f : gc_.queue) {
    mark_word(f.closure);
    mark_word(f.object);
  }
}

void Vm::collect(bool forced) {
  gc_.pending = false;
  gc_work_.clear();
  mark_roots();
  std::uint64_t scanned = drain_marks();
  // Objects with finalizers: what they reach stays, and their funcs, but not the objects themselves (mgc.go's
  // markrootSpans); those left unmarked are due, and are kept until their finalizers have run.
  for (const Finalizer& f : gc_.finalizers) {
    mark_word(f.closure);
    if (const auto o = mem_.heap().find(f.object))
      for (std::uint64_t i = 0; i < o->words; ++i) mark_word(mem_.peek(o->base + i));
  }
  scanned += drain_marks();
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
  const auto [objects, words] = mem_.sweep();
  gc_.frees += objects;

  const std::uint64_t live = mem_.heap().live_words() * 8;
  const std::uint64_t minimum = gc_.percent < 0 ? 0 : GcState::kHeapMinimum * static_cast<std::uint64_t>(gc_.percent) / 100;
  gc_.goal = gc_.percent < 0 ? UINT64_MAX
                             : std::max(live + live * static_cast<std::uint64_t>(gc_.percent) / 100, minimum);
  const std::uint64_t pause = kPauseBaseNs + scanned * kPauseNsPerWord + objects * kPauseNsPerFree;
  gc_.pause_ns[gc_.cycles % gc_.pause_ns.size()] = pause;
  gc_.pause_end[gc_.cycles % gc_.pause_end.size()] = static_cast<std::uint64_t>(kClockEpochUnixNs + now_);
  gc_.pause_total_ns += pause;
  gc_.last_ns = static_cast<std::uint64_t>(kClockEpochUnixNs + now_);
  ++gc_.cycles;
  if (forced) ++gc_.forced;
  (void)words;
  if (!gc_.queue.empty()) wake_finalizers();
}

void Vm::collect_at_safe_point() {
  if (native_depth_ != 0 || !barriers_.empty()) return;  // a native's C++ state may hold pointers: later
  collect(gc_.forced_request);
  gc_.forced_request = false;
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
  const std::uint64_t alloc = h.live_words() * 8;
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
