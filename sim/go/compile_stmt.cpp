// Statements: blocks, assignments and declarations, control flow (if, for, range, switch, type switch, select),
// return, break and continue.
//
// Sections, in order:
//   blocks and statements
//   assignments and declarations
//   if and for
//   range
//   switch, type switch, select
//   return and branches
#include <bit>

#include <optional>

#include "sim/go/compiler_internal.h"

namespace gb::go {

namespace {

Tok base_op(Tok assign_op) {
  switch (assign_op) {
    case Tok::AddAssign: return Tok::Add;
    case Tok::SubAssign: return Tok::Sub;
    case Tok::MulAssign: return Tok::Mul;
    case Tok::QuoAssign: return Tok::Quo;
    case Tok::RemAssign: return Tok::Rem;
    case Tok::AndAssign: return Tok::And;
    case Tok::OrAssign: return Tok::Or;
    case Tok::XorAssign: return Tok::Xor;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    case Tok::AndNotAssign: return Tok::AndNot;
    default: return Tok::Illegal;
  }
}

}  // namespace

// [SECTION] blocks and statements

void Compiler::block(ListRef stmts) {
  const std::uint32_t mark = fs().top;
  settle_vars();  // a range's, a type switch clause's or a select case's variables are in scope in the body
  const std::size_t scope = scope_mark();
  for (NodeId s : ast().list(stmts)) stmt(s);
  close_scope(scope);
  fs().top = mark;
}

void Compiler::stmt(NodeId n) {
  const Node& nd = node(n);
  at(n);
  // A range loop marks its per-iteration check instead (range_stmt): its set-up and first check share a line.
  if (nd.kind != NodeKind::RangeStmt) fs().stmt_pending = true;
  const std::uint32_t mark = fs().top;
  const std::size_t scope = scope_mark();
  bool keep = false;  // the statement declared variables that outlive it
  switch (nd.kind) {
    case NodeKind::EmptyStmt: break;
    case NodeKind::BlockStmt: block(nd.l0); break;
    case NodeKind::ExprStmt: {
      const NodeId e = nd.a;
      const Node& en = node(e);
      if (en.kind == NodeKind::Call) {
        if (mode_of(en.a) == Mode::Type) {
          expr(e);
        } else {
          call(e);
        }
      } else {
        expr(e);
      }
      break;
    }
    case NodeKind::SendStmt: {
      const std::uint32_t ch = expr(nd.a);
      const TypeId elem = types()[under(type_of(nd.a))].elem;
      const std::uint32_t v = alloc(words(elem));
      expr_as(nd.b, elem, v);
      at(n);
      emit(Op::Send, ch, v, elem);
      break;
    }
    case NodeKind::IncDecStmt: {
      Loc l = loc(nd.a);
      const TypeId t = l.type;
      if (l.kind == Loc::Kind::Slots && types().is_integer(t)) {  // i++ is one AddImm (then the wrap)
        emit(Op::AddImm, l.slot, l.slot, 0, nd.op == Tok::Inc ? 1 : -1);
        wrap(t, l.slot);
        break;
      }
      const std::uint32_t one = alloc(2);
      if (types().is_complex(t)) {
        load_word(one, std::bit_cast<Word>(1.0));
        load_word(one + 1, 0);
      } else if (types().is_float(t)) {
        load_word(one, std::bit_cast<Word>(1.0));
      } else {
        load_word(one, 1);
      }
      if (l.kind == Loc::Kind::Slots) {
        arith(nd.op == Tok::Inc ? Tok::Add : Tok::Sub, t, l.slot, l.slot, one);
      } else {
        const std::uint32_t cur = read_any(l);
        const std::uint32_t r = alloc(1);
        arith(nd.op == Tok::Inc ? Tok::Add : Tok::Sub, t, r, cur, one);
        write(l, r);
      }
      break;
    }
    case NodeKind::AssignStmt:
      assign(n);
      keep = nd.op == Tok::Define;
      break;
    case NodeKind::DeclStmt: {
      const Node& g = node(nd.a);
      if (g.op == Tok::Var) {
        for (NodeId spec : ast().list(g.l0)) var_spec(spec);
        keep = true;
      }
      break;
    }
    case NodeKind::GoStmt: go_or_defer(n, true); break;
    case NodeKind::DeferStmt: go_or_defer(n, false); break;
    case NodeKind::ReturnStmt: return_stmt(n); break;
    case NodeKind::BranchStmt: branch_stmt(n); break;
    case NodeKind::LabeledStmt: {
      const std::string label = node(nd.a).text;
      fs().labels[label] = here();  // a goto's target (the checker has ruled out jumps over declarations)
      const Node& inner = node(nd.b);
      switch (inner.kind) {
        case NodeKind::ForStmt: for_stmt(nd.b, label); break;
        case NodeKind::RangeStmt: range_stmt(nd.b, label); break;
        case NodeKind::SwitchStmt: switch_stmt(nd.b, label); break;
        case NodeKind::TypeSwitchStmt: type_switch(nd.b, label); break;
        case NodeKind::SelectStmt: select_stmt(nd.b, label); break;
        default: stmt(nd.b); break;
      }
      break;
    }
    case NodeKind::IfStmt: if_stmt(n); break;
    case NodeKind::ForStmt: for_stmt(n, {}); break;
    case NodeKind::RangeStmt: range_stmt(n, {}); break;
    case NodeKind::SwitchStmt: switch_stmt(n, {}); break;
    case NodeKind::TypeSwitchStmt: type_switch(n, {}); break;
    case NodeKind::SelectStmt: select_stmt(n, {}); break;
    default: error(n, std::string("unsupported statement: ") + node_kind_name(nd.kind)); break;
  }
  settle_vars();  // `x := v` puts x in scope after the statement, as Go's scope rule says
  if (!keep) {
    close_scope(scope);  // an if, for, switch or select's own variables end with it
    fs().top = mark;
  }
}

// [SECTION] assignments and declarations

// Assigns the value at `src` (of type src_type) to lhs, declaring it first when `define` and it is new.
void Compiler::assign_to(NodeId lhs, std::uint32_t src, TypeId src_type, bool define) {
  const Node& ln = node(lhs);
  if (ln.kind == NodeKind::Ident && ln.text == "_") return;
  if (define && ln.kind == NodeKind::Ident) {
    const ObjId o = obj_of(lhs);
    if (o != kNoObj && object(o).decl == lhs) declare_var(o);
  }
  Loc l = loc(lhs);
  if (l.kind == Loc::Kind::Blank) return;
  if (is_iface(l.type) && !is_iface(src_type)) {
    const std::uint32_t tmp = alloc(2);
    convert_value(src, src_type, l.type, tmp);
    write(l, tmp);
    return;
  }
  write(l, src);
}

void Compiler::assign(NodeId n) {
  const Node& nd = node(n);
  const auto lhs_span = ast().list(nd.l0);
  const auto rhs_span = ast().list(nd.l1);
  std::vector<NodeId> lhs(lhs_span.begin(), lhs_span.end());
  std::vector<NodeId> rhs(rhs_span.begin(), rhs_span.end());
  if (nd.op != Tok::Assign && nd.op != Tok::Define) {
    const Tok op = base_op(nd.op);
    Loc l = loc(lhs[0]);
    const TypeId t = l.type;
    std::uint32_t y = 0;
    if (op == Tok::Shl || op == Tok::Shr) {
      y = expr(rhs[0]);
      const bool signed_count = !types().is_unsigned(type_of(rhs[0]));
      const std::uint32_t cur = read_any(l);
      const std::uint32_t r = l.kind == Loc::Kind::Slots ? l.slot : alloc(1);
      emit(op == Tok::Shl ? Op::Shl : (types().is_unsigned(t) ? Op::ShrU : Op::Shr), r, cur, y,
           signed_count ? 1 : 0);
      if (op == Tok::Shl) wrap(t, r);
      write(l, r);
      return;
    }
    y = alloc(words(t));
    expr_as(rhs[0], t, y);
    if (l.kind == Loc::Kind::Slots) {
      arith(op, t, l.slot, l.slot, y);
      return;
    }
    const std::uint32_t cur = read_any(l);
    const std::uint32_t r = alloc(words(t));
    arith(op, t, r, cur, y);
    write(l, r);
    return;
  }
  define_or_assign_values(n, lhs, rhs, nd.op == Tok::Define);
}

void Compiler::define_or_assign_values(NodeId n, const std::vector<NodeId>& lhs, const std::vector<NodeId>& rhs,
                                       bool define) {
  auto target_type = [&](NodeId l, TypeId fallback) {
    if (node(l).kind == NodeKind::Ident && node(l).text == "_") return fallback;
    const TypeId t = type_of(l);
    return t == vm::kNoType ? fallback : t;
  };
  if (lhs.size() == rhs.size()) {
    if (lhs.size() == 1) {
      const NodeId l = lhs[0];
      const NodeId r = rhs[0];
      const TypeId rt = type_of(r);
      if (node(l).kind == NodeKind::Ident && node(l).text == "_") {
        const Node& rn = node(r);
        if (rn.kind == NodeKind::Call && mode_of(rn.a) != Mode::Type) {
          call(r);
        } else {
          expr(r);
        }
        return;
      }
      // Fast path: a new or existing one-word local assigned directly.
      if (node(l).kind == NodeKind::Ident) {
        const ObjId o = obj_of(l);
        if (o != kNoObj && object(o).kind == ObjKind::Var) {
          const Object& ob = object(o);
          const bool is_new = define && ob.decl == l;
          if (!lives_in_cell(ob) && !ob.package_level && words(ob.type) == 1 && !is_iface(ob.type)) {
            if (is_new) {
              const std::uint32_t slot = alloc(1);
              fs().vars[o] = VarLoc{VarLoc::Kind::Slots, slot, 0};
              note_var(o, fs().vars[o], vm::VarInfo::Kind::Local);
            }
            auto it = fs().vars.find(o);
            if (it != fs().vars.end()) {
              expr_into(r, it->second.slot);
              return;
            }
          }
        }
      }
      const TypeId lt = target_type(l, rt);
      const std::uint32_t v = alloc(words(lt));
      expr_as(r, lt, v);
      assign_to(l, v, lt, define);
      return;
    }
    // Parallel assignment in Go's two phases: the left sides' index operands and pointers, then every right-hand
    // side, are evaluated first; then the stores happen left to right.
    // A slice element's index is only evaluated in phase one: Go checks it against the length at the store, so
    // `m[k], s[9] = 1, 2` sets m[k] before the index panics. The slice header and index are copied then.
    std::vector<Loc> locs;
    std::vector<std::optional<std::pair<std::uint32_t, std::uint32_t>>> slice_elems(lhs.size());
    for (std::size_t i = 0; i < lhs.size(); ++i) {
      const NodeId l = lhs[i];
      if (define && node(l).kind == NodeKind::Ident) {
        const ObjId o = obj_of(l);
        if (o != kNoObj && object(o).decl == l) declare_var(o);
      }
      NodeId u = l;
      while (node(u).kind == NodeKind::Paren) u = node(u).a;
      if (!define && node(u).kind == NodeKind::Index && ukind(type_of(node(u).a)) == vm::Kind::Slice) {
        const std::uint32_t sl = alloc(3), ix = alloc(1);
        emit(Op::Move, sl, expr(node(u).a), 0, 3);
        emit(Op::Move, ix, expr(node(u).b), 0, 1);
        slice_elems[i] = std::make_pair(sl, ix);
        Loc elem;
        elem.kind = Loc::Kind::Mem;
        elem.type = type_of(l);
        locs.push_back(elem);
        continue;
      }
      locs.push_back(pinned(loc(l)));  // `p, p.i = q, 4` stores 4 through the old p
    }
    std::vector<std::uint32_t> vals;
    for (std::size_t i = 0; i < rhs.size(); ++i) {
      const TypeId lt = locs[i].kind == Loc::Kind::Blank ? type_of(rhs[i]) : locs[i].type;
      const std::uint32_t v = alloc(words(lt));
      expr_as(rhs[i], lt, v);
      vals.push_back(v);
    }
    for (std::size_t i = 0; i < lhs.size(); ++i) {
      if (slice_elems[i]) {
        locs[i].slot = alloc(1);
        emit(Op::IndexAddr, locs[i].slot, slice_elems[i]->first, slice_elems[i]->second,
             static_cast<std::int32_t>(words(locs[i].type)));
      }
      write(locs[i], vals[i]);
    }
    return;
  }
  // v, ok = m[k] / x.(T) / <-c, or a, b = f().
  if (rhs.size() != 1) {
    error(n, "internal: assignment count mismatch");
    return;
  }
  NodeId r = rhs[0];
  while (node(r).kind == NodeKind::Paren) r = node(r).a;
  const Node& rn = node(r);
  // Phase one of the assignment: the left sides' index operands and pointers before the right side
  // (`m[f()], *g() = h()` calls f, g, h in that order). A left side whose type differs from its value's (an
  // interface receiving a concrete value) is left to assign_to, which converts.
  const bool tuple_call = rn.kind == NodeKind::Call && ukind(type_of(r)) == vm::Kind::Tuple;
  const std::vector<TypeId> expected =
      tuple_call ? types()[type_of(r)].params : std::vector<TypeId>{type_of(r), vm::kBool};
  std::vector<std::optional<Loc>> early(lhs.size());
  if (!define) {
    for (std::size_t i = 0; i < lhs.size() && i < expected.size(); ++i) {
      const Node& l = node(lhs[i]);
      if (l.kind == NodeKind::Ident || l.kind == NodeKind::Paren || type_of(lhs[i]) != expected[i]) continue;
      early[i] = pinned(loc(lhs[i]));
    }
  }
  std::vector<TypeId> parts;
  std::uint32_t base = 0;
  if (tuple_call) {
    base = call(r);
    parts = types()[type_of(r)].params;
  } else {
    const TypeId vt = type_of(r);
    const std::uint32_t w = words(vt);
    base = alloc(w + 1);
    if (rn.kind == NodeKind::Index) {
      const TypeId mt = under(type_of(rn.a));
      const std::uint32_t m = expr(rn.a);
      const std::uint32_t k = alloc(words(types()[mt].key));
      expr_as(rn.b, types()[mt].key, k);
      emit(Op::MapGet, base, m, k, static_cast<std::int32_t>(mt));
    } else if (rn.kind == NodeKind::TypeAssert) {
      type_assert(r, base, true);
    } else if (rn.kind == NodeKind::Unary && rn.op == Tok::Arrow) {
      const std::uint32_t ch = expr(rn.a);
      emit(Op::Recv, base, ch, types()[under(type_of(rn.a))].elem, 1);
    } else {
      error(n, "unsupported comma-ok expression");
      return;
    }
    parts = {vt, vm::kBool};
  }
  std::uint32_t off = 0;
  for (std::size_t i = 0; i < lhs.size() && i < parts.size(); ++i) {
    if (early[i]) {
      write(*early[i], base + off);
    } else {
      assign_to(lhs[i], base + off, parts[i], define);
    }
    off += words(parts[i]);
  }
}

void Compiler::var_spec(NodeId spec) {
  const Node& sp = node(spec);
  const auto names = ast().list(sp.l0);
  const auto values = ast().list(sp.l1);
  if (values.empty()) {
    for (NodeId nm : names) {
      const ObjId o = obj_of(nm);
      if (o == kNoObj || object(o).package_level) continue;
      declare_var(o);
    }
    return;
  }
  std::vector<NodeId> lhs(names.begin(), names.end());
  std::vector<NodeId> rhs(values.begin(), values.end());
  // Declare locals first (zeroed), then assign like `=`.
  if (lhs.size() == rhs.size()) {
    std::vector<std::uint32_t> vals;
    std::vector<TypeId> ts;
    for (std::size_t i = 0; i < rhs.size(); ++i) {
      const ObjId o = obj_of(lhs[i]);
      const TypeId lt = o != kNoObj ? object(o).type : type_of(rhs[i]);
      const std::uint32_t v = alloc(words(lt));
      expr_as(rhs[i], lt, v);
      vals.push_back(v);
      ts.push_back(lt);
    }
    for (std::size_t i = 0; i < lhs.size(); ++i) {
      const ObjId o = obj_of(lhs[i]);
      if (o == kNoObj || node(lhs[i]).text == "_") continue;
      if (!object(o).package_level) declare_var(o);
      write(var_loc(o), vals[i]);
    }
    return;
  }
  for (NodeId nm : lhs) {
    const ObjId o = obj_of(nm);
    if (o != kNoObj && !object(o).package_level && node(nm).text != "_") declare_var(o);
  }
  define_or_assign_values(spec, lhs, rhs, false);
}

// [SECTION] if and for

void Compiler::if_stmt(NodeId n) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  if (nd.a != kNoNode) stmt(nd.a);
  std::vector<std::size_t> to_else;
  branch_if(nd.b, false, to_else);
  block(node(nd.c).l0);
  if (nd.d != kNoNode) {
    const std::size_t to_end = emit(Op::Jump);
    for (std::size_t j : to_else) patch(j, here());
    stmt(nd.d);
    patch(to_end, here());
  } else {
    for (std::size_t j : to_else) patch(j, here());
  }
  fs().top = mark;
}

