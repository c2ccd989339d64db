// Expressions: values into frame slots, locations for assignment, operators, literals, selectors and indexes.
//
// Sections, in order:
//   Values into slots
//   Locations
//   Operators
//   Literals
//   Index, slice, selector, assertion
#include <bit>

#include "sim/go/compiler_internal.h"

namespace gb::go {

namespace {

std::uint32_t field_offset(const vm::TypeTable& t, TypeId strct, std::uint32_t index) {
  const vm::Type& s = t[t.underlying(strct)];
  std::uint32_t off = 0;
  for (std::uint32_t i = 0; i < index && i < s.fields.size(); ++i) off += t.words(s.fields[i].type);
  return off;
}

bool is_signed_int_kind(vm::Kind k) { return k >= vm::Kind::Int && k <= vm::Kind::Int64; }

}  // namespace

// [SECTION] Values into slots

std::uint32_t Compiler::expr(NodeId n) {
  if (const Constant* c = constant_of(n)) {
    const std::uint32_t dst = alloc(words(type_of(n)));
    load_constant(dst, type_of(n), *c);
    return dst;
  }
  const Node& nd = node(n);
  if (nd.kind == NodeKind::Paren) return expr(nd.a);
  if (nd.kind == NodeKind::Ident) {
    const ObjId o = obj_of(n);
    if (o != kNoObj && object(o).kind == ObjKind::Var) {
      auto it = fs().vars.find(o);
      if (it != fs().vars.end() && it->second.kind == VarLoc::Kind::Slots) return it->second.slot;
    }
  }
  // len(s) and cap(s) of a slice variable in slots: its header words, read in place.
  if (nd.kind == NodeKind::Call && node(nd.a).kind == NodeKind::Ident && ast().list(nd.l0).size() == 1) {
    const ObjId f = obj_of(nd.a);
    const NodeId arg = ast().list(nd.l0)[0];
    if (f != kNoObj && object(f).kind == ObjKind::Builtin &&
        (object(f).builtin == Builtin::Len || object(f).builtin == Builtin::Cap) &&
        ukind(type_of(arg)) == vm::Kind::Slice && node(arg).kind == NodeKind::Ident) {
      const ObjId o = obj_of(arg);
      auto it = o != kNoObj ? fs().vars.find(o) : fs().vars.end();
      if (it != fs().vars.end() && it->second.kind == VarLoc::Kind::Slots) {
        return it->second.slot + (object(f).builtin == Builtin::Len ? 1 : 2);
      }
    }
  }
  const std::uint32_t dst = alloc(words(type_of(n)));
  expr_into(n, dst);
  return dst;
}

void Compiler::expr_as(NodeId n, TypeId target, std::uint32_t dst) {
  const TypeId from = type_of(n);
  if (is_iface(target) && !is_iface(from)) {
    if (ukind(from) == vm::Kind::UntypedNil || from == vm::kNoType) {
      emit(Op::Zero, dst, 0, 0, 2);
      return;
    }
    const std::uint32_t v = expr(n);
    emit(Op::MakeIface, dst, v, 0, static_cast<std::int32_t>(from));
    return;
  }
  expr_into(n, dst);
}

void Compiler::convert_value(std::uint32_t src, TypeId from, TypeId to, std::uint32_t dst) {
  if (is_iface(to) && !is_iface(from)) {
    if (ukind(from) == vm::Kind::UntypedNil) {
      emit(Op::Zero, dst, 0, 0, 2);
    } else {
      emit(Op::MakeIface, dst, src, 0, static_cast<std::int32_t>(from));
    }
    return;
  }
  const std::uint32_t w = words(to);
  if (w && src != dst) emit(Op::Move, dst, src, 0, static_cast<std::int32_t>(w));
}

void Compiler::expr_into(NodeId n, std::uint32_t dst) {
  const TypeId t = type_of(n);
  if (const Constant* c = constant_of(n)) {
    load_constant(dst, t, *c);
    return;
  }
  const Node& nd = node(n);
  switch (nd.kind) {
    case NodeKind::Paren: expr_into(nd.a, dst); return;
    case NodeKind::Ident: {
      const ObjId o = obj_of(n);
      if (o == kNoObj) {
        error(n, "internal: unresolved identifier " + nd.text);
        return;
      }
      const Object& ob = object(o);
      switch (ob.kind) {
        case ObjKind::Var: read(var_loc(o), dst); return;
        case ObjKind::Nil: emit(Op::Zero, dst, 0, 0, static_cast<std::int32_t>(std::max<std::uint32_t>(1, words(t)))); return;
        case ObjKind::Func: emit(Op::LoadFunc, dst, 0, 0, function_of(o)); return;
        default: error(n, "internal: identifier " + nd.text + " is not a value"); return;
      }
    }
    case NodeKind::Binary: binary(n, dst); return;
    case NodeKind::Unary: unary(n, dst); return;
    case NodeKind::Star: {
      const std::uint32_t p = expr(nd.a);
      emit(Op::Load, dst, p, 0, static_cast<std::int32_t>(words(t)));
      return;
    }
    case NodeKind::Call: {
      if (mode_of(nd.a) == Mode::Type) {
        conversion(n, dst);
        return;
      }
      const std::uint32_t base = call(n);
      const std::uint32_t w = words(t);
      if (w && base != dst) emit(Op::Move, dst, base, 0, static_cast<std::int32_t>(w));
      return;
    }
    case NodeKind::CompositeLit: composite(n, dst); return;
    case NodeKind::FuncLit: func_lit(n, dst); return;
    case NodeKind::Index:
      if (const ObjId f = obj_of(n); f != kNoObj && object(f).kind == ObjKind::Func) {  // an instance F[int]
        emit(Op::LoadFunc, dst, 0, 0, function_of(f));
        return;
      }
      index_expr(n, dst);
      return;
    case NodeKind::Slice: slice_expr(n, dst); return;
    case NodeKind::Selector: selector(n, dst); return;
    case NodeKind::TypeAssert: type_assert(n, dst, false); return;
    default: error(n, std::string("unsupported expression: ") + node_kind_name(nd.kind)); return;
  }
}

// [SECTION] Locations

Loc Compiler::loc(NodeId n) {
  const Node& nd = node(n);
  Loc l;
  l.type = type_of(n);
  switch (nd.kind) {
    case NodeKind::Paren: return loc(nd.a);
    case NodeKind::Ident: {
      const ObjId o = obj_of(n);
      if (nd.text == "_" || o == kNoObj) {
        l.kind = Loc::Kind::Blank;
        return l;
      }
      if (object(o).kind == ObjKind::Var) return var_loc(o);
      break;
    }
    case NodeKind::Star: {
      l.kind = Loc::Kind::Mem;
      l.slot = expr(nd.a);
      // A nil check now, as Go's dereference does, even when only a field is used later.
      return l;
    }
    case NodeKind::Selector: {
      const Selection* s = selection_of(n);
      if (!s) break;
      if (s->kind == Selection::Kind::Qualified) {
        if (object(s->obj).kind == ObjKind::Var) return var_loc(s->obj);
        break;
      }
      if (s->kind != Selection::Kind::Field) break;
      return walk_fields(value_loc(nd.a), type_of(nd.a), s->path);
    }
    case NodeKind::Index: {
      const TypeId ct = type_of(nd.a);
      const vm::Kind k = ukind(ct);
      if (k == vm::Kind::Map) {
        l.kind = Loc::Kind::MapEntry;
        l.map_type = under(ct);
        l.slot = expr(nd.a);
        const TypeId kt = types()[under(ct)].key;
        l.key = alloc(words(kt));
        expr_as(nd.b, kt, l.key);
        return l;
      }
      const std::uint32_t ew = words(l.type);
      if (k == vm::Kind::Slice) {
        const std::uint32_t s = expr(nd.a);
        const std::uint32_t i = expr(nd.b);
        l.kind = Loc::Kind::Mem;
        l.slot = alloc(1);
        emit(Op::IndexAddr, l.slot, s, i, static_cast<std::int32_t>(ew));
        return l;
      }
      if (k == vm::Kind::Array || k == vm::Kind::Pointer) {
        std::uint32_t addr = 0;
        std::int64_t len = 0;
        if (k == vm::Kind::Pointer) {
          addr = expr(nd.a);
          len = types()[under(types()[under(ct)].elem)].length;
        } else {
          Loc base = value_loc(nd.a);
          len = types()[under(ct)].length;
          if (base.kind == Loc::Kind::Slots) {
            // An array value in slots (a call's result): index it in place when the index is constant.
            if (const Constant* c = constant_of(nd.b)) {
              auto iv = c->as_int();
              base.slot += static_cast<std::uint32_t>(iv ? iv->to_i64() : 0) * ew;
              base.type = l.type;
              return base;
            }
            const std::uint32_t w = words(ct);
            const std::uint32_t cell = alloc(1);
            emit_new(cell, ct, 1);
            emit(Op::Store, cell, base.slot, 0, static_cast<std::int32_t>(w));
            addr = cell;
          } else {
            addr = address_of_loc(base);
          }
        }
        const std::uint32_t i = expr(nd.b);
        l.kind = Loc::Kind::Mem;
        l.slot = alloc(1);
        if (len < 0x8000 && ew < 0x10000) {
          emit(Op::ArrayIndexAddr, l.slot, addr, i,
               static_cast<std::int32_t>((static_cast<std::uint32_t>(len) << 16) | ew));
        } else {
          const std::uint32_t ln = alloc(1);
          load_word(ln, static_cast<Word>(len));
          emit(Op::CheckIndex, i, ln);
          load_word(ln, ew);
          emit(Op::Mul, ln, ln, i);
          emit(Op::Add, l.slot, addr, ln);
        }
        return l;
      }
      break;
    }
    default: break;
  }
  // Not addressable: the value in temporaries (enough to read fields of a call's result).
  l.kind = Loc::Kind::Slots;
  l.slot = expr(n);
  return l;
}

// Selects fields along `path` from `base` (of type `cur`), dereferencing pointers on the way (embedded fields
// reached through *T). The result's type is the last field's.
Loc Compiler::walk_fields(Loc base, TypeId cur, const std::vector<std::uint32_t>& path) {
  base.type = cur;
  for (std::uint32_t index : path) {
    if (ukind(cur) == vm::Kind::Pointer) {
      const std::uint32_t p = read_any(base);
      cur = types()[under(cur)].elem;
      base = Loc{};
      base.kind = Loc::Kind::Mem;
      base.slot = p;
    }
    const std::uint32_t off = field_offset(types(), cur, index);
    cur = types()[under(cur)].fields[index].type;
    if (base.kind == Loc::Kind::Slots) {
      base.slot += off;
    } else {
      base.offset += off;
    }
    base.type = cur;
  }
  return base;
}

// loc(n), with a map element read out into temporaries: m[k].f reads a field of a copy (Go does not allow
// assigning to it, so the copy is never written back).
Loc Compiler::value_loc(NodeId n) {
  Loc l = loc(n);
  if (l.kind != Loc::Kind::MapEntry) return l;
  Loc v;
  v.kind = Loc::Kind::Slots;
  v.type = l.type;
  v.slot = alloc(words(l.type));
  read(l, v.slot);
  return v;
}

void Compiler::read(const Loc& l, std::uint32_t dst) {
  const std::uint32_t w = words(l.type);
  switch (l.kind) {
    case Loc::Kind::Slots:
      if (w && l.slot != dst) emit(Op::Move, dst, l.slot, 0, static_cast<std::int32_t>(w));
      return;
    case Loc::Kind::Mem: emit(Op::Load, dst, l.slot, l.offset, static_cast<std::int32_t>(w)); return;
    case Loc::Kind::MapEntry: {
      const std::uint32_t tmp = alloc(w + 1);
      emit(Op::MapGet, tmp, l.slot, l.key, static_cast<std::int32_t>(l.map_type));
      if (w) emit(Op::Move, dst, tmp, 0, static_cast<std::int32_t>(w));
      return;
    }
    case Loc::Kind::Blank: return;
  }
}

std::uint32_t Compiler::read_any(const Loc& l) {
  if (l.kind == Loc::Kind::Slots) return l.slot;
  const std::uint32_t dst = alloc(words(l.type));
  read(l, dst);
  return dst;
}

void Compiler::write(const Loc& l, std::uint32_t src) {
  const std::uint32_t w = words(l.type);
  switch (l.kind) {
    case Loc::Kind::Slots:
      if (w && l.slot != src) emit(Op::Move, l.slot, src, 0, static_cast<std::int32_t>(w));
      return;
    case Loc::Kind::Mem: emit(Op::Store, l.slot, src, l.offset, static_cast<std::int32_t>(w)); return;
    case Loc::Kind::MapEntry: emit(Op::MapSet, l.slot, l.key, src, static_cast<std::int32_t>(l.map_type)); return;
    case Loc::Kind::Blank: return;
  }
}

std::uint32_t Compiler::address_of_loc(const Loc& l) {
  if (l.kind == Loc::Kind::Mem) {
    if (l.offset == 0) return l.slot;
    const std::uint32_t a = alloc(1);
    emit(Op::FieldAddr, a, l.slot, 0, static_cast<std::int32_t>(l.offset));
    return a;
  }
  // Slots are not addressable (the checker marks address-taken variables so they live in cells): take the
  // address of a copy, which is what a temporary's address means.
  const std::uint32_t w = words(l.type);
  const std::uint32_t a = alloc(1);
  emit_new(a, l.type, 1);
  if (l.kind == Loc::Kind::Slots && w) emit(Op::Store, a, l.slot, 0, static_cast<std::int32_t>(w));
  return a;
}

std::uint32_t Compiler::address_of(NodeId n) {
  const Node& nd = node(n);
  if (nd.kind == NodeKind::Paren) return address_of(nd.a);
  if (nd.kind == NodeKind::CompositeLit) {
    const TypeId t = type_of(n);
    const std::uint32_t w = words(t);
    const std::uint32_t v = alloc(w);
    composite(n, v);
    const std::uint32_t a = alloc(1);
    emit_new(a, t, 1);
    if (w) emit(Op::Store, a, v, 0, static_cast<std::int32_t>(w));
    return a;
  }
  return address_of_loc(loc(n));
}

// [SECTION] Operators

void Compiler::wrap(TypeId t, std::uint32_t slot) {
  const vm::Kind k = ukind(t);
  switch (k) {
    case vm::Kind::Int8: case vm::Kind::Int16: case vm::Kind::Int32:
    case vm::Kind::Uint8: case vm::Kind::Uint16: case vm::Kind::Uint32:
      emit(Op::Wrap, slot, slot, 0, static_cast<std::int32_t>(k));
      return;
    case vm::Kind::Float32: emit(Op::RoundF32, slot, slot); return;
    case vm::Kind::Complex64:
      emit(Op::RoundF32, slot, slot);
      emit(Op::RoundF32, slot + 1, slot + 1);
      return;
    default: return;
  }
}

void Compiler::arith(Tok op, TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y) {
  const vm::TypeTable& tt = types();
  if (tt.is_string(t)) {
    emit(Op::Concat, dst, x, y);
    return;
  }
  if (tt.is_complex(t)) {
    // complex64 is computed in float64 and each part rounded, as gc widens it (d = 1)
    Op o = Op::AddC;
    switch (op) {
      case Tok::Add: o = Op::AddC; break;
      case Tok::Sub: o = Op::SubC; break;
      case Tok::Mul: o = Op::MulC; break;
      case Tok::Quo: o = Op::DivC; break;
      default: error(fs().node, "unsupported complex operator"); return;
    }
    emit(o, dst, x, y, ukind(t) == vm::Kind::Complex64 ? 1 : 0);
    return;
  }
  if (tt.is_float(t)) {
    Op o = Op::AddF;
    switch (op) {
      case Tok::Add: o = Op::AddF; break;
      case Tok::Sub: o = Op::SubF; break;
      case Tok::Mul: o = Op::MulF; break;
      case Tok::Quo: o = Op::DivF; break;
      default: error(fs().node, "unsupported float operator"); return;
    }
    emit(o, dst, x, y);
    wrap(t, dst);
    return;
  }
  const bool uns = tt.is_unsigned(t);
  Op o = Op::Add;
  std::int32_t d = 0;
  switch (op) {
    case Tok::Add: o = Op::Add; break;
    case Tok::Sub: o = Op::Sub; break;
    case Tok::Mul: o = Op::Mul; break;
    case Tok::Quo: o = uns ? Op::DivU : Op::Div; break;
    case Tok::Rem: o = uns ? Op::RemU : Op::Rem; break;
    case Tok::And: o = Op::And; break;
    case Tok::Or: o = Op::Or; break;
    case Tok::Xor: o = Op::Xor; break;
    case Tok::AndNot: o = Op::AndNot; break;
    case Tok::Shl: o = Op::Shl; break;
    case Tok::Shr: o = uns ? Op::ShrU : Op::Shr; break;
    default: error(fs().node, "unsupported integer operator"); return;
  }
  emit(o, dst, x, y, d);
  if (o != Op::Shr && o != Op::ShrU && o != Op::And && o != Op::Or && o != Op::AndNot) wrap(t, dst);
}

void Compiler::equal(TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y) {
  const vm::Type& u = types()[under(t)];
  switch (u.kind) {
    case vm::Kind::String: case vm::Kind::UntypedString: emit(Op::EqStr, dst, x, y); return;
    case vm::Kind::Interface: emit(Op::EqIface, dst, x, y); return;
    case vm::Kind::Float32: case vm::Kind::Float64: case vm::Kind::UntypedFloat: emit(Op::EqF, dst, x, y); return;
    case vm::Kind::Complex64: case vm::Kind::Complex128: case vm::Kind::UntypedComplex:
      emit(Op::EqC, dst, x, y);
      return;
    case vm::Kind::Struct: case vm::Kind::Array: {
      load_word(dst, 1);
      const std::uint32_t tmp = alloc(1);
      std::uint32_t off = 0;
      auto part = [&](TypeId ft) {
        equal(ft, tmp, x + off, y + off);
        emit(Op::And, dst, dst, tmp);
        off += words(ft);
      };
      if (u.kind == vm::Kind::Struct) {
        for (const vm::StructField& f : u.fields) part(f.type);
      } else {
        for (std::int64_t i = 0; i < u.length; ++i) part(u.elem);
      }
      return;
    }
    default: emit(Op::Eq, dst, x, y); return;
  }
}

void Compiler::compare(Tok op, TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y) {
  const vm::TypeTable& tt = types();
  if (op == Tok::Eql || op == Tok::Neq) {
    equal(t, dst, x, y);
    if (op == Tok::Neq) emit(Op::Not, dst, dst);
    return;
  }
  const bool swap = op == Tok::Gtr || op == Tok::Geq;
  const bool le = op == Tok::Leq || op == Tok::Geq;
  if (swap) std::swap(x, y);
  Op o;
  if (tt.is_string(t)) {
    o = le ? Op::LeStr : Op::LtStr;
  } else if (tt.is_float(t)) {
    o = le ? Op::LeF : Op::LtF;
  } else if (tt.is_unsigned(t)) {
    o = le ? Op::LeU : Op::LtU;
  } else {
    o = le ? Op::Le : Op::Lt;
  }
  emit(o, dst, x, y);
}

void Compiler::binary(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const Tok op = nd.op;
  if (op == Tok::LAnd || op == Tok::LOr) {
    // Into a temporary first: dst may be an operand's own variable (x = y && x).
    std::vector<std::size_t> done;
    const std::uint32_t r = alloc(1);
    expr_into(nd.a, r);
    done.push_back(emit(op == Tok::LAnd ? Op::JumpIfNot : Op::JumpIf, r));
    expr_into(nd.b, r);
    for (std::size_t j : done) patch(j, here());
    emit(Op::Move, dst, r, 0, 1);
    return;
  }
  const bool cmp = op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Gtr || op == Tok::Leq ||
                   op == Tok::Geq;
  if (cmp) {
    TypeId ta = type_of(nd.a);
    TypeId tb = type_of(nd.b);
    // Comparisons with nil compare the first word (pointer, slice data, map, chan, func, interface type).
    const bool a_nil = ukind(ta) == vm::Kind::UntypedNil || (node(nd.a).kind == NodeKind::Ident &&
                                                             obj_of(nd.a) != kNoObj && object(obj_of(nd.a)).kind == ObjKind::Nil);
    const bool b_nil = ukind(tb) == vm::Kind::UntypedNil || (node(nd.b).kind == NodeKind::Ident &&
                                                             obj_of(nd.b) != kNoObj && object(obj_of(nd.b)).kind == ObjKind::Nil);
    if (a_nil || b_nil) {
      const std::uint32_t v = expr(a_nil ? nd.b : nd.a);
      const std::uint32_t z = alloc(1);
      load_word(z, 0);
      emit(op == Tok::Eql ? Op::Eq : Op::Ne, dst, v, z);
      return;
    }
    TypeId t = ta;
    std::uint32_t x = 0;
    std::uint32_t y = 0;
    if (is_iface(ta) != is_iface(tb)) {
      t = is_iface(ta) ? ta : tb;
      x = alloc(2);
      expr_as(nd.a, t, x);
      y = alloc(2);
      expr_as(nd.b, t, y);
    } else {
      x = expr(nd.a);
      y = expr(nd.b);
    }
    compare(op, t, dst, x, y);
    return;
  }
  const TypeId t = type_of(n);
  const std::uint32_t x = expr(nd.a);
  std::uint32_t y = expr(nd.b);
  if (op == Tok::Shl || op == Tok::Shr) {
    const TypeId ct = type_of(nd.b);
    const bool signed_count = !types().is_unsigned(ct);
    Op o = op == Tok::Shl ? Op::Shl : (types().is_unsigned(t) ? Op::ShrU : Op::Shr);
    emit(o, dst, x, y, signed_count ? 1 : 0);
    if (op == Tok::Shl) wrap(t, dst);
    return;
  }
  arith(op, t, dst, x, y);
}

void Compiler::unary(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const TypeId t = type_of(n);
  switch (nd.op) {
    case Tok::Add: expr_into(nd.a, dst); return;
    case Tok::Sub: {
      const std::uint32_t x = expr(nd.a);
      if (types().is_complex(t)) {
        emit(Op::NegC, dst, x);
        return;
      }
      if (types().is_float(t)) {
        emit(Op::NegF, dst, x);
      } else {
        emit(Op::Neg, dst, x);
      }
      wrap(t, dst);
      return;
    }
    case Tok::Xor: {
      const std::uint32_t x = expr(nd.a);
      emit(Op::Com, dst, x);
      wrap(t, dst);
      return;
    }
    case Tok::Not: {
      const std::uint32_t x = expr(nd.a);
      emit(Op::Not, dst, x);
      return;
    }
    case Tok::And: {
      const std::uint32_t a = address_of(nd.a);
      if (a != dst) emit(Op::Move, dst, a, 0, 1);
      return;
    }
    case Tok::Arrow: {
      const std::uint32_t ch = expr(nd.a);
      const TypeId elem = types()[under(type_of(nd.a))].elem;
      emit(Op::Recv, dst, ch, elem, 0);
      return;
    }
    default: error(n, "unsupported unary operator"); return;
  }
}

void Compiler::branch_if(NodeId cond, bool when, std::vector<std::size_t>& jumps) {
  const Node& nd = node(cond);
  if (nd.kind == NodeKind::Paren) {
    branch_if(nd.a, when, jumps);
    return;
  }
  if (nd.kind == NodeKind::Unary && nd.op == Tok::Not && !constant_of(cond)) {
    branch_if(nd.a, !when, jumps);
    return;
  }
  if (nd.kind == NodeKind::Binary && !constant_of(cond)) {
    if ((nd.op == Tok::LAnd && !when) || (nd.op == Tok::LOr && when)) {
      // a && b false: either false. a || b true: either true.
      branch_if(nd.a, when, jumps);
      branch_if(nd.b, when, jumps);
      return;
    }
    if (nd.op == Tok::LAnd || nd.op == Tok::LOr) {
      // a && b true: skip when a false, then b decides. a || b false: skip when a true.
      std::vector<std::size_t> skip;
      branch_if(nd.a, !when, skip);
      branch_if(nd.b, when, jumps);
      for (std::size_t j : skip) patch(j, here());
      return;
    }
    const TypeId ta = type_of(nd.a);
    const vm::Kind k = ukind(ta);
    const bool sints = is_signed_int_kind(k) && ukind(type_of(nd.b)) == k;
    if (sints && (nd.op == Tok::Lss || nd.op == Tok::Gtr || nd.op == Tok::Leq || nd.op == Tok::Geq ||
                  nd.op == Tok::Eql || nd.op == Tok::Neq)) {
      const std::uint32_t x = expr(nd.a);
      const std::uint32_t y = expr(nd.b);
      Op o = Op::JumpLt;
      std::uint32_t l = x;
      std::uint32_t r = y;
      Tok op = nd.op;
      if (!when) {
        switch (op) {
          case Tok::Lss: op = Tok::Geq; break;
          case Tok::Gtr: op = Tok::Leq; break;
          case Tok::Leq: op = Tok::Gtr; break;
          case Tok::Geq: op = Tok::Lss; break;
          case Tok::Eql: op = Tok::Neq; break;
          default: op = Tok::Eql; break;
        }
      }
      switch (op) {
        case Tok::Lss: o = Op::JumpLt; break;
        case Tok::Leq: o = Op::JumpLe; break;
        case Tok::Gtr: o = Op::JumpLt; std::swap(l, r); break;
        case Tok::Geq: o = Op::JumpLe; std::swap(l, r); break;
        case Tok::Eql: o = Op::JumpEq; break;
        default: o = Op::JumpNe; break;
      }
      jumps.push_back(emit(o, l, r));
      return;
    }
  }
  const std::uint32_t v = expr(cond);
  jumps.push_back(emit(when ? Op::JumpIf : Op::JumpIfNot, v));
}

// [SECTION] Literals

void Compiler::composite(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  TypeId t = type_of(n);
  bool pointer = false;
  if (ukind(t) == vm::Kind::Pointer) {  // an elided &T{...} inside a literal of pointers
    pointer = true;
    t = types()[under(t)].elem;
  }
  const vm::Type& u = types()[under(t)];
  const auto elems = ast().list(nd.l0);
  std::uint32_t target = dst;
  if (pointer) target = alloc(words(t));
  switch (u.kind) {
    case vm::Kind::Struct: {
      const std::uint32_t w = words(t);
      if (w) emit(Op::Zero, target, 0, 0, static_cast<std::int32_t>(w));
      std::uint32_t pos = 0;
      for (NodeId e : elems) {
        std::uint32_t index = pos++;
        NodeId value = e;
        if (node(e).kind == NodeKind::KeyValue) {
          const std::string& name = node(node(e).a).text;
          for (std::uint32_t i = 0; i < u.fields.size(); ++i) {
            if (u.fields[i].name == name) index = i;
          }
          value = node(e).b;
        }
        expr_as(value, u.fields[index].type, target + field_offset(types(), t, index));
      }
      break;
    }
    case vm::Kind::Array: {
      const std::uint32_t ew = words(u.elem);
      const std::uint32_t w = words(t);
      if (w) emit(Op::Zero, target, 0, 0, static_cast<std::int32_t>(w));
      std::int64_t index = 0;
      for (NodeId e : elems) {
        NodeId value = e;
        if (node(e).kind == NodeKind::KeyValue) {
          const Constant* k = constant_of(node(e).a);
          if (k) {
            auto iv = k->as_int();
            if (iv) index = iv->to_i64();
          }
          value = node(e).b;
        }
        expr_as(value, u.elem, target + static_cast<std::uint32_t>(index) * ew);
        ++index;
      }
      break;
    }
    case vm::Kind::Slice: {
      const std::uint32_t ew = words(u.elem);
      std::int64_t index = 0;
      std::int64_t length = 0;
      for (NodeId e : elems) {
        if (node(e).kind == NodeKind::KeyValue) {
          const Constant* k = constant_of(node(e).a);
          if (k) {
            auto iv = k->as_int();
            if (iv) index = iv->to_i64();
          }
        }
        ++index;
        length = std::max(length, index);
      }
      const std::uint32_t addr = alloc(1);
      emit_new(addr, u.elem, static_cast<std::uint64_t>(length));
      index = 0;
      const std::uint32_t v = alloc(ew);
      for (NodeId e : elems) {
        NodeId value = e;
        if (node(e).kind == NodeKind::KeyValue) {
          const Constant* k = constant_of(node(e).a);
          if (k) {
            auto iv = k->as_int();
            if (iv) index = iv->to_i64();
          }
          value = node(e).b;
        }
        expr_as(value, u.elem, v);
        if (ew) emit(Op::Store, addr, v, static_cast<std::uint32_t>(index) * ew, static_cast<std::int32_t>(ew));
        ++index;
      }
      emit(Op::Move, target, addr, 0, 1);
      load_word(target + 1, static_cast<Word>(length));
      load_word(target + 2, static_cast<Word>(length));
      break;
    }
    case vm::Kind::Map: {
      emit(Op::MakeMap, target, 0, 0, static_cast<std::int32_t>(under(t)));
      const std::uint32_t k = alloc(words(u.key));
      const std::uint32_t v = alloc(words(u.elem));
      for (NodeId e : elems) {
        if (node(e).kind != NodeKind::KeyValue) continue;
        expr_as(node(e).a, u.key, k);
        expr_as(node(e).b, u.elem, v);
        emit(Op::MapSet, target, k, v, static_cast<std::int32_t>(under(t)));
      }
      break;
    }
    default: error(n, "unsupported composite literal type " + types().to_string(t)); return;
  }
  if (pointer) {
    const std::uint32_t w = words(t);
    emit_new(dst, t, 1);
    if (w) emit(Op::Store, dst, target, 0, static_cast<std::int32_t>(w));
  }
}

void Compiler::func_lit(NodeId n, std::uint32_t dst) {
  const std::int32_t idx = queue_func_lit(n);
  const auto& caps = info_.captures_of[fs().file];
  auto it = caps.find(n);
  if (it == caps.end() || it->second.empty()) {
    emit(Op::LoadFunc, dst, 0, 0, idx);
    return;
  }
  const auto& list = it->second;
  const std::uint32_t obj = alloc(1);
  emit(Op::New, obj, 0, 0, static_cast<std::int32_t>(1 + list.size()));
  const std::uint32_t tmp = alloc(1);
  load_word(tmp, static_cast<Word>(idx));
  emit(Op::Store, obj, tmp, 0, 1);
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto v = fs().vars.find(list[i]);
    if (v == fs().vars.end() || v->second.kind != VarLoc::Kind::Cell) {
      error(n, "internal: captured variable " + object(list[i]).name + " is not in a cell");
      continue;
    }
    emit(Op::Store, obj, v->second.slot, static_cast<std::uint32_t>(1 + i), 1);
  }
  if (obj != dst) emit(Op::Move, dst, obj, 0, 1);
}

