// Declarations: collecting a package's objects, resolving them lazily in dependency order (types2's
// objDecl), local const/var/type declarations, methods, initialization order and unused imports.
//
// Sections, in order:
//   collecting the package's objects
//   package-level declarations (types2's objDecl)
//   methods
//   local declarations
//   initialization order (the spec: repeatedly the earliest variable ready for initialization)
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

namespace {

// The receiver's base type name: T in (t T), (t *T), (t (*T)).
NodeId receiver_base(const Ast& ast, NodeId t, bool* pointer) {
  *pointer = false;
  for (int guard = 0; guard < 100 && t != kNoNode; ++guard) {
    const Node& n = ast[t];
    if (n.kind == NodeKind::Paren) {
      t = n.a;
    } else if (n.kind == NodeKind::Star) {
      if (*pointer) return kNoNode;
      *pointer = true;
      t = n.a;
    } else if (n.kind == NodeKind::Ident) {
      return t;
    } else if (n.kind == NodeKind::Index) {
      t = n.a;  // a generic type's receiver: (l *List[T])
    } else {
      return kNoNode;
    }
  }
  return kNoNode;
}

}  // namespace

// [SECTION] collecting the package's objects

void Checker::collect() {
  const Node& file = ast_[ast_.file];
  // Imports live in the file scope.
  for (NodeId spec : ast_.list(file.l0)) {
    const Node& is = ast_[spec];
    const std::string& path = is.value;
    std::uint32_t index = UINT32_MAX;
    for (std::uint32_t i = 0; i < info_.packages.size(); ++i) {
      if (info_.packages[i].path == path) index = i;
    }
    if (index == UINT32_MAX) continue;  // the loader reported it
    std::string name = info_.packages[index].name;
    if (is.a != kNoNode) name = ast_[is.a].text;
    if (name == "_") continue;
    if (name == ".") {
      error_at(spec, "dot imports are not supported");
      continue;
    }
    Object o;
    o.kind = ObjKind::Package;
    o.name = name;
    o.import_path = path;
    o.package_scope = index;
    o.decl = is.a != kNoNode ? is.a : spec;
    const ObjId id = new_object(std::move(o));
    record_obj(spec, id);
    if (is.a != kNoNode) record_obj(is.a, id);
    if (lookup_in(file_scope_, name) != kNoObj) {
      std::string msg = name;
      msg += " redeclared in this block";
      error_at(spec, msg);
      continue;
    }
    scopes_[file_scope_].names[name] = id;
    import_objs_.push_back(id);
  }

  auto add_pkg_obj = [&](Object o, NodeId ident, PkgDecl d) {
    o.package = path_;
    o.package_level = true;
    const ObjId id = new_object(std::move(o));
    d.order = static_cast<std::uint32_t>(pkg_objects_.size());
    decls_[id] = std::move(d);
    pkg_objects_.push_back(id);
    declare(pkg_scope_, ident, id);
    return id;
  };

  for (NodeId decl : ast_.list(file.l1)) {
    const Node& d = ast_[decl];
    if (d.kind == NodeKind::DeclGroup) {
      std::vector<NodeId> last_values;
      NodeId last_type = kNoNode;
      for (NodeId spec : ast_.list(d.l0)) {
        const Node& s = ast_[spec];
        if (s.kind == NodeKind::ConstSpec) {
          if (s.l1.size > 0 || s.a != kNoNode) {
            last_values.assign(ast_.list(s.l1).begin(), ast_.list(s.l1).end());
            last_type = s.a;
          }
          std::uint32_t i = 0;
          for (NodeId name : ast_.list(s.l0)) {
            Object o;
            o.kind = ObjKind::Const;
            o.name = ast_[name].text;
            o.decl = name;
            PkgDecl pd;
            pd.spec = spec;
            pd.index = i++;
            pd.type = last_type;
            pd.values = last_values;
            pd.iota = s.num;
            add_pkg_obj(std::move(o), name, std::move(pd));
          }
          if (ast_.list(s.l0).size() > last_values.size() && !last_values.empty()) {
            // reported at check time
          }
        } else if (s.kind == NodeKind::VarSpec) {
          std::vector<ObjId> lhs;
          std::uint32_t i = 0;
          for (NodeId name : ast_.list(s.l0)) {
            Object o;
            o.kind = ObjKind::Var;
            o.name = ast_[name].text;
            o.decl = name;
            PkgDecl pd;
            pd.spec = spec;
            pd.index = i++;
            pd.type = s.a;
            pd.values.assign(ast_.list(s.l1).begin(), ast_.list(s.l1).end());
            lhs.push_back(add_pkg_obj(std::move(o), name, std::move(pd)));
          }
          for (ObjId o : lhs) decls_[o].lhs = lhs;
        } else if (s.kind == NodeKind::TypeSpec) {
          Object o;
          o.kind = ObjKind::TypeName;
          o.name = ast_[s.a].text;
          o.decl = s.a;
          if (s.l0.size > 0) {
            if (s.flags & kAlias) error_at(s.a, "generic type cannot be alias");
            o.generic = spec;  // instantiated on use (checker_generics.cpp)
          } else if (!(s.flags & kAlias)) {
            o.type = T.new_named(o.name, pkgname_);
          }
          PkgDecl pd;
          pd.spec = spec;
          add_pkg_obj(std::move(o), s.a, std::move(pd));
        }
      }
    } else if (d.kind == NodeKind::FuncDecl) {
      if (d.b != kNoNode) {
        bool ptr = false;
        const NodeId base = receiver_base(ast_, ast_[d.b].a, &ptr);
        methods_[base != kNoNode ? ast_[base].text : std::string("?")].push_back(decl);
        continue;
      }
      Object o;
      o.kind = ObjKind::Func;
      o.name = ast_[d.a].text;
      o.decl = decl;
      o.native = d.d == kNoNode;
      if (d.l0.size > 0) o.generic = decl;
      PkgDecl pd;
      pd.spec = decl;
      if (o.name == "init" || o.name == "_") {
        o.package = path_;
        o.package_level = true;
        const ObjId id = new_object(std::move(o));
        pd.order = static_cast<std::uint32_t>(pkg_objects_.size());
        decls_[id] = std::move(pd);
        pkg_objects_.push_back(id);
        record_obj(d.a, id);
        record_obj(decl, id);
        if (ast_[d.a].text == "init" && (ast_[d.c].l0.size > 0 || ast_[d.c].l1.size > 0)) {
          error_at(d.a, "func init must have no arguments and no return values");
        }
        continue;
      }
      if (o.name == "main" && path_ == "main" && (ast_[d.c].l0.size > 0 || ast_[d.c].l1.size > 0)) {
        error_at(d.a, "func main must have no arguments and no return values");
      }
      const ObjId id = add_pkg_obj(std::move(o), d.a, std::move(pd));
      record_obj(decl, id);
    }
  }
}