void Compiler::for_stmt(NodeId n, const std::string& label) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  if (nd.a != kNoNode) stmt(nd.a);
  std::size_t to_cond = 0;
  const bool has_cond = nd.b != kNoNode;
  if (has_cond) to_cond = emit(Op::Jump);
  const std::size_t body = here();
  fs().targets.push_back(JumpTarget{label, true, {}, {}});
  block(node(nd.d).l0);
  const std::size_t cont = here();
  if (nd.c != kNoNode) stmt(nd.c);
  if (has_cond) {
    patch(to_cond, here());
    // With a post statement, that statement is the loop line's stop each iteration; else the condition is.
    if (nd.c == kNoNode) fs().stmt_pending = true;
    std::vector<std::size_t> back;
    branch_if(nd.b, true, back);
    for (std::size_t j : back) patch(j, body);
  } else {
    emit(Op::Jump, 0, 0, 0, static_cast<std::int32_t>(body));
  }
  JumpTarget t = std::move(fs().targets.back());
  fs().targets.pop_back();
  for (std::size_t j : t.breaks) patch(j, here());
  for (std::size_t j : t.continues) patch(j, cont);
  fs().top = mark;
}

// [SECTION] range

void Compiler::range_stmt(NodeId n, const std::string& label) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  const TypeId rt = type_of(nd.c);
  const vm::Type& u = types()[under(rt)];
  const bool define = nd.op == Tok::Define;
  const NodeId key = nd.a;
  const NodeId value = nd.b;
  auto is_blank = [&](NodeId x) { return x == kNoNode || (node(x).kind == NodeKind::Ident && node(x).text == "_"); };
  if (define) {
    for (NodeId x : {key, value}) {
      if (is_blank(x)) continue;
      const ObjId o = obj_of(x);
      if (o != kNoObj) declare_var(o);
    }
  }
  auto assign_iter = [&](NodeId x, std::uint32_t src, TypeId t) {
    if (is_blank(x)) return;
    assign_to(x, src, t, false);
  };
  // `k, v = range ...` assigns in two phases, as any tuple assignment: v's index and pointer operands are
  // evaluated before k is assigned (`for i, x[i] = range y` writes the x[i] of the old i).
  auto assign_both = [&](std::uint32_t ksrc, TypeId kt, std::uint32_t vsrc, TypeId vt) {
    const bool two_phase = !define && !is_blank(key) && !is_blank(value) && node(value).kind != NodeKind::Ident &&
                           type_of(value) == vt;
    if (!two_phase) {
      assign_iter(key, ksrc, kt);
      assign_iter(value, vsrc, vt);
      return;
    }
    const Loc vl = pinned(loc(value));
    assign_iter(key, ksrc, kt);
    write(vl, vsrc);
  };
  fs().targets.push_back(JumpTarget{label, true, {}, {}});
  std::size_t loop_top = 0;
  std::size_t cont = 0;
  std::vector<std::size_t> exits;
  if (u.kind == vm::Kind::Slice || u.kind == vm::Kind::Array ||
      (u.kind == vm::Kind::Pointer && ukind(u.elem) == vm::Kind::Array)) {
    const bool slice = u.kind == vm::Kind::Slice;
    const TypeId at = u.kind == vm::Kind::Pointer ? u.elem : rt;
    const TypeId elem = slice ? u.elem : types()[under(at)].elem;
    const std::uint32_t ew = words(elem);
    const std::uint32_t len = alloc(1);
    std::uint32_t seq = 0;  // slice header or array address
    const bool need_value = !is_blank(value);
    if (slice) {
      seq = alloc(3);
      expr_into(nd.c, seq);
      emit(Op::Move, len, seq + 1, 0, 1);
    } else {
      load_word(len, static_cast<Word>(types()[under(at)].length));
      if (need_value) {
        seq = alloc(1);
        if (u.kind == vm::Kind::Pointer) {
          expr_into(nd.c, seq);
        } else {
          // The range expression is evaluated once, and an array is ranged over as a copy of it: the body's
          // writes to the array do not change the values the loop sees.
          Loc l = loc(nd.c);
          const std::uint32_t w = words(at);
          emit_new(seq, at, 1);
          if (l.kind == Loc::Kind::Slots) {
            emit(Op::Store, seq, l.slot, 0, static_cast<std::int32_t>(w));
          } else if (w != 0) {
            // Copy element by element with copy()'s instruction, from a slice over the original to one over the copy.
            const std::uint32_t src = alloc(3), dst = alloc(3), copied = alloc(1);
            emit(Op::Move, src, address_of_loc(l), 0, 1);
            load_word(src + 1, static_cast<Word>(types()[under(at)].length));
            emit(Op::Move, src + 2, src + 1, 0, 1);
            emit(Op::Move, dst, seq, 0, 1);
            emit(Op::Move, dst + 1, src + 1, 0, 2);
            emit(Op::Copy, copied, dst, src, static_cast<std::int32_t>(ew));
          }
        }
      } else if (u.kind == vm::Kind::Pointer || has_call_or_recv(ast(), nd.c)) {
        // With no value variable, len of the array is a constant unless the expression has a call or a receive
        // (then it is evaluated, once); a pointer is evaluated (ranging over a nil one still runs).
        expr(nd.c);
      }
    }
    const std::uint32_t i = alloc(1);
    load_word(i, 0);
    const std::uint32_t v = alloc(std::max<std::uint32_t>(1, ew));
    const std::uint32_t addr = alloc(1);
    loop_top = here();
    fs().stmt_pending = true;  // each iteration's check begins a statement
    exits.push_back(emit(Op::JumpLe, len, i));
    if (need_value) {
      if (slice) {
        emit(Op::IndexAddr, addr, seq, i, static_cast<std::int32_t>(ew));
      } else {
        const std::uint32_t t = alloc(1);
        load_word(t, ew);
        emit(Op::Mul, t, t, i);
        emit(Op::Add, addr, seq, t);
      }
      emit(Op::Load, v, addr, 0, static_cast<std::int32_t>(ew));
      assign_both(i, vm::kInt, v, elem);
    } else {
      assign_iter(key, i, vm::kInt);
    }
    block(node(nd.d).l0);
    cont = here();
    emit(Op::AddImm, i, i, 0, 1);
    emit(Op::Jump, 0, 0, 0, static_cast<std::int32_t>(loop_top));
  } else if (u.kind == vm::Kind::String || u.kind == vm::Kind::UntypedString) {
    const std::uint32_t s = alloc(2);
    expr_into(nd.c, s);
    const std::uint32_t len = alloc(1);
    emit(Op::StrLen, len, s);
    const std::uint32_t i = alloc(1);
    load_word(i, 0);
    const std::uint32_t rw = alloc(2);
    loop_top = here();
    fs().stmt_pending = true;  // each iteration's check begins a statement
    exits.push_back(emit(Op::JumpLe, len, i));
    emit(Op::StrNextRune, rw, s, i);
    assign_both(i, vm::kInt, rw, vm::kInt32);
    block(node(nd.d).l0);
    cont = here();
    emit(Op::Add, i, i, rw + 1);
    emit(Op::Jump, 0, 0, 0, static_cast<std::int32_t>(loop_top));
  } else if (u.kind == vm::Kind::Map) {
    const std::uint32_t m = expr(nd.c);
    const std::uint32_t it = alloc(1);
    emit(Op::MapIter, it, m);
    const std::uint32_t ok = alloc(1);
    const std::uint32_t kv = alloc(words(u.key) + words(u.elem));
    loop_top = here();
    fs().stmt_pending = true;  // each iteration's check begins a statement
    emit(Op::MapNext, ok, it, kv);
    exits.push_back(emit(Op::JumpIfNot, ok));
    assign_both(kv, u.key, kv + words(u.key), u.elem);
    block(node(nd.d).l0);
    cont = here();
    emit(Op::Jump, 0, 0, 0, static_cast<std::int32_t>(loop_top));
  } else if (u.kind == vm::Kind::Chan) {
    const std::uint32_t ch = alloc(1);
    expr_into(nd.c, ch);
    const std::uint32_t w = words(u.elem);
    const std::uint32_t v = alloc(w + 1);
    loop_top = here();
    fs().stmt_pending = true;  // each iteration's check begins a statement
    emit(Op::Recv, v, ch, u.elem, 1);
    exits.push_back(emit(Op::JumpIfNot, v + w));
    assign_iter(key, v, u.elem);
    block(node(nd.d).l0);
    cont = here();
    emit(Op::Jump, 0, 0, 0, static_cast<std::int32_t>(loop_top));
  } else {
    error(n, "unsupported range over " + types().to_string(rt));
  }
  JumpTarget t = std::move(fs().targets.back());
  fs().targets.pop_back();
  for (std::size_t j : exits) patch(j, here());
  for (std::size_t j : t.breaks) patch(j, here());
  for (std::size_t j : t.continues) patch(j, cont);
  fs().top = mark;
}

