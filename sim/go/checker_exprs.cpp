// Expressions: operands, untyped constants and their conversion, unary and binary operators, composite
// literals, function literals, selectors, index, slice and type-assertion expressions, assignability.
//
// Sections, in order:
//   representability and untyped conversion
//   assignability
//   expressions
//   composite and function literals
//   selectors
//   index, slice, assertion
//   unary and binary operators
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

namespace {

bool num_range(vm::Kind k, NumRange* r) {
  switch (k) {
    case vm::Kind::Int: case vm::Kind::Int64: *r = NumRange::Int64; return true;
    case vm::Kind::Int8: *r = NumRange::Int8; return true;
    case vm::Kind::Int16: *r = NumRange::Int16; return true;
    case vm::Kind::Int32: *r = NumRange::Int32; return true;
    case vm::Kind::Uint: case vm::Kind::Uint64: case vm::Kind::Uintptr: *r = NumRange::Uint64; return true;
    case vm::Kind::Uint8: *r = NumRange::Uint8; return true;
    case vm::Kind::Uint16: *r = NumRange::Uint16; return true;
    case vm::Kind::Uint32: *r = NumRange::Uint32; return true;
    case vm::Kind::Float32: *r = NumRange::Float32; return true;
    case vm::Kind::Float64: *r = NumRange::Float64; return true;
    case vm::Kind::Complex64: *r = NumRange::Complex64; return true;
    case vm::Kind::Complex128: *r = NumRange::Complex128; return true;
    default: return false;
  }
}

bool is_comparison(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr || op == Tok::Geq;
}

NodeId unparen(const Ast& ast, NodeId n) {
  while (n != kNoNode && ast[n].kind == NodeKind::Paren) n = ast[n].a;
  return n;
}

}  // namespace

// [SECTION] representability and untyped conversion

// 0: representable (x.val rounded), 1: truncated float, 2: overflow, 3: not convertible.
int representation(vm::TypeTable& T, Operand& x, TypeId t) {
  const vm::Kind k = T.underlying_kind(t);
  const Constant& v = x.val;
  if (!v.known()) return 0;
  if (k == vm::Kind::Bool || k == vm::Kind::UntypedBool) return v.kind == ConstKind::Bool ? 0 : 3;
  if (k == vm::Kind::String || k == vm::Kind::UntypedString) return v.kind == ConstKind::String ? 0 : 3;
  if (!v.is_number()) return 3;
  if (k == vm::Kind::UntypedInt || k == vm::Kind::UntypedRune) {
    if (auto i = v.as_int()) {
      x.val = Constant::make_int(*i);
      return 0;
    }
    return 1;
  }
  if (k == vm::Kind::UntypedFloat) {
    if (v.is_complex()) {
      if (!v.im.is_zero()) return 1;
      x.val = v.real_if_possible();
    }
    return 0;
  }
  if (k == vm::Kind::UntypedComplex) {
    x.val = Constant::make_complex(v.real_rat(), v.imag_rat());
    return 0;
  }
  NumRange r;
  if (!num_range(k, &r)) return 3;
  Constant rounded;
  if (representable(v, r, &rounded)) {
    x.val = rounded;
    return 0;
  }
  const bool int_target = r < NumRange::Float32;
  if (int_target && !T.is_integer(x.type) && !v.as_int()) return 1;
  return 2;
}

bool Checker::representable(Operand& x, TypeId t, std::string* cause) {
  const int code = representation(T, x, t);
  if (code == 0) return true;
  if (cause) *cause = code == 1 ? "truncated" : code == 2 ? "overflows" : "";
  return false;
}

void Checker::overflow_check(Operand& x, Pos pos) {
  if (x.mode != Mode::Constant || !x.val.known()) return;
  if (!T.is_untyped(x.type)) {
    std::string cause;
    Operand copy = x;
    if (!representable(copy, x.type, &cause)) {
      // types2's invalidConversion: "<operand> overflows <type>", or "cannot convert" for other failures
      std::string msg = operand_str(x);
      msg += cause == "overflows" ? " overflows " : cause == "truncated" ? " truncated to " : " cannot convert to ";
      msg += type_str(T.underlying(x.type));
      error(x.expr != kNoNode ? start_pos(x.expr) : pos, msg);
      x.mode = Mode::Invalid;
      return;
    }
    x.val = copy.val;
    return;
  }
  if (x.val.kind == ConstKind::Int && x.val.i.bit_len() > 512) {
    error(pos, "constant overflow");
    x.val = Constant{};
  }
}

void Checker::update_untyped(NodeId e, TypeId target) {
  if (e == kNoNode) return;
  auto it = untyped_.find(e);
  if (it == untyped_.end()) return;
  const Node& n = ast_[e];
  switch (n.kind) {
    case NodeKind::Paren: update_untyped(n.a, target); break;
    case NodeKind::Unary:
      if (n.op == Tok::Add || n.op == Tok::Sub || n.op == Tok::Xor || n.op == Tok::Not) update_untyped(n.a, target);
      break;
    case NodeKind::Binary:
      if (is_comparison(n.op)) break;
      if (n.op == Tok::Shl || n.op == Tok::Shr) {
        update_untyped(n.a, target);
      } else {
        update_untyped(n.a, target);
        update_untyped(n.b, target);
      }
      break;
    default: break;
  }
  info_.type_of[file_][e] = target;
  if (T.is_untyped(target)) {
    it->second = target;
    return;
  }
  untyped_.erase(it);
  auto c = info_.constant_of[file_].find(e);
  if (c != info_.constant_of[file_].end()) {
    const vm::Kind k = T.underlying_kind(target);
    if (k >= vm::Kind::Bool && k <= vm::Kind::String) {
      Operand tmp;
      tmp.mode = Mode::Constant;
      tmp.type = target;
      tmp.val = c->second;
      if (representation(T, tmp, target) == 0) {
        c->second = tmp.val;
      }
    }
  }
}

bool Checker::convert_untyped(Operand& x, TypeId target) {
  if (x.invalid() || !T.is_untyped(x.type) || target == vm::kNoType) return true;
  auto fail = [&](int code) {
    std::string msg;
    const TypeId tu = T.underlying(target) != vm::kNoType ? T.underlying(target) : target;
    if (code == 1) {
      msg = operand_str(x);
      msg += " truncated to ";
      msg += type_str(tu);
    } else if (code == 2) {
      msg = operand_str(x);
      msg += " overflows ";
      msg += type_str(tu);
    } else {
      msg = "cannot convert ";
      msg += operand_str(x);
      msg += " to ";
      msg += type_str(tu);  // types2's convertUntyped reports the underlying type
    }
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
    return false;
  };
  if (T.is_untyped(target)) {
    const vm::Kind xk = T.kind(x.type), tk = T.kind(target);
    const bool xn = xk == vm::Kind::UntypedInt || xk == vm::Kind::UntypedRune || xk == vm::Kind::UntypedFloat ||
                    xk == vm::Kind::UntypedComplex;
    const bool tn = tk == vm::Kind::UntypedInt || tk == vm::Kind::UntypedRune || tk == vm::Kind::UntypedFloat ||
                    tk == vm::Kind::UntypedComplex;
    if (xn && tn) {
      if (tk > xk) {
        x.type = target;
        update_untyped(x.expr, target);
      }
      return true;
    }
    return xk == tk;
  }
  const vm::Kind k = T.underlying_kind(target);
  TypeId result = target;
  if (k >= vm::Kind::Bool && k <= vm::Kind::String) {
    if (x.mode == Mode::Constant) {
      const int code = representation(T, x, target);
      if (code != 0) {
        const bool numeric_both = T.is_numeric(x.type) && T.is_numeric(target);
        return fail(numeric_both ? code : 3);
      }
    } else {
      // Non-constant untyped values: comparison results and the left operands of delayed shifts.
      const vm::Kind xk = T.kind(x.type);
      bool ok = false;
      if (xk == vm::Kind::UntypedBool) ok = T.is_boolean(target);
      else if (xk == vm::Kind::UntypedInt || xk == vm::Kind::UntypedRune || xk == vm::Kind::UntypedFloat ||
               xk == vm::Kind::UntypedComplex)
        ok = T.is_numeric(target);
      else if (xk == vm::Kind::UntypedString) ok = T.is_string(target);
      if (!ok) return fail(3);
    }
  } else if (k == vm::Kind::Interface) {
    if (x.type != vm::kUntypedNil) {
      if (!T[T.underlying(target)].methods.empty()) return fail(3);
      result = default_type(x.type);
    }
  } else if (k == vm::Kind::Pointer || k == vm::Kind::Func || k == vm::Kind::Slice || k == vm::Kind::Map ||
             k == vm::Kind::Chan) {
    if (x.type != vm::kUntypedNil) return fail(3);
  } else {
    return fail(3);
  }
  x.type = result;
  update_untyped(x.expr, result);
  if (x.mode == Mode::Constant && x.expr != kNoNode) {
    auto c = info_.constant_of[file_].find(x.expr);
    if (c != info_.constant_of[file_].end()) c->second = x.val;
  }
  return true;
}

