// Generics (Go 1.18's type parameters) by monomorphization: a generic function or type is never checked
// or compiled as such; each distinct list of type arguments gets a copy of the declaration's syntax (cloned
// into the instantiating file's Ast) checked with the type parameters bound to the type arguments, so the
// compiler and the VM only ever see ordinary functions and named types ("F[int]", "List[string]").
// Inference unifies the parameter types, evaluated once over placeholder types, with the arguments'. Each
// generic body is also checked once over probe types, for the errors Go reports whatever the instance.
//
// Sections, in order:
//   cloning syntax and the environment of a generic declaration
//   constraints and their type sets
//   instantiation (functions, types, their methods), the instances' bodies and the generic body check
//   type argument inference (function arguments, core types, untyped defaults)
//   generic names in expressions, types and calls
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

namespace {

constexpr int kMaxInstDepth = 64;
constexpr ObjId kProbeOwner = kNoObj - 1;  // the owner of probe types (no generic's)  // nested instantiations (F[T] instantiating F[[]T]...) before giving up

NodeId unparen_node(const Ast& ast, NodeId n) {
  while (n != kNoNode && ast[n].kind == NodeKind::Paren) n = ast[n].a;
  return n;
}

// The type arguments written in an Index node: b alone, or l0 when there are several.
std::vector<NodeId> index_args(const Ast& ast, NodeId ix) {
  const Node& n = ast[ix];
  if (n.l0.size > 0) return {ast.list(n.l0).begin(), ast.list(n.l0).end()};
  return {n.b};
}

// Saves what checking a declaration outside the current function changes, and restores it.
struct EnvSave {
  Checker& c;
  std::int32_t scope;
  std::string path, pkgname;
  PkgDecl* decl;
  std::vector<FuncCtx> funcs;
  std::vector<NodeId> lits;
  std::int64_t iota;
  bool probe;
  explicit EnvSave(Checker& ch)
      : c(ch), scope(ch.scope_), path(ch.path_), pkgname(ch.pkgname_), decl(ch.cur_decl_), iota(ch.iota_),
        probe(ch.probe_) {
    funcs.swap(c.funcs_);
    lits.swap(c.func_lits_);
    c.iota_ = -1;
    c.probe_ = false;  // an instantiation's own errors are real ones, even from a probed body
  }
  ~EnvSave() {
    c.probe_ = probe;
    c.scope_ = scope;
    c.path_ = path;
    c.pkgname_ = pkgname;
    c.cur_decl_ = decl;
    c.funcs_.swap(funcs);
    c.func_lits_.swap(lits);
    c.iota_ = iota;
  }
  EnvSave(const EnvSave&) = delete;
  EnvSave& operator=(const EnvSave&) = delete;
};

}  // namespace

// [SECTION] cloning syntax and the environment of a generic declaration

Ast& Checker::mast() { return *const_cast<Ast*>(info_.asts[file_]); }

// Copies the subtree n of file src_file into this file's Ast. The Ast's vectors were reserved when the checker
// started (see the constructor), so references to nodes held by callers stay valid; past that reserve the
// clone fails (kNoNode) rather than move the nodes.
NodeId Checker::clone_from(std::uint32_t src_file, NodeId n) {
  if (n == kNoNode) return kNoNode;
  Ast& dst = mast();
  const Ast& src = *info_.asts[src_file];
  // count first, so the copy never reallocates
  std::size_t nodes = 0, lists = 0;
  std::vector<NodeId> stack{n};
  while (!stack.empty()) {
    const NodeId x = stack.back();
    stack.pop_back();
    ++nodes;
    const Node& s = src[x];
    for (NodeId c : {s.a, s.b, s.c, s.d}) {
      if (c != kNoNode) stack.push_back(c);
    }
    for (ListRef l : {s.l0, s.l1}) {
      lists += l.size;
      for (NodeId c : src.list(l)) {
        if (c != kNoNode) stack.push_back(c);
      }
    }
  }
  if (dst.nodes.size() + nodes > dst.nodes.capacity() || dst.lists.size() + lists > dst.lists.capacity()) {
    error(src[n].pos, "too many generic instantiations for Gopherbus");
    return kNoNode;
  }
  std::function<NodeId(NodeId)> copy = [&](NodeId x) -> NodeId {
    if (x == kNoNode) return kNoNode;
    Node c = src[x];
    c.a = copy(c.a);
    c.b = copy(c.b);
    c.c = copy(c.c);
    c.d = copy(c.d);
    for (ListRef* l : {&c.l0, &c.l1}) {
      std::vector<NodeId> ids(src.list(*l).begin(), src.list(*l).end());
      for (NodeId& id : ids) id = copy(id);
      *l = dst.add_list(ids);
    }
    return dst.add(std::move(c));
  };
  const NodeId out = copy(n);
  const std::size_t size = dst.nodes.size();
  info_.type_of[file_].resize(size, vm::kNoType);
  info_.mode_of[file_].resize(size, Mode::Invalid);
  info_.obj_of[file_].resize(size, kNoObj);
  return out;
}

// The scope in which a declaration of file `file` was written: this file's scope, or for another package's
// file a scope of its package-level names and imports.
std::int32_t Checker::home_scope(std::uint32_t file) {
  if (file == file_) return file_scope_;
  auto it = home_scopes_.find(file);
  if (it != home_scopes_.end()) return it->second;
  Scope s;
  s.parent = -1;
  for (const Info::PackageInfo& p : info_.packages) {
    if (p.file == file) s.names = p.members;
  }
  for (ObjId i = 0; i < info_.objects.size(); ++i) {
    const Object& o = info_.objects[i];
    if (o.kind == ObjKind::Package && o.file == file) s.names[o.name] = i;
  }
  scopes_.push_back(std::move(s));
  const auto id = static_cast<std::int32_t>(scopes_.size() - 1);
  home_scopes_[file] = id;
  return id;
}

// A scope under the declaration's own in which each type parameter names its type argument.
std::int32_t Checker::bind_scope(std::uint32_t home, const std::vector<std::string>& names,
                                 const std::vector<TypeId>& targs, ObjId owner) {
  Scope s;
  const auto local = local_generic_scope_.find(owner);
  s.parent = local != local_generic_scope_.end() ? local->second : home_scope(home);
  for (std::size_t i = 0; i < names.size() && i < targs.size(); ++i) {
    Object o;
    o.kind = ObjKind::TypeName;
    o.name = names[i];
    o.type = targs[i];
    o.used = true;
    if (names[i] != "_") s.names[names[i]] = new_object(std::move(o));
  }
  scopes_.push_back(std::move(s));
  return static_cast<std::int32_t>(scopes_.size() - 1);
}

// The generic function or type an expression names (x, pkg.X, (x)), with the uses recorded; kNoObj otherwise.
ObjId Checker::generic_obj(NodeId e) {
  e = unparen_node(ast_, e);
  if (e == kNoNode) return kNoObj;
  const Node& n = ast_[e];
  if (n.kind == NodeKind::Ident) {
    const ObjId o = lookup(n.text);
    if (o == kNoObj || info_.objects[o].generic == kNoNode) return kNoObj;
    record_obj(e, o);
    info_.objects[o].used = true;
    return o;
  }
  if (n.kind == NodeKind::Selector && ast_[n.a].kind == NodeKind::Ident) {
    const ObjId po = lookup(ast_[n.a].text);
    if (po == kNoObj || info_.objects[po].kind != ObjKind::Package) return kNoObj;
    const Info::PackageInfo& p = info_.packages[info_.objects[po].package_scope];
    auto it = p.members.find(ast_[n.b].text);
    if (it == p.members.end() || info_.objects[it->second].generic == kNoNode) return kNoObj;
    info_.objects[po].used = true;
    record_obj(n.a, po);
    info_.mode_of[file_][n.a] = Mode::Package;
    record_obj(n.b, it->second);
    Selection s;
    s.kind = Selection::Kind::Qualified;
    s.obj = it->second;
    info_.selection_of[file_][e] = s;
    return it->second;
  }
  return kNoObj;
}