// [SECTION] package-level declarations (types2's objDecl)

void Checker::obj_decl(ObjId o) {
  int& c = color_[o];
  if (c == 2) return;
  Object& obj = info_.objects[o];
  if (c == 1) {
    if (obj.kind == ObjKind::TypeName) return;  // recursive type through a pointer, slice, func...
    if (obj.kind == ObjKind::Func || obj.kind == ObjKind::Var) return;  // init_order reports variable loops
    if (obj.type == vm::kNoType) {
      std::string msg = obj.kind == ObjKind::Const || obj.kind == ObjKind::Var ? "initialization cycle: " : "";
      msg += obj.name;
      msg += " refers to itself";
      error_at(obj.decl, msg);
    }
    return;
  }
  auto it = decls_.find(o);
  if (it == decls_.end() || obj.generic != kNoNode) {  // generics are checked per instance
    c = 2;
    return;
  }
  c = 1;
  // Package-level declarations are checked outside any function and with their own dependency set.
  std::vector<FuncCtx> saved_funcs;
  saved_funcs.swap(funcs_);
  std::vector<NodeId> saved_lits;
  saved_lits.swap(func_lits_);
  const std::int32_t saved_scope = scope_;
  const std::int64_t saved_iota = iota_;
  PkgDecl* saved_decl = cur_decl_;
  std::unordered_map<NodeId, TypeId> saved_untyped;
  saved_untyped.swap(untyped_);
  scope_ = file_scope_;
  cur_decl_ = &it->second;
  iota_ = -1;
  switch (obj.kind) {
    case ObjKind::Const: const_decl(o, it->second); break;
    case ObjKind::Var: var_decl(o, it->second); break;
    case ObjKind::TypeName: type_decl(o, it->second); break;
    case ObjKind::Func: func_decl(o, it->second); break;
    default: break;
  }
  for (auto& [n, t] : untyped_) saved_untyped[n] = t;
  untyped_.swap(saved_untyped);
  cur_decl_ = saved_decl;
  iota_ = saved_iota;
  scope_ = saved_scope;
  funcs_.swap(saved_funcs);
  func_lits_.swap(saved_lits);
  color_[o] = 2;
}

