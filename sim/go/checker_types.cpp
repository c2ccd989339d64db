// Type expressions: names, pointers, arrays, slices, maps, channels, function signatures, structs and
// interfaces, turned into interned TypeTable ids.
#include <algorithm>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

TypeId Checker::type_expr(NodeId n) {
  if (n == kNoNode) return vm::kNoType;
  TypeId t = type_expr_inner(n);
  if (t != vm::kNoType && constraint_ctx_ == 0) {
    // an interface with type terms or comparable is a constraint only
    const auto it = iface_sets_.find(t);
    const auto cu = info_.universe.find("comparable");
    const bool is_comparable = cu != info_.universe.end() && info_.objects[cu->second].type == t;
    if (is_comparable || it != iface_sets_.end()) {
      const bool terms = !is_comparable && it->second.restricted;
      error(start_pos(n), fmt::format("cannot use type {} outside a type constraint: {}", type_str(t),
                                      terms ? "interface contains type constraints"
                                            : "interface is (or embeds) comparable"));
      t = vm::kNoType;
    }
  }
  record_type(n, t);
  return t;
}

TypeId Checker::type_expr_inner(NodeId n) {
  const Node& x = ast_[n];
  switch (x.kind) {
    case NodeKind::Ident: {
      if (x.text == "_") {
        error_at(n, "cannot use _ as value or type");
        return vm::kNoType;
      }
      const ObjId o = lookup(x.text);
      if (o == kNoObj) {
        std::string msg = "undefined: ";
        msg += x.text;
        error_at(n, msg);
        return vm::kNoType;
      }
      record_obj(n, o);
      Object& obj = info_.objects[o];
      obj.used = true;
      if (obj.generic != kNoNode) {
        if (obj.kind == ObjKind::TypeName) {
          error_at(n, fmt::format("cannot use generic type {} without instantiation", generic_decl_str(o)));
        } else {
          error_at(n, fmt::format("{} is not a type", x.text));
        }
        return vm::kNoType;
      }
      if (obj.kind != ObjKind::TypeName) {
        // types2 evaluates the name as an operand and prints it: "x (variable of type int) is not a type"
        Operand tmp;
        raw_expr(tmp, n, vm::kNoType);
        if (!tmp.invalid()) {
          std::string msg = operand_str(tmp);
          msg += tmp.mode == Mode::NoValue ? " used as type" : " is not a type";
          error(start_pos(n), msg);
        }
        return vm::kNoType;
      }
      if (obj.package_level && obj.file == file_) obj_decl(o);
      return info_.objects[o].type;
    }
    case NodeKind::Selector: {
      const Node& pk = ast_[x.a];
      if (pk.kind == NodeKind::Ident) {
        const ObjId po = lookup(pk.text);
        if (po != kNoObj && info_.objects[po].kind == ObjKind::Package) {
          info_.objects[po].used = true;
          record_obj(x.a, po);
          info_.mode_of[file_][x.a] = Mode::Package;
          const Info::PackageInfo& p = info_.packages[info_.objects[po].package_scope];
          const std::string& sel = ast_[x.b].text;
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
              msg += pk.text;
              msg += ".";
              msg += sel;
            }
            error_at(x.b, msg);
            return vm::kNoType;
          }
          record_obj(x.b, it->second);
          Selection s;
          s.kind = Selection::Kind::Qualified;
          s.obj = it->second;
          info_.selection_of[file_][n] = s;
          const Object& obj = info_.objects[it->second];
          if (obj.generic != kNoNode && obj.kind == ObjKind::TypeName) {
            error_at(x.b, fmt::format("cannot use generic type {}.{} without instantiation", p.name, obj.name));
            return vm::kNoType;
          }
          if (obj.kind != ObjKind::TypeName) {
            Operand tmp;
            raw_expr(tmp, n, vm::kNoType);
            if (!tmp.invalid()) {
              std::string msg = operand_str(tmp);
              msg += tmp.mode == Mode::NoValue ? " used as type" : " is not a type";
              error(start_pos(n), msg);
            }
            return vm::kNoType;
          }
          record_type(x.b, obj.type);
          return obj.type;
        }
      }
      std::string msg = expr_str(n);
      msg += " is not a type";
      Operand tmp;
      expr(tmp, n);
      if (!tmp.invalid()) error(start_pos(n), msg);
      return vm::kNoType;
    }
    case NodeKind::Paren: return type_expr(x.a);
    case NodeKind::Index: return generic_type_expr(n);
    case NodeKind::Star: {
      const TypeId e = type_expr(x.a);
      if (e == vm::kNoType) return vm::kNoType;
      return T.pointer_to(e);
    }
    case NodeKind::ArrayType: {
      if (x.flags & kDotsLen) {
        error_at(n, "invalid use of [...] array (outside a composite literal)");
        type_expr(x.b);
        return vm::kNoType;
      }
      // types2's arrayLength
      std::int64_t length = -1;
      bool check_len = true;
      if (ast_[x.a].kind == NodeKind::Ident) {
        const ObjId lo = lookup(ast_[x.a].text);
        if (lo == kNoObj) {
          std::string msg = "undeclared name ";
          msg += ast_[x.a].text;
          msg += " for array length";
          error(start_pos(x.a), msg);
          check_len = false;
        } else if (info_.objects[lo].kind != ObjKind::Const) {
          std::string msg = "invalid array length ";
          msg += ast_[x.a].text;
          error(start_pos(x.a), msg);
          check_len = false;
        }
      }
      Operand len;
      if (check_len) expr(len, x.a);
      if (check_len && !len.invalid()) {
        if (len.mode != Mode::Constant) {
          std::string msg = "array length ";
          msg += operand_str(len);
          msg += " must be constant";
          error(start_pos(x.a), msg);
        } else {
          bool reported = false;
          if (T.is_untyped(len.type) || T.is_integer(len.type)) {
            const auto v = len.val.as_int();
            if (v && v->fits_i64()) {
              if (!v->negative()) {
                length = v->to_i64();
                if (T.is_untyped(len.type)) convert_untyped(len, vm::kInt);
              } else {
                std::string msg = "invalid array length ";
                msg += operand_str(len);
                error(start_pos(x.a), msg);
              }
              reported = true;
            }
          }
          if (!reported) {
            std::string msg = "array length ";
            msg += operand_str(len);
            msg += " must be integer";
            error(start_pos(x.a), msg);
          }
        }
      }
      const TypeId e = type_expr(x.b);
      if (e == vm::kNoType || length < 0) return vm::kNoType;
      return T.array_of(e, length);
    }
    case NodeKind::SliceType: {
      const TypeId e = type_expr(x.a);
      return e == vm::kNoType ? vm::kNoType : T.slice_of(e);
    }
    case NodeKind::MapType: {
      const TypeId k = type_expr(x.a);
      const TypeId v = type_expr(x.b);
      if (k == vm::kNoType || v == vm::kNoType) return vm::kNoType;
      if (T.underlying(k) != vm::kNoType && !T.comparable(k)) {
        std::string msg = "invalid map key type ";
        msg += type_str(k);
        error_at(x.a, msg);
        return vm::kNoType;
      }
      return T.map_of(k, v);
    }
    case NodeKind::ChanType: {
      const TypeId e = type_expr(x.a);
      if (e == vm::kNoType) return vm::kNoType;
      const vm::ChanDir d =
          (x.flags & kSendOnly) ? vm::ChanDir::Send : (x.flags & kRecvOnly) ? vm::ChanDir::Recv : vm::ChanDir::Both;
      return T.chan_of(e, d);
    }
    case NodeKind::FuncType: return func_type(n, kNoNode, kNoNode, nullptr);
    case NodeKind::StructType: return struct_type(n);
    case NodeKind::InterfaceType: return interface_type(n);
    case NodeKind::Bad: return vm::kNoType;
    case NodeKind::Ellipsis: {
      error_at(n, "invalid use of ...");
      type_expr(x.a);
      return vm::kNoType;
    }
    default: {
      Operand tmp;
      expr(tmp, n);
      if (!tmp.invalid()) {
        std::string msg = expr_str(n);
        msg += " is not a type";
        error(start_pos(n), msg);
      }
      return vm::kNoType;
    }
  }
}