// "List[T any]" as types2 prints a generic type in messages.
std::string Checker::generic_decl_str(ObjId o) {
  const Object& obj = info_.objects[o];
  const Ast& a = *info_.asts[obj.file];
  std::string s = obj.name;
  s += "[";
  bool first = true;
  for (NodeId f : a.list(a[obj.generic].l0)) {
    const auto names = a.list(a[f].l0);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!first) s += ", ";
      first = false;
      s += a[names[i]].text;
      if (i + 1 == names.size() && obj.file == file_) {
        s += " ";
        s += expr_str(a[f].a);
      }
    }
  }
  s += "]";
  return s;
}

std::string Checker::inst_args_str(const std::vector<TypeId>& targs) const {
  // as reflect prints an instance's name: main.List[main.Foo], Pair[string,int]
  std::string s = "[";
  for (std::size_t i = 0; i < targs.size(); ++i) {
    if (i > 0) s += ",";
    s += T.to_string(targs[i]);
  }
  s += "]";
  return s;
}

// Placeholder types for the type parameters, the constraints and (for a function) the signature over them.
bool Checker::prepare_generic(ObjId o) {
  Generic& g0 = generics_[o];
  if (g0.prepared) return g0.ok;
  g0.prepared = true;
  const Object obj = info_.objects[o];
  const Ast& src = *info_.asts[obj.file];
  std::vector<std::string> names;
  std::vector<Pos> name_pos;
  std::vector<NodeId> cons;
  for (NodeId f : src.list(src[obj.generic].l0)) {
    const NodeId c = clone_from(obj.file, src[f].a);
    for (NodeId nm : src.list(src[f].l0)) {
      names.push_back(src[nm].text);
      name_pos.push_back(src[nm].pos);
      cons.push_back(c);
    }
  }
  std::vector<TypeId> ph;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const TypeId t = T.new_named(names[i], "");
    T.set_underlying(t, vm::kEmptyInterface);
    placeholder_of_[t] = {o, i};
    ph.push_back(t);
  }
  EnvSave env(*this);
  scope_ = bind_scope(obj.file, names, ph, o);
  enter_package_of(obj.file);
  cur_decl_ = nullptr;
  ++in_instance_;  // its errors are the declaration's: once (the body check meets them again)
  std::vector<TypeSet> sets;
  for (NodeId c : cons) sets.push_back(c != kNoNode ? constraint_set(c) : TypeSet{});
  TypeId psig = vm::kNoType;
  if (obj.kind == ObjKind::Func) {
    const NodeId ft = clone_from(obj.file, src[obj.generic].c);
    if (ft != kNoNode) psig = func_type(ft, kNoNode, kNoNode, nullptr);
  }
  --in_instance_;
  Generic& g = generics_[o];
  g.names = std::move(names);
  g.name_pos = std::move(name_pos);
  g.constraints = std::move(cons);
  g.placeholders = std::move(ph);
  g.psets = std::move(sets);
  g.psig = psig;
  g.ok = obj.kind != ObjKind::Func || psig != vm::kNoType;
  return g.ok;
}

// [SECTION] constraints and their type sets

Checker::TypeSet Checker::constraint_set(NodeId c) {
  struct Ctx {
    int& n;
    explicit Ctx(int& v) : n(v) { ++n; }
    ~Ctx() { --n; }
    Ctx(const Ctx&) = delete;
    Ctx& operator=(const Ctx&) = delete;
  } ctx(constraint_ctx_);
  TypeSet s;
  const Node& n = ast_[c];
  if (n.kind == NodeKind::Paren) return constraint_set(n.a);
  if (n.kind == NodeKind::Binary && n.op == Tok::Or) {
    const TypeSet l = constraint_set(n.a);
    const TypeSet r = constraint_set(n.b);
    s.restricted = true;
    s.terms = l.terms;
    s.terms.insert(s.terms.end(), r.terms.begin(), r.terms.end());
    return s;
  }
  if (n.kind == NodeKind::Unary && n.op == Tok::Tilde) {
    const TypeId t = type_expr(n.a);
    s.restricted = true;
    if (t != vm::kNoType) s.terms.push_back({true, t});
    return s;
  }
  if (n.kind == NodeKind::InterfaceType) {
    for (NodeId fid : ast_.list(n.l0)) {
      const Node& f = ast_[fid];
      if (f.l0.size > 0 && f.a != kNoNode && ast_[f.a].kind == NodeKind::FuncType) {
        TypeId sig = info_.type_of[file_][f.a];
        if (sig == vm::kNoType) sig = func_type(f.a, kNoNode, kNoNode, nullptr);
        s.methods.push_back(vm::MethodEntry{ast_[ast_.list(f.l0)[0]].text, sig, -1, false});
        continue;
      }
      const TypeSet e = constraint_set(f.a);
      s.comparable = s.comparable || e.comparable;
      s.methods.insert(s.methods.end(), e.methods.begin(), e.methods.end());
      if (e.restricted) {
        if (!s.restricted) {
          s.terms = e.terms;
        } else {  // the intersection of two term lists (exact terms only where both agree)
          std::vector<TypeTerm> keep;
          for (const TypeTerm& a : s.terms) {
            for (const TypeTerm& b : e.terms) {
              if (T.underlying(a.type) != T.underlying(b.type)) continue;
              if (a.tilde && b.tilde) keep.push_back(a);
              else if (!a.tilde && (b.tilde || a.type == b.type)) keep.push_back(a);
              else if (!b.tilde && a.tilde) keep.push_back(b);
            }
          }
          s.terms = std::move(keep);
        }
        s.restricted = true;
      }
    }
    return s;
  }
  const TypeId t = type_expr(c);
  if (t == vm::kNoType) return s;
  if (placeholder_of_.count(t)) {
    error_at(c, "cannot use a type parameter as constraint");
    return s;
  }
  const auto it = iface_sets_.find(t);
  if (it != iface_sets_.end()) return it->second;
  const auto cu = info_.universe.find("comparable");
  if (cu != info_.universe.end() && info_.objects[cu->second].type == t) {
    s.comparable = true;
    return s;
  }
  if (T.is_interface(t) && !placeholder_of_.count(t)) {
    s.methods = T[T.underlying(t)].methods;
    return s;
  }
  s.restricted = true;
  s.terms.push_back({false, t});
  return s;
}

std::string Checker::terms_str(const TypeSet& s) const {
  std::string out;
  for (const TypeTerm& t : s.terms) {
    if (!out.empty()) out += " | ";
    if (t.tilde) out += "~";
    out += type_str(t.type);
  }
  return out;
}