void Checker::const_decl(ObjId o, PkgDecl& d) {
  const Node& spec = ast_[d.spec];
  iota_ = static_cast<std::int64_t>(d.iota);
  TypeId t = vm::kNoType;
  if (d.type != kNoNode) {
    t = type_expr(d.type);
    const vm::Kind k = T.underlying_kind(t);
    if (t != vm::kNoType && !(k >= vm::Kind::Bool && k <= vm::Kind::String)) {
      std::string msg = "invalid constant type ";
      msg += type_str(t);
      error_at(d.type, msg);
      t = vm::kNoType;
    }
  }
  Operand x;
  const NodeId name = ast_.list(spec.l0)[d.index];
  if (d.index < d.values.size()) {
    expr(x, d.values[d.index]);
    if (!x.invalid() && x.mode != Mode::Constant) {
      std::string msg = operand_str(x);
      msg += " is not constant";
      error(start_pos(x.expr), msg);
      x.mode = Mode::Invalid;
    }
    if (!x.invalid() && d.type != kNoNode && t != vm::kNoType) assignment(x, t, "constant declaration");
  } else {
    if (d.values.empty() && d.type == kNoNode) {
      error_at(name, "missing init expr for const declaration");
    } else if (d.values.empty() || d.index >= d.values.size()) {
      error_at(name, d.values.empty() ? "missing init expr for const declaration" : "missing init expr for const declaration");
    }
  }
  if (d.index == 0 && ast_.list(spec.l0).size() < d.values.size() && spec.l1.size > 0) {
    error(start_pos(d.values[ast_.list(spec.l0).size()]), "extra init expr");
  }
  Object& obj = info_.objects[o];
  if (x.invalid()) {
    obj.type = vm::kNoType;
  } else {
    obj.type = x.type;
    obj.value = x.val;
  }
  Operand r;
  r.mode = x.invalid() ? Mode::Invalid : Mode::Constant;
  r.type = obj.type;
  r.val = obj.value;
  info_.mode_of[file_][name] = r.mode;
  info_.type_of[file_][name] = r.type;
  if (r.mode == Mode::Constant) info_.constant_of[file_][name] = r.val;
  iota_ = -1;
}