TypeId Checker::func_type(NodeId ft, NodeId recv, NodeId owner, FuncCtx* ctx) {
  const Node& f = ast_[ft];
  bool ok = true;
  auto make_var = [&](NodeId ident, NodeId at, TypeId t, bool result) {
    if (!ctx) return;
    Object o;
    o.kind = ObjKind::Var;
    o.name = ident != kNoNode ? ast_[ident].text : "";
    o.type = t;
    o.decl = ident != kNoNode ? ident : at;
    o.owner_func = owner;
    o.param = !result;
    o.result = result;
    o.used = true;  // parameters are never "declared but not used"
    const ObjId id = new_object(std::move(o));
    record_obj(ident != kNoNode ? ident : at, id);
    set_var_src(id, TypeSrc{file_, ast_[at].a});
    if (ident != kNoNode) {
      info_.type_of[file_][ident] = t;
      info_.mode_of[file_][ident] = Mode::Variable;
    }
    (result ? ctx->results : ctx->params).push_back(id);
  };
  if (recv != kNoNode) {
    const Node& r = ast_[recv];
    const TypeId t = type_expr(r.a);
    if (t == vm::kNoType) ok = false;
    make_var(r.l0.size > 0 ? ast_.list(r.l0)[0] : kNoNode, recv, t, false);
  }
  std::vector<TypeId> params, results;
  bool variadic = false;
  const auto plist = ast_.list(f.l0);
  for (std::size_t i = 0; i < plist.size(); ++i) {
    const Node& field = ast_[plist[i]];
    TypeId t;
    if (field.a != kNoNode && ast_[field.a].kind == NodeKind::Ellipsis) {
      const TypeId e = type_expr(ast_[field.a].a);
      t = e == vm::kNoType ? vm::kNoType : T.slice_of(e);
      record_type(field.a, t);
      if (i + 1 != plist.size() || field.l0.size > 1) {
        error_at(field.a, "can only use ... with final parameter in list");
      } else {
        variadic = true;
      }
    } else {
      t = type_expr(field.a);
    }
    if (t == vm::kNoType) ok = false;
    if (field.l0.size == 0) {
      params.push_back(t);
      make_var(kNoNode, plist[i], t, false);
    }
    for (NodeId name : ast_.list(field.l0)) {
      params.push_back(t);
      make_var(name, plist[i], t, false);
    }
  }
  for (NodeId fid : ast_.list(f.l1)) {
    const Node& field = ast_[fid];
    const TypeId t = type_expr(field.a);
    if (t == vm::kNoType) ok = false;
    if (field.l0.size == 0) {
      results.push_back(t);
      make_var(kNoNode, fid, t, true);
    }
    for (NodeId name : ast_.list(field.l0)) {
      results.push_back(t);
      make_var(name, fid, t, true);
      if (ctx) ctx->named_results = true;
    }
  }
  if (!ok) {
    // keep going with what we have: invalid members stay kNoType
  }
  return T.func_of(std::move(params), std::move(results), variadic);
}