bool Checker::satisfies(TypeId t, const TypeSet& s, std::string* cause) {
  if (s.restricted) {
    bool found = false;
    for (const TypeTerm& term : s.terms) {
      if (term.tilde ? T.underlying(t) == T.underlying(term.type) : t == term.type) found = true;
    }
    if (!found) {
      *cause = s.terms.empty() ? std::string("empty type set") : fmt::format("{} missing in {}", type_str(t), terms_str(s));
      return false;
    }
  }
  if (s.comparable && (!T.comparable(t) || T.is_interface(t))) {
    *cause = "";
    return false;
  }
  if (!s.methods.empty()) {
    std::vector<vm::MethodEntry> ms = s.methods;
    std::sort(ms.begin(), ms.end(), [](const vm::MethodEntry& a, const vm::MethodEntry& b) { return a.name < b.name; });
    ms.erase(std::unique(ms.begin(), ms.end(), [](const vm::MethodEntry& a, const vm::MethodEntry& b) { return a.name == b.name; }),
             ms.end());
    const TypeId iface = T.interface_of(std::move(ms));
    std::string name;
    bool wrong = false, ptr = false;
    if (missing_method(t, iface, true, &name, &wrong, &ptr)) {
      *cause = wrong ? fmt::format("wrong type for method {}", name)
                     : ptr ? fmt::format("method {} has pointer receiver", name)
                           : fmt::format("missing {} method", name);
      return false;
    }
  }
  return true;
}

// Each type argument against its constraint (evaluated with the type parameters bound to the arguments).
bool Checker::check_targs(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at) {
  Generic& g = generics_[o];
  const Object obj = info_.objects[o];
  EnvSave env(*this);
  scope_ = bind_scope(obj.file, g.names, targs, o);
  cur_decl_ = nullptr;
  const std::vector<NodeId> cons = g.constraints;
  for (std::size_t i = 0; i < targs.size() && i < cons.size(); ++i) {
    if (cons[i] == kNoNode) continue;
    const TypeSet s = constraint_set(cons[i]);
    std::string cause;
    if (satisfies(targs[i], s, &cause)) continue;
    std::string cname;
    const NodeId c = unparen_node(ast_, cons[i]);
    if (ast_[c].kind == NodeKind::Ident || ast_[c].kind == NodeKind::Selector || ast_[c].kind == NodeKind::Index) {
      cname = type_str(info_.type_of[file_][c]);
    } else {
      cname = expr_str(c);
    }
    if (ast_[c].kind == NodeKind::Ident && ast_[c].text == "comparable") cname = "comparable";
    const NodeId written = i < targ_nodes_.size() ? targ_nodes_[i] : kNoNode;  // "any", not "interface{}"
    std::string msg = fmt::format("{} does not implement {}", gc_type(targs[i], TypeSrc{file_, written}), cname);
    if (!cause.empty()) msg += fmt::format(" ({})", cause);
    error(i < at.size() ? at[i] : (at.empty() ? Pos{} : at.back()), msg);
    return false;
  }
  return true;
}

// [SECTION] instantiation (functions, types, their methods) and the instances' bodies

// The package of `file` becomes the current one (path and name) for what is checked next: a generic declared
// in another package is instantiated in its own.
void Checker::enter_package_of(std::uint32_t file) {
  if (file == file_) return;
  for (const Info::PackageInfo& p : info_.packages) {
    if (p.file == file) {
      path_ = p.path;
      pkgname_ = p.name;
    }
  }
}

// An instance's declaration `fd` (a function, or a method with receiver `recv`) as object `id`: a package
// declaration whose signature is checked with `names` bound to `targs`, in the generic's file and package.
// Returns the scope its body is checked in; `ctx` becomes the body's context.
std::int32_t Checker::declare_instance(const Object& gen, ObjId o, NodeId fd, ObjId id,
                                       const std::vector<std::string>& names, const std::vector<TypeId>& targs,
                                       NodeId recv, FuncCtx& ctx) {
  record_obj(fd, id);
  record_obj(ast_[fd].a, id);
  PkgDecl pd;
  pd.spec = fd;
  pd.order = static_cast<std::uint32_t>(decls_.size());
  decls_[id] = std::move(pd);
  color_[id] = 2;
  EnvSave env(*this);
  const std::int32_t scope = bind_scope(gen.file, names, targs, o);
  scope_ = scope;
  enter_package_of(gen.file);
  cur_decl_ = nullptr;
  ctx.node = fd;
  ctx.obj = id;
  ++in_instance_;
  const TypeId sig = func_type(ast_[fd].c, recv, fd, &ctx);
  --in_instance_;
  info_.objects[id].type = sig;
  ctx.sig = sig;
  record_type(ast_[fd].c, sig);
  return scope;
}

ObjId Checker::instantiate_func(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at) {
  const auto key = std::make_pair(o, targs);
  if (auto it = func_inst_.find(key); it != func_inst_.end()) return it->second;
  if (!prepare_generic(o)) return kNoObj;
  bool open = false;
  for (TypeId t : targs) open = open || has_placeholder(t);
  if (open) return kNoObj;
  if (!check_targs(o, targs, at)) return kNoObj;
  if (inst_depth_ >= kMaxInstDepth) {
    error(at.empty() ? Pos{} : at[0], fmt::format("instantiation cycle in {}", info_.objects[o].name));
    return kNoObj;
  }
  const Object gen = info_.objects[o];
  const NodeId fd = clone_from(gen.file, gen.generic);
  if (fd == kNoNode) return kNoObj;
  ++inst_depth_;
  Object f;
  f.kind = ObjKind::Func;
  f.name = gen.name;
  f.package = gen.package;
  f.decl = fd;
  f.package_level = true;
  f.type_args = inst_args_str(targs);
  f.used = true;
  const ObjId id = new_object(std::move(f));
  func_inst_[key] = id;
  FuncCtx ctx;
  const std::int32_t scope = declare_instance(gen, o, fd, id, generics_[o].names, targs, kNoNode, ctx);
  if (ast_[fd].d != kNoNode && info_.objects[id].type != vm::kNoType) {
    pending_bodies_.push_back(PendingBody{fd, id, scope, gen.file, std::move(ctx)});
  }
  --inst_depth_;
  return info_.objects[id].type == vm::kNoType ? kNoObj : id;
}

TypeId Checker::instantiate_type(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at) {
  const auto key = std::make_pair(o, targs);
  if (auto it = type_inst_.find(key); it != type_inst_.end()) return it->second;
  if (!prepare_generic(o)) return vm::kNoType;
  bool open = false;
  for (TypeId t : targs) open = open || has_placeholder(t);
  if (!open && !check_targs(o, targs, at)) return vm::kNoType;
  if (inst_depth_ >= kMaxInstDepth) {
    error(at.empty() ? Pos{} : at[0], fmt::format("instantiation cycle in {}", info_.objects[o].name));
    return vm::kNoType;
  }
  const Object gen = info_.objects[o];
  std::string home_pkg = pkgname_;
  for (const Info::PackageInfo& p : info_.packages) {
    if (p.file == gen.file) home_pkg = p.name;
  }
  const TypeId named = T.new_named(gen.name + inst_args_str(targs), home_pkg);
  type_inst_[key] = named;
  inst_origin_[named] = {o, targs};
  const Ast& src = *info_.asts[gen.file];
  const NodeId rhs = clone_from(gen.file, src[gen.generic].b);
  if (rhs == kNoNode) return vm::kNoType;
  ++inst_depth_;
  {
    EnvSave env(*this);
    scope_ = bind_scope(gen.file, generics_[o].names, targs, o);
    if (gen.file != file_) {
      for (const Info::PackageInfo& p : info_.packages) {
        if (p.file == gen.file) {
          path_ = p.path;
          pkgname_ = p.name;
        }
      }
    }
    cur_decl_ = nullptr;
    ++in_instance_;  // an error in the declaration is reported once, not per instance
    const TypeId u = type_expr(rhs);
    --in_instance_;
    if (u != vm::kNoType && T.underlying(u) != vm::kNoType) {
      T.set_underlying(named, u);
    } else if (u != vm::kNoType) {
      T.set_underlying(named, T.struct_of({}));
    } else {
      T.set_underlying(named, vm::kEmptyInterface);
    }
    if (ast_[unparen_node(ast_, rhs)].kind == NodeKind::InterfaceType) {
      const TypeSet s = constraint_set(unparen_node(ast_, rhs));
      if (s.restricted || s.comparable) iface_sets_[named] = s;
    }
  }
  if (!open && gen.package_level) {
    // its methods: every method declared on the generic type
    for (NodeId d : src.list(src[src.file].l1)) {
      const Node& fd = src[d];
      if (fd.kind != NodeKind::FuncDecl || fd.b == kNoNode) continue;
      NodeId base = src[fd.b].a;
      while (base != kNoNode && (src[base].kind == NodeKind::Star || src[base].kind == NodeKind::Paren)) base = src[base].a;
      if (base == kNoNode || src[base].kind != NodeKind::Index) continue;
      const NodeId bn = src[base].a;
      if (src[bn].kind != NodeKind::Ident || src[bn].text != gen.name) continue;
      instantiate_method(named, o, targs, d);
    }
  }
  --inst_depth_;
  return named;
}