void Checker::var_decl(ObjId o, PkgDecl& d) {
  const Node& spec = ast_[d.spec];
  TypeId t = vm::kNoType;
  if (d.type != kNoNode) t = type_expr(d.type);
  if (d.type != kNoNode && d.values.empty()) {
    for (ObjId v : d.lhs) {
      info_.objects[v].type = t;
      color_[v] = 2;
      record_type(info_.objects[v].decl, t);
      info_.mode_of[file_][info_.objects[v].decl] = Mode::Variable;
    }
    return;
  }
  if (d.lhs.size() == d.values.size()) {
    Operand x;
    expr(x, d.values[d.index]);
    Object& obj = info_.objects[o];
    if (d.type != kNoNode) {
      if (!x.invalid()) assignment(x, t, "variable declaration");
      obj.type = t;
    } else {
      if (!x.invalid()) {
        if (x.type == vm::kUntypedNil) {
          error(start_pos(x.expr), "use of untyped nil in variable declaration");
        } else {
          assignment(x, default_type(x.type), "variable declaration");
          obj.type = x.type;
        }
      }
    }
    info_.type_of[file_][obj.decl] = info_.objects[o].type;
    info_.mode_of[file_][obj.decl] = Mode::Variable;
    return;
  }
  // n:1 (a tuple call or a comma-ok expression) or a count mismatch: all names at once.
  for (ObjId v : d.lhs) color_[v] = 1;
  init_vars(d.lhs, ast_.list(spec.l1), d.spec, false, "variable declaration");
  for (ObjId v : d.lhs) {
    color_[v] = 2;
    if (v != o) decls_[v].deps = d.deps;
    if (d.type != kNoNode) info_.objects[v].type = t;
    info_.type_of[file_][info_.objects[v].decl] = info_.objects[v].type;
    info_.mode_of[file_][info_.objects[v].decl] = Mode::Variable;
  }
}

void Checker::type_decl(ObjId o, PkgDecl& d) {
  const Node& spec = ast_[d.spec];
  if (spec.flags & kAlias) {
    const TypeId t = type_expr(spec.b);
    info_.objects[o].type = t;
    record_type(spec.a, t);
    return;
  }
  const TypeId named = info_.objects[o].type;
  record_type(spec.a, named);
  type_rhs_[named] = {spec.b, o};
  ++constraint_ctx_;  // type C comparable, type N Number: a constraint may be declared under a new name
  const TypeId u = type_expr(spec.b);
  --constraint_ctx_;
  if (u != vm::kNoType && T.underlying(u) == vm::kNoType && underlying_coming(u)) {
    // type T1 struct{ Next *T2 }; type T2 T1: T1 is still being declared, and its type literal will give
    // it (so T2) an underlying type; T2 takes it then (types2 resolves under() lazily).
    underlying_waiters_[u].push_back(named);
    return;
  }
  if (u != vm::kNoType && T.underlying(u) == vm::kNoType) {
    std::string msg = "invalid recursive type ";
    msg += info_.objects[o].name;
    error_at(spec.a, msg);
    return;
  }
  if (u != vm::kNoType) T.set_underlying(named, u);
  if (u != vm::kNoType && T.is_interface(u)) {
    const TypeSet s = constraint_set(spec.b);  // a constraint interface's type set, for instantiations
    if (s.restricted || s.comparable) iface_sets_[named] = s;
  }
  // A struct type that contains itself by value is infinite.
  std::vector<TypeId> stack{T.underlying(named)};
  std::set<TypeId> seen;
  bool cyclic = false;
  while (!stack.empty() && !cyclic) {
    const TypeId t = stack.back();
    stack.pop_back();
    if (!seen.insert(t).second) continue;
    const vm::Type& ty = T[T.underlying(t)];
    if (ty.kind == vm::Kind::Struct) {
      for (const vm::StructField& f : ty.fields) {
        if (f.type == named) cyclic = true;
        stack.push_back(f.type);
      }
    } else if (ty.kind == vm::Kind::Array) {
      if (ty.elem == named) cyclic = true;
      stack.push_back(ty.elem);
    }
  }
  if (cyclic) {
    std::string msg = "invalid recursive type ";
    msg += info_.objects[o].name;
    error_at(spec.a, msg);
    T.set_underlying(named, T.struct_of({}));
  }
  // The named types waiting for this one's underlying type (see above) get it now, and theirs in turn.
  std::vector<TypeId> done{named};
  while (!done.empty()) {
    const TypeId t = done.back();
    done.pop_back();
    const auto it = underlying_waiters_.find(t);
    if (it == underlying_waiters_.end()) continue;
    const std::vector<TypeId> waiters = std::move(it->second);
    underlying_waiters_.erase(it);
    for (TypeId w : waiters) {
      T.set_underlying(w, t);
      done.push_back(w);
    }
  }
}

