// Calls and returns on a goroutine's explicit frame stack, deferred calls run by Return, natives, and nested
// dispatch of String/Error methods for natives (call_string_method).
#include <algorithm>
#include <cstring>
#include <functional>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {
// Go's limit is 1e9 bytes of stack (maxstacksize); ours counts each word as 8 bytes, so a goroutine may hold
// 125 M words, in at most 2^21 frames (a bound of ours, for the host's memory); past that Go's "stack overflow".
constexpr std::size_t kMaxStackWords = 1'000'000'000 / sizeof(Word);
constexpr std::size_t kMaxFrames = std::size_t{1} << 21;
}  // namespace

std::uint32_t Vm::closure_function(Word closure) {
  if (!mem_.valid(closure)) throw_nil_deref();
  const Word fn = mem_.load(closure);
  if (fn >= prog_->functions.size()) fatal_error("bad closure: no such function", cur_g_);
  return static_cast<std::uint32_t>(fn);
}

void Vm::push_frame(GState& g, std::uint32_t func, const Word* args, std::uint32_t nargs, std::uint32_t ret,
                    Word closure, FrameKind kind, std::uint32_t panic) {
  const Function& fn = prog_->functions[func];
  const std::size_t size = std::max<std::size_t>(fn.frame_words, std::size_t{fn.param_words} + fn.result_words);
  const std::size_t base = g.stack.size();
  if (base + size > kMaxStackWords || g.frames.size() >= kMaxFrames) {
    // newstack's two lines; the stack bounds are those of the 512 MB stack Go could not double.
    write_stderr("runtime: goroutine stack exceeds 1000000000-byte limit\n"
                 "runtime: sp=0xc020078388 stack=[0xc020078000, 0xc040078000]\n");
    fatal_error("stack overflow", cur_g_);
  }
  // The arguments may be in this very stack, which the resize can move.
  std::ptrdiff_t offset = -1;
  std::less<const Word*> before;
  if (args != nullptr && !g.stack.empty() && !before(args, g.stack.data()) && before(args, g.stack.data() + base))
    offset = args - g.stack.data();
  g.stack.resize(base + size);
  nargs = std::min<std::uint32_t>(nargs, static_cast<std::uint32_t>(size));
  if (nargs != 0) {
    const Word* src = offset >= 0 ? g.stack.data() + offset : args;
    std::memmove(g.stack.data() + base, src, nargs * sizeof(Word));
  }
  if (closure != 0 && fn.closure_slot >= 0) g.stack[base + static_cast<std::size_t>(fn.closure_slot)] = closure;
  Frame f;
  f.func = func;
  f.base = static_cast<std::uint32_t>(base);
  f.ret = ret;
  f.closure = closure;
  f.kind = kind;
  f.panic = panic;
  g.frames.push_back(f);
  if (race_ && race_hook_[func] != 0) race_frame(g, func, g.stack[base], true);
}

Word* Vm::invoke_native(std::uint32_t native, const Word* args, std::uint32_t nargs, std::uint32_t nresults) {
  if (native >= natives_.size()) fatal_error("bad native index", cur_g_);
  const NativeBinding& b = natives_[native];
  if (native_depth_ >= native_frames_.size()) native_frames_.emplace_back();
  std::vector<Word>& buf = native_frames_[native_depth_];
  buf.assign(std::size_t{nargs} + nresults + 1, 0);
  if (nargs != 0) std::memcpy(buf.data(), args, nargs * sizeof(Word));
  if (b.own >= 0) {
    call_own_native(b.own, buf.data());
    return buf.data();
  }
  if (b.fn == nullptr) {
    std::string m = "missing native function ";
    m += prog_->natives[native].name;
    fatal_error(m, cur_g_);
  }
  ++native_depth_;
  const std::uint32_t outer_native = cur_native_;
  cur_native_ = native;
  try {
    b.fn(*this);
  } catch (...) {
    --native_depth_;
    cur_native_ = outer_native;
    throw;
  }
  --native_depth_;
  cur_native_ = outer_native;
  return native_frames_[native_depth_].data();
}