void Checker::instantiate_method(TypeId named, ObjId o, const std::vector<TypeId>& targs, NodeId src_fd) {
  const Object gen = info_.objects[o];
  const NodeId fd = clone_from(gen.file, src_fd);
  if (fd == kNoNode) return;
  // the receiver's own names for the type parameters: func (l *List[U]) ...
  NodeId base = ast_[ast_[fd].b].a;
  bool ptr = false;
  while (base != kNoNode && (ast_[base].kind == NodeKind::Star || ast_[base].kind == NodeKind::Paren)) {
    ptr = ptr || ast_[base].kind == NodeKind::Star;
    base = ast_[base].a;
  }
  std::vector<std::string> names;
  for (NodeId a : index_args(ast_, base)) {
    if (ast_[a].kind == NodeKind::Ident && ast_[a].text == "_") {
      // func (l *List[_]) ...: the receiver still names the type; a name nobody can write
      mast()[a].text = fmt::format("_ {}", names.size());
    }
    names.push_back(ast_[a].kind == NodeKind::Ident ? ast_[a].text : "_");
  }
  if (names.size() != targs.size()) {
    error_at(base, fmt::format("got {} type parameters, but receiver base type declares {}", names.size(), targs.size()));
    return;
  }
  Object f;
  f.kind = ObjKind::Func;
  f.name = ast_[ast_[fd].a].text;
  f.package = gen.package;
  f.decl = fd;
  f.package_level = true;
  f.recv = named;
  f.pointer_receiver = ptr;
  f.used = true;
  const ObjId id = new_object(std::move(f));
  FuncCtx ctx;
  const std::int32_t scope = declare_instance(gen, o, fd, id, names, targs, ast_[fd].b, ctx);
  const std::string& mname = info_.objects[id].name;
  if (mname != "_" && info_.objects[id].type != vm::kNoType) {
    T.add_method(named, vm::MethodEntry{mname, info_.objects[id].type, -1, ptr});
  }
  if (ast_[fd].d != kNoNode && info_.objects[id].type != vm::kNoType) {
    pending_bodies_.push_back(PendingBody{fd, id, scope, gen.file, std::move(ctx)});
  } else if (ast_[fd].d == kNoNode) {
    info_.objects[id].native = true;
  }
}

// The bodies of the instances, once the package's own declarations are checked (an instance's body may
// instantiate more).
void Checker::drain_instances() {
  probe_generic_bodies();  // first: where it finds an error, the instances' own version is not reported
  run_pending_bodies();
  mark_generic_imports();
}

// Each generic function and method is also checked once over probe types (one per type parameter: a named
// interface with the constraint's methods, so `x + y`, x.f and methods outside the constraint fail as in
// Go). Only the errors that do not depend on how types2 treats type parameters beyond that are kept:
// undefined names, unused variables and labels, missing returns, and, for a type parameter whose constraint
// has no type terms, undefined fields or methods and operators (gc's "... of type T constrained by C").
void Checker::probe_generic_bodies() {
  const std::vector<NodeId> decls(ast_.list(ast_[ast_.file].l1).begin(), ast_.list(ast_[ast_.file].l1).end());
  // a generic type's declaration, over its placeholders (an open instance: no methods, no constraint checks)
  for (NodeId d : decls) {
    if (ast_[d].kind != NodeKind::DeclGroup) continue;
    for (NodeId s : ast_.list(ast_[d].l0)) {
      if (ast_[s].kind != NodeKind::TypeSpec || ast_[s].l0.size == 0) continue;
      const ObjId o = info_.obj_of[file_][ast_[s].a];
      if (o == kNoObj || info_.objects[o].generic != s || !prepare_generic(o)) continue;
      const std::vector<TypeId> ph = generics_[o].placeholders;
      instantiate_type(o, ph, {});
    }
  }
  for (NodeId d : decls) {
    if (ast_[d].kind != NodeKind::FuncDecl || ast_[d].d == kNoNode) continue;
    std::vector<std::string> names;
    std::vector<NodeId> cons;
    ObjId owner = kNoObj;
    if (ast_[d].l0.size > 0) {
      owner = info_.obj_of[file_][d];
      if (owner == kNoObj || info_.objects[owner].generic != d || !prepare_generic(owner)) continue;  // its constraints
      for (NodeId f : ast_.list(ast_[d].l0)) {
        for (NodeId nm : ast_.list(ast_[f].l0)) {
          names.push_back(ast_[nm].text);
          cons.push_back(ast_[f].a);
        }
      }
    } else if (ast_[d].b != kNoNode) {
      NodeId base = ast_[ast_[d].b].a;
      while (base != kNoNode && (ast_[base].kind == NodeKind::Star || ast_[base].kind == NodeKind::Paren)) base = ast_[base].a;
      if (base == kNoNode || ast_[base].kind != NodeKind::Index || ast_[ast_[base].a].kind != NodeKind::Ident) continue;
      owner = lookup_in(pkg_scope_, ast_[ast_[base].a].text);
      if (owner == kNoObj || info_.objects[owner].generic == kNoNode || info_.objects[owner].file != file_) continue;
      const NodeId spec = info_.objects[owner].generic;
      for (NodeId f : ast_.list(ast_[spec].l0)) {
        for (std::size_t k = 0; k < ast_[f].l0.size; ++k) cons.push_back(ast_[f].a);
      }
      for (NodeId a : index_args(ast_, base)) names.push_back(ast_[a].kind == NodeKind::Ident ? ast_[a].text : "_");
      if (names.size() != cons.size()) continue;
    } else {
      continue;
    }
    if (owner == kNoObj) continue;
    probe_body(d, names, cons, owner);
    if (diags_.too_many()) return;
  }
}

void Checker::probe_body(NodeId d, const std::vector<std::string>& names, const std::vector<NodeId>& cons, ObjId owner) {
  // A type parameter whose constraint has type terms is probed once per distinct underlying type of its terms
  // (up to kMaxVariants checks of the body, the parameters' terms taken in step): an operation some type of the
  // set lacks fails in one of them. One without terms is probed as an interface of its methods.
  constexpr std::size_t kMaxVariants = 4;
  const std::size_t variants = probe_body_variant(d, names, cons, owner, 0);
  for (std::size_t v = 1; v < std::min(variants, kMaxVariants) && !diags_.too_many(); ++v)
    probe_body_variant(d, names, cons, owner, v);
}