// [SECTION] switch, type switch, select

void Compiler::switch_stmt(NodeId n, const std::string& label) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  if (nd.a != kNoNode) stmt(nd.a);
  TypeId tag_t = vm::kBool;
  std::uint32_t tag = 0;
  const bool has_tag = nd.b != kNoNode;
  if (has_tag) {
    tag_t = type_of(nd.b);
    tag = alloc(words(tag_t));
    expr_into(nd.b, tag);
  }
  const auto clauses = ast().list(nd.l0);
  std::vector<std::vector<std::size_t>> to_body(clauses.size());
  std::int64_t default_clause = -1;
  const std::uint32_t cmp = alloc(1);
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    if (cl.flags & kDefault) default_clause = static_cast<std::int64_t>(ci);
    for (NodeId e : ast().list(cl.l0)) {
      at(e);
      if (has_tag) {
        const TypeId et = type_of(e);
        if (is_iface(tag_t) && !is_iface(et)) {
          const std::uint32_t v = alloc(2);
          expr_as(e, tag_t, v);
          emit(Op::EqIface, cmp, tag, v);
        } else {
          const std::uint32_t v = expr(e);
          equal(tag_t, cmp, tag, v);
        }
        to_body[ci].push_back(emit(Op::JumpIf, cmp));
      } else {
        branch_if(e, true, to_body[ci]);
      }
    }
  }
  const std::size_t to_default = emit(Op::Jump);
  fs().targets.push_back(JumpTarget{label, false, {}, {}});
  std::vector<std::size_t> to_end;
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    for (std::size_t j : to_body[ci]) patch(j, here());
    if (static_cast<std::int64_t>(ci) == default_clause) patch(to_default, here());
    const auto body = ast().list(cl.l1);
    const bool falls = !body.empty() && node(body.back()).kind == NodeKind::BranchStmt &&
                       node(body.back()).op == Tok::Fallthrough;
    block(cl.l1);
    if (!falls) to_end.push_back(emit(Op::Jump));
  }
  if (default_clause < 0) patch(to_default, here());
  JumpTarget t = std::move(fs().targets.back());
  fs().targets.pop_back();
  for (std::size_t j : to_end) patch(j, here());
  for (std::size_t j : t.breaks) patch(j, here());
  fs().top = mark;
}

