// panic and recover as runtime/panic.go runs them (gopanic's defer loop, aborted panics, recovery returning the
// deferring frame normally), the run-time error values (runtime.errorString, runtime.plainError,
// *runtime.TypeAssertionError), and the fatal paths: printpanics' "panic: ... [recovered]" chain and throw's
// "fatal error: ...", each followed by "goroutine N [state]:" and exit status 2.
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/natives/natives.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

// [SECTION] Run-time error values

void Vm::raise_runtime_error(std::string_view message, bool sig, TypeId type) {
  Word s[2];
  if (type == kNoType) type = error_string_;
  if (type != kNoType) {
    make_string_value(message, s);
    Word iface[2];
    box(type, s, iface);
    throw GoPanic{iface[0], iface[1], sig};
  }
  // Hand-built programs without package runtime: a string with the full text prints the same.
  std::string full = "runtime error: ";
  full += message;
  make_string_value(full, s);
  Word iface[2];
  box(kString, s, iface);
  throw GoPanic{iface[0], iface[1], sig};
}

void Vm::throw_runtime_error(std::string_view message) { raise_runtime_error(message, false); }

// Index and slice bounds errors are runtime.boundsError values in Go (%T prints it); the library may declare
// `type boundsError string` whose Error() adds "runtime error: " like errorString. Otherwise errorString.
void Vm::throw_bounds_error(std::string_view message) { raise_runtime_error(message, false, bounds_error_); }

void Vm::throw_nil_deref() { raise_runtime_error("invalid memory address or nil pointer dereference", true); }

void Vm::throw_plain_error(std::string_view message) {
  Word s[2];
  make_string_value(message, s);
  Word iface[2];
  box(plain_error_ != kNoType ? plain_error_ : kString, s, iface);
  throw GoPanic{iface[0], iface[1], false};
}

void Vm::throw_index(std::int64_t i, std::int64_t n) {
  std::string m = "index out of range [";
  m += std::to_string(i);
  m += ']';
  if (i >= 0) {
    m += " with length ";
    m += std::to_string(n);
  }
  throw_bounds_error(m);
}

void Vm::throw_type_assertion(TypeId iface, TypeId concrete, TypeId asserted, std::string_view missing) {
  const TypeTable& t = prog_->types;
  std::string m = "interface conversion: ";
  if (!missing.empty()) {
    m += t.to_string(concrete);
    m += " is not ";
    m += t.to_string(asserted);
    m += ": missing method ";
    m += missing;
  } else {
    m += iface == kNoType ? std::string("interface") : t.to_string(iface);
    m += " is ";
    m += concrete == kNoType ? std::string("nil") : t.to_string(concrete);
    m += ", not ";
    m += t.to_string(asserted);
    // Two types that print alike (local types of one name in two functions), as runtime/error.go says it. (The
    // subset's packages all have distinct names, so "different packages" cannot arise.)
    if (concrete != kNoType && concrete != asserted && t.to_string(concrete) == t.to_string(asserted))
      m += " (types from different scopes)";
  }
  if (tae_ptr_ == kNoType) {  // no package runtime: a plain string prints the same
    Word s[2];
    make_string_value(m, s);
    Word v[2];
    box(kString, s, v);
    throw GoPanic{v[0], v[1], false};
  }
  const Word obj = new_words(t.words(tae_));
  Word s[2];
  make_string_value(m, s);
  mem_.store_n(obj, s, 2);
  throw GoPanic{tae_ptr_, obj, false};
}

// [SECTION] gopanic

void Vm::start_panic(GState& g, Word type, Word data, bool sig) {
  g.panics.push_back(PanicRecord{type, data, false, false});
  if (sig) g.sig = true;
  continue_panic(g);
}