bool Checker::underlying_coming(TypeId u) const {
  if (underlying_waiters_.count(u)) return true;
  for (const auto& [t, ws] : underlying_waiters_) {
    if (std::find(ws.begin(), ws.end(), u) != ws.end()) return true;  // u waits itself
  }
  const auto it = type_rhs_.find(u);
  if (it == type_rhs_.end()) return false;
  const auto c = color_.find(it->second.second);
  if (c == color_.end() || c->second != 1) return false;  // not being declared now
  NodeId r = it->second.first;
  while (r != kNoNode && ast_[r].kind == NodeKind::Paren) r = ast_[r].a;
  // a type literal being built (a name would be a cycle of names only: invalid)
  return r != kNoNode && ast_[r].kind != NodeKind::Ident && ast_[r].kind != NodeKind::Selector;
}

// [SECTION] methods

void Checker::collect_methods(ObjId type_obj) {
  if (!methods_done_.insert(type_obj).second) return;
  const Object& tobj = info_.objects[type_obj];
  if (tobj.generic != kNoNode) return;  // a generic type's methods are instantiated with it
  auto it = methods_.find(tobj.name);
  if (it == methods_.end()) return;
  const TypeId named = tobj.type;
  const bool is_named = named != vm::kNoType && T.kind(named) == vm::Kind::Named && T[named].package == pkgname_ &&
                        T[named].name == tobj.name;
  for (NodeId fd : it->second) {
    const Node& f = ast_[fd];
    Object o;
    o.kind = ObjKind::Func;
    o.name = ast_[f.a].text;
    o.package = path_;
    o.decl = fd;
    o.package_level = true;
    o.native = f.d == kNoNode;
    bool ptr = false;
    receiver_base(ast_, ast_[f.b].a, &ptr);
    o.recv = is_named ? named : vm::kNoType;
    o.pointer_receiver = ptr;
    const ObjId id = new_object(std::move(o));
    record_obj(fd, id);
    record_obj(f.a, id);
    PkgDecl pd;
    pd.spec = fd;
    pd.order = static_cast<std::uint32_t>(pkg_objects_.size());
    decls_[id] = std::move(pd);
    pkg_objects_.push_back(id);
    // types2 reports receiver errors at the receiver variable (its name, else its type)
    const Node& rf = ast_[f.b];
    const Pos recv_pos = rf.l0.size > 0 ? pos_of(ast_.list(rf.l0)[0]) : start_pos(rf.a);
    if (!is_named) {
      std::string msg = "invalid receiver type ";
      msg += tobj.name;
      error(recv_pos, msg);
      continue;
    }
    if (T.underlying_kind(named) == vm::Kind::Pointer || T.underlying_kind(named) == vm::Kind::Interface) {
      std::string msg = "invalid receiver type ";
      msg += tobj.name;
      msg += " (pointer or interface type)";
      error(recv_pos, msg);
    }
    func_decl(id, decls_[id]);
    color_[id] = 2;
    const std::string& mname = info_.objects[id].name;
    if (mname == "_") continue;
    bool dup = false;
    for (const vm::MethodEntry& m : T[named].methods) dup = dup || m.name == mname;
    if (dup) {
      // gc (CompilerErrorMessages): "T.m redeclared in this block" with the other declaration
      std::string msg = tobj.name;
      msg += ".";
      msg += mname;
      msg += " redeclared in this block";
      for (NodeId other : it->second) {
        if (other == fd) break;
        if (ast_[ast_[other].a].text != mname) continue;
        const Pos p = ast_[ast_[other].a].pos;
        msg += other_at(p, fmt::format("other declaration of {}", mname));
        break;
      }
      error_at(f.a, msg);
      continue;
    }
    if (T.underlying_kind(named) == vm::Kind::Struct) {
      for (const vm::StructField& sf : T[T.underlying(named)].fields) {
        if (sf.name == mname) {
          std::string msg = "field and method with the same name ";
          msg += mname;
          error_at(f.a, msg);
        }
      }
    }
    T.add_method(named, vm::MethodEntry{mname, info_.objects[id].type, -1, ptr});
  }
}