// [SECTION] assignability

bool Checker::assignable(Operand& x, TypeId t, std::string* reason) {
  const TypeId v = x.type;
  if (v == t || v == vm::kNoType || t == vm::kNoType) return true;
  const TypeId vu = T.underlying(v), tu = T.underlying(t);
  auto named = [&](TypeId id) {
    const vm::Kind k = T.kind(id);
    return k == vm::Kind::Named || (k >= vm::Kind::Bool && k <= vm::Kind::UnsafePointer);
  };
  if (T.is_untyped(v)) {
    if (v == vm::kUntypedNil) {
      const vm::Kind k = T.kind(tu);
      return k == vm::Kind::Pointer || k == vm::Kind::Func || k == vm::Kind::Slice || k == vm::Kind::Map ||
             k == vm::Kind::Chan || k == vm::Kind::Interface || k == vm::Kind::UnsafePointer;
    }
    if (T.kind(tu) == vm::Kind::Interface) return T[tu].methods.empty();
    Operand copy = x;
    return representation(T, copy, t) == 0 || (x.mode != Mode::Constant && T.is_boolean(v) && T.is_boolean(t));
  }
  if (vu == tu && (!named(v) || !named(t))) return true;
  if (T.kind(tu) == vm::Kind::Interface) {
    std::string r;
    if (implements(v, t, &r)) return true;
    if (reason) *reason = r;
    return false;
  }
  if (T.kind(vu) == vm::Kind::Interface && T.kind(tu) != vm::Kind::Interface) {
    // types2: only when t could be asserted from x (t implements x's interface)
    if (reason && implements(t, v, nullptr)) *reason = "need type assertion";
    return false;
  }
  if (T.kind(vu) == vm::Kind::Chan && T.kind(tu) == vm::Kind::Chan && T[vu].dir == vm::ChanDir::Both &&
      T[vu].elem == T[tu].elem && (!named(v) || !named(t))) {
    return true;
  }
  return false;
}