void Compiler::type_switch(NodeId n, const std::string& label) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  if (nd.a != kNoNode) stmt(nd.a);
  const TypeId xt = type_of(nd.c);
  const std::uint32_t x = alloc(2);
  expr_into(nd.c, x);
  const std::uint32_t tid = alloc(1);
  emit(Op::IfaceTypeId, tid, x);
  const auto clauses = ast().list(nd.l0);
  std::vector<std::vector<std::size_t>> to_body(clauses.size());
  std::int64_t default_clause = -1;
  const std::uint32_t cmp = alloc(3);
  const std::uint32_t k = alloc(1);
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    if (cl.flags & kDefault) default_clause = static_cast<std::int64_t>(ci);
    for (NodeId e : ast().list(cl.l0)) {
      const ObjId eo = node(e).kind == NodeKind::Ident ? obj_of(e) : kNoObj;
      if (eo != kNoObj && object(eo).kind == ObjKind::Nil) {
        load_word(k, 0);
        to_body[ci].push_back(emit(Op::JumpEq, tid, k));
        continue;
      }
      const TypeId t = info_.type_of[fs().file][e];
      if (is_iface(t)) {
        emit(Op::AssertIfaceOk, cmp, x, static_cast<std::uint32_t>(xt), static_cast<std::int32_t>(t));
        to_body[ci].push_back(emit(Op::JumpIf, cmp + 2));
      } else {
        load_word(k, t);
        to_body[ci].push_back(emit(Op::JumpEq, tid, k));
      }
    }
  }
  const std::size_t to_default = emit(Op::Jump);
  fs().targets.push_back(JumpTarget{label, false, {}, {}});
  std::vector<std::size_t> to_end;
  const auto& clause_objs = info_.clause_obj[fs().file];
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    for (std::size_t j : to_body[ci]) patch(j, here());
    if (static_cast<std::int64_t>(ci) == default_clause) patch(to_default, here());
    const std::uint32_t cmark = fs().top;
    const std::size_t cscope = scope_mark();
    auto co = clause_objs.find(clauses[ci]);
    if (co != clause_objs.end() && co->second != kNoObj) {
      const ObjId v = co->second;
      const TypeId vt = object(v).type;
      declare_var(v);
      const std::uint32_t tmp = alloc(words(vt));
      if (is_iface(vt)) {
        if (vt == xt || ast().list(cl.l0).size() != 1) {
          emit(Op::Move, tmp, x, 0, 2);
        } else {
          emit(Op::AssertIface, tmp, x, static_cast<std::uint32_t>(xt), static_cast<std::int32_t>(vt));
        }
      } else {
        emit(Op::AssertType, tmp, x, static_cast<std::uint32_t>(xt), static_cast<std::int32_t>(vt));
      }
      write(var_loc(v), tmp);
    }
    block(cl.l1);
    close_scope(cscope);
    fs().top = cmark;
    to_end.push_back(emit(Op::Jump));
  }
  if (default_clause < 0) patch(to_default, here());
  JumpTarget t = std::move(fs().targets.back());
  fs().targets.pop_back();
  for (std::size_t j : to_end) patch(j, here());
  for (std::size_t j : t.breaks) patch(j, here());
  fs().top = mark;
}

