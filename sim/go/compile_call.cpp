// Calls: static functions, methods (with automatic & and *), interface methods, closures, natives, builtins,
// conversions, and the operands of go and defer statements.
#include <bit>

#include "sim/go/compiler_internal.h"

namespace gb::go {

namespace {

std::uint32_t sum_words(const Compiler& c, const std::vector<TypeId>& ts) {
  std::uint32_t w = 0;
  for (TypeId t : ts) w += c.words(t);
  return w;
}

}  // namespace

void Compiler::arguments(NodeId n, TypeId sig, std::uint32_t base, std::uint32_t) {
  const Node& nd = node(n);
  const vm::Type& s = types()[under(sig)];
  const auto args = ast().list(nd.l0);
  const std::size_t np = s.params.size();
  // An argument is an expression, or one value of a multi-value call f(g()).
  struct Arg {
    NodeId node = kNoNode;
    std::uint32_t slot = 0;
    TypeId type = vm::kNoType;
  };
  std::vector<Arg> vals;
  if (args.size() == 1 && ukind(type_of(args[0])) == vm::Kind::Tuple) {
    const std::uint32_t r = call(args[0]);
    std::uint32_t off = r;
    for (TypeId t : types()[type_of(args[0])].params) {
      vals.push_back(Arg{kNoNode, off, t});
      off += words(t);
    }
  } else {
    for (NodeId a : args) vals.push_back(Arg{a, 0, vm::kNoType});
  }
  auto put = [&](const Arg& a, TypeId target, std::uint32_t dst) {
    if (a.node != kNoNode) {
      expr_as(a.node, target, dst);
    } else {
      convert_value(a.slot, a.type, target, dst);
    }
  };
  std::uint32_t dst = base;
  const std::size_t fixed = s.variadic ? np - 1 : np;
  for (std::size_t i = 0; i < fixed && i < vals.size(); ++i) {
    put(vals[i], s.params[i], dst);
    dst += words(s.params[i]);
  }
  if (!s.variadic) return;
  const TypeId slice_t = s.params[np - 1];
  if (nd.flags & kHasDots) {
    put(vals[np - 1], slice_t, dst);
    return;
  }
  const TypeId elem = types()[under(slice_t)].elem;
  const std::uint32_t ew = words(elem);
  const std::size_t extra = vals.size() > fixed ? vals.size() - fixed : 0;
  if (extra == 0) {
    emit(Op::Zero, dst, 0, 0, 3);
    return;
  }
  const std::uint32_t addr = alloc(1);
  emit_new(addr, elem, extra);
  const std::uint32_t v = alloc(ew);
  for (std::size_t i = 0; i < extra; ++i) {
    put(vals[fixed + i], elem, v);
    if (ew) emit(Op::Store, addr, v, static_cast<std::uint32_t>(i * ew), static_cast<std::int32_t>(ew));
  }
  emit(Op::Move, dst, addr, 0, 1);
  load_word(dst + 1, extra);
  load_word(dst + 2, extra);
}

std::uint32_t Compiler::call(NodeId n) {
  const Node& nd = node(n);
  NodeId fun = nd.a;
  while (node(fun).kind == NodeKind::Paren) fun = node(fun).a;
  if (mode_of(fun) == Mode::Type) {
    const std::uint32_t dst = alloc(words(type_of(n)));
    conversion(n, dst);
    return dst;
  }
  // Builtins.
  if (node(fun).kind == NodeKind::Ident) {
    const ObjId o = obj_of(fun);
    if (o != kNoObj && object(o).kind == ObjKind::Builtin) return builtin_call(n, object(o).builtin);
  }
  // A static function: an identifier or pkg.F naming a declared function.
  ObjId static_fn = kNoObj;
  if (node(fun).kind == NodeKind::Ident || node(fun).kind == NodeKind::Index) {  // F, or an instance F[int]
    const ObjId o = obj_of(fun);
    if (o != kNoObj && object(o).kind == ObjKind::Func) static_fn = o;
  }
  const Selection* sel = node(fun).kind == NodeKind::Selector ? selection_of(fun) : nullptr;
  if (sel && sel->kind == Selection::Kind::Qualified && object(sel->obj).kind == ObjKind::Func) static_fn = sel->obj;
  std::int32_t static_index = static_fn != kNoObj ? function_of(static_fn) : -1;
  // A method expression T.M takes the receiver as its first argument; the checker types it as such.
  if (sel && sel->kind == Selection::Kind::MethodExpr) static_index = method_expr_function(*sel, type_of(node(fun).a));

  const TypeId fun_t = type_of(fun);
  if (static_index >= 0) {
    const vm::Type& cs = types()[under(fun_t)];
    const std::uint32_t pw = sum_words(*this, cs.params);
    const std::uint32_t rw = sum_words(*this, cs.results);
    const std::uint32_t base = alloc(std::max(pw, rw));
    arguments(n, fun_t, base, 0);
    at(n);
    emit_call(base, static_index);
    return base;
  }
  if (sel && (sel->kind == Selection::Kind::Method || sel->kind == Selection::Kind::InterfaceMethod)) {
    // Walk embedded fields to the receiver.
    const Loc base_loc = walk_fields(value_loc(node(fun).a), type_of(node(fun).a), sel->path);
    const TypeId cur = base_loc.type;
    const vm::Type& s = types()[under(fun_t)];
    const std::uint32_t pw = sum_words(*this, s.params);
    const std::uint32_t rw = sum_words(*this, s.results);
    if (sel->kind == Selection::Kind::InterfaceMethod) {
      const std::uint32_t iface = read_any(base_loc);
      const std::uint32_t base = alloc(std::max(pw, rw));
      arguments(n, fun_t, base, 0);
      at(n);
      emit(Op::CallIface, base, iface, cur, static_cast<std::int32_t>(sel->index));
      return base;
    }
    const Object& m = object(sel->obj);
    const TypeId recv_t = m.pointer_receiver ? types().pointer_to(m.recv) : m.recv;
    const std::uint32_t recv_w = words(recv_t);
    const std::uint32_t base = alloc(std::max(recv_w + pw, rw));
    if (m.pointer_receiver) {
      const std::uint32_t p = ukind(cur) == vm::Kind::Pointer ? read_any(base_loc) : address_of_loc(base_loc);
      emit(Op::Move, base, p, 0, 1);
    } else if (ukind(cur) == vm::Kind::Pointer) {
      const std::uint32_t p = read_any(base_loc);
      emit(Op::Load, base, p, 0, static_cast<std::int32_t>(recv_w));
    } else {
      read(base_loc, base);
    }
    arguments(n, fun_t, base + recv_w, 0);
    at(n);
    emit_call(base, function_of(sel->obj));
    return base;
  }
  // A func value.
  const std::uint32_t fv = alloc(1);
  expr_into(fun, fv);
  const vm::Type& s = types()[under(fun_t)];
  const std::uint32_t pw = sum_words(*this, s.params);
  const std::uint32_t rw = sum_words(*this, s.results);
  const std::uint32_t base = alloc(std::max(pw, rw));
  arguments(n, fun_t, base, 0);
  at(n);
  emit(Op::CallClosure, base, fv);
  return base;
}

std::uint32_t Compiler::builtin_call(NodeId n, Builtin b) {
  const Node& nd = node(n);
  const auto args = ast().list(nd.l0);
  const TypeId rt = type_of(n);
  const std::uint32_t dst = alloc(std::max<std::uint32_t>(1, words(rt)));
  at(n);
  // copy(f()), delete(f()), print(f()): the values of one multi-value call are the arguments
  std::vector<std::pair<std::uint32_t, TypeId>> spread;
  if (args.size() == 1 && ukind(type_of(args[0])) == vm::Kind::Tuple) {
    std::uint32_t off = call(args[0]);
    for (TypeId t : types()[type_of(args[0])].params) {
      spread.emplace_back(off, t);
      off += words(t);
    }
    at(n);
  }
  switch (b) {
    case Builtin::Len:
    case Builtin::Cap: {
      const TypeId at_ = type_of(args[0]);
      const vm::Kind k = ukind(at_);
      const std::uint32_t x = expr(args[0]);
      if (k == vm::Kind::String || k == vm::Kind::UntypedString) {
        emit(Op::StrLen, dst, x);
      } else if (k == vm::Kind::Slice) {
        emit(Op::Move, dst, x + (b == Builtin::Len ? 1 : 2), 0, 1);
      } else if (k == vm::Kind::Map) {
        emit(Op::MapLen, dst, x);
      } else if (k == vm::Kind::Chan) {
        emit(b == Builtin::Len ? Op::ChanLen : Op::ChanCap, dst, x);
      } else if (k == vm::Kind::Array) {
        load_word(dst, static_cast<Word>(types()[under(at_)].length));
      } else if (k == vm::Kind::Pointer) {
        load_word(dst, static_cast<Word>(types()[under(types()[under(at_)].elem)].length));
      } else {
        error(n, "unsupported len/cap operand");
      }
      return dst;
    }
    case Builtin::Append: {
      // d = -element type: the interpreter rounds the new capacity with Go's element size, as growslice does.
      const TypeId st = rt;
      const TypeId elem = types()[under(st)].elem;
      const std::uint32_t ew = words(elem);
      const auto d = -static_cast<std::int32_t>(elem);
      if (!spread.empty()) {
        // append(f()): the first result is the slice; the others grow it once, as a temporary slice
        emit(Op::Move, dst, spread[0].first, 0, 3);
        const std::size_t n_extra = spread.size() - 1;
        if (n_extra == 0) return dst;
        const std::uint32_t tmp = alloc(3);
        const std::uint32_t v = alloc(std::max<std::uint32_t>(ew, 2));
        emit_new(tmp, elem, n_extra);
        for (std::size_t i = 1; i < spread.size(); ++i) {
          convert_value(spread[i].first, spread[i].second, elem, v);
          if (ew) emit(Op::Store, tmp, v, static_cast<std::uint32_t>((i - 1) * ew), static_cast<std::int32_t>(ew));
        }
        load_word(tmp + 1, n_extra);
        load_word(tmp + 2, n_extra);
        emit(Op::Append, dst, dst, tmp, d);
        return dst;
      }
      expr_as(args[0], st, dst);
      if (nd.flags & kHasDots) {
        const TypeId src_t = type_of(args[1]);
        std::uint32_t src = expr(args[1]);
        if (types().is_string(src_t)) {
          const std::uint32_t bytes = alloc(3);
          emit(Op::StrToBytes, bytes, src);
          src = bytes;
        }
        emit(Op::Append, dst, dst, src, d);
        return dst;
      }
      if (args.size() == 2) {
        const std::uint32_t v = alloc(ew);
        expr_as(args[1], elem, v);
        emit(Op::AppendOne, dst, dst, v, d);
        return dst;
      }
      if (args.size() > 2) {
        // Several values grow the slice once, as Go does: append a temporary slice of them.
        const std::size_t n_extra = args.size() - 1;
        const std::uint32_t tmp = alloc(3);
        const std::uint32_t v = alloc(ew);
        emit_new(tmp, elem, n_extra);
        for (std::size_t i = 1; i < args.size(); ++i) {
          expr_as(args[i], elem, v);
          if (ew) emit(Op::Store, tmp, v, static_cast<std::uint32_t>((i - 1) * ew), static_cast<std::int32_t>(ew));
        }
        load_word(tmp + 1, n_extra);
        load_word(tmp + 2, n_extra);
        emit(Op::Append, dst, dst, tmp, d);
      }
      return dst;
    }
    case Builtin::Copy: {
      const std::uint32_t d = spread.empty() ? expr(args[0]) : spread[0].first;
      const std::uint32_t s = spread.empty() ? expr(args[1]) : spread[1].first;
      const TypeId dt = spread.empty() ? type_of(args[0]) : spread[0].second;
      const TypeId st = spread.empty() ? type_of(args[1]) : spread[1].second;
      if (types().is_string(st)) {
        emit(Op::CopyString, dst, d, s);
      } else {
        emit(Op::Copy, dst, d, s, static_cast<std::int32_t>(words(types()[under(dt)].elem)));
      }
      return dst;
    }
    case Builtin::Delete: {
      const TypeId mt = under(spread.empty() ? type_of(args[0]) : spread[0].second);
      const std::uint32_t m = spread.empty() ? expr(args[0]) : spread[0].first;
      const std::uint32_t k = alloc(words(types()[mt].key));
      if (spread.empty()) {
        expr_as(args[1], types()[mt].key, k);
      } else {
        convert_value(spread[1].first, spread[1].second, types()[mt].key, k);
      }
      emit(Op::MapDelete, m, k, 0, static_cast<std::int32_t>(mt));
      return dst;
    }
    case Builtin::Make: {
      const TypeId t = info_.type_of[fs().file][args[0]];
      const vm::Type& u = types()[under(t)];
      if (u.kind == vm::Kind::Slice) {
        const std::uint32_t len = alloc(1);
        expr_into(args[1], len);
        std::uint32_t cap = len;
        if (args.size() > 2) {
          cap = alloc(1);
          expr_into(args[2], cap);
        }
        emit(Op::MakeSlice, dst, len, cap, -static_cast<std::int32_t>(u.elem));
      } else if (u.kind == vm::Kind::Map) {
        emit(Op::MakeMap, dst, 0, 0, static_cast<std::int32_t>(under(t)));
      } else if (u.kind == vm::Kind::Chan) {
        const std::uint32_t size = alloc(1);
        if (args.size() > 1) {
          expr_into(args[1], size);
        } else {
          load_word(size, 0);
        }
        emit(Op::MakeChan, dst, size, 0, static_cast<std::int32_t>(u.elem));
      }
      return dst;
    }
    case Builtin::New: {
      const TypeId t = info_.type_of[fs().file][args[0]];
      emit_new(dst, t, 1);
      return dst;
    }
    case Builtin::Panic: {
      const std::uint32_t v = alloc(2);
      expr_as(args[0], vm::kEmptyInterface, v);
      at(n);
      emit(Op::Panic, v);
      return dst;
    }
    case Builtin::Recover: emit(Op::Recover, dst); return dst;
    case Builtin::Complex: {
      // (non-constant) complex(re, im): the two words side by side; the parts already have the float type
      if (!spread.empty()) {  // complex(f()): f's two results
        emit(Op::Move, dst, spread[0].first, 0, 1);
        emit(Op::Move, dst + 1, spread[1].first, 0, 1);
        return dst;
      }
      expr_into(args[0], dst);
      expr_into(args[1], dst + 1);
      return dst;
    }
    case Builtin::Real:
    case Builtin::Imag: {
      const std::uint32_t x = expr(args[0]);
      emit(Op::Move, dst, x + (b == Builtin::Real ? 0 : 1), 0, 1);
      return dst;
    }
    case Builtin::Close: {
      const std::uint32_t c = expr(args[0]);
      at(n);
      emit(Op::Close, c);
      return dst;
    }
    case Builtin::Print:
    case Builtin::Println: {
      std::vector<std::pair<std::uint32_t, TypeId>> vals;
      for (NodeId a : args) {
        if (!spread.empty()) break;
        const TypeId t = type_of(a);
        const std::uint32_t v = alloc(std::max<std::uint32_t>(2, words(t)));
        expr_into(a, v);
        vals.emplace_back(v, t);
      }
      for (const auto& [slot, t] : spread) {
        const std::uint32_t v = alloc(std::max<std::uint32_t>(2, words(t)));
        if (words(t)) emit(Op::Move, v, slot, 0, static_cast<std::int32_t>(words(t)));
        vals.emplace_back(v, t);
      }
      print_values(vals, b == Builtin::Println);
      return dst;
    }
    default: error(n, "unsupported builtin"); return dst;
  }
}

// The builtin print/println: one runtime.print* native per operand (as cmd/compile lowers them), to stderr.
void Compiler::print_values(const std::vector<std::pair<std::uint32_t, TypeId>>& vals, bool newline) {
  auto native_call = [&](const char* name, std::uint32_t base) {
    emit(Op::CallNative, base, 0, 0, native_index(name));
  };
  for (std::size_t i = 0; i < vals.size(); ++i) {
    if (i && newline) native_call("runtime.printsp", fs().top);
    const auto [base, t] = vals[i];
    const vm::Kind k = ukind(t);
    if (k == vm::Kind::Bool || k == vm::Kind::UntypedBool) {
      native_call("runtime.printbool", base);
    } else if (types().is_complex(t)) {
      native_call("runtime.printcomplex", base);
    } else if (types().is_float(t)) {
      native_call("runtime.printfloat", base);
    } else if (types().is_unsigned(t)) {
      native_call("runtime.printuint", base);
    } else if (types().is_integer(t)) {
      native_call("runtime.printint", base);
    } else if (types().is_string(t)) {
      native_call("runtime.printstring", base);
    } else if (k == vm::Kind::Interface) {
      native_call("runtime.printiface", base);
    } else if (k == vm::Kind::Slice) {
      native_call("runtime.printslice", base);
    } else {
      native_call("runtime.printpointer", base);
    }
  }
  if (newline) native_call("runtime.printnl", fs().top);
}

void Compiler::conversion(NodeId n, std::uint32_t dst) {
  const Node& nd = node(n);
  const TypeId to = type_of(n);
  const NodeId arg = ast().list(nd.l0)[0];
  const TypeId from = type_of(arg);
  const vm::TypeTable& t = types();
  if (is_iface(to)) {
    expr_as(arg, to, dst);
    return;
  }
  const vm::Kind fk = ukind(from);
  const vm::Kind tk = ukind(to);
  if (tk == vm::Kind::String && t.is_integer(from)) {
    const std::uint32_t x = expr(arg);
    emit(Op::StrFromRune, dst, x);
    return;
  }
  if (tk == vm::Kind::String && fk == vm::Kind::Slice) {
    const std::uint32_t x = expr(arg);
    const vm::Kind ek = ukind(t[under(from)].elem);
    emit(ek == vm::Kind::Int32 ? Op::StrFromRunes : Op::StrFromBytes, dst, x);
    return;
  }
  if (tk == vm::Kind::Slice && t.is_string(from)) {
    const std::uint32_t x = expr(arg);
    const vm::Kind ek = ukind(t[under(to)].elem);
    emit(ek == vm::Kind::Int32 ? Op::StrToRunes : Op::StrToBytes, dst, x);
    return;
  }
  if (tk == vm::Kind::Pointer && fk == vm::Kind::Slice) {
    // (*[N]T)(s): the slice's element address once len(s) >= N is checked
    const std::uint32_t x = expr(arg);
    const std::int64_t len = t[under(t[under(to)].elem)].length;
    emit(Op::SliceToArrayPtr, dst, x, 0, static_cast<std::int32_t>(len));
    return;
  }
  if (t.is_complex(to) && t.is_complex(from)) {
    const std::uint32_t x = expr(arg);
    if (x != dst) emit(Op::Move, dst, x, 0, 2);
    wrap(to, dst);
    return;
  }
  if (t.is_numeric(to) && t.is_numeric(from)) {
    const std::uint32_t x = expr(arg);
    const bool to_float = t.is_float(to);
    const bool from_float = t.is_float(from);
    if (to_float && !from_float) {
      emit(t.is_unsigned(from) ? Op::UintToFloat : Op::IntToFloat, dst, x);
    } else if (!to_float && from_float) {
      emit(t.is_unsigned(to) ? Op::FloatToUint : Op::FloatToInt, dst, x);
    } else if (x != dst) {
      emit(Op::Move, dst, x, 0, 1);
    }
    wrap(to, dst);
    return;
  }
  expr_into(arg, dst);
}

// go f(x) and defer f(x): the function value and the arguments are evaluated now; the call happens later.
void Compiler::go_or_defer(NodeId stmt_node, bool is_go) {
  const NodeId cn = node(stmt_node).a;
  const Node& nd = node(cn);
  NodeId fun = nd.a;
  while (node(fun).kind == NodeKind::Paren) fun = node(fun).a;
  const Op op = is_go ? Op::Go : Op::Defer;
  const Selection* sel = node(fun).kind == NodeKind::Selector ? selection_of(fun) : nullptr;
  ObjId static_fn = kNoObj;
  if (node(fun).kind == NodeKind::Ident || node(fun).kind == NodeKind::Index) {
    const ObjId o = obj_of(fun);
    if (o != kNoObj && object(o).kind == ObjKind::Func) static_fn = o;
    if (o != kNoObj && object(o).kind == ObjKind::Builtin) {
      // defer close(c), defer panic(v), go println(...): a thunk taking the evaluated arguments.
      const Builtin b = object(o).builtin;
      const auto args = ast().list(nd.l0);
      vm::Function th;
      th.name = fs().fn.name + ".deferwrap";
      std::uint32_t pw = 0;
      std::vector<std::uint32_t> arg_slots;
      const std::uint32_t base = alloc(4);
      if (b == Builtin::Close) {
        expr_into(args[0], base);
        pw = 1;
        th.code.push_back(vm::Instr{Op::Close, 0, 0, 0, 0, 0});
      } else if (b == Builtin::Panic) {
        expr_as(args[0], vm::kEmptyInterface, base);
        pw = 2;
        th.code.push_back(vm::Instr{Op::Panic, 0, 0, 0, 0, 0});
      } else if (b == Builtin::Print || b == Builtin::Println) {
        // The thunk takes every operand as a parameter and prints them when it runs.
        std::vector<std::pair<std::uint32_t, TypeId>> vals;
        std::uint32_t total = 0;
        for (NodeId a : args) total += std::max<std::uint32_t>(2, words(type_of(a)));
        const std::uint32_t argbase = alloc(std::max<std::uint32_t>(1, total));
        std::uint32_t off = 0;
        for (NodeId a : args) {
          const TypeId t = type_of(a);
          expr_into(a, argbase + off);
          vals.emplace_back(off, t);
          off += std::max<std::uint32_t>(2, words(t));
        }
        FuncState st;
        st.fn.name = th.name;
        st.fn.param_words = total;
        st.file = fs().file;
        st.node = fs().node;
        st.pos = fs().pos;
        st.top = total;
        st.fn.frame_words = total;
        funcs_.push_back(std::move(st));
        print_values(vals, b == Builtin::Println);
        emit(Op::Return);
        vm::Function done = std::move(fs().fn);
        funcs_.pop_back();
        program_.functions.push_back(std::move(done));
        const std::uint32_t fv = alloc(1);
        emit(Op::LoadFunc, fv, 0, 0, static_cast<std::int32_t>(program_.functions.size() - 1));
        at(stmt_node);
        emit(op, argbase, fv, 0, static_cast<std::int32_t>(total));
        return;
      } else if (b == Builtin::Copy || b == Builtin::Delete || b == Builtin::Recover) {
        // The operands are evaluated now into the thunk's parameters; the thunk does the builtin's work later.
        std::uint32_t total = 0;
        std::vector<std::uint32_t> offsets;
        for (NodeId a : args) {
          offsets.push_back(total);
          total += words(b == Builtin::Delete && offsets.size() == 2 ? types()[under(type_of(args[0]))].key
                                                                      : type_of(a));
        }
        const std::uint32_t argbase = alloc(std::max<std::uint32_t>(1, total));
        if (b == Builtin::Delete) {
          expr_into(args[0], argbase);
          expr_as(args[1], types()[under(type_of(args[0]))].key, argbase + offsets[1]);
        } else {
          for (std::size_t i = 0; i < args.size(); ++i) expr_into(args[i], argbase + offsets[i]);
        }
        FuncState st;
        st.fn.name = th.name;
        st.fn.param_words = total;
        st.file = fs().file;
        st.node = fs().node;
        st.pos = fs().pos;
        st.top = total;
        st.fn.frame_words = total;
        const TypeId t0 = args.empty() ? vm::kNoType : type_of(args[0]);
        const bool from_string = b == Builtin::Copy && types().is_string(type_of(args[1]));
        funcs_.push_back(std::move(st));
        if (b == Builtin::Delete) {
          emit(Op::MapDelete, 0, offsets[1], 0, static_cast<std::int32_t>(under(t0)));
        } else if (b == Builtin::Copy) {
          const std::uint32_t n = alloc(1);
          if (from_string) {
            emit(Op::CopyString, n, 0, offsets[1]);
          } else {
            emit(Op::Copy, n, 0, offsets[1], static_cast<std::int32_t>(words(types()[under(t0)].elem)));
          }
        } else {
          // `defer recover()` recovers as a recover() called by the function that deferred it would (Go's
          // recover1.go: at that function's return, or not at all when a later panic runs it).
          const std::uint32_t v = alloc(2);
          emit(Op::Recover, v, 0, 1);
        }
        emit(Op::Return);
        vm::Function done = std::move(fs().fn);
        funcs_.pop_back();
        program_.functions.push_back(std::move(done));
        const std::uint32_t fv = alloc(1);
        emit(Op::LoadFunc, fv, 0, 0, static_cast<std::int32_t>(program_.functions.size() - 1));
        at(stmt_node);
        emit(op, argbase, fv, 0, static_cast<std::int32_t>(total));
        return;
      } else {
        error(cn, "unsupported: go/defer of this builtin");
        return;
      }
      th.code.push_back(vm::Instr{Op::Return, 0, 0, 0, 0, 0});
      th.lines.assign(th.code.size(), fs().pos.line);
      th.param_words = pw;
      th.frame_words = pw + 1;
      program_.functions.push_back(std::move(th));
      const std::uint32_t fv = alloc(1);
      emit(Op::LoadFunc, fv, 0, 0, static_cast<std::int32_t>(program_.functions.size() - 1));
      at(stmt_node);
      emit(op, base, fv, 0, static_cast<std::int32_t>(pw));
      return;
    }
  }
  if (sel && sel->kind == Selection::Kind::Qualified && object(sel->obj).kind == ObjKind::Func) static_fn = sel->obj;
  std::int32_t static_index = static_fn != kNoObj ? function_of(static_fn) : -1;
  if (sel && sel->kind == Selection::Kind::MethodExpr) static_index = method_expr_function(*sel, type_of(node(fun).a));

  const TypeId fun_t = type_of(fun);
  const vm::Type& s = types()[under(fun_t)];
  const std::uint32_t pw = sum_words(*this, s.params);
  if (static_index >= 0) {
    const std::uint32_t fv = alloc(1);
    emit(Op::LoadFunc, fv, 0, 0, static_index);
    const std::uint32_t base = alloc(std::max<std::uint32_t>(1, pw));
    arguments(cn, fun_t, base, 0);
    at(stmt_node);
    emit(op, base, fv, 0, static_cast<std::int32_t>(pw));
    return;
  }
  if (sel && sel->kind == Selection::Kind::Method && sel->path.empty()) {
    const Object& m = object(sel->obj);
    const TypeId recv_t = m.pointer_receiver ? types().pointer_to(m.recv) : m.recv;
    const std::uint32_t recv_w = words(recv_t);
    const std::uint32_t base = alloc(recv_w + pw + 1);
    Loc base_loc = value_loc(node(fun).a);
    const TypeId cur = type_of(node(fun).a);
    base_loc.type = cur;
    if (m.pointer_receiver) {
      const std::uint32_t p = ukind(cur) == vm::Kind::Pointer ? read_any(base_loc) : address_of_loc(base_loc);
      emit(Op::Move, base, p, 0, 1);
    } else if (ukind(cur) == vm::Kind::Pointer) {
      const std::uint32_t p = read_any(base_loc);
      emit(Op::Load, base, p, 0, static_cast<std::int32_t>(recv_w));
    } else {
      read(base_loc, base);
    }
    arguments(cn, fun_t, base + recv_w, 0);
    const std::uint32_t fv = alloc(1);
    emit(Op::LoadFunc, fv, 0, 0, function_of(sel->obj));
    at(stmt_node);
    emit(op, base, fv, 0, static_cast<std::int32_t>(recv_w + pw));
    return;
  }
  // Any other callee (closure value, method value, interface method): bind it as a func value now.
  const std::uint32_t fv = alloc(1);
  expr_into(fun, fv);
  const std::uint32_t base = alloc(std::max<std::uint32_t>(1, pw));
  arguments(cn, fun_t, base, 0);
  at(stmt_node);
  emit(op, base, fv, 0, static_cast<std::int32_t>(pw));
}

}  // namespace gb::go