// [SECTION] Index, slice, selector, assertion

void Compiler::index_expr(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const TypeId ct = type_of(nd.a);
  const vm::Kind k = ukind(ct);
  if (k == vm::Kind::String || k == vm::Kind::UntypedString) {
    const std::uint32_t s = expr(nd.a);
    const std::uint32_t i = expr(nd.b);
    emit(Op::StrIndex, dst, s, i);
    return;
  }
  read(loc(n), dst);
}

void Compiler::slice_expr(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const TypeId ct = type_of(nd.a);
  const vm::Kind k = ukind(ct);
  const std::uint32_t bounds = alloc(3);
  auto bound = [&](NodeId e, std::uint32_t slot, std::uint32_t fallback_slot, bool has_fallback, Word fallback) {
    if (e != kNoNode) {
      expr_into(e, slot);
    } else if (has_fallback) {
      emit(Op::Move, slot, fallback_slot, 0, 1);
    } else {
      load_word(slot, fallback);
    }
  };
  if (k == vm::Kind::String || k == vm::Kind::UntypedString) {
    const std::uint32_t s = expr(nd.a);
    bound(nd.b, bounds, 0, false, 0);
    if (nd.c != kNoNode) {
      expr_into(nd.c, bounds + 1);
    } else {
      emit(Op::StrLen, bounds + 1, s);
    }
    emit(Op::StrSlice, dst, s, bounds);
    return;
  }
  if (k == vm::Kind::Slice) {
    const std::uint32_t s = expr(nd.a);
    const std::uint32_t ew = words(types()[under(ct)].elem);
    bound(nd.b, bounds, 0, false, 0);
    bound(nd.c, bounds + 1, s + 1, true, 0);
    bound(nd.d, bounds + 2, s + 2, true, 0);
    const std::int32_t three = (nd.flags & kThreeIndex) ? (1 << 16) : 0;
    emit(Op::SliceSlice, dst, s, bounds, static_cast<std::int32_t>(ew) | three);
    return;
  }
  // Arrays (addressable) and pointers to arrays.
  TypeId at = ct;
  const std::uint32_t arr = alloc(2);
  if (k == vm::Kind::Pointer) {
    at = types()[under(ct)].elem;
    expr_into(nd.a, arr);
  } else {
    const std::uint32_t a = address_of_loc(loc(nd.a));
    emit(Op::Move, arr, a, 0, 1);
  }
  const std::int64_t len = types()[under(at)].length;
  load_word(arr + 1, static_cast<Word>(len));
  const std::uint32_t ew = words(types()[under(at)].elem);
  bound(nd.b, bounds, 0, false, 0);
  bound(nd.c, bounds + 1, 0, false, static_cast<Word>(len));
  bound(nd.d, bounds + 2, 0, false, static_cast<Word>(len));
  const std::int32_t three = (nd.flags & kThreeIndex) ? (1 << 16) : 0;
  emit(Op::SliceArray, dst, arr, bounds, static_cast<std::int32_t>(ew) | three);
}

