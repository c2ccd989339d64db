// Calls: function and method calls with their argument rules (variadic, f(g()) spreading), conversions
// and the built-in functions.
//
// Sections, in order:
//   arguments
//   calls
//   conversions
//   built-in functions
#include <algorithm>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

namespace {

bool const_type(const vm::TypeTable& T, TypeId t) {
  const vm::Kind k = T.underlying_kind(t);
  return k >= vm::Kind::Bool && k <= vm::Kind::String;
}

// types2's typesSummary; srcs (parallel to list, or empty) tell where each type was written.
std::string summary(const Checker& c, const std::vector<TypeId>& list, const std::vector<Checker::TypeSrc>& srcs,
                    bool variadic) {
  const vm::TypeTable& T = c.T;
  std::string s = "(";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    const TypeId t = list[i];
    const Checker::TypeSrc src = i < srcs.size() ? srcs[i] : Checker::TypeSrc{};
    if (t == vm::kNoType) {
      s += "<T>";
    } else if (T.is_untyped(t)) {
      if (T.is_numeric(t)) {
        s += "number";
      } else {
        const std::string& name = T[t].name;
        s += name.rfind("untyped ", 0) == 0 ? name.substr(8) : name;
      }
    } else if (variadic && i + 1 == list.size()) {
      Checker::TypeSrc e;
      if (src.node != kNoNode && (*c.info_.asts[src.file])[src.node].kind == NodeKind::Ellipsis) {
        e = {src.file, (*c.info_.asts[src.file])[src.node].a};
      }
      s += "...";
      s += c.gc_type(T[t].elem, e);
    } else {
      s += c.gc_type(t, src);
    }
  }
  s += ")";
  return s;
}

}  // namespace

// [SECTION] arguments

void Checker::collect_args(NodeId call_node, std::vector<Operand>& args) {
  const auto list = ast_.list(ast_[call_node].l0);
  if (list.size() == 1) {
    multi_expr(args, list[0]);
    return;
  }
  for (NodeId a : list) {
    Operand x;
    expr(x, a);
    args.push_back(x);
  }
}

void Checker::arguments(NodeId call_node, TypeId sig_id, std::vector<Operand>& args, bool dots,
                        const std::string& fname) {
  for (Operand& a : args) {
    if (a.invalid()) return;
  }
  const vm::Type sig = T[T.underlying(sig_id)];
  // where each parameter's type was written (for parameter names, `any`), if known
  std::vector<TypeSrc> psrcs;
  if (const TypeSrc fs = src_of(ast_[call_node].a); fs.node != kNoNode) {
    const Ast& fa = *info_.asts[fs.file];
    if (fa[fs.node].kind == NodeKind::FuncType) {
      for (NodeId f : fa.list(fa[fs.node].l0)) {
        const std::size_t k = std::max<std::size_t>(1, fa[f].l0.size);
        for (std::size_t j = 0; j < k; ++j) psrcs.push_back({fs.file, fa[f].a});
      }
      if (psrcs.size() != sig.params.size()) psrcs.clear();
    }
  }
  const std::size_t nargs = args.size();
  std::size_t npars = sig.params.size();
  std::vector<TypeId> params = sig.params;
  if (sig.variadic) {
    if (dots) {
      if (ast_[call_node].l0.size == 1 && nargs > 1) {
        std::string msg = "cannot use ... with ";
        msg += std::to_string(nargs);
        msg += "-valued ";
        msg += expr_str(ast_.list(ast_[call_node].l0)[0]);
        error(start_pos(call_node), msg);
        return;
      }
    } else if (nargs + 1 >= npars) {
      const TypeId elem = T[params.back()].elem;
      params.pop_back();
      while (params.size() < nargs) params.push_back(elem);
      npars = nargs;
    } else {
      npars--;
    }
  } else if (dots) {
    std::string msg = "cannot use ... in call to non-variadic ";
    msg += fname;
    error(start_pos(call_node), msg);
    return;
  }
  if (nargs != npars) {
    Pos at = start_pos(call_node);
    const char* q = "not enough";
    if (nargs > npars) {
      at = start_pos(args[npars].expr);
      q = "too many";
    } else if (nargs > 0) {
      at = start_pos(args[nargs - 1].expr);
    }
    std::vector<TypeId> have;
    std::vector<TypeSrc> have_srcs;
    for (const Operand& a : args) {
      have.push_back(a.type);
      have_srcs.push_back(a.expr != kNoNode ? src_of(a.expr) : TypeSrc{});
    }
    std::string msg = q;
    msg += " arguments in call to ";
    msg += fname;
    msg += "\n\thave ";
    msg += summary(*this, have, have_srcs, false);
    msg += "\n\twant ";
    msg += summary(*this, sig.params, psrcs, sig.variadic);
    error(at, msg);
    return;
  }
  std::string context = "argument to ";
  context += fname;
  for (std::size_t i = 0; i < nargs; ++i) {
    TypeSrc ps;
    if (!psrcs.empty()) {
      ps = psrcs[std::min(i, psrcs.size() - 1)];
      if (sig.variadic && !dots && i + 1 >= psrcs.size() && ps.node != kNoNode &&
          (*info_.asts[ps.file])[ps.node].kind == NodeKind::Ellipsis) {
        ps.node = (*info_.asts[ps.file])[ps.node].a;
      }
    }
    target_src_ = ps;
    assignment(args[i], params[i], context);
    target_src_ = {};
  }
}