void Compiler::select_stmt(NodeId n, const std::string& label) {
  const Node& nd = node(n);
  const std::uint32_t mark = fs().top;
  const auto clauses = ast().list(nd.l0);
  vm::SelectTable table;
  std::vector<std::int64_t> case_of_clause(clauses.size(), -1);
  struct RecvTarget {
    std::vector<NodeId> lhs;
    bool define = false;
    std::uint32_t value = 0;
    std::uint32_t ok = 0;
    TypeId elem = vm::kNoType;
  };
  std::vector<RecvTarget> recv_targets(clauses.size());
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    if (cl.a == kNoNode) {
      table.has_default = true;
      continue;
    }
    const Node& comm = node(cl.a);
    vm::SelectCase sc;
    if (comm.kind == NodeKind::SendStmt) {
      sc.send = true;
      sc.chan = alloc(1);
      expr_into(comm.a, sc.chan);
      sc.elem = types()[under(type_of(comm.a))].elem;
      sc.value = alloc(words(sc.elem));
      expr_as(comm.b, sc.elem, sc.value);
    } else {
      NodeId recv = kNoNode;
      RecvTarget& rt = recv_targets[ci];
      if (comm.kind == NodeKind::ExprStmt) {
        recv = comm.a;
      } else if (comm.kind == NodeKind::AssignStmt) {
        recv = ast().list(comm.l1)[0];
        for (NodeId l : ast().list(comm.l0)) rt.lhs.push_back(l);
        rt.define = comm.op == Tok::Define;
      }
      while (node(recv).kind == NodeKind::Paren) recv = node(recv).a;
      const NodeId ch = node(recv).a;
      sc.chan = alloc(1);
      expr_into(ch, sc.chan);
      sc.elem = types()[under(type_of(ch))].elem;
      sc.value = alloc(std::max<std::uint32_t>(1, words(sc.elem)));
      sc.ok = alloc(1);
      rt.value = sc.value;
      rt.ok = sc.ok;
      rt.elem = sc.elem;
    }
    case_of_clause[ci] = static_cast<std::int64_t>(table.cases.size());
    table.cases.push_back(sc);
  }
  const std::uint32_t chosen = alloc(1);
  if (table.cases.size() == 1 && !table.has_default) {
    // One case and no default is a plain channel operation in gc (walk/select.go rewrites it before selectgo is
    // ever called): it blocks as `chan send`/`chan receive` (`(nil chan)` for nil), not as `select`.
    const vm::SelectCase& sc = table.cases[0];
    for (std::size_t ci = 0; ci < clauses.size(); ++ci) at(node(clauses[ci]).a);
    if (sc.send) {
      emit(Op::Send, sc.chan, sc.value, sc.elem);
    } else {
      // Recv puts ok right after the value's words; a zero-size element has none.
      if (words(sc.elem) == 0)
        for (RecvTarget& rt : recv_targets) rt.ok = sc.value;
      emit(Op::Recv, sc.value, sc.chan, sc.elem, 1);
    }
    load_word(chosen, 0);
  } else {
    program_.selects.push_back(table);
    at(n);
    emit(Op::Select, chosen, 0, 0, static_cast<std::int32_t>(program_.selects.size() - 1));
  }
  const std::uint32_t k = alloc(1);
  std::vector<std::size_t> to_body(clauses.size(), SIZE_MAX);
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    load_word(k, static_cast<Word>(case_of_clause[ci]));
    to_body[ci] = emit(Op::JumpEq, chosen, k);
  }
  const std::size_t fallout = emit(Op::Jump);
  fs().targets.push_back(JumpTarget{label, false, {}, {}});
  std::vector<std::size_t> to_end;
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const Node& cl = node(clauses[ci]);
    patch(to_body[ci], here());
    const std::uint32_t cmark = fs().top;
    const std::size_t cscope = scope_mark();
    const RecvTarget& rt = recv_targets[ci];
    if (!rt.lhs.empty()) {
      assign_to(rt.lhs[0], rt.value, rt.elem, rt.define);
      if (rt.lhs.size() > 1) assign_to(rt.lhs[1], rt.ok, vm::kBool, rt.define);
    }
    block(cl.l1);
    close_scope(cscope);
    fs().top = cmark;
    to_end.push_back(emit(Op::Jump));
  }
  patch(fallout, here());
  JumpTarget t = std::move(fs().targets.back());
  fs().targets.pop_back();
  for (std::size_t j : to_end) patch(j, here());
  for (std::size_t j : t.breaks) patch(j, here());
  fs().top = mark;
}