// gopanic's loop: run the deferred calls from the top; a deferred call already started by an earlier panic means
// that panic is aborted (its call never returns normally).
void Vm::continue_panic(GState& g) {
  for (;;) {
    // Past the frames of a nested dispatch (a String method run for fmt) with nothing left to run in them: the
    // panic leaves the dispatch, whose caller recovers it (fmt's catchPanic) or goes on panicking below it.
    if (!barriers_.empty() && (g.defers.empty() || g.defers.back().frame < barriers_.back()))
      throw NestedEscape{barriers_.back()};
    if (g.defers.empty()) fatal_panic(g);
    DeferRecord& d = g.defers.back();
    if (d.started) {
      if (d.panic < g.panics.size()) g.panics[d.panic].aborted = true;
      g.defer_args.resize(d.args);
      g.defers.pop_back();
      continue;
    }
    const auto p = static_cast<std::uint32_t>(g.panics.size() - 1);
    d.started = true;
    d.panic = p;
    if (d.closure == 0 || !mem_.valid(d.closure)) {
      // Calling the nil func panics inside the deferred call: a new panic that aborts this one.
      Word s[2];
      std::string text = "invalid memory address or nil pointer dereference";
      if (error_string_ == kNoType) text.insert(0, "runtime error: ");
      make_string_value(text, s);
      Word iface[2];
      box(error_string_ != kNoType ? error_string_ : kString, s, iface);
      g.panics.push_back(PanicRecord{iface[0], iface[1], false, false});
      g.sig = true;
      continue;
    }
    const std::uint32_t fn = closure_function(d.closure);
    push_frame(g, fn, g.defer_args.data() + d.args, d.nargs, kNoSlot, d.closure, FrameKind::DeferPanic, p);
    return;
  }
}

// A deferred call run by panic `p` returned. If it recovered the panic, the frame that deferred it returns
// normally (its remaining defers run, then its results as they stand); otherwise the panic goes on.
void Vm::after_panic_defer(GState& g, std::uint32_t p) {
  std::uint32_t target = 0;
  if (!g.defers.empty() && g.defers.back().started && g.defers.back().panic == p) {
    target = g.defers.back().frame;
    g.defer_args.resize(g.defers.back().args);
    g.defers.pop_back();
  } else {
    fatal_error("deferred call record lost during panic", cur_g_);
  }
  if (g.exiting) {  // runtime.Goexit ran in it: no panic is left, the frames go on returning
    frame_return(g);
    return;
  }
  if (p >= g.panics.size() || !g.panics[p].recovered) {
    continue_panic(g);
    return;
  }
  // Recovery: drop this panic and the aborted ones beneath it.
  g.panics.resize(p);
  while (!g.panics.empty() && g.panics.back().aborted) g.panics.pop_back();
  if (g.panics.empty()) g.sig = false;
  while (g.frames.size() > std::size_t{target} + 1) {
    g.stack.resize(g.frames.back().base);
    g.frames.pop_back();
  }
  while (!g.defers.empty() && g.defers.back().frame > target) {
    g.defer_args.resize(g.defers.back().args);
    g.defers.pop_back();
  }
  frame_return(g);
}

// [SECTION] Fatal paths

namespace {

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

}  // namespace


// printpanicval after preprintpanics: errors print Error(), Stringers String(); basic types their value; other
// named types as printanycustomtype does.
std::string Vm::panic_value_text(Word type, Word data) {
  if (type == 0) return "nil";
  const TypeTable& t = prog_->types;
  const auto ty = static_cast<TypeId>(type);
  std::vector<Word> v(std::max<std::uint32_t>(1, t.words(ty)), 0);
  unbox(ty, data, v.data());
  for (const char* m : {"Error", "String"}) {
    try {
      if (auto s = run_string_method(ty, v.data(), m)) return *s;
    } catch (const GoPanic&) {
      return "panic while printing panic value";
    }
  }
  const Kind k = t.underlying_kind(ty);
  std::string text;
  bool quoted = false;
  switch (k) {
    case Kind::Bool: text = v[0] ? "true" : "false"; break;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      text = std::to_string(static_cast<std::int64_t>(v[0]));
      break;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
      text = std::to_string(v[0]);
      break;
    case Kind::Float32: case Kind::Float64: {
      double d;
      std::memcpy(&d, &v[0], sizeof d);
      text = natives::format_runtime_float(d);
      break;
    }
    case Kind::Complex64: case Kind::Complex128: {
      text = "(";
      text += natives::format_runtime_float(std::bit_cast<double>(v[0]));
      text += natives::format_runtime_float(std::bit_cast<double>(v[1]));
      text += "i)";
      break;
    }
    case Kind::String:
      text = std::string(mem_.string_view(v[0], v[1]));
      quoted = true;
      break;
    default: {
      std::string s = "(";
      s += t.to_string(ty);
      s += ") ";
      s += hex(data * 8 + 0xc000000000ull);
      return s;
    }
  }
  if (t.kind(ty) != Kind::Named) return text;
  std::string s = t.to_string(ty);
  s += quoted ? "(\"" : "(";
  s += text;
  s += quoted ? "\")" : ")";
  return s;
}