void Checker::func_decl(ObjId o, PkgDecl& d) {
  const Node& f = ast_[d.spec];
  FuncCtx ctx;
  ctx.node = d.spec;
  ctx.obj = o;
  const TypeId sig = func_type(f.c, f.b, d.spec, &ctx);
  info_.objects[o].type = sig;
  ctx.sig = sig;
  record_type(f.c, sig);
  fctx_[d.spec] = std::move(ctx);
}

// [SECTION] local declarations

void Checker::const_spec_local(NodeId spec, std::vector<NodeId>& last_values, NodeId& last_type) {
  const Node& s = ast_[spec];
  if (s.l1.size > 0 || s.a != kNoNode) {
    last_values.assign(ast_.list(s.l1).begin(), ast_.list(s.l1).end());
    last_type = s.a;
  }
  std::vector<ObjId> objs;
  std::uint32_t i = 0;
  for (NodeId name : ast_.list(s.l0)) {
    Object o;
    o.kind = ObjKind::Const;
    o.name = ast_[name].text;
    o.decl = name;
    PkgDecl pd;
    pd.spec = spec;
    pd.index = i++;
    pd.type = last_type;
    pd.values = last_values;
    pd.iota = s.num;
    const ObjId id = new_object(std::move(o));
    const std::int64_t saved = iota_;
    PkgDecl* saved_decl = cur_decl_;
    const_decl(id, pd);
    iota_ = saved;
    cur_decl_ = saved_decl;
    record_obj(name, id);
    objs.push_back(id);
  }
  // Declared after all values are checked: const x = x refers to an outer x.
  std::uint32_t k = 0;
  for (NodeId name : ast_.list(s.l0)) declare(scope_, name, objs[k++]);
}