std::size_t Checker::probe_body_variant(NodeId d, const std::vector<std::string>& names,
                                        const std::vector<NodeId>& cons, ObjId owner, std::size_t variant) {
  EnvSave env(*this);
  cur_decl_ = nullptr;
  std::vector<TypeId> probes;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const TypeId t = T.new_named(names[i] == "_" ? std::string("_") : names[i], "");
    T.set_underlying(t, vm::kEmptyInterface);
    // instances over probes are open (no methods, no bodies); to inference a probe is a type like any other
    placeholder_of_[t] = {kProbeOwner, i};
    probes.push_back(t);
  }
  scope_ = bind_scope(file_, names, probes);
  struct ProbeOwner {
    Checker& c;
    ObjId owner;
    std::vector<TypeId> types;
    ProbeOwner(Checker& ch, ObjId o, const std::vector<TypeId>& ts) : c(ch), owner(ch.probe_owner_), types(ch.probe_types_) {
      c.probe_owner_ = o;
      c.probe_types_ = ts;
    }
    ~ProbeOwner() {
      c.probe_owner_ = owner;
      c.probe_types_ = types;
      for (const TypeId t : c.probe_params_owned_) c.probe_params_.erase(t);
      c.probe_params_owned_.clear();
    }
    ProbeOwner(const ProbeOwner&) = delete;
    ProbeOwner& operator=(const ProbeOwner&) = delete;
  } probe_owner(*this, owner, probes);
  probe_params_owned_ = probes;
  std::map<std::string, std::string> plain;  // probe type name -> its constraint, for one without type terms
  std::size_t variants = 1;
  for (std::size_t i = 0; i < cons.size(); ++i) {
    const NodeId c = clone_from(file_, cons[i]);
    if (c == kNoNode) return 0;
    TypeSet s;
    probe_ = true;  // a constraint's own errors were reported where it was declared or instantiated
    s = constraint_set(c);
    probe_ = false;
    probe_errors_.clear();
    const NodeId cu = unparen_node(ast_, c);
    std::string text;
    if (ast_[cu].kind == NodeKind::Ident) {
      text = ast_[cu].text;
    } else if ((ast_[cu].kind == NodeKind::Selector || ast_[cu].kind == NodeKind::Index) &&
               info_.type_of[file_][cu] != vm::kNoType) {
      text = type_str(info_.type_of[file_][cu]);
    } else {
      text = expr_str(cu);
      // types2 writes a union without spaces: "~int|~string", "interface{~[]int|~string}"
      std::string joined;
      for (std::size_t k = 0; k < text.size(); ++k) {
        if (text.compare(k, 3, " | ") == 0) {
          joined += '|';
          k += 2;
        } else {
          joined += text[k];
        }
      }
      text = std::move(joined);
    }
    std::vector<TypeId> underlying;  // of the terms, each once
    if (s.restricted)
      for (const TypeTerm& term : s.terms) {
        if (term.type == vm::kNoType) continue;
        const TypeId u = T.underlying(term.type);
        if (std::find(underlying.begin(), underlying.end(), u) == underlying.end()) underlying.push_back(u);
      }
    if (names[i] != "_") probe_params_[probes[i]] = ProbeParam{text, s.comparable, !underlying.empty()};
    std::vector<vm::MethodEntry> ms = s.methods;
    std::sort(ms.begin(), ms.end(), [](const vm::MethodEntry& a, const vm::MethodEntry& b) { return a.name < b.name; });
    ms.erase(std::unique(ms.begin(), ms.end(),
                         [](const vm::MethodEntry& a, const vm::MethodEntry& b) { return a.name == b.name; }),
             ms.end());
    if (!underlying.empty()) {  // one of its terms' types (simplified: without the constraint's methods)
      variants = std::max(variants, underlying.size());
      T.set_underlying(probes[i], underlying[variant % underlying.size()]);
      continue;
    }
    if (names[i] != "_") plain[names[i]] = text;
    T.set_underlying(probes[i], T.interface_of(std::move(ms)));
  }
  const NodeId fd = clone_from(file_, d);
  if (fd == kNoNode) return 0;
  Object f;
  f.kind = ObjKind::Func;
  f.name = ast_[ast_[fd].a].text;
  f.package = path_;
  f.decl = fd;
  const ObjId id = new_object(std::move(f));
  record_obj(fd, id);
  FuncCtx ctx;
  ctx.node = fd;
  ctx.obj = id;
  probe_ = true;
  ++in_instance_;
  const TypeId sig = func_type(ast_[fd].c, ast_[fd].b, fd, &ctx);
  info_.objects[id].type = sig;
  ctx.sig = sig;
  if (sig != vm::kNoType) func_body(fd, id, sig, ast_[fd].d, std::move(ctx));
  --in_instance_;
  probe_ = false;
  std::vector<std::pair<Pos, std::string>> errs;
  errs.swap(probe_errors_);
  auto ends_with = [](const std::string& s, std::string_view t) {
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
  };
  // An error the probe types cause (not kept) may leave variables unused that Go sees used (types2 does not
  // evaluate the arguments of a call it cannot make): then unused variables are left to the instances.
  std::vector<bool> kept(errs.size(), false);
  bool artefacts = false;
  for (std::size_t k = 0; k < errs.size(); ++k) {
    std::string& msg = errs[k].second;
    // Kept: what holds whatever the instance, and what an operand of a type parameter cannot do (gc describes
    // such an operand as "of type T constrained by C", or names the type set).
    bool keep = msg.rfind("undefined: ", 0) == 0 || ends_with(msg, " declared but not used") ||
                msg == "missing return" || (msg.rfind("label ", 0) == 0 && ends_with(msg, " defined and not used")) ||
                msg.find(" constrained by ") != std::string::npos || msg.find("(type parameter ") != std::string::npos ||
                ends_with(msg, "(incomparable types in type set)");
    for (std::size_t i = 0; i < names.size() && !keep; ++i)
      keep = names[i] != "_" && (msg.find(fmt::format("(mismatched types {} and ", names[i])) != std::string::npos ||
                                 ends_with(msg, fmt::format(" and {})", names[i])));
    for (const auto& [name, text] : plain) {
      if (keep) break;
      keep = ends_with(msg, fmt::format("(type {} has no field or method", name)) ||
             msg.find(fmt::format(" undefined (type {} has no field or method ", name)) != std::string::npos;
    }
    if (keep && msg.rfind("cannot use ", 0) == 0)
      if (const std::size_t nl = msg.find(":\n\tneed type assertion"); nl != std::string::npos) msg.erase(nl);
    kept[k] = keep;
    artefacts = artefacts || !keep;
  }
  for (std::size_t k = 0; k < errs.size(); ++k) {
    const auto& [pos, msg] = errs[k];
    if (!kept[k] || (artefacts && ends_with(msg, " declared but not used"))) continue;
    probe_error_pos_.insert({pos.line, pos.col});
    if (!instance_errors_.insert({pos.line, pos.col, msg}).second) continue;
    diags_.error(pos, msg);
  }
  return variants;
}

void Checker::run_pending_bodies() {
  for (std::size_t i = 0; i < pending_bodies_.size(); ++i) {
    PendingBody p = std::move(pending_bodies_[i]);
    EnvSave env(*this);
    scope_ = p.scope;
    if (p.home != file_) {
      for (const Info::PackageInfo& pk : info_.packages) {
        if (pk.file == p.home) {
          path_ = pk.path;
          pkgname_ = pk.name;
        }
      }
    }
    cur_decl_ = &decls_[p.obj];
    ++in_instance_;
    info_.funcs.push_back(p.obj);
    func_body(p.fd, p.obj, info_.objects[p.obj].type, ast_[p.fd].d, std::move(p.ctx));
    --in_instance_;
    if (diags_.too_many()) break;
  }
  pending_bodies_.clear();
}