// [SECTION] Tracebacks

namespace {

// Where a frame's code is, as a traceback line gives it: "\t<file>:<line> +0x<offset>\n". Go's offset is the
// return address's distance from the function's entry in machine code; ours is the same distance in the
// bytecode (16-byte instructions), so it differs from Go's as the code does. The file is the program's own
// file or the embedded library file ("sync.go"), not a path under GOROOT.
void frame_position(std::string& s, const Program& p, std::uint32_t func, std::uint32_t next_pc, std::uint32_t line) {
  const Function& fn = p.functions[func];
  s += "\t";
  if (fn.file < p.files.size()) s += p.files[fn.file];
  else s += p.files.empty() ? std::string("main.go") : p.files.back();
  s += ':';
  s += std::to_string(line);
  if (next_pc != 0) {  // a goroutine that has not started is at its function's entry: Go prints no offset
    char off[32];
    std::snprintf(off, sizeof off, " +0x%" PRIx64, std::uint64_t{next_pc} * sizeof(Instr));
    s += off;
  }
  s += '\n';
}

// printcreatedby: "created by <func>" and the `go` statement's position (none for main and runtime goroutines).
void created_by(std::string& s, const Program& p, const GState& g) {
  if (g.created_func >= p.functions.size()) return;
  s += "created by ";
  s += p.functions[g.created_func].name;
  s += '\n';
  frame_position(s, p, g.created_func, g.created_pc, g.created_line);
}

}  // namespace

// One goroutine's stack as runtime.traceback1 prints it: the innermost frame first, each as "pkg.Func(...)"
// (Go prints the argument words; we print "(...)", as Go does for an inlined call, or "()" without
// parameters) and its position, then "created by" and the `go` statement's position. runtime.main, which
// Go's tracebacks hide, and `skip` innermost frames are left out.
std::string Vm::traceback(const GState& g, std::size_t skip) const {
  std::string s;
  const Program& p = *prog_;
  int printed = 0;
  std::size_t n = g.frames.size() > skip ? g.frames.size() - skip : 0;
  for (std::size_t k = n; k-- > 0;) {
    const Frame& f = g.frames[k];
    const Function& fn = p.functions[f.func];
    if (fn.file == UINT32_MAX && fn.name == "runtime.main") continue;
    if (k + 1 != n && is_wrapper(fn.name)) continue;
    if (++printed > 100) {  // runtime's _TracebackMaxFrames
      s += "...additional frames elided...\n";
      break;
    }
    s += fn.name;
    s += fn.param_words != 0 ? "(...)\n" : "()\n";
    const std::uint32_t pc = f.pc == 0 ? 0 : f.pc - 1;
    frame_position(s, p, f.func, f.pc, pc < fn.lines.size() ? fn.lines[pc] : 0);
    // A deferred call run by a panic was called by gopanic, which Go shows as a frame of its own, with the
    // panic value's two words as arguments and gopanic's call of an open-coded deferred function in Go 1.19's
    // runtime/panic.go (as runtime.Caller names it); ours is the interpreter's, without an offset.
    if (f.kind == FrameKind::DeferPanic) s += "panic({...})\n\t/usr/lib/go-1.19/src/runtime/panic.go:884\n";
  }
  created_by(s, p, g);
  return s;
}

// tracebackothers after a fatal error (fatal and throw make gotraceback's `all` true): every user goroutine but
// `me` that is not dead, in id order (Go's allgs order), each after a blank line. A goroutine running on another
// P is not stopped by a fatal error: Go prints that its stack is unavailable.
std::string Vm::traceback_others(GId me) const {
  std::string s;
  for (std::size_t i = 1; i < gs_.size(); ++i) {
    const auto id = static_cast<GId>(i);
    if (id == me || gs_[i].system) continue;
    const gb::Goroutine& gr = sched_.g(id);
    if (gr.status == GStatus::Dead || gr.status == GStatus::Idle) continue;
    std::string_view state = name(gr.status);
    if (gr.status == GStatus::Waiting && !gr.wait_reason.empty()) state = gr.wait_reason;
    s += fmt::format("\ngoroutine {} [{}]:\n", id, state);
    if (gr.status == GStatus::Running) {
      s += "\tgoroutine running on other thread; stack unavailable\n";
      created_by(s, *prog_, gs_[i]);
    } else {
      s += traceback(gs_[i]);
    }
  }
  return s;
}