// [SECTION] calls

void Checker::call(Operand& x, NodeId e) {
  if (generic_call(x, e)) return;  // inference and the call of an instance (checker_generics.cpp)
  const Node& n = ast_[e];
  expr_or_type(x, n.a);
  switch (x.mode) {
    case Mode::Invalid: {
      use_exprs(ast_.list(n.l0));
      x.mode = Mode::Invalid;
      return;
    }
    case Mode::Type: {
      const TypeId t = x.type;
      const auto args = ast_.list(n.l0);
      if (args.size() != 1 || (n.flags & kHasDots)) {
        std::string msg = args.empty() ? "missing argument in conversion to " : "too many arguments in conversion to ";
        msg += type_str(t);
        if (n.flags & kHasDots && args.size() == 1) {
          msg = "invalid use of ... in conversion to ";
          msg += type_str(t);
        }
        error(args.empty() ? pos_of(e) : start_pos(args.back()), msg);
        use_exprs(args);
        x.mode = Mode::Invalid;
        return;
      }
      expr(x, args[0]);
      if (x.invalid()) return;
      conversion(x, e, t);
      return;
    }
    case Mode::Builtin: builtin_call(x, e, x.builtin); return;
    default: break;
  }
  if (T.underlying_kind(x.type) != vm::Kind::Func) {
    std::string msg = "invalid operation: cannot call non-function ";
    msg += operand_str(x);
    error(start_pos(n.a), msg);
    // types2 does not evaluate the arguments (their variables stay unused)
    x.mode = Mode::Invalid;
    return;
  }
  const TypeId sig = x.type;
  std::vector<Operand> args;
  collect_args(e, args);
  arguments(e, sig, args, (n.flags & kHasDots) != 0, expr_str(n.a));
  call_result(x, sig, e);
}

void Checker::call_result(Operand& x, TypeId sig, NodeId e) {
  const vm::Type& s = T[T.underlying(sig)];
  if (s.results.empty()) {
    x.mode = Mode::NoValue;
    x.type = vm::kNoType;
  } else if (s.results.size() == 1) {
    x.mode = Mode::Value;
    x.type = s.results[0];
  } else {
    x.mode = Mode::Value;
    x.type = T.tuple_of(s.results);
  }
  x.expr = e;
}

// [SECTION] conversions

bool Checker::slice_to_array_pointer(TypeId from, TypeId to) const {
  const TypeId fu = T.underlying(from), tu = T.underlying(to);
  if (T.kind(fu) != vm::Kind::Slice || T.kind(tu) != vm::Kind::Pointer) return false;
  const TypeId a = T.underlying(T[tu].elem);
  return T.kind(a) == vm::Kind::Array && T[fu].elem == T[a].elem;
}