// Runs the native function of the top frame (a goroutine's entry or a deferred call), then returns from it.
void Vm::run_native_frame(GState& g) {
  Frame& f = g.frames.back();
  const Function& fn = prog_->functions[f.func];
  if (f.pc == 0) {
    f.pc = 1;
    const bool was_exiting = g.exiting;
    const Word* res = invoke_native(static_cast<std::uint32_t>(fn.native), g.stack.data() + f.base, fn.param_words,
                                    fn.result_words);
    if (switch_) return;  // parked inside (time.Sleep as a goroutine): returns when it runs again
    GState& gg = gs_[static_cast<std::size_t>(cur_g_)];
    if (gg.exiting && !was_exiting) return;  // runtime.Goexit (deferred, or a goroutine's entry) unwound the frames
    std::memcpy(gg.stack.data() + gg.frames.back().base + fn.param_words, res + fn.param_words,
                fn.result_words * sizeof(Word));
  }
  GState& gg = gs_[static_cast<std::size_t>(cur_g_)];
  gg.frames.back().force_return = true;
  frame_return(gg);
}

// The top frame returns: its pending deferred calls run first (each returns here through force_return), then
// the heap-cell results are copied into the result slots and the frame is popped.
void Vm::frame_return(GState& g) {
  for (;;) {
    const auto depth = static_cast<std::uint32_t>(g.frames.size() - 1);
    Frame& f = g.frames.back();
    f.force_return = true;
    if (!g.defers.empty() && g.defers.back().frame == depth && !g.defers.back().started) {
      start_deferred(g);
      return;
    }
    const Function& fn = prog_->functions[f.func];
    for (const Function::ResultCell& c : fn.result_cells) {
      const Word cell = g.stack[f.base + c.cell_slot];
      if (!mem_.valid_range(cell, c.words)) continue;
      mem_.load_n(cell, g.stack.data() + f.base + fn.param_words + c.result_offset, c.words);
    }
    if (!pop_frame(g)) return;
  }
}

// Pops the top frame and delivers its results. True if the new top frame is itself returning (force_return)
// and the caller should continue its return.
bool Vm::pop_frame(GState& g) {
  const Frame f = g.frames.back();
  if (race_ && race_hook_[f.func] != 0) race_frame(g, f.func, g.stack[f.base], false);
  const Function& fn = prog_->functions[f.func];
  g.frames.pop_back();
  Word* st = g.stack.data();
  switch (f.kind) {
    case FrameKind::Normal:
      if (g.frames.empty()) {
        g.stack.resize(f.base);
        goroutine_exit(g);
        return false;
      }
      if (f.ret != kNoSlot)
        std::memmove(st + g.frames.back().base + f.ret, st + f.base + fn.param_words,
                     fn.result_words * sizeof(Word));
      break;
    case FrameKind::DeferReturn:
      break;
    case FrameKind::Nested:
      nested_result_.assign(st + f.base + fn.param_words, st + f.base + fn.param_words + fn.result_words);
      g.stack.resize(f.base);
      nested_done_ = true;
      return false;
    case FrameKind::DeferPanic:
      g.stack.resize(f.base);
      after_panic_defer(g, f.panic);
      return false;
  }
  g.stack.resize(f.base);
  return !g.frames.empty() && g.frames.back().force_return;
}

void Vm::goexit(GState& g) {
  g.exiting = true;
  // Goexit in a deferred call run by a panic ends that panic (gopanic marks it aborted): it is never printed,
  // and recover returns nil from here on.
  g.panics.clear();
  g.sig = false;
  for (Frame& f : g.frames) f.force_return = true;
  frame_return(g);
}