// [SECTION] return and branches

void Compiler::return_stmt(NodeId n) {
  const Node& nd = node(n);
  const auto results = ast().list(nd.l0);
  const vm::Type& sig = types()[under(fs().signature)];
  if (!results.empty()) {
    std::vector<std::uint32_t> vals;
    if (results.size() == 1 && sig.results.size() > 1) {
      const std::uint32_t base = call(results[0]);
      const vm::Type& tuple = types()[type_of(results[0])];
      std::uint32_t off = 0;
      for (std::size_t i = 0; i < tuple.params.size(); ++i) {
        const std::uint32_t v = alloc(words(sig.results[i]));
        convert_value(base + off, tuple.params[i], sig.results[i], v);
        vals.push_back(v);
        off += words(tuple.params[i]);
      }
    } else {
      for (std::size_t i = 0; i < results.size() && i < sig.results.size(); ++i) {
        const std::uint32_t v = alloc(words(sig.results[i]));
        expr_as(results[i], sig.results[i], v);
        vals.push_back(v);
      }
    }
    std::uint32_t off = 0;
    for (std::size_t i = 0; i < vals.size(); ++i) {
      const std::uint32_t w = words(sig.results[i]);
      const ObjId o = i < fs().result_objs.size() ? fs().result_objs[i] : kNoObj;
      auto it = o != kNoObj ? fs().vars.find(o) : fs().vars.end();
      if (it != fs().vars.end() && it->second.kind == VarLoc::Kind::Cell) {
        emit(Op::Store, it->second.slot, vals[i], 0, static_cast<std::int32_t>(w));
      } else if (w) {
        emit(Op::Move, fs().result_base + off, vals[i], 0, static_cast<std::int32_t>(w));
      }
      off += w;
    }
  }
  at(n);
  emit(Op::Return);
}