bool Checker::convertible(Operand& x, TypeId t) {
  if (assignable(x, t, nullptr)) return true;
  const TypeId v = x.type;
  const TypeId vu = T.underlying(v), tu = T.underlying(t);
  if (T.identical_ignoring_tags(vu, tu)) return true;
  if (T.kind(v) == vm::Kind::Pointer && T.kind(t) == vm::Kind::Pointer &&
      T.identical_ignoring_tags(T.underlying(T[v].elem), T.underlying(T[t].elem))) {
    return true;
  }
  if ((T.is_integer(v) || T.is_float(v)) && (T.is_integer(t) || T.is_float(t))) return true;
  if (T.is_complex(v) && T.is_complex(t)) return true;
  if (slice_to_array_pointer(v, t)) return true;  // Go 1.17
  const auto byte_or_rune_slice = [&](TypeId s) {
    if (T.kind(T.underlying(s)) != vm::Kind::Slice) return false;
    const vm::Kind ek = T.underlying_kind(T[T.underlying(s)].elem);
    return ek == vm::Kind::Uint8 || ek == vm::Kind::Int32;
  };
  if (T.is_string(t) && (T.is_integer(v) || byte_or_rune_slice(v))) return true;
  if (T.is_string(v) && byte_or_rune_slice(t)) return true;
  return false;
}

void Checker::conversion(Operand& x, NodeId e, TypeId t) {
  const bool const_arg = x.mode == Mode::Constant;
  bool ok = false;
  if (const_arg && const_type(T, t)) {
    Operand copy = x;
    if (representation(T, copy, t) == 0 && !(T.is_string(t) != (copy.val.kind == ConstKind::String)) &&
        !(T.is_boolean(t) != (copy.val.kind == ConstKind::Bool))) {
      x.val = copy.val;
      ok = true;
    } else if (T.is_integer(x.type) && T.is_string(t)) {
      // string(65) = "A"; out-of-range code points become U+FFFD
      std::uint32_t cp = 0xFFFD;
      if (auto v = x.val.as_int(); v && v->fits_u64() && v->to_u64() <= 0x10FFFF &&
                                   !(v->to_u64() >= 0xD800 && v->to_u64() <= 0xDFFF)) {
        cp = static_cast<std::uint32_t>(v->to_u64());
      }
      std::string s;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
      x.val = Constant::make_string(s);
      ok = true;
    }
    if (ok && T.is_untyped(x.type)) {
      // the constant argument takes the conversion's type
      if (T.is_integer(x.type) && T.is_string(t)) {
        update_untyped(x.expr, default_type(x.type));
      } else {
        update_untyped(x.expr, t);
        auto c = info_.constant_of[file_].find(x.expr);
        if (c != info_.constant_of[file_].end()) c->second = x.val;
      }
    }
  } else if (convertible(x, t)) {
    ok = true;
    if (T.is_untyped(x.type)) {
      TypeId final = t;
      if (T.is_interface(t) || const_arg) final = default_type(x.type);
      if (x.type == vm::kUntypedNil) final = t;
      update_untyped(x.expr, final);
    }
    x.mode = Mode::Value;
  }
  if (!ok) {
    // types2's representableConst stores ToInt's value before an integer range check fails:
    // uint8(256 + 0i) quotes the constant as 256
    if (const_arg && x.val.is_complex() && T.is_integer(t) && x.val.as_int()) {
      x.val = Constant::make_int(*x.val.as_int());
    }
    std::string msg = "cannot convert ";
    msg += operand_str(x);
    msg += " to type ";
    msg += gc_type(t, TypeSrc{file_, ast_[e].a});  // the type as written (byte, any)
    if (const_arg && const_type(T, t) && T.is_numeric(x.type) && T.is_numeric(t) && !T.is_complex(x.type)) {
      msg += T.is_integer(t) && !x.val.as_int() ? " (truncated)" : "";
    }
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
    return;
  }
  x.type = t;
  x.expr = e;
}

// [SECTION] built-in functions