void Compiler::selector(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const Selection* s = selection_of(n);
  if (!s) {
    error(n, "internal: selector without selection");
    return;
  }
  switch (s->kind) {
    case Selection::Kind::Qualified: {
      const Object& o = object(s->obj);
      if (o.kind == ObjKind::Var) {
        read(var_loc(s->obj), dst);
      } else if (o.kind == ObjKind::Func) {
        emit(Op::LoadFunc, dst, 0, 0, function_of(s->obj));
      } else {
        error(n, "unsupported qualified identifier");
      }
      return;
    }
    case Selection::Kind::Field: read(loc(n), dst); return;
    case Selection::Kind::MethodExpr:
      emit(Op::LoadFunc, dst, 0, 0, method_expr_function(*s, type_of(nd.a)));
      return;
    case Selection::Kind::Method:
    case Selection::Kind::InterfaceMethod: {
      // A method value: bind the receiver now.
      const Loc base = walk_fields(value_loc(nd.a), type_of(nd.a), s->path);
      const TypeId cur = base.type;
      std::uint32_t recv = 0;
      TypeId recv_type = cur;
      std::int32_t wrapper = 0;
      if (s->kind == Selection::Kind::InterfaceMethod) {
        recv = read_any(base);
        // A method value of a nil interface is a nil dereference, there and then (`defer x.Close()` with x nil
        // panics at the defer statement): a load through its nil type word raises it.
        const std::size_t skip = emit(Op::JumpIf, recv);
        const std::uint32_t probe = alloc(1);
        emit(Op::Load, probe, recv, 0, 1);
        patch(skip, here());
        wrapper = method_value_wrapper(kNoObj, cur, true, s->index);
      } else {
        const Object& m = object(s->obj);
        if (m.pointer_receiver) {
          recv_type = types().pointer_to(m.recv);
          recv = ukind(cur) == vm::Kind::Pointer ? read_any(base) : address_of_loc(base);
        } else {
          recv_type = m.recv;
          if (ukind(cur) == vm::Kind::Pointer) {
            const std::uint32_t p = read_any(base);
            recv = alloc(words(m.recv));
            emit(Op::Load, recv, p, 0, static_cast<std::int32_t>(words(m.recv)));
          } else {
            recv = read_any(base);
          }
        }
        wrapper = method_value_wrapper(s->obj, recv_type, false, 0);
      }
      const std::uint32_t rw = words(recv_type);
      const std::uint32_t obj = alloc(1);
      emit(Op::New, obj, 0, 0, static_cast<std::int32_t>(1 + rw));
      const std::uint32_t tmp = alloc(1);
      load_word(tmp, static_cast<Word>(wrapper));
      emit(Op::Store, obj, tmp, 0, 1);
      if (rw) emit(Op::Store, obj, recv, 1, static_cast<std::int32_t>(rw));
      emit(Op::Move, dst, obj, 0, 1);
      return;
    }
  }
}

void Compiler::type_assert(NodeId n, std::uint32_t dst, bool comma_ok) {
  const Node& nd = node(n);
  const std::uint32_t x = expr(nd.a);
  const TypeId t = info_.type_of[fs().file][nd.b];
  const bool to_iface = is_iface(t);
  Op o = to_iface ? (comma_ok ? Op::AssertIfaceOk : Op::AssertIface) : (comma_ok ? Op::AssertTypeOk : Op::AssertType);
  emit(o, dst, x, static_cast<std::uint32_t>(type_of(nd.a)), static_cast<std::int32_t>(t));
}

}  // namespace gb::go