TypeId Checker::struct_type(NodeId n) {
  std::vector<vm::StructField> fields;
  std::set<std::string> names;
  for (NodeId fid : ast_.list(ast_[n].l0)) {
    const Node& field = ast_[fid];
    const TypeId t = type_expr(field.a);
    if (field.flags & kEmbedded) {
      // The field name is the type name (without package and pointer).
      NodeId base = field.a;
      bool ptr = false;
      while (base != kNoNode) {
        const Node& b = ast_[base];
        if (b.kind == NodeKind::Star) {
          ptr = true;
          base = b.a;
        } else if (b.kind == NodeKind::Paren) {
          base = b.a;
        } else if (b.kind == NodeKind::Selector) {
          base = b.b;
        } else if (b.kind == NodeKind::Index) {
          base = b.a;  // an embedded instance List[int] is the field List
        } else {
          break;
        }
      }
      const std::string name = base != kNoNode ? ast_[base].text : "?";
      if (t != vm::kNoType && (placeholder_of_.count(t) || (ptr && placeholder_of_.count(T[t].elem)))) {
        error(base != kNoNode ? pos_of(base) : start_pos(field.a),
              "embedded field type cannot be a (pointer to a) type parameter");
      } else if (t != vm::kNoType) {
        const TypeId u = ptr ? T[t].elem : t;
        if (T.underlying_kind(t) == vm::Kind::Pointer && !ptr) {
          error_at(field.a, "embedded field type cannot be a pointer");
        } else if (ptr && T.underlying_kind(u) == vm::Kind::Interface) {
          error_at(field.a, "embedded field type cannot be a pointer to an interface");
        }
      }
      if (!names.insert(name).second) {
        std::string msg = name;
        msg += " redeclared";
        error_at(fid, msg);
      }
      fields.push_back(vm::StructField{name, t, true, field.value});
      continue;
    }
    for (NodeId name : ast_.list(field.l0)) {
      const std::string& nm = ast_[name].text;
      if (nm != "_" && !names.insert(nm).second) {
        std::string msg = nm;
        msg += " redeclared";
        error_at(name, msg);
      }
      fields.push_back(vm::StructField{nm, t, false, field.value});
    }
  }
  return T.struct_of(std::move(fields));
}