void Compiler::branch_stmt(NodeId n) {
  const Node& nd = node(n);
  if (nd.op == Tok::Fallthrough) return;  // the switch lays bodies out in order
  if (nd.op == Tok::Goto) {
    const std::string target = node(nd.a).text;
    const std::size_t j = emit(Op::Jump);
    const auto it = fs().labels.find(target);
    if (it != fs().labels.end()) {
      patch(j, it->second);
    } else {
      fs().forward_gotos.emplace_back(target, j);
    }
    return;
  }
  const std::string label = nd.a != kNoNode ? node(nd.a).text : std::string();
  auto& targets = fs().targets;
  for (auto it = targets.rbegin(); it != targets.rend(); ++it) {
    if (!label.empty() && it->label != label) continue;
    if (nd.op == Tok::Continue && !it->is_loop) continue;
    const std::size_t j = emit(Op::Jump);
    if (nd.op == Tok::Break) {
      it->breaks.push_back(j);
    } else {
      it->continues.push_back(j);
    }
    return;
  }
  error(n, "internal: no target for break/continue");
}

void Compiler::patch_gotos() {
  for (const auto& [label, jump] : fs().forward_gotos) {
    const auto it = fs().labels.find(label);
    if (it == fs().labels.end()) {
      error(fs().node, "internal: goto without its label " + label);
      continue;
    }
    patch(jump, it->second);
  }
  fs().forward_gotos.clear();
}

// A left side evaluated in phase one keeps the operands it had then: the pointer, map and key are copied out of
// the variables that held them, so assigning those variables first (`p, *p = f()`) does not move the target.
Loc Compiler::pinned(Loc l) {
  if (l.kind == Loc::Kind::Mem || l.kind == Loc::Kind::MapEntry) {
    const std::uint32_t p = alloc(1);
    emit(Op::Move, p, l.slot, 0, 1);
    l.slot = p;
  }
  if (l.kind == Loc::Kind::MapEntry) {
    const std::uint32_t kw = words(types()[under(l.map_type)].key);
    if (kw != 0) {
      const std::uint32_t k = alloc(kw);
      emit(Op::Move, k, l.key, 0, static_cast<std::int32_t>(kw));
      l.key = k;
    }
  }
  return l;
}

}  // namespace gb::go
