// The dispatch loop: one switch over the opcode per instruction, the frame's slots cached as a raw pointer, no
// allocation or virtual call on the common paths. Anything that can call, block, allocate through the runtime or
// panic first saves pc and the budget (SAVE), then reloads the frame (goto reload): the callee may have moved the
// goroutine's stack. Go panics raised deep inside helpers arrive as GoPanic exceptions in run_g, which starts
// the panic on the goroutine and resumes dispatching.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

inline double F(Word w) {
  double d;
  std::memcpy(&d, &w, sizeof d);
  return d;
}
inline Word W(double d) {
  Word w;
  std::memcpy(&w, &d, sizeof w);
  return w;
}
inline std::int64_t I(Word w) { return static_cast<std::int64_t>(w); }

Word wrap_kind(Word v, std::int32_t kind) {
  switch (static_cast<Kind>(kind)) {
    case Kind::Int8: return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int8_t>(v)));
    case Kind::Int16: return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int16_t>(v)));
    case Kind::Int32: return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int32_t>(v)));
    case Kind::Uint8: case Kind::Bool: return v & 0xFFu;
    case Kind::Uint16: return v & 0xFFFFu;
    case Kind::Uint32: return v & 0xFFFFFFFFu;
    default: return v;
  }
}

// amd64's CVTTSD2SQ: out of range and NaN give 0x8000000000000000.
// runtime/complex.go's complex128div: Smith's algorithm, then C99's infinities and zeros when both parts are NaN.
void complex_div(double a0, double b0, double c0, double d0, double* re, double* im) {
  double e, f;
  if (std::fabs(c0) >= std::fabs(d0)) {
    const double ratio = d0 / c0;
    const double denom = c0 + ratio * d0;
    e = (a0 + b0 * ratio) / denom;
    f = (b0 - a0 * ratio) / denom;
  } else {
    const double ratio = c0 / d0;
    const double denom = d0 + ratio * c0;
    e = (a0 * ratio + b0) / denom;
    f = (b0 * ratio - a0) / denom;
  }
  if (std::isnan(e) && std::isnan(f)) {
    const double inf = HUGE_VAL;
    auto inf2one = [](double x) { return std::copysign(std::isinf(x) ? 1.0 : 0.0, x); };
    double a = a0, b = b0, c = c0, d = d0;
    if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
      e = std::copysign(inf, c) * a;
      f = std::copysign(inf, c) * b;
    } else if ((std::isinf(a) || std::isinf(b)) && std::isfinite(c) && std::isfinite(d)) {
      a = inf2one(a);
      b = inf2one(b);
      e = inf * (a * c + b * d);
      f = inf * (b * c - a * d);
    } else if ((std::isinf(c) || std::isinf(d)) && std::isfinite(a) && std::isfinite(b)) {
      c = inf2one(c);
      d = inf2one(d);
      e = 0 * (a * c + b * d);
      f = 0 * (b * c - a * d);
    }
  }
  *re = e;
  *im = f;
}

Word float_to_int(double d) {
  if (!(d > -9223372036854775809.0 && d < 9223372036854775808.0)) return Word{1} << 63;
  return static_cast<Word>(static_cast<std::int64_t>(d));
}
// Go on amd64: below 2^63 as a signed conversion, else subtract 2^63 and set the top bit.
Word float_to_uint(double d) {
  if (d < 9223372036854775808.0) return float_to_int(d);
  return float_to_int(d - 9223372036854775808.0) ^ (Word{1} << 63);
}

int compare_strings(std::string_view a, std::string_view b) { return a.compare(b); }

}  // namespace

void Vm::account(std::uint64_t left) {
  const std::uint64_t n = mark_ - left;
  now_ += static_cast<std::int64_t>(n) * kNsPerInstruction;
  instructions_ += n;
  mark_ = left;
  left_ = left;
}

std::uint32_t Vm::statement_begin(std::uint32_t func, std::uint32_t pc) const {
  if (func >= prog_->functions.size()) return 0;
  const std::vector<std::uint8_t>& starts = prog_->functions[func].stmt_start;
  if (starts.empty()) return 0;
  std::uint32_t sp = std::min<std::uint32_t>(pc, static_cast<std::uint32_t>(starts.size() - 1));
  while (sp > 0 && starts[sp] == 0) --sp;
  return sp;
}

void Vm::note_access(const GState& g, std::uint32_t pc, Word addr, std::uint32_t n, const Word* values, bool store) {
  if (cur_g_ <= kNoG || g.frames.empty()) return;
  record_access(g.frames.back().func, pc, static_cast<std::uint32_t>(g.frames.size()), addr, n, values, store, false);
}

void Vm::note_atomic_access(Word addr, Word value, bool store) {
  if (cur_native_ >= natives_.size() || !natives_[cur_native_].atomic || cur_g_ <= kNoG) return;
  const GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  if (g.frames.empty()) return;
  // The statement that made it is the call in the innermost frame of package main (through atomic.Int64's
  // methods, say), else the library frame that called the native.
  const std::vector<std::uint8_t>& user = *user_funcs_;
  std::size_t at = g.frames.size() - 1;
  for (std::size_t i = g.frames.size(); i-- > 0;) {
    if (g.frames[i].func < user.size() && user[g.frames[i].func] != 0) {
      at = i;
      break;
    }
  }
  const Frame& f = g.frames[at];
  record_access(f.func, f.pc > 0 ? f.pc - 1 : 0, static_cast<std::uint32_t>(at + 1), addr, 1, &value, store, true);
}