void Checker::mark_generic_imports() {
  // A generic declaration never instantiated is not checked; the packages it names are still used (gc
  // checks the generic body).
  const Ast& a = ast_;
  for (NodeId d : a.list(a[a.file].l1)) {
    const Node& fd = a[d];
    bool generic = fd.kind == NodeKind::FuncDecl && fd.l0.size > 0;
    if (fd.kind == NodeKind::FuncDecl && fd.b != kNoNode) {
      NodeId base = a[fd.b].a;
      while (base != kNoNode && (a[base].kind == NodeKind::Star || a[base].kind == NodeKind::Paren)) base = a[base].a;
      generic = generic || (base != kNoNode && a[base].kind == NodeKind::Index);
    }
    if (fd.kind == NodeKind::DeclGroup) {
      for (NodeId s : a.list(fd.l0)) generic = generic || (a[s].kind == NodeKind::TypeSpec && a[s].l0.size > 0);
    }
    if (!generic) continue;
    std::vector<NodeId> stack{d};
    while (!stack.empty()) {
      const NodeId x = stack.back();
      stack.pop_back();
      const Node& n = a[x];
      if (n.kind == NodeKind::Selector && a[n.a].kind == NodeKind::Ident) {
        const ObjId po = lookup_in(file_scope_, a[n.a].text);
        if (po != kNoObj && info_.objects[po].kind == ObjKind::Package) info_.objects[po].used = true;
      }
      for (NodeId c : {n.a, n.b, n.c, n.d}) {
        if (c != kNoNode) stack.push_back(c);
      }
      for (ListRef l : {n.l0, n.l1}) {
        for (NodeId c : a.list(l)) {
          if (c != kNoNode) stack.push_back(c);
        }
      }
    }
  }
}

// [SECTION] type argument inference (function arguments, core types, untyped defaults)

bool Checker::contains_type(TypeId t, TypeId x, int depth) const {
  if (t == x) return true;
  if (t == vm::kNoType || depth > 50) return false;
  const vm::Type& ty = T[t];
  switch (ty.kind) {
    case vm::Kind::Named: {
      const auto it = inst_origin_.find(t);
      if (it == inst_origin_.end()) return false;
      for (TypeId a : it->second.second) {
        if (contains_type(a, x, depth + 1)) return true;
      }
      return false;
    }
    case vm::Kind::Pointer: case vm::Kind::Slice: case vm::Kind::Array: case vm::Kind::Chan:
      return contains_type(ty.elem, x, depth + 1);
    case vm::Kind::Map: return contains_type(ty.key, x, depth + 1) || contains_type(ty.elem, x, depth + 1);
    case vm::Kind::Func: case vm::Kind::Tuple:
      for (TypeId p : ty.params) {
        if (contains_type(p, x, depth + 1)) return true;
      }
      for (TypeId r : ty.results) {
        if (contains_type(r, x, depth + 1)) return true;
      }
      return false;
    case vm::Kind::Struct:
      for (const vm::StructField& f : ty.fields) {
        if (contains_type(f.type, x, depth + 1)) return true;
      }
      return false;
    default: return false;
  }
}

bool Checker::has_placeholder(TypeId t, int depth, ObjId owner) const {
  if (t == vm::kNoType || depth > 50) return false;
  if (const auto it = placeholder_of_.find(t); it != placeholder_of_.end()) {
    return owner == kNoObj || it->second.first == owner;
  }
  const vm::Type& ty = T[t];
  switch (ty.kind) {
    case vm::Kind::Named: {
      const auto it = inst_origin_.find(t);
      if (it == inst_origin_.end()) return false;
      for (TypeId a : it->second.second) {
        if (has_placeholder(a, depth + 1, owner)) return true;
      }
      return false;
    }
    case vm::Kind::Pointer: case vm::Kind::Slice: case vm::Kind::Array: case vm::Kind::Chan:
      return has_placeholder(ty.elem, depth + 1, owner);
    case vm::Kind::Map: return has_placeholder(ty.key, depth + 1) || has_placeholder(ty.elem, depth + 1, owner);
    case vm::Kind::Func: case vm::Kind::Tuple:
      for (TypeId p : ty.params) {
        if (has_placeholder(p, depth + 1, owner)) return true;
      }
      for (TypeId r : ty.results) {
        if (has_placeholder(r, depth + 1, owner)) return true;
      }
      return false;
    case vm::Kind::Struct:
      for (const vm::StructField& f : ty.fields) {
        if (has_placeholder(f.type, depth + 1, owner)) return true;
      }
      return false;
    default: return false;
  }
}

TypeId Checker::subst(TypeId t, const std::vector<TypeId>& bound, ObjId o, int depth) {
  if (t == vm::kNoType || depth > 50) return t;
  if (const auto it = placeholder_of_.find(t); it != placeholder_of_.end()) {
    if (it->second.first == o && it->second.second < bound.size() && bound[it->second.second] != vm::kNoType) {
      return bound[it->second.second];
    }
    return t;
  }
  if (!has_placeholder(t)) return t;
  const vm::Type ty = T[t];
  switch (ty.kind) {
    case vm::Kind::Named: {
      const auto it = inst_origin_.find(t);
      std::vector<TypeId> args = it->second.second;
      for (TypeId& a : args) a = subst(a, bound, o, depth + 1);
      return instantiate_type(it->second.first, args, {});
    }
    case vm::Kind::Pointer: return T.pointer_to(subst(ty.elem, bound, o, depth + 1));
    case vm::Kind::Slice: return T.slice_of(subst(ty.elem, bound, o, depth + 1));
    case vm::Kind::Array: return T.array_of(subst(ty.elem, bound, o, depth + 1), ty.length);
    case vm::Kind::Chan: return T.chan_of(subst(ty.elem, bound, o, depth + 1), ty.dir);
    case vm::Kind::Map: return T.map_of(subst(ty.key, bound, o, depth + 1), subst(ty.elem, bound, o, depth + 1));
    case vm::Kind::Func: {
      std::vector<TypeId> ps = ty.params, rs = ty.results;
      for (TypeId& p : ps) p = subst(p, bound, o, depth + 1);
      for (TypeId& r : rs) r = subst(r, bound, o, depth + 1);
      return T.func_of(std::move(ps), std::move(rs), ty.variadic);
    }
    case vm::Kind::Struct: {
      std::vector<vm::StructField> fs = ty.fields;
      for (vm::StructField& f : fs) f.type = subst(f.type, bound, o, depth + 1);
      return T.struct_of(std::move(fs));
    }
    default: return t;
  }
}