void Checker::builtin_call(Operand& x, NodeId e, Builtin b) {
  const Node& n = ast_[e];
  const auto args = ast_.list(n.l0);
  const std::string name = expr_str(n.a);
  // types2's exprList: a single call f() returning several values is the whole argument list of copy,
  // delete, print and println (copy(f()), print(f())). pre holds its values, or the one argument.
  std::vector<Operand> pre;
  if ((b == Builtin::Copy || b == Builtin::Delete || b == Builtin::Print || b == Builtin::Println ||
       b == Builtin::Complex || b == Builtin::Append) &&
      args.size() == 1 && !(n.flags & kHasDots)) {
    multi_expr(pre, args[0]);
  }
  const std::size_t nargs = pre.empty() ? args.size() : pre.size();
  auto arg = [&](std::size_t i, Operand& a, TypeId hint) {
    if (!pre.empty()) {
      a = pre[i];
    } else {
      expr(a, args[i], hint);
    }
  };
  auto arg_node = [&](std::size_t i) { return pre.empty() ? args[i] : args[0]; };
  auto arg_count = [&](std::size_t min, std::size_t max) {
    if (nargs < min) {
      std::string msg = "invalid operation: not enough arguments for ";
      msg += expr_str(e);
      msg += " (expected ";
      msg += std::to_string(min);
      msg += ", found ";
      msg += std::to_string(nargs);
      msg += ")";
      error(start_pos(e), msg);  // types2: inNode(call, call.Rparen), reported at the call's start
      if (pre.empty()) use_exprs(args);
      return false;
    }
    if (nargs > max) {
      std::string msg = "invalid operation: too many arguments for ";
      msg += expr_str(e);
      msg += " (expected ";
      msg += std::to_string(max);
      msg += ", found ";
      msg += std::to_string(nargs);
      msg += ")";
      error(start_pos(e), msg);
      if (pre.empty()) use_exprs(args);
      return false;
    }
    return true;
  };
  if ((n.flags & kHasDots) && b != Builtin::Append) {
    std::string msg = "invalid operation: invalid use of ... with built-in ";
    msg += name;
    error(pos_of(e), msg);
    use_exprs(args);
    x.mode = Mode::Invalid;
    return;
  }
  auto invalid_arg = [&](const Operand& a, const char* what) {
    std::string msg = "invalid argument: ";
    msg += operand_str(a);
    msg += " for ";
    msg += what;
    error(start_pos(a.expr), msg);
    x.mode = Mode::Invalid;
  };
  x.expr = e;
  switch (b) {
    case Builtin::Len:
    case Builtin::Cap: {
      if (!arg_count(1, 1)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand a;
      expr(a, args[0]);
      if (a.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      TypeId t = a.type;
      if (T.underlying_kind(t) == vm::Kind::Pointer && T.underlying_kind(T[T.underlying(t)].elem) == vm::Kind::Array)
        t = T[T.underlying(t)].elem;
      const vm::Type& u = T[T.underlying(t)];
      x.mode = Mode::Value;
      x.type = vm::kInt;
      switch (u.kind) {
        case vm::Kind::String:
        case vm::Kind::UntypedString:
          if (b == Builtin::Cap) {
            invalid_arg(a, name.c_str());
            return;
          }
          if (a.mode == Mode::Constant) {
            x.mode = Mode::Constant;
            x.val = Constant::make_int(static_cast<std::int64_t>(a.val.s.size()));
            if (T.is_untyped(a.type)) convert_untyped(a, vm::kString);
          }
          return;
        case vm::Kind::Array:
          if (!has_call_or_recv(ast_, args[0])) {
            x.mode = Mode::Constant;
            x.val = Constant::make_int(u.length);
          }
          return;
        case vm::Kind::Slice:
        case vm::Kind::Chan: return;
        case vm::Kind::Map:
          if (b == Builtin::Cap) break;
          return;
        default: break;
      }
      invalid_arg(a, name.c_str());
      return;
    }
    case Builtin::Append: {
      if (args.empty()) {
        error(start_pos(e), "invalid operation: not enough arguments for append() (expected 1, found 0)");
        x.mode = Mode::Invalid;
        return;
      }
      Operand s;
      if (!pre.empty()) {
        s = pre[0];  // append(f()): f's first result is the slice, the others are appended
      } else {
        expr(s, args[0]);
      }
      if (s.invalid()) {
        use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      if (s.type == vm::kUntypedNil) {
        error(start_pos(args[0]), "first argument to append must be a typed slice; have untyped nil");
        use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      if (T.underlying_kind(s.type) != vm::Kind::Slice) {
        std::string msg = "invalid argument: ";
        msg += operand_str(s);
        msg += " (";
        msg = "first argument to append must be a slice; have ";
        msg += operand_str(s);
        error(start_pos(args[0]), msg);
        use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      const TypeId st = s.type;
      const TypeId elem = T[T.underlying(st)].elem;
      if (n.flags & kHasDots) {
        if (args.size() != 2) {
          std::string msg = args.size() < 2 ? "not enough arguments for " : "too many arguments for ";
          msg += expr_str(e);
          error(pos_of(e), msg);
          use_exprs(args.subspan(1));
          x.mode = Mode::Invalid;
          return;
        }
        Operand a;
        expr(a, args[1]);
        if (a.invalid()) {
          x.mode = Mode::Invalid;
          return;
        }
        // append([]byte, string...) is special
        if (T.underlying_kind(elem) == vm::Kind::Uint8 && T.is_string(a.type)) {
          if (T.is_untyped(a.type)) convert_untyped(a, vm::kString);
        } else {
          assignment(a, st, "argument to append");  // wording approximates types2's
          if (a.invalid()) {
            x.mode = Mode::Invalid;
            return;
          }
        }
      } else {
        // the element type as written in the slice's type (byte, any)
        TypeSrc es;
        if (const TypeSrc ss = src_of(args[0]);
            ss.node != kNoNode && (*info_.asts[ss.file])[ss.node].kind == NodeKind::SliceType) {
          es = {ss.file, (*info_.asts[ss.file])[ss.node].a};
        }
        for (std::size_t i = 1; i < pre.size(); ++i) {
          Operand a = pre[i];
          assignment(a, elem, "argument to append");
        }
        for (std::size_t i = 1; i < args.size(); ++i) {
          Operand a;
          expr(a, args[i], elem);
          target_src_ = es;
          if (!a.invalid()) assignment(a, elem, "argument to append");
          target_src_ = {};
        }
      }
      x.mode = Mode::Value;
      x.type = st;
      return;
    }
    case Builtin::Close: {
      if (!arg_count(1, 1)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand c;
      expr(c, args[0]);
      if (c.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      if (T.underlying_kind(c.type) != vm::Kind::Chan) {
        std::string msg = "invalid operation: cannot close non-channel ";
        msg += operand_str(c);
        error(start_pos(args[0]), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (T[T.underlying(c.type)].dir == vm::ChanDir::Recv) {
        std::string msg = "invalid operation: cannot close receive-only channel ";
        msg += operand_str(c);
        error(start_pos(args[0]), msg);
        x.mode = Mode::Invalid;
        return;
      }
      x.mode = Mode::NoValue;
      x.type = vm::kNoType;
      return;
    }
    case Builtin::Copy: {
      if (!arg_count(2, 2)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand d, s;
      arg(0, d, vm::kNoType);
      arg(1, s, vm::kNoType);
      // a value of f() in copy(f()) is shown with its type as f's result list writes it ([]byte)
      auto show = [&](std::size_t i, const Operand& a) {
        if (pre.size() < 2) return operand_str(a);
        std::string t = expr_str(args[0]);
        t += " (value of type ";
        t += gc_type(a.type, tuple_elem_src(src_of(args[0]), i, pre.size()));
        t += ")";
        return t;
      };
      if (d.invalid() || s.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      // types2: dst is the first slice's element type, src the second's (byte for a string)
      TypeId dst = vm::kNoType, src = vm::kNoType;
      TypeSrc dst_src, src_src;
      if (T.underlying_kind(d.type) == vm::Kind::Slice) {
        dst = T[T.underlying(d.type)].elem;
        const TypeSrc ds = pre.size() < 2 ? src_of(args[0]) : tuple_elem_src(src_of(args[0]), 0, pre.size());
        if (ds.node != kNoNode && (*info_.asts[ds.file])[ds.node].kind == NodeKind::SliceType) {
          dst_src = {ds.file, (*info_.asts[ds.file])[ds.node].a};
        }
      }
      if (T.is_string(s.type)) {
        src = vm::kUint8;
        src_src.alias = 'b';
      } else if (T.underlying_kind(s.type) == vm::Kind::Slice) {
        src = T[T.underlying(s.type)].elem;
        const TypeSrc ss = pre.size() < 2 ? src_of(args[1]) : tuple_elem_src(src_of(args[0]), 1, pre.size());
        if (ss.node != kNoNode && (*info_.asts[ss.file])[ss.node].kind == NodeKind::SliceType) {
          src_src = {ss.file, (*info_.asts[ss.file])[ss.node].a};
        }
      }
      if (dst == vm::kNoType || src == vm::kNoType) {
        std::string msg = "invalid argument: copy expects slice arguments; found ";
        msg += show(0, d);
        msg += " and ";
        msg += show(1, s);
        error(start_pos(arg_node(0)), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (dst != src) {
        std::string msg = "invalid argument: arguments to copy ";
        msg += show(0, d);
        msg += " and ";
        msg += show(1, s);
        msg += " have different element types ";
        msg += gc_type(dst, dst_src);
        msg += " and ";
        msg += gc_type(src, src_src);
        error(start_pos(arg_node(0)), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (T.is_untyped(s.type)) convert_untyped(s, vm::kString);
      x.mode = Mode::Value;
      x.type = vm::kInt;
      return;
    }
    case Builtin::Delete: {
      if (!arg_count(2, 2)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand m;
      arg(0, m, vm::kNoType);
      if (m.invalid()) {
        if (pre.empty()) use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      if (T.underlying_kind(m.type) != vm::Kind::Map) {
        std::string msg = "invalid argument: ";
        msg += operand_str(m);
        msg += " is not a map";
        error(start_pos(arg_node(0)), msg);
        if (pre.empty()) use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      Operand k;
      const TypeId kt = T[T.underlying(m.type)].key;
      arg(1, k, kt);
      if (!k.invalid()) assignment(k, kt, "argument to delete");
      x.mode = Mode::NoValue;
      x.type = vm::kNoType;
      return;
    }
    case Builtin::Make: {
      if (args.empty()) {
        error(start_pos(e), "invalid operation: not enough arguments for make() (expected 1, found 0)");
        x.mode = Mode::Invalid;
        return;
      }
      const TypeId t = type_expr(args[0]);
      if (t == vm::kNoType) {
        use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      std::size_t min = 1;
      switch (T.underlying_kind(t)) {
        case vm::Kind::Slice: min = 2; break;
        case vm::Kind::Map: case vm::Kind::Chan: break;
        default: {
          std::string msg = "invalid argument: cannot make ";
          msg += expr_str(args[0]);
          msg += "; type must be slice, map, or channel";
          error(start_pos(args[0]), msg);
          use_exprs(args.subspan(1));
          x.mode = Mode::Invalid;
          return;
        }
      }
      if (args.size() < min || args.size() > min + 1 || (T.underlying_kind(t) != vm::Kind::Slice && args.size() > 2)) {
        std::string msg = "invalid operation: ";
        msg += expr_str(e);
        msg += " expects ";
        msg += std::to_string(min);
        msg += " or ";
        msg += std::to_string(min + 1);
        msg += " arguments; found ";
        msg += std::to_string(args.size());
        error(start_pos(e), msg);
        use_exprs(args.subspan(1));
        x.mode = Mode::Invalid;
        return;
      }
      std::int64_t sizes[2] = {-1, -1};
      for (std::size_t i = 1; i < args.size(); ++i) {
        Operand a;
        expr(a, args[i]);
        if (a.invalid()) continue;
        if (a.mode == Mode::Constant && T.is_untyped(a.type)) {
          if (!a.val.as_int()) {
            std::string msg = operand_str(a);
            msg += " truncated to int";
            error(start_pos(args[i]), msg);
            continue;
          }
          convert_untyped(a, vm::kInt);
          if (a.invalid()) continue;
        }
        if (!T.is_integer(a.type)) {
          std::string msg = "cannot convert ";
          msg += operand_str(a);
          msg += " to type int";
          msg = "invalid argument: index ";
          msg += operand_str(a);
          msg += " must be integer";
          error(start_pos(args[i]), msg);
          continue;
        }
        if (a.mode == Mode::Constant) {
          const auto v = a.val.as_int();
          if (v && v->negative()) {
            std::string msg = "invalid argument: index ";
            msg += operand_str(a);
            msg += " must not be negative";
            error(start_pos(args[i]), msg);
            continue;
          }
          if (v && v->fits_i64()) sizes[i - 1] = v->to_i64();
        }
      }
      if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
        std::string msg = "invalid argument: length and capacity swapped";
        error(start_pos(args[1]), msg);
      }
      x.mode = Mode::Value;
      x.type = t;
      return;
    }
    case Builtin::New: {
      if (!arg_count(1, 1)) {
        x.mode = Mode::Invalid;
        return;
      }
      const TypeId t = type_expr(args[0]);
      if (t == vm::kNoType) {
        x.mode = Mode::Invalid;
        return;
      }
      x.mode = Mode::Value;
      x.type = T.pointer_to(t);
      return;
    }
    case Builtin::Panic: {
      if (!arg_count(1, 1)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand a;
      expr(a, args[0]);
      if (!a.invalid()) assignment(a, vm::kEmptyInterface, "argument to panic");
      x.mode = Mode::NoValue;
      x.type = vm::kNoType;
      return;
    }
    case Builtin::Print:
    case Builtin::Println: {
      for (std::size_t i = 0; i < nargs; ++i) {
        Operand a;
        arg(i, a, vm::kNoType);
        if (a.invalid()) continue;
        if (a.type == vm::kUntypedNil) {
          std::string msg = "use of untyped nil in argument to built-in ";
          msg += name;
          error(start_pos(arg_node(i)), msg);
          continue;
        }
        assignment(a, vm::kNoType, "argument to built-in " + name);
      }
      x.mode = Mode::NoValue;
      x.type = vm::kNoType;
      return;
    }
    case Builtin::Complex: {
      if (!arg_count(2, 2)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand a, y;
      arg(0, a, vm::kNoType);
      arg(1, y, vm::kNoType);
      if (a.invalid() || y.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      const bool ua = T.is_untyped(a.type), uy = T.is_untyped(y.type);
      if (ua && !uy) {
        convert_untyped(a, y.type);
      } else if (uy && !ua) {
        convert_untyped(y, a.type);
      } else if (ua && uy) {
        if (a.mode == Mode::Constant && y.mode == Mode::Constant) {
          auto to_float = [&](Operand& o) {
            if (T.is_numeric(o.type) && o.val.imag_rat().is_zero()) {
              o.type = vm::kUntypedFloat;
              o.val = o.val.real_if_possible();
            }
          };
          to_float(a);
          to_float(y);
        } else {
          convert_untyped(a, vm::kFloat64);
          convert_untyped(y, vm::kFloat64);
        }
      }
      if (a.invalid() || y.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      if (a.type != y.type) {
        std::string msg = "invalid operation: ";
        msg += expr_str(e);
        msg += " (mismatched types ";
        msg += type_str(a.type);
        msg += " and ";
        msg += type_str(y.type);
        msg += ")";
        error(start_pos(a.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      TypeId res = vm::kNoType;
      switch (T.underlying_kind(a.type)) {
        case vm::Kind::Float32: res = vm::kComplex64; break;
        case vm::Kind::Float64: res = vm::kComplex128; break;
        case vm::Kind::UntypedFloat: res = vm::kUntypedComplex; break;
        default: break;
      }
      if (res == vm::kNoType) {
        std::string msg = "invalid argument: arguments have type ";
        msg += type_str(a.type);
        msg += ", expected floating-point";
        error(start_pos(a.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (a.mode == Mode::Constant && y.mode == Mode::Constant) {
        x.mode = Mode::Constant;
        x.val = Constant::make_complex(a.val.real_rat(), y.val.real_rat());
      } else {
        x.mode = Mode::Value;
      }
      x.type = res;
      return;
    }
    case Builtin::Real:
    case Builtin::Imag: {
      if (!arg_count(1, 1)) {
        x.mode = Mode::Invalid;
        return;
      }
      Operand a;
      expr(a, args[0]);
      if (a.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
      if (T.is_untyped(a.type)) {
        if (a.mode == Mode::Constant) {
          if (T.is_numeric(a.type)) a.type = vm::kUntypedComplex;
        } else {
          convert_untyped(a, vm::kComplex128);
          if (a.invalid()) {
            x.mode = Mode::Invalid;
            return;
          }
        }
      }
      TypeId res = vm::kNoType;
      switch (T.underlying_kind(a.type)) {
        case vm::Kind::Complex64: res = vm::kFloat32; break;
        case vm::Kind::Complex128: res = vm::kFloat64; break;
        case vm::Kind::UntypedComplex: res = vm::kUntypedFloat; break;
        default: break;
      }
      if (res == vm::kNoType) {
        std::string msg = "invalid argument: argument has type ";
        msg += type_str(a.type);
        msg += ", expected complex type";
        error(start_pos(a.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (a.mode == Mode::Constant) {
        x.mode = Mode::Constant;
        x.val = Constant::make_float(b == Builtin::Real ? a.val.real_rat() : a.val.imag_rat());
      } else {
        x.mode = Mode::Value;
      }
      x.type = res;
      return;
    }
    case Builtin::Recover: {
      if (!arg_count(0, 0)) {
        x.mode = Mode::Invalid;
        return;
      }
      x.mode = Mode::Value;
      x.type = vm::kEmptyInterface;
      return;
    }
    default: {
      std::string msg = name;
      msg += " is not supported";
      error(pos_of(e), msg);
      use_exprs(args);
      x.mode = Mode::Invalid;
      return;
    }
  }
}

}  // namespace gb::go::detail