void Vm::record_access(std::uint32_t func, std::uint32_t pc, std::uint32_t depth, Word addr, std::uint32_t n,
                       const Word* values, bool store, bool atomic) {
  const auto gi = static_cast<std::size_t>(cur_g_);
  if (recent_.size() <= gi) recent_.resize(gi + 1);
  RecentAccesses& r = recent_[gi];
  RecentAccess& a = r.ring[r.count++ % kRecentAccesses];
  a.addr = addr;
  a.func = func;
  a.pc = pc;
  a.depth = depth;
  a.words = n;
  a.store = store;
  a.atomic = atomic;
  const std::uint32_t k = n < RecentAccess::kValueWords ? n : RecentAccess::kValueWords;
  for (std::uint32_t i = 0; i < k; ++i) a.values[i] = values[i];
}

std::uint64_t Vm::run_g(std::uint64_t budget, std::uint32_t stop_depth, Stop& why) {
  const std::uint32_t saved_stop = stop_depth_;
  stop_depth_ = stop_depth;
  // A nested dispatch (a String method called by the runtime) runs to its return: no burst slack applies.
  struct SlackGuard {
    std::uint64_t& slack;
    std::uint64_t saved;
    ~SlackGuard() { slack = saved; }
  } slack_guard{stall_slack_, stall_slack_};
  if (stop_depth != 0) stall_slack_ = 0;
  switch_ = false;
  nested_done_ = false;
  left_ = budget;
  mark_ = budget;
  why = Stop::Budget;
  for (;;) {
    try {
      GState& g = gs_[static_cast<std::size_t>(cur_g_)];
      if (g.send_closed) {
        g.send_closed = false;
        throw_plain_error("send on closed channel");
      }
      if (g.goexit) {
        g.goexit = false;
        goexit(g);
        if (switch_) {
          why = Stop::Switch;
          break;
        }
      }
      if (!g.frames.empty() && prog_->functions[g.frames.back().func].native >= 0) {
        run_native_frame(g);
        if (switch_ || nested_done_) {
          why = nested_done_ ? Stop::NestedDone : Stop::Switch;
          break;
        }
      }
      why = dispatch(left_);
      break;
    } catch (const GoPanic& e) {
      account(left_);
      start_panic(gs_[static_cast<std::size_t>(cur_g_)], e.type, e.data, e.sig);
      if (switch_ || nested_done_) {
        why = nested_done_ ? Stop::NestedDone : Stop::Switch;
        break;
      }
    } catch (const NestedEscape& e) {
      if (stop_depth != 0 && e.barrier == stop_depth) throw;
      account(left_);
      continue_panic(gs_[static_cast<std::size_t>(cur_g_)]);
      if (switch_ || nested_done_) {
        why = nested_done_ ? Stop::NestedDone : Stop::Switch;
        break;
      }
    }
  }
  stop_depth_ = saved_stop;
  return budget - left_;
}