void Checker::local_decl(NodeId group) {
  const Node& g = ast_[group];
  std::vector<NodeId> last_values;
  NodeId last_type = kNoNode;
  for (NodeId spec : ast_.list(g.l0)) {
    const Node& s = ast_[spec];
    if (s.kind == NodeKind::ConstSpec) {
      const_spec_local(spec, last_values, last_type);
    } else if (s.kind == NodeKind::VarSpec) {
      std::vector<ObjId> lhs;
      for (NodeId name : ast_.list(s.l0)) {
        Object o;
        o.kind = ObjKind::Var;
        o.name = ast_[name].text;
        o.decl = name;
        o.owner_func = funcs_.empty() ? kNoNode : funcs_.back().node;
        const ObjId id = new_object(std::move(o));
        record_obj(name, id);
        lhs.push_back(id);
      }
      TypeId t = vm::kNoType;
      const bool type_invalid = s.a != kNoNode && (t = type_expr(s.a)) == vm::kNoType;
      if (s.a != kNoNode) {
        for (ObjId v : lhs) {
          info_.objects[v].type = t;
          set_var_src(v, TypeSrc{file_, s.a});
        }
      }
      if (s.l1.size > 0) {
        if (s.l1.size == s.l0.size) {
          // types2's varDecl: each variable is initialized on its own
          std::size_t i = 0;
          for (NodeId v : ast_.list(s.l1)) {
            Operand x;
            expr(x, v);
            if (s.a == kNoNode) set_var_src(lhs[i], src_of(v));
            init_var(lhs[i++], x, "variable declaration", type_invalid);
          }
        } else if (s.l1.size == 1) {
          init_vars(lhs, ast_.list(s.l1), spec, false, "variable declaration");
          if (s.a != kNoNode) {
            for (ObjId v : lhs) info_.objects[v].type = t;
          }
        } else {
          // types2: each variable with a value is initialized (extra values are not checked), then the arity error
          const auto vals = ast_.list(s.l1);
          const auto names = ast_.list(s.l0);
          for (std::size_t i = 0; i < lhs.size(); ++i) {
            if (i < vals.size()) {
              Operand x;
              expr(x, vals[i]);
              init_var(lhs[i], x, "variable declaration", type_invalid);
            } else if (s.a == kNoNode) {
              info_.objects[lhs[i]].used = true;
            }
          }
          if (names.size() < vals.size()) {
            std::string msg = "extra init expr ";
            msg += expr_str(vals[names.size()]);
            error(start_pos(vals[names.size()]), msg);
          } else {
            std::string msg = "missing init expr for ";
            msg += ast_[names[vals.size()]].text;
            error_at(names[vals.size()], msg);
          }
        }
      }
      if (type_invalid) {
        for (ObjId v : lhs) info_.objects[v].used = true;  // gc: no follow-on "declared but not used"
      }
      std::size_t i = 0;
      for (NodeId name : ast_.list(s.l0)) {
        const ObjId v = lhs[i++];
        info_.type_of[file_][name] = info_.objects[v].type;
        info_.mode_of[file_][name] = Mode::Variable;
        if (declare(scope_, name, v) && !funcs_.empty()) {
          funcs_.back().locals.push_back(v);
          local_scope_[v] = scope_;
        }
      }
    } else if (s.kind == NodeKind::TypeSpec) {
      Object o;
      o.kind = ObjKind::TypeName;
      o.name = ast_[s.a].text;
      o.decl = s.a;
      if (s.l0.size > 0) {
        // a local generic type (Go 1.19 allows them): instantiated in the scope that declares it
        if (s.flags & kAlias) error_at(s.a, "generic type cannot be alias");
        o.generic = spec;
        const ObjId id = new_object(std::move(o));
        declare(scope_, s.a, id);
        local_generic_scope_[id] = scope_;
        continue;
      }
      if (!(s.flags & kAlias)) o.type = T.new_named(o.name, pkgname_);
      const ObjId id = new_object(std::move(o));
      declare(scope_, s.a, id);  // the type is in scope in its own declaration
      PkgDecl pd;
      pd.spec = spec;
      color_[id] = 1;
      type_decl(id, pd);
      color_[id] = 2;
    }
  }
}

// [SECTION] initialization order (the spec: repeatedly the earliest variable ready for initialization)