void Checker::assignment(Operand& x, TypeId t, const std::string& context) {
  single_value(x);
  if (x.invalid()) return;
  if (x.mode == Mode::Type || x.mode == Mode::Builtin || x.mode == Mode::Package || x.mode == Mode::NoValue) {
    std::string msg = "cannot assign ";
    msg += operand_str(x);
    msg += " to ";
    msg += type_str(t);
    msg += " in ";
    msg += context;
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
    return;
  }
  if (T.is_untyped(x.type)) {
    TypeId target = t;
    if (x.type == vm::kUntypedNil) {
      if (t == vm::kNoType) {
        std::string msg = "use of untyped nil in ";
        msg += context;
        error(start_pos(x.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
    } else if (t == vm::kNoType || T.is_interface(t)) {
      target = default_type(x.type);
    }
    if (target != vm::kNoType) {
      Operand copy = x;
      const vm::Kind k = T.underlying_kind(target);
      int code = 0;
      if (k >= vm::Kind::Bool && k <= vm::Kind::String) {
        if (x.mode == Mode::Constant) {
          code = representation(T, copy, target);
          if (code != 0 && !(T.is_numeric(x.type) && T.is_numeric(target))) code = 3;
        } else {
          const vm::Kind xk = T.kind(x.type);
          bool ok = xk == vm::Kind::UntypedBool ? T.is_boolean(target) : T.is_numeric(target);
          if (xk == vm::Kind::UntypedString) ok = T.is_string(target);
          code = ok ? 0 : 3;
        }
      } else if (k == vm::Kind::Interface) {
        code = x.type == vm::kUntypedNil || T[T.underlying(target)].methods.empty() ? 0 : 3;
      } else if (k == vm::Kind::Pointer || k == vm::Kind::Func || k == vm::Kind::Slice || k == vm::Kind::Map ||
                 k == vm::Kind::Chan) {
        code = x.type == vm::kUntypedNil ? 0 : 3;
      } else {
        code = 3;
      }
      if (x.type == vm::kUntypedNil && k != vm::Kind::Pointer && k != vm::Kind::Func && k != vm::Kind::Slice &&
          k != vm::Kind::Map && k != vm::Kind::Chan && k != vm::Kind::Interface && k != vm::Kind::UnsafePointer) {
        code = 3;  // nil is no value of a basic or composite type
      }
      if (code != 0) {
        std::string msg = "cannot use ";
        msg += operand_str(x);
        msg += " as ";
        msg += gc_type(target, target_src_);
        msg += " value in ";
        msg += context;
        if (code == 1) msg += " (truncated)";
        if (code == 2) msg += " (overflows)";
        error(start_pos(x.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      convert_untyped(x, x.type == vm::kUntypedNil ? t : target);
      if (x.invalid()) return;
    }
  }
  if (t == vm::kNoType) return;
  std::string reason;
  if (!assignable(x, t, &reason)) {
    std::string msg = "cannot use ";
    msg += operand_str(x);
    msg += " as type ";
    msg += gc_type(t, target_src_);
    msg += " in ";
    msg += context;
    if (!reason.empty()) {
      msg += ":\n\t";
      msg += reason;
    }
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
  }
}

// [SECTION] expressions

void Checker::single_value(Operand& x) {
  if (x.mode == Mode::Value && x.type != vm::kNoType && T.kind(x.type) == vm::Kind::Tuple) {
    std::string msg = "multiple-value ";
    msg += operand_str(x);
    msg += " in single-value context";
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
  }
}

void Checker::expr(Operand& x, NodeId e, TypeId hint) {
  raw_expr(x, e, hint);
  single_value(x);
  std::string msg;
  switch (x.mode) {
    case Mode::NoValue:
      msg = expr_str(e);
      msg += " (no value) used as value";
      break;
    case Mode::Builtin:
      msg = expr_str(e);
      msg += " (built-in) must be called";
      break;
    case Mode::Type:
      msg = expr_str(e);
      msg += " (type) is not an expression";
      break;
    case Mode::Package:
      msg = "use of package ";
      msg += expr_str(e);
      msg += " not in selector";  // types2 1.19 (typexpr.go)
      break;
    default: return;
  }
  error(start_pos(e), msg);
  x.mode = Mode::Invalid;
}

void Checker::expr_or_type(Operand& x, NodeId e) {
  raw_expr(x, e, vm::kNoType);
  single_value(x);
  if (x.mode == Mode::NoValue) {
    std::string msg = expr_str(e);
    msg += " (no value) used as value";
    error(start_pos(e), msg);
    x.mode = Mode::Invalid;
  }
}

void Checker::multi_expr(std::vector<Operand>& out, NodeId e) {
  Operand x;
  raw_expr(x, e, vm::kNoType);
  if (x.mode == Mode::Value && T.kind(x.type) == vm::Kind::Tuple) {
    for (TypeId m : T[x.type].params) {
      Operand v;
      v.mode = Mode::Value;
      v.type = m;
      v.expr = e;
      out.push_back(v);
    }
    return;
  }
  std::string msg;
  switch (x.mode) {
    case Mode::NoValue:
      msg = expr_str(e);
      msg += " (no value) used as value";
      break;
    case Mode::Builtin:
      msg = expr_str(e);
      msg += " (built-in) must be called";
      break;
    case Mode::Type:
      msg = expr_str(e);
      msg += " (type) is not an expression";
      break;
    case Mode::Package:
      msg = "use of package ";
      msg += expr_str(e);
      msg += " not in selector";  // types2 1.19 (typexpr.go)
      break;
    default: break;
  }
  if (!msg.empty()) {
    error(start_pos(e), msg);
    x.mode = Mode::Invalid;
  }
  out.push_back(x);
}

void Checker::use_exprs(std::span<const NodeId> es) {
  for (NodeId e : es) {
    Operand x;
    raw_expr(x, e, vm::kNoType);
  }
}

void Checker::raw_expr(Operand& x, NodeId e, TypeId hint) {
  x = Operand{};
  x.expr = e;
  if (e == kNoNode) return;
  const Node& n = ast_[e];
  switch (n.kind) {
    case NodeKind::Bad: break;
    case NodeKind::Ident: ident(x, e); break;
    case NodeKind::BasicLit: basic_lit(x, e); break;
    case NodeKind::CompositeLit: composite_lit(x, e, hint); break;
    case NodeKind::FuncLit: func_lit(x, e); break;
    case NodeKind::Paren: {
      raw_expr(x, n.a, hint);
      x.expr = e;
      break;
    }
    case NodeKind::Selector: selector(x, e); break;
    case NodeKind::Index: index_expr(x, e); break;
    case NodeKind::Slice: slice_expr(x, e); break;
    case NodeKind::TypeAssert: type_assert(x, e); break;
    case NodeKind::Call: call(x, e); break;
    case NodeKind::Star: star_expr(x, e); break;
    case NodeKind::Unary: unary(x, e); break;
    case NodeKind::Binary: binary(x, e, n.a, n.b, n.op, n.pos); break;
    case NodeKind::KeyValue:
      error_at(e, "unexpected key:value expression");
      break;
    case NodeKind::ArrayType: case NodeKind::SliceType: case NodeKind::MapType: case NodeKind::ChanType:
    case NodeKind::FuncType: case NodeKind::StructType: case NodeKind::InterfaceType: {
      const TypeId t = type_expr(e);
      if (t != vm::kNoType) {
        x.mode = Mode::Type;
        x.type = t;
      }
      break;
    }
    case NodeKind::Ellipsis: error_at(e, "invalid use of ..."); break;
    default: error_at(e, "invalid expression"); break;
  }
  x.expr = e;
  if (x.mode == Mode::Invalid) x.type = vm::kNoType;
  if (x.mode == Mode::Type) {
    record_type(e, x.type);
  } else {
    record(e, x);
  }
}

void Checker::ident(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  if (n.text == "_") {
    error_at(e, "cannot use _ as value");
    return;
  }
  const ObjId o = lookup(n.text);
  if (o == kNoObj) {
    std::string msg = "undefined: ";
    msg += n.text;
    error_at(e, msg);
    return;
  }
  record_obj(e, o);
  x.obj = o;
  if (info_.objects[o].generic != kNoNode) {
    info_.objects[o].used = true;
    if (info_.objects[o].kind == ObjKind::Func) {
      error_at(e, fmt::format("cannot use generic function {} without instantiation", n.text));
    } else {
      error_at(e, fmt::format("cannot use generic type {} without instantiation", generic_decl_str(o)));
    }
    return;
  }
  {
    Object& obj = info_.objects[o];
    if (obj.package_level && obj.file == file_ && obj.kind != ObjKind::Package) obj_decl(o);
  }
  use_object(o, e);
  const Object& obj = info_.objects[o];
  switch (obj.kind) {
    case ObjKind::Const:
      if (obj.name == "iota" && info_.universe.count("iota") && info_.universe.at("iota") == o) {
        if (iota_ < 0) {
          error_at(e, "cannot use iota outside constant declaration");
          return;
        }
        x.mode = Mode::Constant;
        x.type = vm::kUntypedInt;
        x.val = Constant::make_int(iota_);
        return;
      }
      if (obj.type == vm::kNoType) return;
      x.mode = Mode::Constant;
      x.type = obj.type;
      x.val = obj.value;
      return;
    case ObjKind::TypeName:
      if (obj.type == vm::kNoType) return;
      x.mode = Mode::Type;
      x.type = obj.type;
      return;
    case ObjKind::Var:
      if (obj.type == vm::kNoType) return;
      x.mode = Mode::Variable;
      x.type = obj.type;
      return;
    case ObjKind::Func:
      if (obj.type == vm::kNoType) return;
      x.mode = Mode::Value;
      x.type = obj.type;
      return;
    case ObjKind::Builtin:
      x.mode = Mode::Builtin;
      x.builtin = obj.builtin;
      return;
    case ObjKind::Nil:
      x.mode = Mode::Value;
      x.type = vm::kUntypedNil;
      return;
    case ObjKind::Package: x.mode = Mode::Package; return;
    case ObjKind::Label: return;
  }
}

void Checker::basic_lit(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  switch (n.op) {
    case Tok::Int: {
      auto v = BigInt::parse(n.text);
      if (!v || v->bit_len() > 512) {
        error_at(e, "integer constant overflow");
        return;
      }
      x.mode = Mode::Constant;
      x.type = vm::kUntypedInt;
      x.val = Constant::make_int(*v);
      return;
    }
    case Tok::Float: {
      auto f = Rat::parse(n.text);
      if (!f) {
        std::string msg = "malformed constant: ";
        msg += n.text;
        error_at(e, msg);
        return;
      }
      x.mode = Mode::Constant;
      x.type = vm::kUntypedFloat;
      x.val = Constant::make_float(std::move(*f));
      return;
    }
    case Tok::Char:
      x.mode = Mode::Constant;
      x.type = vm::kUntypedRune;
      x.val = Constant::make_int(static_cast<std::int64_t>(n.num));
      return;
    case Tok::String:
      x.mode = Mode::Constant;
      x.type = vm::kUntypedString;
      x.val = Constant::make_string(n.value);
      return;
    case Tok::Imag: {
      // The digits before the i are a float literal, or decimal even with a leading 0 (the spec's rule for
      // backward compatibility): 0123i is 123i.
      std::string digits = n.text.substr(0, n.text.size() - 1);
      std::optional<Rat> f;
      if (digits.find_first_not_of("0123456789_") == std::string::npos) {
        const std::size_t nz = digits.find_first_not_of("0_");
        digits = nz == std::string::npos ? "0" : digits.substr(nz);
      }
      if (auto i = BigInt::parse(digits)) {
        f = Constant::make_int(*i).as_rat();
      } else {
        f = Rat::parse(digits);
      }
      if (!f) {
        std::string msg = "malformed constant: ";
        msg += n.text;
        error_at(e, msg);
        return;
      }
      x.mode = Mode::Constant;
      x.type = vm::kUntypedComplex;
      x.val = Constant::make_complex(Rat{}, std::move(*f));
      return;
    }
    default: error_at(e, "unsupported literal"); return;
  }
}

// [SECTION] composite and function literals

void Checker::composite_lit(Operand& x, NodeId e, TypeId hint) {
  const Node& n = ast_[e];
  TypeId typ = vm::kNoType, base = vm::kNoType;
  if (n.a != kNoNode) {
    const Node& tn = ast_[n.a];
    if (tn.kind == NodeKind::ArrayType && (tn.flags & kDotsLen)) {
      // [...]T{...}: the length is the number of elements (with keys: the largest index + 1)
      const TypeId elem = type_expr(tn.b);
      const std::int64_t max = indexed_elts(ast_.list(n.l0), elem, -1);
      if (elem == vm::kNoType) {
        use_exprs({});
        return;
      }
      typ = T.array_of(elem, max);
      record_type(n.a, typ);
      x.mode = Mode::Value;
      x.type = typ;
      return;
    }
    typ = type_expr(n.a);
    base = typ;
  } else if (hint != vm::kNoType) {
    typ = hint;
    base = hint;
    if (T.underlying_kind(hint) == vm::Kind::Pointer) base = T[T.underlying(hint)].elem;  // *T implies &T{}
  } else {
    error_at(e, "invalid composite literal type: missing type");
    for (NodeId el : ast_.list(n.l0)) {
      Operand tmp;
      raw_expr(tmp, ast_[el].kind == NodeKind::KeyValue ? ast_[el].b : el, vm::kNoType);
    }
    return;
  }
  if (typ == vm::kNoType) {
    for (NodeId el : ast_.list(n.l0)) {
      Operand tmp;
      raw_expr(tmp, ast_[el].kind == NodeKind::KeyValue ? ast_[el].b : el, vm::kNoType);
    }
    return;
  }
  const vm::Type& u = T[T.underlying(base)];
  const auto elems = ast_.list(n.l0);
  switch (u.kind) {
    case vm::Kind::Struct: {
      const std::vector<vm::StructField> fields = u.fields;
      if (elems.empty()) break;
      const bool keyed = ast_[elems[0]].kind == NodeKind::KeyValue;
      if (keyed) {
        std::set<std::uint32_t> seen;
        for (NodeId el : elems) {
          if (ast_[el].kind != NodeKind::KeyValue) {
            error_at(el, "mixture of field:value and value elements in struct literal");
            Operand tmp;
            expr(tmp, el);
            continue;
          }
          const NodeId key = ast_[el].a;
          const NodeId val = ast_[el].b;
          if (ast_[key].kind != NodeKind::Ident) {
            std::string msg = "invalid field name ";
            msg += expr_str(key);
            msg += " in struct literal";
            error_at(key, msg);
            Operand tmp;
            expr(tmp, val);
            continue;
          }
          std::uint32_t fi = UINT32_MAX;
          for (std::uint32_t i = 0; i < fields.size(); ++i) {
            if (fields[i].name == ast_[key].text) fi = i;
          }
          if (fi == UINT32_MAX) {
            std::string msg = "unknown field '";
            msg += ast_[key].text;
            msg += "' in struct literal of type ";
            msg += type_str(base);
            error_at(key, msg);
            Operand tmp;
            expr(tmp, val);
            continue;
          }
          Selection s;
          s.kind = Selection::Kind::Field;
          s.path = {fi};
          s.deref = {false};
          info_.selection_of[file_][key] = s;
          info_.type_of[file_][key] = fields[fi].type;
          Operand v;
          expr(v, val, fields[fi].type);
          if (!seen.insert(fi).second) {
            std::string msg = "duplicate field name ";
            msg += ast_[key].text;
            msg += " in struct literal";
            error_at(el, msg);  // types2: at the KeyValueExpr (its ':')
            continue;
          }
          if (!v.invalid()) assignment(v, fields[fi].type, "struct literal");
        }
      } else {
        std::size_t i = 0;
        bool reported = false;
        for (NodeId el : elems) {
          if (ast_[el].kind == NodeKind::KeyValue) {
            error_at(el, "mixture of field:value and value elements in struct literal");
            Operand tmp;
            expr(tmp, ast_[el].b);
            reported = true;
            continue;
          }
          Operand v;
          expr(v, el, i < fields.size() ? fields[i].type : vm::kNoType);
          if (i >= fields.size()) {
            if (!reported) {
              std::string msg = "too many values in ";
              msg += expr_str(e);
              error(start_pos(v.expr), msg);
              reported = true;
            }
            ++i;
            continue;
          }
          if (!v.invalid()) assignment(v, fields[i].type, "struct literal");
          ++i;
        }
        if (i < fields.size() && !reported) {
          // types2: "%s{…}" of base (an elided type's hint is its core, i.e. underlying, type)
          std::string msg = "too few values in ";
          msg += n.a != kNoNode ? expr_str(n.a) : typ != base ? type_str(base) : type_str(T.underlying(base));
          msg += "{…}";
          error(rbrace_of(e), msg);  // gc reports at the closing brace
        }
      }
      break;
    }
    case vm::Kind::Array:
    case vm::Kind::Slice: {
      indexed_elts(elems, u.elem, u.kind == vm::Kind::Array ? u.length : -1);
      break;
    }
    case vm::Kind::Map: {
      std::vector<Constant> keys;
      for (NodeId el : elems) {
        if (ast_[el].kind != NodeKind::KeyValue) {
          error(start_pos(el), "missing key in map literal");
          Operand tmp;
          expr(tmp, el);
          continue;
        }
        Operand k;
        expr(k, ast_[el].a, u.key);
        if (!k.invalid()) assignment(k, u.key, "map literal");
        if (!k.invalid() && k.mode == Mode::Constant && !T.is_interface(u.key)) {
          bool dup = false;
          for (const Constant& c : keys) dup = dup || c == k.val;
          if (dup) {
            std::string msg = "duplicate key ";
            msg += expr_str(ast_[el].a);
            msg += " in map literal";
            error(start_pos(ast_[el].a), msg);
          }
          keys.push_back(k.val);
        }
        Operand v;
        expr(v, ast_[el].b, u.elem);
        if (!v.invalid()) assignment(v, u.elem, "map literal");
      }
      break;
    }
    default: {
      std::string msg = "invalid composite literal type ";
      msg += type_str(typ);
      error_at(e, msg);
      for (NodeId el : elems) {
        Operand tmp;
        raw_expr(tmp, ast_[el].kind == NodeKind::KeyValue ? ast_[el].b : el, vm::kNoType);
      }
      return;
    }
  }
  x.mode = Mode::Value;
  x.type = typ;
}

void Checker::func_lit(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  Object o;
  o.kind = ObjKind::Func;
  o.name = "func";
  o.package = path_;
  o.decl = e;
  const ObjId fo = new_object(std::move(o));
  record_obj(e, fo);
  info_.captures_of[file_][e];  // every FuncLit has an entry, possibly empty
  FuncCtx ctx;
  ctx.node = e;
  ctx.obj = fo;
  const TypeId sig = func_type(n.a, kNoNode, e, &ctx);
  record_type(n.a, sig);
  info_.objects[fo].type = sig;
  ctx.sig = sig;
  func_lits_.push_back(e);
  const std::int64_t saved_iota = iota_;
  iota_ = -1;
  func_body(e, fo, sig, n.b, std::move(ctx));
  iota_ = saved_iota;
  func_lits_.pop_back();
  x.mode = Mode::Value;
  x.type = sig;
}

void Checker::mark_address_taken(NodeId e) {
  // &x, &x.f, &x[i] (arrays), x[:] of an array, x.m() with a pointer method: the root variable's address
  // escapes; stop at anything that already goes through a pointer.
  for (int guard = 0; guard < 1000 && e != kNoNode; ++guard) {
    const Node& n = ast_[e];
    if (n.kind == NodeKind::Paren) {
      e = n.a;
    } else if (n.kind == NodeKind::Ident) {
      const ObjId o = info_.obj_of[file_][e];
      if (o != kNoObj && info_.objects[o].kind == ObjKind::Var) info_.objects[o].address_taken = true;
      return;
    } else if (n.kind == NodeKind::Selector) {
      auto it = info_.selection_of[file_].find(e);
      if (it == info_.selection_of[file_].end() || it->second.kind != Selection::Kind::Field) return;
      for (bool d : it->second.deref) {
        if (d) return;
      }
      e = n.a;
    } else if (n.kind == NodeKind::Index) {
      if (T.underlying_kind(info_.type_of[file_][n.a]) != vm::Kind::Array) return;
      e = n.a;
    } else {
      return;
    }
  }
}

// [SECTION] selectors

void Checker::selector(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  const std::string& sel = ast_[n.b].text;
  // pkg.Name
  if (ast_[n.a].kind == NodeKind::Ident) {
    const ObjId po = lookup(ast_[n.a].text);
    if (po != kNoObj && info_.objects[po].kind == ObjKind::Package) {
      info_.objects[po].used = true;
      record_obj(n.a, po);
      info_.mode_of[file_][n.a] = Mode::Package;
      const Info::PackageInfo& p = info_.packages[info_.objects[po].package_scope];
      auto it = p.members.find(sel);
      const bool exported = !sel.empty() && sel[0] >= 'A' && sel[0] <= 'Z';
      if (it == p.members.end() || !exported) {
        std::string msg;
        if (it != p.members.end()) {
          msg = "name ";
          msg += sel;
          msg += " not exported by package ";
          msg += p.name;
        } else {
          msg = "undefined: ";
          msg += ast_[n.a].text;
          msg += ".";
          msg += sel;
        }
        error_at(n.b, msg);
        return;
      }
      const ObjId mo = it->second;
      record_obj(n.b, mo);
      x.obj = mo;
      Selection s;
      s.kind = Selection::Kind::Qualified;
      s.obj = mo;
      info_.selection_of[file_][e] = s;
      info_.objects[mo].used = true;
      const Object& obj = info_.objects[mo];
      switch (obj.kind) {
        case ObjKind::Const:
          x.mode = Mode::Constant;
          x.type = obj.type;
          x.val = obj.value;
          break;
        case ObjKind::TypeName:
          x.mode = Mode::Type;
          x.type = obj.type;
          break;
        case ObjKind::Var:
          x.mode = Mode::Variable;
          x.type = obj.type;
          break;
        case ObjKind::Func:
          x.mode = Mode::Value;
          x.type = obj.type;
          break;
        default: return;
      }
      if (x.type == vm::kNoType) x.mode = Mode::Invalid;
      Operand rec = x;
      rec.expr = n.b;
      if (rec.mode == Mode::Type) record_type(n.b, rec.type);
      else record(n.b, rec);
      return;
    }
  }
  expr_or_type(x, n.a);
  if (x.invalid()) return;
  if (x.mode == Mode::Type) {
    // Method expression T.m / (*T).m.
    const TypeId recv = x.type;
    Lookup l = lookup_field_or_method(recv, sel);
    if (l.found != Lookup::Found::Method && l.found != Lookup::Found::InterfaceMethod) {
      std::string msg = expr_str(e);
      msg += " undefined (type ";
      msg += type_str(recv);
      msg += " has no method ";
      msg += sel;
      msg += ")";
      error_at(n.b, msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (l.found == Lookup::Found::Method && l.pointer_receiver && T.underlying_kind(recv) != vm::Kind::Pointer &&
        !l.indirect) {
      // types2 1.19: the lookup fails with indirect set
      std::string msg = "cannot call pointer method ";
      msg += sel;
      msg += " on ";
      msg += type_str(recv);
      error_at(n.b, msg);
      x.mode = Mode::Invalid;
      return;
    }
    const vm::Type& sig = T[l.type];
    std::vector<TypeId> params{recv};
    params.insert(params.end(), sig.params.begin(), sig.params.end());
    Selection s;
    s.kind = Selection::Kind::MethodExpr;
    s.obj = l.method;
    s.index = l.index;
    s.path = l.path;
    s.deref = l.deref;
    info_.selection_of[file_][e] = s;
    if (l.method != kNoObj) {
      record_obj(n.b, l.method);
      use_object(l.method, n.b);  // a reference to a method counts for initialization order (the spec)
    }
    x.mode = Mode::Value;
    x.type = T.func_of(std::move(params), sig.results, sig.variadic);
    return;
  }
  if (x.mode == Mode::Package) return;
  const TypeId t = x.type;
  Lookup l = lookup_field_or_method(t, sel);
  if (l.found == Lookup::Found::None || l.found == Lookup::Found::Ambiguous) {
    std::string msg = expr_str(e);
    msg += " undefined (";
    if (l.found == Lookup::Found::Ambiguous) {
      msg = "ambiguous selector ";
      msg += expr_str(e);
      error_at(n.b, msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (T.underlying_kind(t) == vm::Kind::Pointer && T.is_interface(T[T.underlying(t)].elem)) {
      msg += "type ";
      msg += type_str(t);
      msg += " is pointer to interface, not interface)";
    } else {
      msg += "type ";
      msg += type_str(t);
      msg += " has no field or method ";
      msg += sel;
      // a differently capitalized match
      std::string alt;
      for (const char* c : {"upper", "lower"}) {
        std::string s2 = sel;
        if (!s2.empty()) s2[0] = std::string(c) == "upper" ? static_cast<char>(std::toupper(s2[0]))
                                                            : static_cast<char>(std::tolower(s2[0]));
        if (s2 != sel && lookup_field_or_method(t, s2).found != Lookup::Found::None) alt = s2;
      }
      if (!alt.empty()) {
        msg += ", but does have ";
        msg += alt;
      }
      msg += ")";
    }
    error_at(n.b, msg);
    x.mode = Mode::Invalid;
    return;
  }
  Selection s;
  s.path = l.path;
  s.deref = l.deref;
  switch (l.found) {
    case Lookup::Found::Field:
      s.kind = Selection::Kind::Field;
      info_.selection_of[file_][e] = s;
      x.mode = (x.mode == Mode::Variable || l.indirect) ? Mode::Variable : Mode::Value;
      x.type = l.type;
      info_.type_of[file_][n.b] = l.type;
      return;
    case Lookup::Found::Method: {
      const bool holder_ptr = T.underlying_kind(l.holder) == vm::Kind::Pointer;
      if (l.pointer_receiver && !holder_ptr && !l.indirect && x.mode != Mode::Variable) {
        std::string msg = "cannot call pointer method ";
        msg += sel;
        msg += " on ";
        msg += type_str(t);
        error_at(n.b, msg);
        x.mode = Mode::Invalid;
        return;
      }
      s.kind = Selection::Kind::Method;
      s.obj = l.method;
      s.auto_address = l.pointer_receiver && !holder_ptr;
      s.auto_deref = !l.pointer_receiver && holder_ptr;
      info_.selection_of[file_][e] = s;
      record_obj(n.b, l.method);
      use_object(l.method, n.b);  // a reference to a method counts for initialization order (the spec)
      if (s.auto_address && !l.indirect) mark_address_taken(n.a);
      x.mode = Mode::Value;
      x.type = l.type;
      info_.type_of[file_][n.b] = l.type;
      return;
    }
    case Lookup::Found::InterfaceMethod:
      s.kind = Selection::Kind::InterfaceMethod;
      s.index = l.index;
      info_.selection_of[file_][e] = s;
      x.mode = Mode::Value;
      x.type = l.type;
      info_.type_of[file_][n.b] = l.type;
      return;
    default: return;
  }
}

// [SECTION] index, slice, assertion

std::int64_t Checker::indexed_elts(std::span<const NodeId> elts, TypeId elem, std::int64_t length) {
  // types2's indexedElts: the elements of an array or slice literal; returns the literal's length
  std::set<std::int64_t> visited;
  std::int64_t index = 0, max = 0;
  for (NodeId el : elts) {
    bool valid = false;
    NodeId v = el;
    if (ast_[el].kind == NodeKind::KeyValue) {
      std::int64_t k = 0;
      if (index_value(ast_[el].a, length, &k)) {
        index = k;
        valid = true;
      }
      v = ast_[el].b;
    } else if (length >= 0 && index >= length) {
      std::string msg = "index ";
      msg += std::to_string(index);
      msg += " is out of bounds (>= ";
      msg += std::to_string(length);
      msg += ")";
      error(start_pos(el), msg);
    } else {
      valid = true;
    }
    if (valid && !visited.insert(index).second) {
      std::string msg = "duplicate index ";
      msg += std::to_string(index);
      msg += " in array or slice literal";
      error(ast_[el].kind == NodeKind::KeyValue ? pos_of(el) : start_pos(el), msg);
    }
    ++index;
    max = std::max(max, index);
    Operand ev;
    expr(ev, v, elem);
    if (!ev.invalid() && elem != vm::kNoType) assignment(ev, elem, "array or slice literal");
  }
  return max;
}

bool Checker::index_value(NodeId e, std::int64_t max, std::int64_t* out) {
  Operand x;
  expr(x, e);
  if (x.invalid()) return false;
  if (T.is_untyped(x.type)) {
    // types2's isValidIndex: convertUntyped to int ("truncated to int", "cannot convert ... to int")
    convert_untyped(x, vm::kInt);
    if (x.invalid()) return false;
  }
  if (!T.is_integer(x.type)) {
    std::string msg = "invalid argument: index ";
    msg += operand_str(x);
    msg += " must be integer";
    error(start_pos(e), msg);
    return false;
  }
  if (x.mode == Mode::Constant) {
    const auto v = x.val.as_int();
    if (v && v->negative()) {
      std::string msg = "invalid argument: index ";
      msg += operand_str(x);
      msg += " must not be negative";
      error(start_pos(e), msg);
      return false;
    }
    if (v && max >= 0 && (!v->fits_i64() || v->to_i64() >= max)) {
      std::string msg = "invalid argument: index ";
      msg += x.val.to_string();  // types2 prints the constant's value
      msg += " out of bounds [0:";
      msg += std::to_string(max);
      msg += "]";
      error(start_pos(e), msg);
      return false;
    }
    if (v && v->fits_i64()) {
      *out = v->to_i64();
      return true;
    }
  }
  return false;
}

void Checker::index_expr(Operand& x, NodeId e) {
  if (generic_index(x, e)) return;  // F[int], List[int]
  const Node& n = ast_[e];
  if (n.l0.size > 0) {
    expr_or_type(x, n.a);
    if (!x.invalid()) error_at(e, fmt::format("invalid operation: more than one index"));
    x.mode = Mode::Invalid;
    return;
  }
  expr_or_type(x, n.a);
  if (x.invalid()) {
    use_exprs({&n.b, 1});
    return;
  }
  if (x.mode == Mode::Type) {
    error_at(e, "generic types are not supported");
    x.mode = Mode::Invalid;
    return;
  }
  const TypeId t = x.type;
  const vm::Type& u = T[T.underlying(t)];
  std::int64_t dummy = 0;
  switch (u.kind) {
    case vm::Kind::String:
    case vm::Kind::UntypedString: {
      std::int64_t len = -1;
      if (x.mode == Mode::Constant) len = static_cast<std::int64_t>(x.val.s.size());
      std::int64_t idx = 0;
      const bool const_idx = index_value(n.b, len, &idx);
      if (x.mode == Mode::Constant && const_idx) {
        // indexing a constant string with a constant index is still not a constant (a byte value)
      }
      if (T.is_untyped(t)) convert_untyped(x, vm::kString);
      x.mode = Mode::Value;
      x.type = vm::kByte;
      return;
    }
    case vm::Kind::Array:
      index_value(n.b, u.length, &dummy);
      x.mode = x.mode == Mode::Variable ? Mode::Variable : Mode::Value;
      x.type = u.elem;
      return;
    case vm::Kind::Pointer:
      if (T.underlying_kind(u.elem) == vm::Kind::Array) {
        const vm::Type& a = T[T.underlying(u.elem)];
        index_value(n.b, a.length, &dummy);
        x.mode = Mode::Variable;
        x.type = a.elem;
        return;
      }
      break;
    case vm::Kind::Slice:
      index_value(n.b, -1, &dummy);
      x.mode = Mode::Variable;
      x.type = u.elem;
      return;
    case vm::Kind::Map: {
      Operand k;
      expr(k, n.b, u.key);
      if (!k.invalid()) assignment(k, u.key, "map index");
      x.mode = Mode::MapIndex;
      x.type = u.elem;
      return;
    }
    default: break;
  }
  std::string msg = "invalid operation: cannot index ";
  msg += operand_str(x);
  error(pos_of(e), msg);  // types2: at the IndexExpr's '['
  use_exprs({&n.b, 1});
  x.mode = Mode::Invalid;
}

void Checker::slice_expr(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  expr(x, n.a);
  const NodeId idx[3] = {n.b, n.c, n.d};
  if (x.invalid()) {
    for (NodeId i : idx) {
      if (i != kNoNode) use_exprs({&i, 1});
    }
    return;
  }
  const TypeId t = x.type;
  const vm::Type& u = T[T.underlying(t)];
  std::int64_t length = -1;
  bool ok = true;
  switch (u.kind) {
    case vm::Kind::String:
    case vm::Kind::UntypedString:
      if (n.flags & kThreeIndex) {
        error(ast_[e].d != kNoNode ? start_pos(ast_[e].d) : start_pos(e), "invalid operation: 3-index slice of string");
        ok = false;
      }
      if (x.mode == Mode::Constant) length = static_cast<std::int64_t>(x.val.s.size());
      if (T.is_untyped(t)) {
        convert_untyped(x, vm::kString);
        x.type = vm::kString;
      }
      x.mode = Mode::Value;
      break;
    case vm::Kind::Array:
      if (x.mode != Mode::Variable) {
        std::string msg = "invalid operation: ";
        msg += expr_str(n.a);
        msg += " (slice of unaddressable value)";
        error(start_pos(n.a), msg);
        ok = false;
      }
      mark_address_taken(n.a);
      length = u.length;
      x.mode = Mode::Value;
      x.type = T.slice_of(u.elem);
      break;
    case vm::Kind::Pointer:
      if (T.underlying_kind(u.elem) == vm::Kind::Array) {
        const vm::Type& a = T[T.underlying(u.elem)];
        length = a.length;
        x.mode = Mode::Value;
        x.type = T.slice_of(a.elem);
        break;
      }
      ok = false;
      break;
    case vm::Kind::Slice: x.mode = Mode::Value; break;
    default: ok = false; break;
  }
  if (!ok && x.mode != Mode::Invalid && u.kind != vm::Kind::String && u.kind != vm::Kind::Array &&
      u.kind != vm::Kind::UntypedString) {
    std::string msg = "invalid operation: cannot slice ";
    msg += operand_str(x);
    error(start_pos(x.expr), msg);
  }
  std::int64_t vals[3] = {-1, -1, -1};
  for (int i = 0; i < 3; ++i) {
    if (idx[i] == kNoNode) continue;
    std::int64_t v = 0;
    if (index_value(idx[i], length >= 0 ? length + 1 : -1, &v)) vals[i] = v;
  }
  // constant indices must be non-decreasing
  for (int i = 0; i < 3; ++i) {
    for (int j = i + 1; j < 3; ++j) {
      if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
        std::string msg = "invalid slice indices: ";
        msg += std::to_string(vals[j]);
        msg += " < ";
        msg += std::to_string(vals[i]);
        error(start_pos(idx[j]), msg);
        ok = false;
      }
    }
  }
  if (!ok) x.mode = Mode::Invalid;
}

void Checker::type_assert(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  expr(x, n.a);
  if (n.b == kNoNode) {
    error_at(e, "use of .(type) outside type switch");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.invalid()) {
    type_expr(n.b);
    return;
  }
  const bool type_param = probe_param(x.type) != nullptr;  // an interface probe stands for any type
  if (type_param || !T.is_interface(x.type)) {
    std::string msg = "invalid operation: ";
    if (type_param) msg += "cannot use type assertion on type parameter value ";
    msg += operand_str(x);
    if (!type_param) msg += " is not an interface";
    error(start_pos(n.a), msg);
    type_expr(n.b);
    x.mode = Mode::Invalid;
    return;
  }
  const TypeId t = type_expr(n.b);
  if (t == vm::kNoType) {
    x.mode = Mode::Invalid;
    return;
  }
  if (!T.is_interface(t)) {
    std::string name;
    bool wrong = false, ptr = false;
    // in an instance the assertion was possible for the generic type; it fails at run time
    if (in_instance_ == 0 && missing_method(t, x.type, false, &name, &wrong, &ptr)) {
      std::string msg = "impossible type assertion: ";
      msg += expr_str(e);
      msg += "\n\t";
      msg += type_str(t);
      msg += " does not implement ";
      msg += type_str(x.type);
      msg += " ";
      msg += missing_method_reason(t, x.type);
      error(start_pos(e), msg);
      x.mode = Mode::Invalid;
      return;
    }
  }
  x.mode = Mode::CommaOk;
  x.type = t;
}

// [SECTION] unary and binary operators

void Checker::star_expr(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  expr_or_type(x, n.a);
  if (x.invalid()) return;
  if (x.mode == Mode::Type) {
    x.type = T.pointer_to(x.type);
    return;
  }
  if (x.type == vm::kUntypedNil) {
    error(start_pos(n.a), "invalid operation: cannot indirect nil");
    x.mode = Mode::Invalid;
    return;
  }
  if (T.underlying_kind(x.type) != vm::Kind::Pointer) {
    std::string msg = "invalid operation: cannot indirect ";
    msg += operand_str(x);
    error(start_pos(n.a), msg);
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Variable;
  x.type = T[T.underlying(x.type)].elem;
}

void Checker::unary(Operand& x, NodeId e) {
  const Node& n = ast_[e];
  if (n.op == Tok::And) {
    const NodeId inner = unparen(ast_, n.a);
    if (inner != kNoNode && ast_[inner].kind == NodeKind::CompositeLit) {
      expr(x, n.a);
      if (x.invalid()) return;
      x.mode = Mode::Value;
      x.type = T.pointer_to(x.type);
      return;
    }
    expr(x, n.a);
    if (x.invalid()) return;
    if (x.mode != Mode::Variable) {
      std::string msg = "invalid operation: cannot take address of ";
      msg += operand_str(x);
      error(start_pos(n.a), msg);
      x.mode = Mode::Invalid;
      return;
    }
    mark_address_taken(n.a);
    x.mode = Mode::Value;
    x.type = T.pointer_to(x.type);
    return;
  }
  if (n.op == Tok::Arrow) {
    expr(x, n.a);
    if (x.invalid()) return;
    if (T.underlying_kind(x.type) != vm::Kind::Chan) {
      std::string msg = "invalid operation: cannot receive from non-channel ";
      msg += operand_str(x);
      error(start_pos(n.a), msg);
      x.mode = Mode::Invalid;
      return;
    }
    const vm::Type& c = T[T.underlying(x.type)];
    if (c.dir == vm::ChanDir::Send) {
      std::string msg = "invalid operation: cannot receive from send-only channel ";
      msg += operand_str(x);
      error(start_pos(n.a), msg);
      x.mode = Mode::Invalid;
      return;
    }
    x.mode = Mode::CommaOk;
    x.type = c.elem;
    return;
  }
  expr(x, n.a);
  if (x.invalid()) return;
  bool ok = false;
  switch (n.op) {
    case Tok::Add: case Tok::Sub: ok = T.is_numeric(x.type); break;
    case Tok::Xor: ok = T.is_integer(x.type); break;
    case Tok::Not: ok = T.is_boolean(x.type); break;
    default: break;
  }
  if (!ok) {
    std::string msg = "invalid operation: operator ";
    msg += tok_spelling(n.op);
    msg += " not defined on ";
    msg += operand_str(x);
    error(start_pos(n.a), msg);
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant) {
    Constant v = constant_unary(n.op, x.val);
    if (n.op == Tok::Xor && T.is_unsigned(x.type) && v.kind == ConstKind::Int) {
      // ^x of an unsigned typed constant flips only the type's bits
      const vm::Kind k = T.underlying_kind(x.type);
      const unsigned bits = k == vm::Kind::Uint8 ? 8 : k == vm::Kind::Uint16 ? 16 : k == vm::Kind::Uint32 ? 32 : 64;
      const BigInt mask = BigInt::from_i64(1).shl(bits) - BigInt::from_i64(1);
      v.i = v.i & mask;
    }
    x.val = v;
    x.expr = e;
    overflow_check(x, n.pos);
    return;
  }
  x.mode = Mode::Value;
}

void Checker::match_types(Operand& x, Operand& y) {
  auto has_nil = [&](TypeId t) {
    const vm::Kind k = T.underlying_kind(t);
    return k == vm::Kind::Pointer || k == vm::Kind::Func || k == vm::Kind::Slice || k == vm::Kind::Map ||
           k == vm::Kind::Chan || k == vm::Kind::Interface || k == vm::Kind::UnsafePointer ||
           k == vm::Kind::UntypedNil;
  };
  const bool mix = [&] {
    if ((T.is_interface(x.type) && x.type != vm::kUntypedNil) || (T.is_interface(y.type) && y.type != vm::kUntypedNil))
      return true;
    if (T.is_boolean(x.type) != T.is_boolean(y.type)) return false;
    if (T.is_string(x.type) != T.is_string(y.type)) return false;
    if (x.type == vm::kUntypedNil && !has_nil(y.type)) return false;
    if (y.type == vm::kUntypedNil && !has_nil(x.type)) return false;
    return true;
  }();
  if (!mix) return;
  convert_untyped(x, y.type);
  if (x.invalid()) return;
  convert_untyped(y, x.type);
  if (y.invalid()) x.mode = Mode::Invalid;
}

std::string Checker::kind_string(TypeId t) const {
  switch (T.underlying_kind(t)) {
    case vm::Kind::Array: return "array";
    case vm::Kind::Slice: return "slice";
    case vm::Kind::Struct: return "struct";
    case vm::Kind::Pointer: return "pointer";
    case vm::Kind::Func: return "func";
    case vm::Kind::Interface: return "interface";
    case vm::Kind::Map: return "map";
    case vm::Kind::Chan: return "chan";
    default: return type_str(t);
  }
}

std::string Checker::incomparable_cause(TypeId t) const {
  const vm::Kind k = T.underlying_kind(t);
  if (k == vm::Kind::Slice || k == vm::Kind::Func || k == vm::Kind::Map) {
    std::string s = kind_string(t);
    s += " can only be compared to nil";
    return s;
  }
  if (k == vm::Kind::Struct) {
    for (const vm::StructField& f : T[T.underlying(t)].fields) {
      if (!T.comparable(f.type)) {
        std::string s = "struct containing ";
        s += type_str(f.type);
        s += " cannot be compared";
        return s;
      }
    }
  }
  if (k == vm::Kind::Array) {
    std::string s = type_str(t);
    s += " cannot be compared";
    return s;
  }
  return "";
}

void Checker::comparison(Operand& x, Operand& y, Tok op, NodeId e) {
  std::string cause;
  const Operand* err_op = &x;
  // nil operands were already converted to the other operand's type by match_types
  const ObjId nil_obj = info_.universe.at("nil");
  auto is_nil = [&](const Operand& o) {
    if (o.type == vm::kUntypedNil) return true;
    const NodeId u = unparen(ast_, o.expr);
    return u != kNoNode && ast_[u].kind == NodeKind::Ident && info_.obj_of[file_][u] == nil_obj;
  };
  const bool x_nil = is_nil(x), y_nil = is_nil(y);
  bool ok = true;
  // A type parameter whose constraint has no type terms (a generic body's probe type): its type set holds
  // every type, so <, >, ... never apply, and == only with comparable.
  const ProbeParam* xp = probe_param(x.type);
  if (xp != nullptr && !xp->restricted && x.type == y.type && (op == Tok::Eql || op == Tok::Neq ? !xp->comparable : true)) {
    ok = false;
    cause = op == Tok::Eql || op == Tok::Neq
                ? std::string("incomparable types in type set")
                : fmt::format("type parameter {} is not comparable with {}", type_str(x.type), tok_spelling(op));
  } else if (!(assignable(x, y.type, nullptr) || assignable(y, x.type, nullptr))) {
    ok = false;
    err_op = &y;
    cause = "mismatched types ";
    cause += x.expr != kNoNode ? gc_type(x.type, src_of(x.expr)) : type_str(x.type);
    cause += " and ";
    cause += y.expr != kNoNode ? gc_type(y.type, src_of(y.expr)) : type_str(y.type);
  } else if (op == Tok::Eql || op == Tok::Neq) {
    if (x_nil || y_nil) {
      if (x_nil && y_nil) {
        ok = false;
        err_op = &y;
      }
    } else if (!T.comparable(x.type)) {
      ok = false;
      cause = incomparable_cause(x.type);
    } else if (!T.comparable(y.type)) {
      ok = false;
      cause = incomparable_cause(y.type);
      err_op = &y;
    }
  } else {
    auto ordered = [&](TypeId t) { return T.is_integer(t) || T.is_float(t) || T.is_string(t); };
    if (!ordered(x.type)) {
      ok = false;
    } else if (!ordered(y.type)) {
      ok = false;
      err_op = &y;
    }
  }
  if (!ok) {
    if (cause.empty()) {
      cause = "operator ";
      cause += tok_spelling(op);
      cause += " not defined on ";
      cause += kind_string(err_op->type);
    }
    std::string msg = "invalid operation: ";
    msg += expr_str(x.expr);
    msg += " ";
    msg += tok_spelling(op);
    msg += " ";
    msg += expr_str(y.expr);
    msg += " (";
    msg += cause;
    msg += ")";
    error(start_pos(err_op->expr), msg);
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    x.val = Constant::make_bool(constant_compare(x.val, op, y.val));
  } else {
    x.mode = Mode::Value;
    // nil takes the other operand's type; untyped operands their default type
    if (x_nil && !y_nil) {
      update_untyped(x.expr, y.type);
    } else {
      update_untyped(x.expr, default_type(x.type));
    }
    if (y_nil && !x_nil) {
      update_untyped(y.expr, x.type);
    } else {
      update_untyped(y.expr, default_type(y.type));
    }
  }
  x.type = vm::kUntypedBool;
  x.expr = e;
}

void Checker::shift(Operand& x, Operand& y, NodeId e, Tok op) {
  // The shift count.
  std::optional<std::uint64_t> count;
  if (y.mode == Mode::Constant) {
    const auto v = y.val.as_int();
    if (!v || (!T.is_untyped(y.type) && !T.is_integer(y.type))) {
      std::string msg = "invalid operation: shift count ";
      msg += operand_str(y);
      msg += " must be integer";
      error(start_pos(y.expr), msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (v->negative()) {
      std::string msg = "invalid operation: negative shift count ";
      msg += operand_str(y);
      error(start_pos(y.expr), msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (T.is_untyped(y.type)) {
      convert_untyped(y, vm::kUint);
      if (y.invalid()) {
        x.mode = Mode::Invalid;
        return;
      }
    }
    count = v->fits_u64() ? v->to_u64() : UINT64_MAX;
  } else {
    if (T.is_untyped(y.type)) convert_untyped(y, vm::kUint);
    if (y.invalid() || !T.is_integer(y.type)) {
      if (!y.invalid()) {
        std::string msg = "invalid operation: shift count ";
        msg += operand_str(y);
        msg += " must be integer";
        error(start_pos(y.expr), msg);
      }
      x.mode = Mode::Invalid;
      return;
    }
  }
  // The shifted operand.
  if (x.mode == Mode::Constant) {
    if (T.is_untyped(x.type)) {
      if (!x.val.as_int()) {
        std::string msg = "invalid operation: shifted operand ";
        msg += operand_str(x);
        msg += " must be integer";
        error(start_pos(x.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      if (count) {
        x.val = Constant::make_int(*x.val.as_int());
        if (x.type == vm::kUntypedFloat) x.type = vm::kUntypedInt;
      }
    } else if (!T.is_integer(x.type)) {
      std::string msg = "invalid operation: shifted operand ";
      msg += operand_str(x);
      msg += " must be integer";
      error(start_pos(x.expr), msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (count) {
      if (*count > 1023) {
        std::string msg = "invalid shift count ";
        msg += operand_str(y);
        error(start_pos(y.expr), msg);
        x.mode = Mode::Invalid;
        return;
      }
      x.val = constant_shift(x.val, op, static_cast<unsigned>(*count));
      x.expr = e;
      overflow_check(x, ast_[e].pos);
      return;
    }
    if (T.is_untyped(x.type)) {
      // non-constant shift of an untyped constant: its type comes from the context (delayed)
      x.mode = Mode::Value;
      return;
    }
    x.mode = Mode::Value;
    return;
  }
  if (T.is_untyped(x.type)) {
    x.mode = Mode::Value;
    return;
  }
  if (!T.is_integer(x.type)) {
    std::string msg = "invalid operation: shifted operand ";
    msg += operand_str(x);
    msg += " must be integer";
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Value;
}

void Checker::binary(Operand& x, NodeId e, NodeId lhs, NodeId rhs, Tok op, Pos op_pos) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.invalid()) return;
  if (y.invalid()) {
    x.mode = Mode::Invalid;
    return;
  }
  if (op == Tok::Shl || op == Tok::Shr) {
    shift(x, y, e, op);
    return;
  }
  match_types(x, y);
  if (x.invalid()) return;
  if (is_comparison(op)) {
    comparison(x, y, op, e);
    return;
  }
  if (x.type != y.type) {
    if (x.type != vm::kNoType && y.type != vm::kNoType) {
      std::string msg = "invalid operation: ";
      if (e != kNoNode) {
        msg += expr_str(e);
      } else {
        msg += expr_str(lhs);
        msg += " ";
        msg += tok_spelling(op);
        msg += "= ";
        msg += expr_str(rhs);
      }
      msg += " (mismatched types ";
      msg += x.expr != kNoNode ? gc_type(x.type, src_of(x.expr)) : type_str(x.type);
      msg += " and ";
      msg += y.expr != kNoNode ? gc_type(y.type, src_of(y.expr)) : type_str(y.type);
      msg += ")";
      error(start_pos(x.expr), msg);
    }
    x.mode = Mode::Invalid;
    return;
  }
  bool ok = false;
  switch (op) {
    case Tok::Add: ok = T.is_numeric(x.type) || T.is_string(x.type); break;
    case Tok::Sub: case Tok::Mul: case Tok::Quo: ok = T.is_numeric(x.type); break;
    case Tok::Rem: case Tok::And: case Tok::Or: case Tok::Xor: case Tok::AndNot: ok = T.is_integer(x.type); break;
    case Tok::LAnd: case Tok::LOr: ok = T.is_boolean(x.type); break;
    default: break;
  }
  if (!ok) {
    std::string msg = "invalid operation: operator ";
    msg += tok_spelling(op);
    msg += " not defined on ";
    msg += operand_str(x);
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
    return;
  }
  if ((op == Tok::Quo || op == Tok::Rem) && (x.mode == Mode::Constant || T.is_integer(x.type)) &&
      y.mode == Mode::Constant && y.val.is_number() && y.val.is_zero()) {
    error(start_pos(y.expr), "invalid operation: division by zero");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    if (!x.val.known() || !y.val.known()) {
      x.val = Constant{};
      return;
    }
    x.val = constant_binary(x.val, op, y.val, T.is_integer(x.type));
    x.expr = e;
    overflow_check(x, op_pos);
    return;
  }
  x.mode = Mode::Value;
}

}  // namespace gb::go::detail