Vm::Stop Vm::dispatch(std::uint64_t budget) {
  const Program& prog = *prog_;
  const Function* const fns = prog.functions.data();
  const Word* const consts = prog.constants.data();
  GState* g;
  Frame* f;
  const Instr* code;
  Word* s;
  std::uint32_t pc = 0;
  std::uint64_t left = budget;
  // Machine mode: each load and store tells the memory seam its site (access causes; flat mode skips it). For
  // code outside package main, the package-main frame it runs for.
  const bool causes = user_funcs_ != nullptr;
  std::uint32_t site_user_func = kNoFunc, site_user_pc = 0;

#define SAVE()       \
  do {               \
    f->pc = pc;      \
    account(left);   \
  } while (0)
#define AFTER()                                    \
  do {                                             \
    if (switch_ || nested_done_) goto out;         \
    goto reload;                                   \
  } while (0)
#define PANIC(call) \
  do {              \
    SAVE();         \
    call;           \
  } while (0)

reload:
  g = &gs_[static_cast<std::size_t>(cur_g_)];
  f = &g->frames.back();
  if (fns[f->func].native >= 0) {
    account(left);
    run_native_frame(*g);
    AFTER();
  }
  code = fns[f->func].code.data();
  s = g->stack.data() + f->base;
  pc = f->pc;
  site_user_func = kNoFunc;
  if (causes && (*user_funcs_)[f->func] == 0)
    user_frame(*g, g->frames.size() - 1, site_user_func, site_user_pc);

  // In machine mode the budget is cycles: an access that needed the bus ends the burst (its stall exceeds what
  // is left, counting the part of the burst beyond this call: stall_slack_), so other cores run while this one
  // waits, as they would. Flat mode never stalls.
  while (left != 0 && left + stall_slack_ > mem_.pending_stall()) {
    // A collection is due (the heap reached its goal, or runtime.GC): at an instruction boundary every value is
    // in a frame's slots, so the world can stop here.
    if (gc_.pending) [[unlikely]] {
      if (native_depth_ == 0 && barriers_.empty()) {
        SAVE();
        collect_at_safe_point();
        AFTER();
      }
    }
    --left;
    const Instr& in = code[pc++];
    switch (in.op) {
      case Op::Nop: break;
      // [SECTION] Moves and constants
      case Op::Move:
        if (in.d == 1) s[in.a] = s[in.b];
        else std::memmove(s + in.a, s + in.b, static_cast<std::size_t>(in.d) * sizeof(Word));
        break;
      case Op::LoadImm: s[in.a] = static_cast<Word>(static_cast<std::int64_t>(in.d)); break;
      case Op::LoadConst: s[in.a] = consts[in.d]; break;
      case Op::LoadString:
        s[in.a] = strings_[static_cast<std::size_t>(in.d)].first;
        s[in.a + 1] = strings_[static_cast<std::size_t>(in.d)].second;
        break;
      case Op::Zero: std::memset(s + in.a, 0, static_cast<std::size_t>(in.d) * sizeof(Word)); break;
      case Op::LoadFunc: {
        Word& c = func_closures_[static_cast<std::size_t>(in.d)];
        if (c == 0) {
          SAVE();
          c = new_words(1);
          mem_.store(c, static_cast<Word>(in.d));
        }
        s[in.a] = c;
        break;
      }
      // [SECTION] Integer arithmetic
      case Op::Add: s[in.a] = s[in.b] + s[in.c]; break;
      case Op::Sub: s[in.a] = s[in.b] - s[in.c]; break;
      case Op::Mul: s[in.a] = s[in.b] * s[in.c]; break;
      case Op::Div: {
        const std::int64_t y = I(s[in.c]);
        if (y == 0) PANIC(throw_runtime_error("integer divide by zero"));
        s[in.a] = y == -1 ? Word{0} - s[in.b] : static_cast<Word>(I(s[in.b]) / y);
        break;
      }
      case Op::Rem: {
        const std::int64_t y = I(s[in.c]);
        if (y == 0) PANIC(throw_runtime_error("integer divide by zero"));
        s[in.a] = y == -1 ? Word{0} : static_cast<Word>(I(s[in.b]) % y);
        break;
      }
      case Op::DivU:
        if (s[in.c] == 0) PANIC(throw_runtime_error("integer divide by zero"));
        s[in.a] = s[in.b] / s[in.c];
        break;
      case Op::RemU:
        if (s[in.c] == 0) PANIC(throw_runtime_error("integer divide by zero"));
        s[in.a] = s[in.b] % s[in.c];
        break;
      case Op::And: s[in.a] = s[in.b] & s[in.c]; break;
      case Op::Or: s[in.a] = s[in.b] | s[in.c]; break;
      case Op::Xor: s[in.a] = s[in.b] ^ s[in.c]; break;
      case Op::AndNot: s[in.a] = s[in.b] & ~s[in.c]; break;
      case Op::Shl: {
        const Word n = s[in.c];
        if (in.d == 1 && I(n) < 0) PANIC(throw_runtime_error("negative shift amount"));
        s[in.a] = n >= 64 ? 0 : s[in.b] << n;
        break;
      }
      case Op::Shr: {
        const Word n = s[in.c];
        if (in.d == 1 && I(n) < 0) PANIC(throw_runtime_error("negative shift amount"));
        s[in.a] = static_cast<Word>(I(s[in.b]) >> (n >= 64 ? 63 : n));
        break;
      }
      case Op::ShrU: {
        const Word n = s[in.c];
        if (in.d == 1 && I(n) < 0) PANIC(throw_runtime_error("negative shift amount"));
        s[in.a] = n >= 64 ? 0 : s[in.b] >> n;
        break;
      }
      case Op::AddImm: s[in.a] = s[in.b] + static_cast<Word>(static_cast<std::int64_t>(in.d)); break;
      case Op::Neg: s[in.a] = Word{0} - s[in.b]; break;
      case Op::Com: s[in.a] = ~s[in.b]; break;
      case Op::Wrap: s[in.a] = wrap_kind(s[in.b], in.d); break;
      // [SECTION] Floating point
      case Op::AddF: s[in.a] = W(F(s[in.b]) + F(s[in.c])); break;
      case Op::SubF: s[in.a] = W(F(s[in.b]) - F(s[in.c])); break;
      case Op::MulF: s[in.a] = W(F(s[in.b]) * F(s[in.c])); break;
      case Op::DivF: s[in.a] = W(F(s[in.b]) / F(s[in.c])); break;
      case Op::NegF: s[in.a] = s[in.b] ^ (Word{1} << 63); break;
      case Op::RoundF32: s[in.a] = W(static_cast<double>(static_cast<float>(F(s[in.b])))); break;
      case Op::IntToFloat: s[in.a] = W(static_cast<double>(I(s[in.b]))); break;
      case Op::UintToFloat: s[in.a] = W(static_cast<double>(s[in.b])); break;
      case Op::FloatToInt: s[in.a] = float_to_int(F(s[in.b])); break;
      case Op::FloatToUint: s[in.a] = float_to_uint(F(s[in.b])); break;
      // [SECTION] Complex
      case Op::AddC: case Op::SubC: case Op::MulC: case Op::DivC: case Op::NegC: {
        const double a = F(s[in.b]), b = F(s[in.b + 1]);
        double re = 0, im = 0;
        if (in.op == Op::NegC) {
          re = -a;
          im = -b;
        } else {
          const double c = F(s[in.c]), d = F(s[in.c + 1]);
          switch (in.op) {
            case Op::AddC: re = a + c; im = b + d; break;
            case Op::SubC: re = a - c; im = b - d; break;
            case Op::MulC: re = a * c - b * d; im = a * d + b * c; break;
            default: complex_div(a, b, c, d, &re, &im); break;
          }
        }
        if (in.d == 1) {
          re = static_cast<double>(static_cast<float>(re));
          im = static_cast<double>(static_cast<float>(im));
        }
        s[in.a] = W(re);
        s[in.a + 1] = W(im);
        break;
      }
      case Op::EqC: s[in.a] = F(s[in.b]) == F(s[in.c]) && F(s[in.b + 1]) == F(s[in.c + 1]); break;
      case Op::NeC: s[in.a] = !(F(s[in.b]) == F(s[in.c]) && F(s[in.b + 1]) == F(s[in.c + 1])); break;
      // [SECTION] Comparison
      case Op::Eq: s[in.a] = s[in.b] == s[in.c]; break;
      case Op::Ne: s[in.a] = s[in.b] != s[in.c]; break;
      case Op::Lt: s[in.a] = I(s[in.b]) < I(s[in.c]); break;
      case Op::Le: s[in.a] = I(s[in.b]) <= I(s[in.c]); break;
      case Op::LtU: s[in.a] = s[in.b] < s[in.c]; break;
      case Op::LeU: s[in.a] = s[in.b] <= s[in.c]; break;
      case Op::EqF: s[in.a] = F(s[in.b]) == F(s[in.c]); break;
      case Op::NeF: s[in.a] = F(s[in.b]) != F(s[in.c]); break;
      case Op::LtF: s[in.a] = F(s[in.b]) < F(s[in.c]); break;
      case Op::LeF: s[in.a] = F(s[in.b]) <= F(s[in.c]); break;
      case Op::EqStr:
      case Op::NeStr: {
        const bool eq = s[in.b + 1] == s[in.c + 1] &&
                        (s[in.b] == s[in.c] || mem_.string_view(s[in.b], s[in.b + 1]) ==
                                                   mem_.string_view(s[in.c], s[in.c + 1]));
        s[in.a] = in.op == Op::EqStr ? eq : !eq;
        break;
      }
      case Op::LtStr:
      case Op::LeStr: {
        const int c = compare_strings(mem_.string_view(s[in.b], s[in.b + 1]), mem_.string_view(s[in.c], s[in.c + 1]));
        s[in.a] = in.op == Op::LtStr ? c < 0 : c <= 0;
        break;
      }
      case Op::EqMem:
        s[in.a] = std::memcmp(s + in.b, s + in.c, static_cast<std::size_t>(in.d) * sizeof(Word)) == 0;
        break;
      case Op::EqIface: {
        SAVE();
        const bool eq = values_equal(kEmptyInterface, s + in.b, s + in.c);
        s[in.a] = eq;
        break;
      }
      case Op::Not: s[in.a] = s[in.b] == 0; break;
      // [SECTION] Control flow
      case Op::Jump: pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpIf: if (s[in.a] != 0) pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpIfNot: if (s[in.a] == 0) pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpLt: if (I(s[in.a]) < I(s[in.b])) pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpLe: if (I(s[in.a]) <= I(s[in.b])) pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpEq: if (s[in.a] == s[in.b]) pc = static_cast<std::uint32_t>(in.d); break;
      case Op::JumpNe: if (s[in.a] != s[in.b]) pc = static_cast<std::uint32_t>(in.d); break;
      // [SECTION] Calls
      case Op::Call:
      case Op::CallClosure: {
        SAVE();
        Word closure = 0;
        std::uint32_t fn;
        if (in.op == Op::Call) {
          fn = static_cast<std::uint32_t>(in.d);
        } else {
          closure = s[in.b];
          fn = closure_function(closure);
        }
        const Function& callee = fns[fn];
        if (callee.native >= 0) {
          const Word* r = invoke_native(static_cast<std::uint32_t>(callee.native), s + in.a, callee.param_words,
                                        callee.result_words);
          g = &gs_[static_cast<std::size_t>(cur_g_)];
          if (!g->frames.empty())
            std::memcpy(g->stack.data() + g->frames.back().base + in.a, r + callee.param_words,
                        callee.result_words * sizeof(Word));
          AFTER();
        }
        push_frame(*g, fn, s + in.a, callee.param_words, in.a, closure, FrameKind::Normal);
        goto reload;
      }
      case Op::CallIface: {
        SAVE();
        const auto dyn = static_cast<TypeId>(s[in.b]);
        if (dyn == kNoType) throw_nil_deref();
        bool ptr_recv = false;
        const std::int32_t fn = iface_method(static_cast<TypeId>(in.c), dyn, static_cast<std::uint32_t>(in.d), ptr_recv);
        const Function& callee = fns[fn];
        const TypeTable& tt = prog.types;
        scratch_.clear();
        const Word data = s[in.b + 1];
        if (tt.kind(dyn) == Kind::Pointer) {
          if (ptr_recv) {
            scratch_.push_back(data);
          } else {
            const std::uint32_t n = tt.words(tt[dyn].elem);
            if (n != 0 && !mem_.valid_range(data, n)) throw_nil_deref();
            scratch_.resize(n);
            if (n != 0) mem_.load_n(data, scratch_.data(), n);
          }
        } else {
          const std::uint32_t n = tt.words(dyn);
          scratch_.resize(n);
          unbox(dyn, data, scratch_.data());
        }
        const auto recv_words = static_cast<std::uint32_t>(scratch_.size());
        const std::uint32_t rest = callee.param_words > recv_words ? callee.param_words - recv_words : 0;
        scratch_.insert(scratch_.end(), s + in.a, s + in.a + rest);
        if (callee.native >= 0) {
          const Word* r = invoke_native(static_cast<std::uint32_t>(callee.native), scratch_.data(),
                                        callee.param_words, callee.result_words);
          g = &gs_[static_cast<std::size_t>(cur_g_)];
          if (!g->frames.empty())
            std::memcpy(g->stack.data() + g->frames.back().base + in.a, r + callee.param_words,
                        callee.result_words * sizeof(Word));
          AFTER();
        }
        push_frame(*g, static_cast<std::uint32_t>(fn), scratch_.data(), callee.param_words, in.a, 0,
                   FrameKind::Normal);
        goto reload;
      }
      case Op::Return:
        SAVE();
        frame_return(*g);
        AFTER();
      case Op::Go: {
        SAVE();
        const Word closure = s[in.b];
        if (closure == 0) fatal_error("go of nil func value", cur_g_);
        const std::uint32_t fn = closure_function(closure);
        // newproc's runqput CASes runnext, a locked instruction: the creator's buffered stores (the closure's
        // captured variables) are visible before any core can run the new G.
        mem_.drain_store_buffer(mem_.core(), INT64_MAX);
        const GId id = sched_.go(cur_p_);
        if (gs_.size() <= static_cast<std::size_t>(id)) gs_.resize(static_cast<std::size_t>(id) + 1);
        if (race_) race_go(cur_g_, id);
        const Location at = made_at();
        gs_[static_cast<std::size_t>(id)].created_func = at.func;
        gs_[static_cast<std::size_t>(id)].created_line = at.line;
        gs_[static_cast<std::size_t>(id)].created_pc = gs_[static_cast<std::size_t>(cur_g_)].frames.back().pc;
        g = &gs_[static_cast<std::size_t>(cur_g_)];
        s = g->stack.data() + g->frames.back().base;
        push_frame(gs_[static_cast<std::size_t>(id)], fn, s + in.a, static_cast<std::uint32_t>(in.d), kNoSlot,
                   closure, FrameKind::Normal);
        goto reload;
      }
      case Op::Defer: {
        DeferRecord d;
        d.closure = s[in.b];
        d.args = static_cast<std::uint32_t>(g->defer_args.size());
        d.nargs = static_cast<std::uint32_t>(in.d);
        d.frame = static_cast<std::uint32_t>(g->frames.size() - 1);
        g->defer_args.insert(g->defer_args.end(), s + in.a, s + in.a + in.d);
        g->defers.push_back(d);
        break;
      }
      case Op::Panic:
        SAVE();
        throw GoPanic{s[in.a], s[in.a + 1], false};
      case Op::Recover: {
        // c = 1: the thunk of `defer recover()`, which recovers on behalf of the frame that deferred it.
        const Frame* by = f;
        if (in.c == 1 && f != g->frames.data()) by = f - 1;
        const auto top = g->panics.size();
        if (by->kind == FrameKind::DeferPanic && top != 0 && by->panic == top - 1 && !g->panics.back().recovered &&
            !g->panics.back().aborted) {
          g->panics.back().recovered = true;
          s[in.a] = g->panics.back().type;
          s[in.a + 1] = g->panics.back().data;
        } else {
          s[in.a] = 0;
          s[in.a + 1] = 0;
        }
        break;
      }
      // [SECTION] Memory
      case Op::New:
        SAVE();
        if (in.b != kNoType && prog_->types.words(in.b) != 0) {
          s[in.a] = new_typed(in.b, static_cast<std::uint64_t>(in.d) / prog_->types.words(in.b));
        } else {
          s[in.a] = new_words(static_cast<std::uint64_t>(in.d));
        }
        break;
      case Op::Load: {
        const Word addr = s[in.b] + in.c;
        if (causes) mem_.set_site(AccessKind::Load, f->func, pc - 1, site_user_func, site_user_pc);
        if (in.d == 1) {
          if (!mem_.valid(addr) || s[in.b] == 0) PANIC(throw_nil_deref());
          s[in.a] = mem_.load(addr);
        } else {
          if (s[in.b] == 0 || (in.d != 0 && !mem_.valid_range(addr, static_cast<std::uint64_t>(in.d))))
            PANIC(throw_nil_deref());
          mem_.load_n(addr, s + in.a, static_cast<std::uint32_t>(in.d));
        }
        if (opts_.machine) note_access(*g, pc - 1, addr, static_cast<std::uint32_t>(in.d), s + in.a, false);
        if (race_) race_access(cur_g_, pc - 1, addr, static_cast<std::uint32_t>(in.d), false);
        break;
      }
      case Op::Store: {
        const Word addr = s[in.a] + in.c;
        if (causes) mem_.set_site(AccessKind::Store, f->func, pc - 1, site_user_func, site_user_pc);
        if (in.d == 1) {
          if (!mem_.valid(addr) || s[in.a] == 0) PANIC(throw_nil_deref());
          mem_.store(addr, s[in.b]);
        } else {
          if (s[in.a] == 0 || (in.d != 0 && !mem_.valid_range(addr, static_cast<std::uint64_t>(in.d))))
            PANIC(throw_nil_deref());
          mem_.store_n(addr, s + in.b, static_cast<std::uint32_t>(in.d));
        }
        if (opts_.machine) note_access(*g, pc - 1, addr, static_cast<std::uint32_t>(in.d), s + in.b, true);
        if (race_) race_access(cur_g_, pc - 1, addr, static_cast<std::uint32_t>(in.d), true);
        break;
      }
      case Op::FieldAddr:
        if (s[in.b] == 0) PANIC(throw_nil_deref());
        s[in.a] = s[in.b] + static_cast<Word>(static_cast<std::int64_t>(in.d));
        break;
      case Op::IndexAddr: {
        const Word i = s[in.c];
        if (i >= s[in.b + 1]) PANIC(throw_index(I(i), I(s[in.b + 1])));
        s[in.a] = s[in.b] + i * static_cast<Word>(in.d);
        break;
      }
      case Op::ArrayIndexAddr: {
        const Word i = s[in.c];
        const auto len = static_cast<Word>(static_cast<std::uint32_t>(in.d) >> 16);
        if (i >= len) PANIC(throw_index(I(i), I(len)));
        if (s[in.b] == 0) PANIC(throw_nil_deref());
        s[in.a] = s[in.b] + i * (static_cast<std::uint32_t>(in.d) & 0xFFFFu);
        break;
      }
      case Op::CheckIndex:
        if (s[in.a] >= s[in.b]) PANIC(throw_index(I(s[in.a]), I(s[in.b])));
        break;
      // [SECTION] Slices and strings
      case Op::MakeSlice:
        SAVE();
        if (in.d < 0) {
          const auto elem = static_cast<TypeId>(-static_cast<std::int64_t>(in.d));
          make_slice(s + in.a, I(s[in.b]), I(s[in.c]), prog_->types.words(elem), elem);
        } else {
          make_slice(s + in.a, I(s[in.b]), I(s[in.c]), static_cast<std::uint32_t>(in.d));
        }
        break;
      case Op::SliceSlice:
      case Op::SliceArray: {
        const bool array = in.op == Op::SliceArray;
        const Word base = s[in.b];
        const Word cap = array ? s[in.b + 1] : s[in.b + 2];
        const Word lo = s[in.c], hi = s[in.c + 1], max = s[in.c + 2];
        const bool three = (static_cast<std::uint32_t>(in.d) & 0x10000u) != 0;
        const auto ew = static_cast<Word>(static_cast<std::uint32_t>(in.d) & 0xFFFFu);
        if (max > cap || hi > max || lo > hi) {
          SAVE();
          slice_bounds_panic(I(lo), I(hi), I(max), I(cap), three, array ? "length" : "capacity");
        }
        if (array && base == 0) PANIC(throw_nil_deref());
        s[in.a] = base + lo * ew;
        s[in.a + 1] = hi - lo;
        s[in.a + 2] = max - lo;
        break;
      }
      case Op::SliceToArrayPtr: {
        const auto n = static_cast<Word>(static_cast<std::uint32_t>(in.d));
        if (s[in.b + 1] < n) {
          SAVE();
          std::string m = "cannot convert slice with length ";
          m += std::to_string(s[in.b + 1]);
          m += " to pointer to array with length ";
          m += std::to_string(n);
          throw_bounds_error(m);
        }
        s[in.a] = s[in.b];
        break;
      }
      case Op::Append: {
        SAVE();
        Word src[3] = {s[in.c], s[in.c + 1], s[in.c + 2]};
        Word sl[3] = {s[in.b], s[in.b + 1], s[in.b + 2]};
        append_values(s + in.a, sl, src[1], in.d, nullptr, src[0]);
        break;
      }
      case Op::AppendOne: {
        SAVE();
        Word sl[3] = {s[in.b], s[in.b + 1], s[in.b + 2]};
        const std::uint32_t ew = in.d < 0 ? prog.types.words(static_cast<TypeId>(-static_cast<std::int64_t>(in.d)))
                                          : static_cast<std::uint32_t>(in.d);
        scratch_.assign(s + in.c, s + in.c + ew);
        append_values(s + in.a, sl, 1, in.d, scratch_.data(), 0);
        break;
      }
      case Op::Copy: {
        const Word n = std::min(s[in.b + 1], s[in.c + 1]);
        if (n != 0 && in.d != 0) mem_.copy_words(s[in.b], s[in.c], n * static_cast<Word>(in.d));
        s[in.a] = n;
        break;
      }
      case Op::CopyString: {
        const Word n = std::min(s[in.b + 1], s[in.c + 1]);
        const Word dst = s[in.b], src = s[in.c];
        for (Word i = 0; i < n; ++i) mem_.store(dst + i, mem_.byte_at(src + i));
        s[in.a] = n;
        break;
      }
      case Op::StrIndex: {
        const Word i = s[in.c];
        if (i >= s[in.b + 1]) PANIC(throw_index(I(i), I(s[in.b + 1])));
        s[in.a] = mem_.byte_at(s[in.b] + i);
        break;
      }
      case Op::StrSlice: {
        const Word len = s[in.b + 1], lo = s[in.c], hi = s[in.c + 1];
        if (hi > len || lo > hi) {
          SAVE();
          slice_bounds_panic(I(lo), I(hi), I(len), I(len), false, "length");
        }
        s[in.a] = s[in.b] + lo;
        s[in.a + 1] = hi - lo;
        break;
      }
      case Op::Concat: {
        SAVE();
        const Word a0 = s[in.b], a1 = s[in.b + 1], b0 = s[in.c], b1 = s[in.c + 1];
        if (b1 == 0) {
          s[in.a] = a0;
          s[in.a + 1] = a1;
        } else if (a1 == 0) {
          s[in.a] = b0;
          s[in.a + 1] = b1;
        } else {
          std::string tmp;  // concatstrings: a new string of both (they stay reachable from the registers)
          tmp.reserve(a1 + b1);
          tmp.append(mem_.string_view(a0, a1));
          tmp.append(mem_.string_view(b0, b1));
          make_string_value(tmp, s + in.a);
        }
        break;
      }
      case Op::StrLen: s[in.a] = s[in.b + 1]; break;
      case Op::StrNextRune: {
        const Word off = s[in.c], len = s[in.b + 1];
        std::int32_t r = 0xFFFD;
        std::uint32_t w = 1;
        if (off < len) decode_rune(mem_.string_view(s[in.b], len).data() + off, len - off, r, w);
        s[in.a] = static_cast<Word>(static_cast<std::int64_t>(r));
        s[in.a + 1] = w;
        break;
      }
      case Op::StrFromBytes: {
        SAVE();
        const Word base = s[in.b], n = s[in.b + 1];
        std::string tmp(n, '\0');
        for (Word i = 0; i < n; ++i) tmp[i] = static_cast<char>(mem_.load(base + i));
        make_string_value(tmp, s + in.a);
        break;
      }
      case Op::StrToBytes: {
        SAVE();
        const Word src = s[in.b], n = s[in.b + 1];
        const std::uint64_t cap = roundupsize(n);
        const Word base = new_typed(kUint8, cap);
        for (Word i = 0; i < n; ++i) mem_.store(base + i, mem_.byte_at(src + i));
        s[in.a] = base;
        s[in.a + 1] = n;
        s[in.a + 2] = cap;
        break;
      }
      case Op::StrFromRunes: {
        SAVE();
        const Word base = s[in.b], n = s[in.b + 1];
        std::string tmp;
        for (Word i = 0; i < n; ++i) encode_rune(static_cast<std::int32_t>(mem_.load(base + i)), tmp);
        make_string_value(tmp, s + in.a);
        break;
      }
      case Op::StrToRunes: {
        SAVE();
        const std::string_view str = mem_.string_view(s[in.b], s[in.b + 1]);
        std::vector<Word> runes;
        for (std::size_t i = 0; i < str.size();) {
          std::int32_t r;
          std::uint32_t w;
          decode_rune(str.data() + i, str.size() - i, r, w);
          runes.push_back(static_cast<Word>(static_cast<std::int64_t>(r)));
          i += w;
        }
        const std::uint64_t cap = roundupsize(runes.size() * 4) / 4;
        const Word base = new_typed(kInt32, cap);
        if (!runes.empty()) mem_.store_n(base, runes.data(), static_cast<std::uint32_t>(runes.size()));
        s[in.a] = base;
        s[in.a + 1] = runes.size();
        s[in.a + 2] = cap;
        break;
      }
      case Op::StrFromRune: {
        SAVE();
        std::string tmp;
        const std::int64_t r = I(s[in.b]);
        encode_rune(r < INT32_MIN || r > INT32_MAX ? -1 : static_cast<std::int32_t>(r), tmp);
        make_string_value(tmp, s + in.a);
        break;
      }
      // [SECTION] Maps
      case Op::MakeMap: {
        SAVE();
        const TypeTable& tt = prog.types;
        const Type& mt = tt[tt.underlying(static_cast<TypeId>(in.d))];
        s[in.a] = maps_.make(mt.key, mt.elem, tt.words(mt.key), tt.words(mt.elem));
        break;
      }
      case Op::MapGet:
        SAVE();
        map_get(s[in.b], static_cast<TypeId>(in.d), s + in.c, s + in.a);
        if (race_) race_map(s[in.b], false, "runtime.mapaccess1");
        break;
      case Op::MapSet:
        SAVE();
        if (race_) race_map(s[in.a], true, "runtime.mapassign");
        map_set(s[in.a], s + in.b, s + in.c);
        break;
      case Op::MapDelete:
        SAVE();
        if (race_) race_map(s[in.a], true, "runtime.mapdelete");
        map_delete(s[in.a], s + in.b);
        break;
      case Op::MapLen: s[in.a] = s[in.b] == 0 ? 0 : map_at(s[in.b]).live; break;
      case Op::MapIter: {
        SAVE();
        const Word m = s[in.b];
        std::uint32_t start = 0;
        if (m != 0 && !map_at(m).entries.empty())
          start = static_cast<std::uint32_t>(chooser_.choose(map_at(m).entries.size(), ChoiceKind::Other));
        s[in.a] = maps_.new_iterator(m, start);
        break;
      }
      case Op::MapNext:
        s[in.a] = map_next(s[in.b], s + in.c) ? 1 : 0;
        break;
      // [SECTION] Interfaces
      case Op::MakeIface:
        SAVE();
        box(static_cast<TypeId>(in.d), s + in.b, s + in.a);
        break;
      case Op::IfaceToIface:
        s[in.a] = s[in.b];
        s[in.a + 1] = s[in.b + 1];
        break;
      case Op::AssertType:
      case Op::AssertTypeOk: {
        const auto want = static_cast<TypeId>(in.d);
        const auto have = static_cast<TypeId>(s[in.b]);
        const std::uint32_t n = prog.types.words(want);
        if (have == want) {
          SAVE();
          const Word data = s[in.b + 1];
          unbox(want, data, s + in.a);
          if (in.op == Op::AssertTypeOk) s[in.a + n] = 1;
        } else if (in.op == Op::AssertTypeOk) {
          std::memset(s + in.a, 0, n * sizeof(Word));
          s[in.a + n] = 0;
        } else {
          PANIC(throw_type_assertion(static_cast<TypeId>(in.c), have, want, {}));
        }
        break;
      }
      case Op::AssertIface:
      case Op::AssertIfaceOk: {
        SAVE();
        const auto want = static_cast<TypeId>(in.d);
        const auto have = static_cast<TypeId>(s[in.b]);
        std::string missing;
        const bool ok = have != kNoType && (missing = missing_method(want, have)).empty();
        if (ok) {
          s[in.a] = s[in.b];
          s[in.a + 1] = s[in.b + 1];
          if (in.op == Op::AssertIfaceOk) s[in.a + 2] = 1;
        } else if (in.op == Op::AssertIfaceOk) {
          s[in.a] = s[in.a + 1] = s[in.a + 2] = 0;
        } else {
          throw_type_assertion(kNoType, have, want, missing);
        }
        break;
      }
      case Op::IfaceTypeId: s[in.a] = s[in.b]; break;
      // [SECTION] Channels and select
      case Op::MakeChan:
        SAVE();
        s[in.a] = make_chan(I(s[in.b]), static_cast<TypeId>(in.d));
        break;
      case Op::Send:
        SAVE();
        if (!chan_send(s[in.a], s + in.b)) goto out;
        AFTER();
      case Op::Recv:
        SAVE();
        if (!chan_recv(s[in.b], f->base + in.a, in.d == 1 ? f->base + in.a + recv_words(s[in.b], in.c) : kNoSlot))
          goto out;
        AFTER();
      case Op::Close:
        SAVE();
        chan_close(s[in.a]);
        AFTER();
      case Op::ChanLen: s[in.a] = chan_len_cap(s[in.b], false); break;
      case Op::ChanCap: s[in.a] = chan_len_cap(s[in.b], true); break;
      case Op::Select:
        SAVE();
        if (!select(static_cast<std::uint32_t>(in.d), f->base, in.a)) goto out;
        AFTER();
      // [SECTION] Runtime services
      case Op::CallNative: {
        SAVE();
        const auto id = static_cast<std::uint32_t>(in.d);
        std::uint32_t np = in.b, nr = in.c;
        if (id < natives_.size() && natives_[id].sized) {
          np = natives_[id].params;
          nr = natives_[id].results;
        }
        const Word* r = invoke_native(id, s + in.a, np, nr);
        g = &gs_[static_cast<std::size_t>(cur_g_)];
        if (!g->frames.empty())
          std::memcpy(g->stack.data() + g->frames.back().base + in.a, r + np, nr * sizeof(Word));
        AFTER();
      }
      case Op::Yield:
        SAVE();
        sched_.gosched(cur_p_);
        switch_ = true;
        goto out;
      case Op::Halt:
        SAVE();
        finish_program(static_cast<int>(I(s[in.a])));
        goto out;
      default:
        SAVE();
        fatal_error("unknown opcode", cur_g_);
    }
  }
  SAVE();
  return Stop::Budget;

out:
  account(left);
  return nested_done_ ? Stop::NestedDone : Stop::Switch;
#undef SAVE
#undef AFTER
#undef PANIC
}