void Checker::init_order() {
  // Dependencies on variables, seen through functions.
  std::vector<ObjId> vars;
  for (ObjId o : pkg_objects_) {
    if (info_.objects[o].kind == ObjKind::Var) vars.push_back(o);
  }
  std::sort(vars.begin(), vars.end(), [&](ObjId a, ObjId b) { return decls_[a].order < decls_[b].order; });
  std::unordered_map<ObjId, std::set<ObjId>> var_deps;
  for (ObjId v : vars) {
    std::set<ObjId> out;
    std::set<ObjId> seen;
    std::vector<ObjId> stack(decls_[v].deps.begin(), decls_[v].deps.end());
    while (!stack.empty()) {
      const ObjId d = stack.back();
      stack.pop_back();
      if (!seen.insert(d).second) continue;
      if (info_.objects[d].kind == ObjKind::Var) {
        out.insert(d);
      } else {
        auto it = decls_.find(d);
        if (it != decls_.end()) stack.insert(stack.end(), it->second.deps.begin(), it->second.deps.end());
      }
    }
    var_deps[v] = std::move(out);
  }
  std::set<ObjId> done;
  std::set<NodeId> emitted_specs;
  std::vector<ObjId> pending = vars;
  while (!pending.empty()) {
    bool progress = false;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const ObjId v = pending[i];
      const PkgDecl& d = decls_[v];
      // A multi-name spec with one tuple value initializes all its names at once.
      const bool tuple = d.lhs.size() > 1 && d.values.size() == 1;
      bool ready = true;
      const std::vector<ObjId> group = tuple ? d.lhs : std::vector<ObjId>{v};
      for (ObjId g : group) {
        for (ObjId dep : var_deps[g]) {
          if (!done.count(dep) && std::find(group.begin(), group.end(), dep) == group.end()) ready = false;
        }
      }
      if (!ready) continue;
      for (ObjId g : group) {
        done.insert(g);
        pending.erase(std::remove(pending.begin(), pending.end(), g), pending.end());
      }
      if (!d.values.empty()) {
        if (tuple) {
          if (emitted_specs.insert(d.spec).second) info_.init_order.push_back(Info::InitEntry{file_, d.spec, d.lhs});
        } else {
          info_.init_order.push_back(Info::InitEntry{file_, d.spec, {v}});
        }
      }
      progress = true;
      break;
    }
    if (!progress) {
      // Find a cycle from the first stuck variable, through variables and functions, as gc prints it.
      const ObjId start = pending.front();
      std::vector<ObjId> path{start};
      std::set<ObjId> on_path{start};
      std::vector<ObjId> cycle;
      std::set<ObjId> dead;
      std::function<bool(ObjId)> dfs = [&](ObjId o) {
        for (ObjId d : decls_[o].deps) {
          if (d == start) {
            cycle = path;
            return true;
          }
          if (on_path.count(d) || dead.count(d) || done.count(d)) continue;
          path.push_back(d);
          on_path.insert(d);
          if (dfs(d)) return true;
          path.pop_back();
          on_path.erase(d);
          dead.insert(d);
        }
        return false;
      };
      dfs(start);
      if (cycle.empty()) cycle = {start};
      std::string msg = "initialization loop for ";
      msg += info_.objects[start].name;
      auto where = [&](ObjId o) {
        const Object& ob = info_.objects[o];
        const Pos p = ast_[ob.decl].kind == NodeKind::FuncDecl ? ast_[ast_[ob.decl].a].pos : ast_[ob.decl].pos;
        return other_at(p, ob.name);
      };
      for (ObjId o : cycle) {
        msg += where(o);
        msg += " refers to";
      }
      msg += where(start);
      error_at(info_.objects[start].decl, msg);
      break;
    }
  }
}

void Checker::unused_imports() {
  for (ObjId id : import_objs_) {
    const Object& o = info_.objects[id];
    if (o.used) continue;
    std::string msg = "imported and not used: \"";
    msg += o.import_path;
    msg += "\"";
    const std::string& pkg_name = info_.packages[o.package_scope].name;
    if (o.name != pkg_name) {
      msg += " as ";
      msg += o.name;
    }
    NodeId spec = o.decl;
    if (ast_[spec].kind == NodeKind::Ident) {
      // the ImportSpec holding this alias
      for (NodeId s : ast_.list(ast_[ast_.file].l0)) {
        if (ast_[s].a == spec) spec = s;
      }
    }
    error_at(spec, msg);
  }
}

void Checker::finalize_untyped() {
  // Whatever is still untyped gets its default type (an untyped bool condition, a constant operand of a
  // shift count...), so the compiler sees only typed expressions; nil keeps "untyped nil".
  const std::vector<std::pair<NodeId, TypeId>> pending(untyped_.begin(), untyped_.end());
  for (auto& [n, t] : pending) {
    if (!untyped_.count(n) || info_.type_of[file_][n] != t) continue;
    const TypeId d = default_type(t);
    if (d != t) update_untyped(n, d);
  }
  untyped_.clear();
}

}  // namespace gb::go::detail