TypeId Checker::interface_type(NodeId n) {
  std::vector<vm::MethodEntry> methods;
  auto add = [&](const vm::MethodEntry& m, NodeId at) {
    for (const vm::MethodEntry& e : methods) {
      if (e.name == m.name) {
        if (e.signature != m.signature) {
          std::string msg = "duplicate method ";
          msg += m.name;
          error_at(at, msg);
        }
        return;
      }
    }
    methods.push_back(m);
  };
  for (NodeId fid : ast_.list(ast_[n].l0)) {
    const Node& field = ast_[fid];
    if (field.l0.size > 0 && field.a != kNoNode && ast_[field.a].kind == NodeKind::FuncType) {
      const NodeId name = ast_.list(field.l0)[0];
      const TypeId sig = func_type(field.a, kNoNode, kNoNode, nullptr);
      record_type(field.a, sig);
      if (ast_[name].text == "_") {
        error_at(name, "methods must have a unique non-blank name");
        continue;
      }
      add(vm::MethodEntry{ast_[name].text, sig, -1, false}, name);
      continue;
    }
    if (field.a != kNoNode && ((ast_[field.a].kind == NodeKind::Binary && ast_[field.a].op == Tok::Or) ||
                               (ast_[field.a].kind == NodeKind::Unary && ast_[field.a].op == Tok::Tilde))) {
      constraint_set(field.a);  // a union or ~T element: the type set, kept by constraint_set's callers
      continue;
    }
    ++constraint_ctx_;  // an embedded constraint interface is allowed here
    const TypeId t = type_expr(field.a);
    --constraint_ctx_;
    if (t == vm::kNoType) continue;
    if (T.underlying(t) == vm::kNoType) {
      std::string msg = "invalid recursive type ";
      msg += expr_str(field.a);
      error_at(field.a, msg);
      continue;
    }
    if (T.underlying_kind(t) != vm::Kind::Interface) {
      continue;  // a single type term of a constraint (interface{ int }): its type set, not a method
    }
    for (const vm::MethodEntry& m : T[T.underlying(t)].methods) add(m, field.a);
  }
  return T.interface_of(std::move(methods));
}

}  // namespace gb::go::detail