std::uint32_t Vm::recv_words(Word ch, TypeId elem) {
  if (ch != 0) return chan(ch).elem_words();
  return prog_->types.words(elem);
}

void Vm::slice_bounds_panic(std::int64_t lo, std::int64_t hi, std::int64_t max, std::int64_t cap, bool three,
                            std::string_view what) {
  const auto u = [](std::int64_t v) { return static_cast<std::uint64_t>(v); };
  std::string m = "slice bounds out of range [";
  auto with = [&](std::int64_t n) {
    m += "] with ";
    m += what;
    m += ' ';
    m += std::to_string(n);
  };
  if (u(max) > u(cap)) {  // only a three-index expression passes a max other than cap
    m += "::";
    m += std::to_string(max);
    with(cap);
  } else if (three && u(hi) > u(max)) {
    m += ':';
    m += std::to_string(hi);
    m += ':';
    m += std::to_string(max);
    m += ']';
  } else if (three) {
    m += std::to_string(lo);
    m += ':';
    m += std::to_string(hi);
    m += ":]";
  } else if (u(hi) > u(cap) || u(hi) > u(max)) {
    m += ':';
    m += std::to_string(hi);
    with(u(hi) > u(cap) ? cap : max);
  } else {
    m += std::to_string(lo);
    m += ':';
    m += std::to_string(hi);
    m += ']';
  }
  throw_bounds_error(m);
}

}  // namespace gb::vm
