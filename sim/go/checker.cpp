// The type checker's driver and shared helpers: the universe, scopes and recording into Info. The way
// types2 prints expressions, types and operands in its messages is in checker_print.cpp.
#include "sim/go/checker.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"
#include "sim/go/lexer.h"

namespace gb::go {

namespace detail {

namespace {

void make_universe(Info& info) {
  auto add = [&](Object o) {
    const ObjId id = static_cast<ObjId>(info.objects.size());
    info.universe[o.name] = id;
    info.objects.push_back(std::move(o));
  };
  struct NamedType {
    const char* name;
    TypeId type;
  };
  const NamedType types[] = {
      {"bool", vm::kBool},       {"int", vm::kInt},         {"int8", vm::kInt8},       {"int16", vm::kInt16},
      {"int32", vm::kInt32},     {"int64", vm::kInt64},     {"uint", vm::kUint},       {"uint8", vm::kUint8},
      {"uint16", vm::kUint16},   {"uint32", vm::kUint32},   {"uint64", vm::kUint64},   {"uintptr", vm::kUintptr},
      {"float32", vm::kFloat32}, {"float64", vm::kFloat64}, {"complex64", vm::kComplex64}, {"complex128", vm::kComplex128}, {"string", vm::kString},   {"byte", vm::kByte},
      {"rune", vm::kRune},       {"error", vm::kError},     {"any", vm::kEmptyInterface},
  };
  for (const NamedType& t : types) {
    Object o;
    o.kind = ObjKind::TypeName;
    o.name = t.name;
    o.type = t.type;
    add(std::move(o));
  }
  {
    // comparable: a constraint only; its own named type so a constraint can be recognized
    Object o;
    o.kind = ObjKind::TypeName;
    o.name = "comparable";
    o.type = info.types.new_named("comparable", "");
    info.types.set_underlying(o.type, vm::kEmptyInterface);
    add(std::move(o));
  }
  for (const char* b : {"true", "false"}) {
    Object o;
    o.kind = ObjKind::Const;
    o.name = b;
    o.type = vm::kUntypedBool;
    o.value = Constant::make_bool(std::string(b) == "true");
    add(std::move(o));
  }
  {
    Object o;
    o.kind = ObjKind::Const;
    o.name = "iota";
    o.type = vm::kUntypedInt;
    o.value = Constant::make_int(0);
    add(std::move(o));
  }
  {
    Object o;
    o.kind = ObjKind::Nil;
    o.name = "nil";
    o.type = vm::kUntypedNil;
    add(std::move(o));
  }
  struct B {
    const char* name;
    Builtin b;
  };
  const B builtins[] = {
      {"append", Builtin::Append}, {"cap", Builtin::Cap},         {"close", Builtin::Close},
      {"complex", Builtin::Complex}, {"copy", Builtin::Copy},     {"delete", Builtin::Delete},
      {"imag", Builtin::Imag},     {"len", Builtin::Len},         {"make", Builtin::Make},
      {"new", Builtin::New},       {"panic", Builtin::Panic},     {"print", Builtin::Print},
      {"println", Builtin::Println}, {"real", Builtin::Real},     {"recover", Builtin::Recover},
  };
  for (const B& b : builtins) {
    Object o;
    o.kind = ObjKind::Builtin;
    o.name = b.name;
    o.builtin = b.b;
    add(std::move(o));
  }
}

}  // namespace

Checker::Checker(Info& info, Diagnostics& diags, std::uint32_t file, std::string path, const SourceFile* src)
    : info_(info), T(info.types), diags_(diags), file_(file), ast_(*info.asts[file]), src_(src),
      path_(std::move(path)) {
  if (info_.universe.empty()) make_universe(info_);
  const std::size_t n = ast_.nodes.size();
  auto grow = [&](auto& v) {
    if (v.size() <= file_) v.resize(file_ + 1);
  };
  grow(info_.type_of);
  grow(info_.mode_of);
  grow(info_.obj_of);
  grow(info_.constant_of);
  grow(info_.selection_of);
  grow(info_.clause_obj);
  grow(info_.captures_of);
  info_.type_of[file_].assign(n, vm::kNoType);
  info_.mode_of[file_].assign(n, Mode::Invalid);
  info_.obj_of[file_].assign(n, kNoObj);
  {
    // Instances of generics are clones of their declarations' syntax appended to this file's Ast while it is
    // checked, with references to its nodes held across: reserve once so they never move.
    bool generic = false;
    for (const Node& x : ast_.nodes) {
      if ((x.kind == NodeKind::FuncDecl || x.kind == NodeKind::TypeSpec) && x.l0.size > 0) generic = true;
      if (x.kind == NodeKind::Index && path_ == "main") generic = true;  // maybe another package's generic
    }
    if (generic) {
      Ast& a = *const_cast<Ast*>(info_.asts[file_]);
      a.nodes.reserve(n * 8 + 200000);
      a.lists.reserve(a.lists.size() * 8 + 200000);
    }
  }
  pkgname_ = ast_.file != kNoNode ? ast_[ast_.file].text : "main";
  scopes_.push_back(Scope{});  // package
  scopes_.push_back(Scope{0, {}, false});  // file
  pkg_scope_ = 0;
  file_scope_ = 1;
  scope_ = 1;
}

void Checker::error(Pos pos, std::string msg) {
  if (probe_) {
    probe_errors_.emplace_back(pos, std::move(msg));
    return;
  }
  // an error in a generic body is the generic's: once, however many instances are checked
  if (in_instance_ > 0 && probe_error_pos_.count({pos.line, pos.col})) return;  // reported for the generic
  if (in_instance_ > 0 && !instance_errors_.insert({pos.line, pos.col, msg}).second) return;
  diags_.error(pos, std::move(msg));
}

Pos Checker::start_pos(NodeId n) const {
  // The leftmost token of an expression (types2's syntax.StartPos).
  for (int guard = 0; guard < 10000 && n != kNoNode; ++guard) {
    const Node& x = ast_[n];
    switch (x.kind) {
      case NodeKind::Binary:
      case NodeKind::Selector:
      case NodeKind::Index:
      case NodeKind::Slice:
      case NodeKind::TypeAssert:
      case NodeKind::Call:
      case NodeKind::KeyValue:
        if (x.a == kNoNode) return x.pos;
        n = x.a;
        break;
      case NodeKind::CompositeLit:
        if (x.a == kNoNode) return x.pos;
        n = x.a;
        break;
      default: return x.pos;
    }
  }
  return ast_[n].pos;
}

ObjId Checker::new_object(Object o) {
  o.file = file_;
  const ObjId id = static_cast<ObjId>(info_.objects.size());
  info_.objects.push_back(std::move(o));
  return id;
}

std::int32_t Checker::open_scope(bool func) {
  Scope s;
  s.parent = scope_;
  s.func = func;
  scopes_.push_back(std::move(s));
  scope_ = static_cast<std::int32_t>(scopes_.size() - 1);
  return scope_;
}

void Checker::close_scope() { scope_ = scopes_[scope_].parent; }

ObjId Checker::lookup_in(std::int32_t scope, const std::string& name) const {
  auto it = scopes_[scope].names.find(name);
  return it == scopes_[scope].names.end() ? kNoObj : it->second;
}

ObjId Checker::lookup(const std::string& name) const {
  for (std::int32_t s = scope_; s >= 0; s = scopes_[s].parent) {
    auto it = scopes_[s].names.find(name);
    if (it != scopes_[s].names.end()) return it->second;
  }
  auto it = info_.universe.find(name);
  return it == info_.universe.end() ? kNoObj : it->second;
}

bool Checker::declare(std::int32_t scope, NodeId ident, ObjId obj) {
  if (ident != kNoNode) record_obj(ident, obj);
  const std::string& name = info_.objects[obj].name;
  if (name == "_") return true;
  auto it = scopes_[scope].names.find(name);
  if (it != scopes_[scope].names.end()) {
    const Object& other = info_.objects[it->second];
    std::string msg = name;
    msg += " redeclared in this block";
    if (other.decl != kNoNode && other.file == file_) {
      const Pos p = ast_[other.decl].kind == NodeKind::FuncDecl ? ast_[ast_[other.decl].a].pos : ast_[other.decl].pos;
      msg += other_at(p, fmt::format("other declaration of {}", name));
    }
    error(ident != kNoNode ? pos_of(ident) : Pos{}, msg);
    return false;
  }
  scopes_[scope].names[name] = obj;
  return true;
}

std::string Checker::other_at(Pos p, std::string_view what) const {
  std::string s = "\n\t";
  s += diags_.file_name();
  s += ":";
  s += std::to_string(p.line);
  s += ":";
  s += std::to_string(p.col);
  s += ": ";
  s += what;
  return s;
}

void Checker::record(NodeId n, const Operand& x) {
  if (n == kNoNode) return;
  info_.mode_of[file_][n] = x.mode;
  info_.type_of[file_][n] = x.type;
  if (x.mode == Mode::Constant) {
    info_.constant_of[file_][n] = x.val;
  }
  if (x.mode != Mode::Invalid && T.is_untyped(x.type)) untyped_[n] = x.type;
}

void Checker::record_type(NodeId n, TypeId t) {
  if (n == kNoNode) return;
  info_.mode_of[file_][n] = Mode::Type;
  info_.type_of[file_][n] = t;
}

TypeId Checker::default_type(TypeId t) const {
  switch (T.kind(t)) {
    case vm::Kind::UntypedBool: return vm::kBool;
    case vm::Kind::UntypedInt: return vm::kInt;
    case vm::Kind::UntypedRune: return vm::kRune;
    case vm::Kind::UntypedFloat: return vm::kFloat64;
    case vm::Kind::UntypedComplex: return vm::kComplex128;
    case vm::Kind::UntypedString: return vm::kString;
    default: return t;
  }
}

void Checker::use_object(ObjId o, NodeId /*at*/) {
  Object& obj = info_.objects[o];
  obj.used = true;
  if (obj.package_level && obj.file == file_ && cur_decl_ &&
      (obj.kind == ObjKind::Var || obj.kind == ObjKind::Func)) {
    cur_decl_->deps.insert(o);
  }
  if (obj.kind == ObjKind::Var && !obj.package_level && !funcs_.empty() && obj.owner_func != funcs_.back().node) {
    obj.captured = true;
    for (std::size_t i = func_lits_.size(); i-- > 0;) {
      const NodeId lit = func_lits_[i];
      if (lit == obj.owner_func) break;
      auto& caps = info_.captures_of[file_][lit];
      if (std::find(caps.begin(), caps.end(), o) == caps.end()) caps.push_back(o);
    }
  }
}

void Checker::run() {
  collect();
  // Types first (so method sets are complete before any expression is checked), then their methods,
  // then every other package-level object, then function bodies.
  const std::vector<ObjId> declared = pkg_objects_;  // collect_methods appends the methods
  for (ObjId o : declared) {
    if (info_.objects[o].kind == ObjKind::TypeName) obj_decl(o);
  }
  for (ObjId o : declared) {
    if (info_.objects[o].kind == ObjKind::TypeName) collect_methods(o);
  }
  // Methods whose receiver type is not declared in this package.
  std::vector<NodeId> foreign;
  for (auto& [name, decls] : methods_) {
    const ObjId t = lookup_in(pkg_scope_, name);
    if (t == kNoObj || info_.objects[t].kind != ObjKind::TypeName) {
      for (NodeId fd : decls) {
        foreign.push_back(fd);
        Object o;
        o.kind = ObjKind::Func;
        o.name = ast_[ast_[fd].a].text;
        o.package = path_;
        o.decl = fd;
        o.package_level = true;
        o.native = ast_[fd].d == kNoNode;
        const ObjId id = new_object(std::move(o));
        record_obj(fd, id);
        record_obj(ast_[fd].a, id);
        PkgDecl d;
        d.spec = fd;
        d.order = static_cast<std::uint32_t>(decls_.size());
        decls_[id] = std::move(d);
        pkg_objects_.push_back(id);
      }
    }
  }
  for (std::size_t i = 0; i < pkg_objects_.size(); ++i) obj_decl(pkg_objects_[i]);
  // types2's receiver validation for them: a predeclared or another package's type
  for (NodeId fd : foreign) {
    const Node& recv = ast_[ast_[fd].b];
    NodeId base = recv.a;
    while (base != kNoNode && (ast_[base].kind == NodeKind::Paren || ast_[base].kind == NodeKind::Star)) {
      base = ast_[base].a;
    }
    if (base == kNoNode || base >= info_.type_of[file_].size()) continue;
    const TypeId t = info_.type_of[file_][base];
    if (t == vm::kNoType || info_.mode_of[file_][base] != Mode::Type) continue;
    const vm::Kind k = T.kind(t);
    std::string msg = k == vm::Kind::Named || (k >= vm::Kind::Bool && k <= vm::Kind::String)
                          ? "cannot define new methods on non-local type "
                          : "invalid receiver type ";
    msg += type_str(t);
    error(recv.l0.size > 0 ? pos_of(ast_.list(recv.l0)[0]) : start_pos(recv.a), msg);
  }
  // Function bodies, in source order.
  for (NodeId d : ast_.list(ast_[ast_.file].l1)) {
    if (ast_[d].kind != NodeKind::FuncDecl) continue;
    if (ast_[d].l0.size > 0) continue;  // a generic function: its instances are checked below
    const ObjId fo = info_.obj_of[file_][d];
    if (fo == kNoObj) continue;
    info_.funcs.push_back(fo);
    if (ast_[d].d == kNoNode) {
      if (path_ == "main") error_at(ast_[d].a, "missing function body");
      continue;
    }
    auto it = fctx_.find(d);
    if (it == fctx_.end()) continue;
    cur_decl_ = &decls_[fo];
    func_body(d, fo, info_.objects[fo].type, ast_[d].d, it->second);
    cur_decl_ = nullptr;
    if (diags_.too_many()) break;
  }
  drain_instances();
  unused_imports();
  init_order();
  finalize_untyped();
  Info::PackageInfo pi;
  pi.path = path_;
  pi.name = pkgname_;
  pi.file = file_;
  for (auto& [name, id] : scopes_[pkg_scope_].names) pi.members[name] = id;
  info_.packages.push_back(std::move(pi));
}

std::string quote_constant(const Constant& c) { return c.to_string(); }

Pos Checker::rbrace_of(NodeId block) {
  const Pos open = ast_[block].pos;
  if (!src_) return open;
  if (rbrace_.empty()) {
    Diagnostics scratch;
    Lexer lex(*src_, scratch);
    std::vector<Pos> stack;
    for (int guard = 0; guard < 10000000; ++guard) {
      const Token t = lex.next();
      if (t.kind == Tok::Eof) break;
      if (t.kind == Tok::LBrace) stack.push_back(t.pos);
      if (t.kind == Tok::RBrace && !stack.empty()) {
        rbrace_[stack.back()] = t.pos;
        stack.pop_back();
      }
    }
    if (rbrace_.empty()) rbrace_[Pos{}] = Pos{};
  }
  auto it = rbrace_.find(open);
  return it == rbrace_.end() ? open : it->second;
}

}  // namespace detail

bool check_package(Info& info, std::uint32_t file, const std::string& import_path, Diagnostics& diags,
                   const SourceFile* src) {
  const std::size_t before = diags.count();
  detail::Checker c(info, diags, file, import_path, src);
  c.run();
  return diags.count() == before;
}

}  // namespace gb::go