bool Checker::unify(TypeId p, TypeId a, std::vector<TypeId>& bound, ObjId o, int depth) {
  if (p == a) return true;
  if (p == vm::kNoType || a == vm::kNoType || depth > 50) return false;
  if (const auto it = placeholder_of_.find(p); it != placeholder_of_.end() && it->second.first == o) {
    TypeId& b = bound[it->second.second];
    if (b == vm::kNoType) {
      b = a;
      return true;
    }
    if (b == a) return true;
    // inexact: a defined type and a type literal with the same underlying type
    if (T.underlying(b) == T.underlying(a) && (T.kind(b) != vm::Kind::Named || T.kind(a) != vm::Kind::Named)) {
      if (T.kind(b) != vm::Kind::Named) b = a;
      return true;
    }
    return false;
  }
  if (!has_placeholder(p)) return T.underlying(p) == T.underlying(a) || p == a;
  const vm::Kind pk = T.kind(p), ak = T.kind(a);
  if (pk == vm::Kind::Named) {
    const auto pi = inst_origin_.find(p);
    const auto ai = inst_origin_.find(a);
    if (pi != inst_origin_.end() && ai != inst_origin_.end() && pi->second.first == ai->second.first) {
      for (std::size_t i = 0; i < pi->second.second.size() && i < ai->second.second.size(); ++i) {
        if (!unify(pi->second.second[i], ai->second.second[i], bound, o, depth + 1)) return false;
      }
      return true;
    }
    // inexact: a defined type over the placeholders and a type literal
    if (ak != vm::Kind::Named && T.underlying(p) != p) return unify(T.underlying(p), a, bound, o, depth + 1);
    return false;
  }
  if (ak == vm::Kind::Named) return unify(p, T.underlying(a), bound, o, depth + 1);
  if (pk != ak) return false;
  const vm::Type pt = T[p];
  const vm::Type at = T[a];
  switch (pk) {
    case vm::Kind::Pointer: case vm::Kind::Slice: return unify(pt.elem, at.elem, bound, o, depth + 1);
    case vm::Kind::Array: return pt.length == at.length && unify(pt.elem, at.elem, bound, o, depth + 1);
    case vm::Kind::Chan: return unify(pt.elem, at.elem, bound, o, depth + 1);
    case vm::Kind::Map:
      return unify(pt.key, at.key, bound, o, depth + 1) && unify(pt.elem, at.elem, bound, o, depth + 1);
    case vm::Kind::Func:
      if (pt.params.size() != at.params.size() || pt.results.size() != at.results.size() || pt.variadic != at.variadic) {
        return false;
      }
      for (std::size_t i = 0; i < pt.params.size(); ++i) {
        if (!unify(pt.params[i], at.params[i], bound, o, depth + 1)) return false;
      }
      for (std::size_t i = 0; i < pt.results.size(); ++i) {
        if (!unify(pt.results[i], at.results[i], bound, o, depth + 1)) return false;
      }
      return true;
    case vm::Kind::Struct:
      if (pt.fields.size() != at.fields.size()) return false;
      for (std::size_t i = 0; i < pt.fields.size(); ++i) {
        if (pt.fields[i].name != at.fields[i].name) return false;
        if (!unify(pt.fields[i].type, at.fields[i].type, bound, o, depth + 1)) return false;
      }
      return true;
    default: return false;
  }
}

// Constraint type inference: a type parameter whose constraint has a core type (one term) is unified with
// it, so S ~[]E with S known gives E, and P interface{ *T } with T known gives P.
void Checker::core_inference(ObjId o, std::vector<TypeId>& bound) {
  const Generic& g = generics_[o];
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (std::size_t i = 0; i < g.psets.size() && i < bound.size(); ++i) {
      const TypeSet& s = g.psets[i];
      if (!s.restricted || s.terms.size() != 1) continue;
      const TypeTerm core = s.terms[0];
      const std::vector<TypeId> before = bound;
      if (bound[i] != vm::kNoType) {
        unify(core.type, core.tilde ? T.underlying(bound[i]) : bound[i], bound, o);
      } else if (!core.tilde) {
        const TypeId t = subst(core.type, bound, o);
        if (!has_placeholder(t)) bound[i] = t;
      }
      changed = changed || before != bound;
    }
    if (!changed) break;
  }
}

bool Checker::infer(ObjId o, std::vector<TypeId>& targs, const std::vector<Operand>& args, NodeId call) {
  const Generic& g = generics_[o];
  const vm::Type sig = T[g.psig];
  std::vector<TypeId> bound = targs;
  bound.resize(g.placeholders.size(), vm::kNoType);
  const bool dots = (ast_[call].flags & kHasDots) != 0;
  auto param_type = [&](std::size_t i) -> TypeId {
    if (sig.params.empty()) return vm::kNoType;
    if (sig.variadic && !dots && i + 1 >= sig.params.size()) return T[sig.params.back()].elem;
    return i < sig.params.size() ? sig.params[i] : vm::kNoType;
  };
  std::vector<std::size_t> untyped;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const TypeId pt = param_type(i);
    if (pt == vm::kNoType || !has_placeholder(pt)) continue;
    const Operand& a = args[i];
    if (T.is_untyped(a.type)) {
      if (placeholder_of_.count(pt)) untyped.push_back(i);
      continue;
    }
    if (!unify(pt, a.type, bound, o)) {
      // types2's messages: nothing inferred yet names every type parameter; else what the parameter's
      // type became with what was inferred (the unifier keeps what it bound before failing)
      const Pos pos = start_pos(a.expr);
      bool none = true;
      for (TypeId b : bound) none = none && b == vm::kNoType;
      if (none) {
        std::string tps;
        const std::size_t n = g.names.size();
        for (std::size_t k = 0; k < n; ++k) {
          if (k > 0) tps += n == 2 ? " and " : (k + 1 == n ? ", and " : ", ");
          tps += g.names[k];
        }
        error(pos, fmt::format("type {} of {} does not match {} (cannot infer {})", type_str(a.type), expr_str(a.expr),
                               type_str(pt), tps));
      } else if (const TypeId inferred = subst(pt, bound, o); inferred != pt) {
        error(pos, fmt::format("type {} of {} does not match inferred type {} for {}", type_str(a.type), expr_str(a.expr),
                               type_str(inferred), type_str(pt)));
      } else {
        error(pos, fmt::format("type {} of {} does not match {}", type_str(a.type), expr_str(a.expr), type_str(pt)));
      }
      return false;
    }
  }
  core_inference(o, bound);
  for (std::size_t i : untyped) {
    const TypeId pt = param_type(i);
    const std::size_t k = placeholder_of_.at(pt).second;
    const TypeId d = default_type(args[i].type);
    if (d == vm::kUntypedNil || T.is_untyped(d)) continue;
    if (bound[k] == vm::kNoType) {
      bound[k] = d;
    } else if (bound[k] != d && T.is_untyped(args[i].type)) {
      // Go 1.19: the default type must match what was inferred (from a typed argument or an earlier untyped one)
      bool from_untyped = false;
      for (std::size_t j : untyped) {
        if (j < i && placeholder_of_.at(param_type(j)).second == k) from_untyped = true;
      }
      if (from_untyped) {
        error(start_pos(args[i].expr), fmt::format("default type {} of {} does not match inferred type {} for {}",
                                                   type_str(d), expr_str(args[i].expr), type_str(bound[k]), g.names[k]));
        return false;
      }
    }
  }
  core_inference(o, bound);
  for (std::size_t i = 0; i < bound.size(); ++i) {
    if (bound[i] == vm::kNoType) {
      const Pos p = g.name_pos[i];
      const std::string where = fmt::format("{}:{}:{}", info_.files[info_.objects[o].file].name, p.line, p.col);
      error(pos_of(call), fmt::format("cannot infer {} ({})", g.names[i], where));
      return false;
    }
  }
  for (TypeId& b : bound) b = subst(b, bound, o);
  for (TypeId b : bound) {
    if (has_placeholder(b, 0, o)) {
      error(pos_of(call), fmt::format("cannot infer {}", g.names[0]));
      return false;
    }
  }
  targs = bound;
  return true;
}

// [SECTION] generic names in expressions, types and calls