void Vm::goroutine_exit(GState& g) {
  if (cur_g_ == 1 && !g.exiting) {  // main returned: the program ends, whatever the other goroutines do
    finish_program(0);
    return;
  }
  if (cur_g_ == gc_.fing) {  // runfinq's loop: the next due finalizer, else wait for the next cycle's
    GState idle;
    idle.system = true;
    g = std::move(idle);
    if (!start_finalizer(g)) park(kFinalizerWait);
    return;
  }
  GState dead;
  dead.created_func = g.created_func;  // who made it stays known after it is gone
  dead.created_line = g.created_line;
  dead.created_pc = g.created_pc;
  g = std::move(dead);
  sched_.exit(cur_p_);
  switch_ = true;
}

// Starts the top deferred call of the top frame, run by its Return (runtime.deferreturn).
void Vm::start_deferred(GState& g) {
  const DeferRecord d = g.defers.back();
  if (d.closure == 0) {  // defer of a nil func panics when it runs
    g.defers.pop_back();
    g.defer_args.resize(d.args);
    throw_nil_deref();
  }
  const std::uint32_t fn = closure_function(d.closure);
  push_frame(g, fn, g.defer_args.data() + d.args, d.nargs, kNoSlot, d.closure, FrameKind::DeferReturn);
  g.defers.pop_back();
  g.defer_args.resize(d.args);
}

std::vector<Word> Vm::nested_call(std::uint32_t func, const Word* args, std::uint32_t nargs) {
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  const auto depth = static_cast<std::uint32_t>(g.frames.size());
  const std::uint64_t saved_left = left_, saved_mark = mark_;
  const bool saved_switch = switch_, saved_done = nested_done_;
  push_frame(g, func, args, nargs, kNoSlot, 0, FrameKind::Nested);
  barriers_.push_back(depth);
  auto restore = [&] {
    barriers_.pop_back();
    left_ = saved_left;
    mark_ = saved_mark;
    switch_ = saved_switch;
    nested_done_ = saved_done;
  };
  Stop why = Stop::Budget;
  try {
    run_g(UINT64_MAX, depth, why);
  } catch (const NestedEscape&) {
    GState& gg = gs_[static_cast<std::size_t>(cur_g_)];
    if (gg.frames.size() > depth) {
      gg.stack.resize(gg.frames[depth].base);
      gg.frames.resize(depth);
    }
    restore();
    throw;
  } catch (...) {
    restore();
    throw;
  }
  const bool finished = why == Stop::NestedDone;
  restore();
  if (!finished) fatal_error("a String or Error method called by the library blocked (not supported)", cur_g_);
  return nested_result_;
}

std::optional<std::string> Vm::run_string_method(TypeId type, const Word* value, std::string_view name) {
  if (type == kNoType || cur_g_ == kNoG) return std::nullopt;
  const TypeTable& t = prog_->types;
  bool pointer_receiver = false;
  const std::int32_t fn = find_method(type, name, pointer_receiver);
  if (fn < 0) return std::nullopt;
  const Function& f = prog_->functions[static_cast<std::size_t>(fn)];
  if (f.result_words != 2) return std::nullopt;
  std::vector<Word> recv;
  if (t.kind(type) == Kind::Pointer) {
    if (pointer_receiver) {
      recv.push_back(value[0]);
    } else {
      if (value[0] == 0) return std::string("<nil>");
      recv.resize(t.words(t[type].elem));
      mem_.load_n(value[0], recv.data(), static_cast<std::uint32_t>(recv.size()));
    }
  } else {
    if (pointer_receiver) return std::nullopt;
    recv.assign(value, value + t.words(type));
  }
  if (f.param_words != recv.size()) return std::nullopt;
  std::vector<Word> result;
  if (f.native >= 0) {
    const Word* r = invoke_native(static_cast<std::uint32_t>(f.native), recv.data(), f.param_words, 2);
    result.assign(r + f.param_words, r + f.param_words + 2);
  } else {
    result = nested_call(static_cast<std::uint32_t>(fn), recv.data(), static_cast<std::uint32_t>(recv.size()));
  }
  if (result.size() < 2) return std::string();
  return std::string(mem_.string_view(result[0], result[1]));
}

}  // namespace gb::vm