// runtime.Stack's text: the calling goroutine (without Stack's own frame) and, when `all`, every other user
// goroutine alive, in id order, each after a blank line (tracebackothers). Stack(buf, true) stops the world
// first, which preempts the goroutines running on other Ps: Go shows them runnable, with their stacks.
std::string Vm::goroutine_stacks(bool all) const {
  auto header = [&](std::string& s, GId id, std::string_view state) {
    s += "goroutine ";
    s += std::to_string(id);
    s += " [";
    s += state;
    s += "]:\n";
  };
  std::string s;
  const GState& me = gs_[static_cast<std::size_t>(cur_g_)];
  header(s, cur_g_, "running");
  s += traceback(me, 1);
  if (!all) return s;
  for (std::size_t i = 1; i < gs_.size(); ++i) {
    const auto id = static_cast<GId>(i);
    if (id == cur_g_ || gs_[i].system || gs_[i].frames.empty()) continue;
    const gb::Goroutine& gr = sched_.g(id);
    if (gr.status == GStatus::Dead || gr.status == GStatus::Idle) continue;
    s += '\n';
    std::string_view state = gr.status == GStatus::Running ? name(GStatus::Runnable) : name(gr.status);
    if (gr.status == GStatus::Waiting && !gr.wait_reason.empty()) state = gr.wait_reason;
    header(s, id, state);
    s += traceback(gs_[i]);
  }
  return s;
}

void Vm::fatal_panic(GState& panicking) {
  // preprintpanics: Error/String methods run on this goroutine (and may even start goroutines, moving gs_).
  const std::vector<PanicRecord> chain = panicking.panics;
  std::vector<std::string> texts;
  texts.reserve(chain.size());
  for (const PanicRecord& p : chain) {
    try {
      texts.push_back(panic_value_text(p.type, p.data));
    } catch (const NestedEscape&) {
      texts.emplace_back("panic while printing panic value");
    }
  }
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  std::string s;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (i != 0) s += '\t';
    s += "panic: ";
    s += texts[i];
    if (chain[i].recovered) s += " [recovered]";
    s += '\n';
  }
  if (g.sig) s += "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
  s += "\ngoroutine ";
  s += std::to_string(cur_g_);
  s += " [running]:\n";
  s += traceback(g);
  write_stderr(s);
  exited_ = true;
  exit_code_ = 2;
  switch_ = true;
  throw ProgramEnd{};
}

void Vm::bad_handle(const char* what) {
  std::string m = "invalid ";
  m += what;
  m += " handle (bad bytecode)";
  fatal_error(m, cur_g_);
}

// fatal and throw (dopanic_m): the message, the goroutine that failed (none when the scheduler found a deadlock
// with main gone), then every other goroutine.
void Vm::fatal_error(std::string_view message, GId g, std::string_view state) {
  std::string s = "fatal error: ";
  s += message;
  s += '\n';
  if (g > 0 && static_cast<std::size_t>(g) < gs_.size()) {
    s += fmt::format("\ngoroutine {} [{}]:\n", g, state);
    s += traceback(gs_[static_cast<std::size_t>(g)]);
  }
  s += traceback_others(g);
  write_stderr(s);
  exited_ = true;
  exit_code_ = 2;
  switch_ = true;
  throw ProgramEnd{};
}

void Vm::fatal_signal(std::string_view header, GId g) {
  // Go also prints the PC, the registers and the runtime's own goroutines; the subset has no machine registers.
  std::string s(header);
  s += "\nPC=0x0 m=0 sigcode=128\n\ngoroutine ";
  s += std::to_string(g);
  s += " [running]:\n";
  if (g > 0 && static_cast<std::size_t>(g) < gs_.size()) s += traceback(gs_[static_cast<std::size_t>(g)]);
  write_stderr(s);
  exited_ = true;
  exit_code_ = 2;
  switch_ = true;
  throw ProgramEnd{};
}

}  // namespace gb::vm