// The type arguments of an Index node naming generic o; false after an error.
bool Checker::type_args(NodeId index, ObjId o, std::vector<TypeId>& targs, std::vector<Pos>& at) {
  const std::vector<NodeId> nodes = index_args(ast_, index);
  if (!prepare_generic(o)) return false;
  const std::size_t want = generics_[o].names.size();
  if (info_.objects[o].kind == ObjKind::TypeName && nodes.size() != want) {
    error(start_pos(index), fmt::format("got {} arguments but {} type parameters", nodes.size(), want));
    for (NodeId n : nodes) type_expr(n);
    return false;
  }
  if (nodes.size() > want) {
    error(start_pos(nodes[want]), fmt::format("got {} type arguments but want {}", nodes.size(), want));
    for (NodeId n : nodes) type_expr(n);
    return false;
  }
  bool ok = true;
  targ_nodes_ = nodes;
  for (NodeId n : nodes) {
    const TypeId t = type_expr(n);
    if (t == vm::kNoType) ok = false;
    targs.push_back(t);
    at.push_back(start_pos(n));
  }
  return ok;
}

// F[int] or List[int] in an expression; false when the operand is not generic.
bool Checker::generic_index(Operand& x, NodeId e) {
  const ObjId o = generic_obj(ast_[e].a);
  if (o == kNoObj) return false;
  x.mode = Mode::Invalid;
  x.expr = e;
  std::vector<TypeId> targs;
  std::vector<Pos> at;
  if (!type_args(e, o, targs, at)) return true;
  struct Clear {
    std::vector<NodeId>& v;
    ~Clear() { v.clear(); }
  } clear{targ_nodes_};
  const Object& obj = info_.objects[o];
  if (obj.kind == ObjKind::TypeName) {
    if (targs.size() < generics_[o].names.size()) {
      error(pos_of(e), fmt::format("not enough type arguments for type {}: have {}, want {}", obj.name, targs.size(),
                                   generics_[o].names.size()));
      return true;
    }
    const TypeId t = instantiate_type(o, targs, at);
    if (t == vm::kNoType) return true;
    x.mode = Mode::Type;
    x.type = t;
    record(e, x);
    record_type(unparen_node(ast_, ast_[e].a), t);
    return true;
  }
  if (targs.size() < generics_[o].names.size()) {
    // types2: a partial instantiation outside a call
    error(pos_of(e), fmt::format("cannot use generic function {} without instantiation", expr_str(ast_[e].a)));
    return true;
  }
  const ObjId inst = instantiate_func(o, targs, at);
  if (inst == kNoObj) return true;
  record_obj(e, inst);
  use_object(inst, e);
  x.mode = Mode::Value;
  x.type = info_.objects[inst].type;
  x.obj = inst;
  record(e, x);
  const NodeId b = unparen_node(ast_, ast_[e].a);  // the generic's name denotes the instance
  if (ast_[b].kind == NodeKind::Ident) record_obj(b, inst);
  Operand f = x;
  f.expr = b;
  record(b, f);
  return true;
}

TypeId Checker::generic_type_expr(NodeId e) {
  Operand x;
  if (!generic_index(x, e)) {
    const Node& n = ast_[e];
    std::string msg = expr_str(n.a);
    msg += " is not a generic type";
    Operand tmp;
    expr_or_type(tmp, n.a);
    if (!tmp.invalid()) error(start_pos(e), msg);
    return vm::kNoType;
  }
  if (x.mode == Mode::Invalid) return vm::kNoType;
  if (x.mode != Mode::Type) {
    error(start_pos(e), fmt::format("{} is not a type", expr_str(e)));
    return vm::kNoType;
  }
  return x.type;
}

// A call of a generic function, F(x) or F[int](x): type arguments inferred from the arguments, then the
// call of the instance.
bool Checker::generic_call(Operand& x, NodeId e) {
  const NodeId fun = unparen_node(ast_, ast_[e].a);
  NodeId base = fun;
  const bool indexed = ast_[fun].kind == NodeKind::Index;
  if (indexed) base = ast_[fun].a;
  {
    const NodeId b = unparen_node(ast_, base);
    if (ast_[b].kind == NodeKind::Ident) {
      const ObjId o = lookup(ast_[b].text);
      if (o == kNoObj || info_.objects[o].generic == kNoNode || info_.objects[o].kind != ObjKind::Func) return false;
    } else if (ast_[b].kind != NodeKind::Selector) {
      return false;
    }
  }
  const ObjId o = generic_obj(base);
  if (o == kNoObj) return false;
  if (info_.objects[o].kind != ObjKind::Func) return false;
  x.mode = Mode::Invalid;
  x.expr = e;
  std::vector<TypeId> targs;
  std::vector<Pos> at;
  if (indexed && !type_args(fun, o, targs, at)) {
    use_exprs(ast_.list(ast_[e].l0));
    return true;
  }
  if (!prepare_generic(o)) {
    use_exprs(ast_.list(ast_[e].l0));
    return true;
  }
  std::vector<Operand> args;
  collect_args(e, args);
  for (const Operand& a : args) {
    if (a.invalid()) return true;
  }
  {
    // types2 checks the argument count before inferring, and shows the generic signature
    const vm::Type& ps = T[generics_[o].psig];
    const bool dots = (ast_[e].flags & kHasDots) != 0;
    const std::size_t np = ps.params.size();
    const bool wrong = ps.variadic && !dots ? args.size() + 1 < np : args.size() != np;
    if (wrong && targs.empty() && !(args.size() > 1 && ast_[e].l0.size == 1)) {
      arguments(e, generics_[o].psig, args, dots, expr_str(ast_[e].a));
      return true;
    }
  }
  if (targs.size() < generics_[o].names.size()) {
    targ_nodes_.clear();
    if (!infer(o, targs, args, e)) return true;
    at.assign(targs.size(), pos_of(e));
  }
  if (probe_ && probe_owner_ == o) {
    // the generic calling itself with a type argument built from its own type parameter: every instance
    // needs another, larger one (gc's "instantiation cycle")
    for (std::size_t i = 0; i < targs.size() && i < probe_types_.size(); ++i) {
      if (targs[i] == probe_types_[i] || !contains_type(targs[i], probe_types_[i])) continue;
      Generic& g = generics_[o];
      const std::string msg =
          "instantiation cycle:" +
          other_at(i < at.size() ? at[i] : pos_of(e), fmt::format("{} instantiated as {}", g.names[i], type_str(targs[i])));
      if (instance_errors_.insert({g.name_pos[i].line, g.name_pos[i].col, msg}).second) diags_.error(g.name_pos[i], msg);
      g.ok = false;  // no more instances
      return true;
    }
  }
  const ObjId inst = instantiate_func(o, targs, at);
  targ_nodes_.clear();
  if (inst == kNoObj) return true;
  const TypeId sig = info_.objects[inst].type;
  // the callee's nodes name the instance, as an identifier names a function
  Operand f;
  f.mode = Mode::Value;
  f.type = sig;
  f.obj = inst;
  const NodeId b = unparen_node(ast_, base);
  if (ast_[b].kind == NodeKind::Ident) {
    record_obj(b, inst);
  } else if (ast_[b].kind == NodeKind::Selector) {
    info_.selection_of[file_][b].obj = inst;
    record_obj(ast_[b].b, inst);
  }
  for (NodeId n = ast_[e].a;; n = ast_[n].a) {
    f.expr = n;
    record(n, f);
    if (n == fun) break;
    if (ast_[n].kind != NodeKind::Paren) break;
  }
  if (indexed) {
    record_obj(fun, inst);
    f.expr = b;
    record(b, f);
  }
  use_object(inst, fun);
  arguments(e, sig, args, (ast_[e].flags & kHasDots) != 0, expr_str(ast_[e].a));
  call_result(x, sig, e);
  return true;
}

}  // namespace gb::go::detail
