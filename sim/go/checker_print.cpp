// The checker's printer: expressions, types and operands as types2 prints them in its messages
// (syntax.String's short form, TypeString with the parameter names and `any` the source wrote, and
// operandString's "x (variable of type T)").
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sim/go/checker_internal.h"
#include "sim/go/lexer.h"

namespace gb::go::detail {

// [SECTION] printing expressions as types2 does (syntax.String, ShortForm)

namespace {

void print_expr(const Ast& ast, NodeId n, std::string& out, int depth);

void print_fields(const Ast& ast, ListRef l, std::string& out, int depth, const char* sep) {
  bool first = true;
  for (NodeId f : ast.list(l)) {
    if (!first) out += sep;
    first = false;
    const Node& field = ast[f];
    bool fn = true;
    for (NodeId name : ast.list(field.l0)) {
      if (!fn) out += ", ";
      fn = false;
      out += ast[name].text;
    }
    if (field.l0.size > 0) out += " ";
    print_expr(ast, field.a, out, depth + 1);
  }
}

void print_func_type(const Ast& ast, const Node& ft, std::string& out, int depth) {
  out += "(";
  print_fields(ast, ft.l0, out, depth, ", ");
  out += ")";
  if (ft.l1.size == 1 && ast[ast.list(ft.l1)[0]].l0.size == 0) {
    out += " ";
    print_expr(ast, ast[ast.list(ft.l1)[0]].a, out, depth + 1);
  } else if (ft.l1.size > 0) {
    out += " (";
    print_fields(ast, ft.l1, out, depth, ", ");
    out += ")";
  }
}

void print_expr(const Ast& ast, NodeId n, std::string& out, int depth) {
  if (n == kNoNode) return;
  if (depth > 200) {
    out += "…";
    return;
  }
  const Node& x = ast[n];
  switch (x.kind) {
    case NodeKind::Bad: out += "<bad expr>"; break;
    case NodeKind::Ident: out += x.text; break;
    case NodeKind::BasicLit: out += x.text; break;
    case NodeKind::CompositeLit:
      print_expr(ast, x.a, out, depth + 1);
      out += x.l0.size > 0 ? "{…}" : "{}";
      break;
    case NodeKind::KeyValue:
      print_expr(ast, x.a, out, depth + 1);
      out += ": ";
      print_expr(ast, x.b, out, depth + 1);
      break;
    case NodeKind::FuncLit:
      print_expr(ast, x.a, out, depth + 1);
      out += ast[x.b].l0.size > 0 ? " {…}" : " {}";
      break;
    case NodeKind::Paren:
      out += "(";
      print_expr(ast, x.a, out, depth + 1);
      out += ")";
      break;
    case NodeKind::Selector:
      print_expr(ast, x.a, out, depth + 1);
      out += ".";
      print_expr(ast, x.b, out, depth + 1);
      break;
    case NodeKind::Index:
      print_expr(ast, x.a, out, depth + 1);
      out += "[";
      print_expr(ast, x.b, out, depth + 1);
      out += "]";
      break;
    case NodeKind::Slice:
      print_expr(ast, x.a, out, depth + 1);
      out += "[";
      print_expr(ast, x.b, out, depth + 1);
      out += ":";
      print_expr(ast, x.c, out, depth + 1);
      if (x.flags & kThreeIndex) {
        out += ":";
        print_expr(ast, x.d, out, depth + 1);
      }
      out += "]";
      break;
    case NodeKind::TypeAssert:
      print_expr(ast, x.a, out, depth + 1);
      out += ".(";
      if (x.b == kNoNode) out += "type";
      else print_expr(ast, x.b, out, depth + 1);
      out += ")";
      break;
    case NodeKind::Call: {
      print_expr(ast, x.a, out, depth + 1);
      out += "(";
      bool first = true;
      for (NodeId a : ast.list(x.l0)) {
        if (!first) out += ", ";
        first = false;
        print_expr(ast, a, out, depth + 1);
      }
      if (x.flags & kHasDots) out += "...";
      out += ")";
      break;
    }
    case NodeKind::Star:
      out += "*";
      print_expr(ast, x.a, out, depth + 1);
      break;
    case NodeKind::Unary:
      out += tok_spelling(x.op);
      print_expr(ast, x.a, out, depth + 1);
      break;
    case NodeKind::Binary:
      print_expr(ast, x.a, out, depth + 1);
      out += " ";
      out += tok_spelling(x.op);
      out += " ";
      print_expr(ast, x.b, out, depth + 1);
      break;
    case NodeKind::ArrayType:
      out += "[";
      if (x.flags & kDotsLen) out += "...";
      else print_expr(ast, x.a, out, depth + 1);
      out += "]";
      print_expr(ast, x.b, out, depth + 1);
      break;
    case NodeKind::SliceType:
      out += "[]";
      print_expr(ast, x.a, out, depth + 1);
      break;
    case NodeKind::MapType:
      out += "map[";
      print_expr(ast, x.a, out, depth + 1);
      out += "]";
      print_expr(ast, x.b, out, depth + 1);
      break;
    case NodeKind::ChanType:
      if (x.flags & kRecvOnly) out += "<-chan ";
      else if (x.flags & kSendOnly) out += "chan<- ";
      else out += "chan ";
      print_expr(ast, x.a, out, depth + 1);
      break;
    case NodeKind::FuncType:
      out += "func";
      print_func_type(ast, x, out, depth);
      break;
    case NodeKind::StructType:
      out += "struct{";
      print_fields(ast, x.l0, out, depth, "; ");
      out += "}";
      break;
    case NodeKind::InterfaceType: {
      out += "interface{";
      bool first = true;
      for (NodeId f : ast.list(x.l0)) {
        if (!first) out += "; ";
        first = false;
        const Node& field = ast[f];
        if (field.l0.size > 0 && field.a != kNoNode && ast[field.a].kind == NodeKind::FuncType) {
          out += ast[ast.list(field.l0)[0]].text;
          print_func_type(ast, ast[field.a], out, depth + 1);
        } else {
          print_expr(ast, field.a, out, depth + 1);
        }
      }
      out += "}";
      break;
    }
    case NodeKind::Ellipsis:
      out += "...";
      print_expr(ast, x.a, out, depth + 1);
      break;
    default: out += "?"; break;
  }
}

}  // namespace

std::string Checker::expr_str(NodeId n) const {
  std::string out;
  print_expr(ast_, n, out, 0);
  return out;
}

namespace {

NodeId unparen(const Ast& ast, NodeId n) {
  while (n != kNoNode && ast[n].kind == NodeKind::Paren) n = ast[n].a;
  return n;
}

// A parameter or result list of a FuncType: one (name, type expression) per parameter; empty if the
// list's shape does not match `n` parameters.
std::vector<std::pair<std::string, NodeId>> field_list(const Ast& a, ListRef list, std::size_t n) {
  std::vector<std::pair<std::string, NodeId>> out;
  for (NodeId f : a.list(list)) {
    const Node& field = a[f];
    if (field.l0.size == 0) {
      out.emplace_back("", field.a);
    } else {
      for (NodeId name : a.list(field.l0)) out.emplace_back(a[name].text, field.a);
    }
  }
  if (out.size() != n) out.clear();
  return out;
}

}  // namespace

std::string Checker::gc_type(TypeId t, TypeSrc src) const {
  const Ast* a = src.node != kNoNode && src.file < info_.asts.size() ? info_.asts[src.file] : nullptr;
  NodeId n = a ? src.node : kNoNode;
  while (a && n != kNoNode && (*a)[n].kind == NodeKind::Paren) n = (*a)[n].a;
  if (n == kNoNode) a = nullptr;
  auto kind_is = [&](NodeKind k) { return a && (*a)[n].kind == k; };
  auto child = [&](NodeId c) { return a ? TypeSrc{src.file, c} : TypeSrc{}; };
  if (t == vm::kNoType) return "invalid type";
  if (src.alias == 't' && T[t].kind != vm::Kind::Tuple) return gc_type(t, TypeSrc{});
  // byte and rune are types2 Basic types of their own that print as written
  if (t == vm::kUint8 && (src.alias == 'b' || (kind_is(NodeKind::Ident) && (*a)[n].text == "byte"))) return "byte";
  if (t == vm::kInt32 && (src.alias == 'r' || (kind_is(NodeKind::Ident) && (*a)[n].text == "rune"))) return "rune";
  const vm::Type& ty = T[t];
  switch (ty.kind) {
    case vm::Kind::Pointer:
      return fmt::format("*{}", gc_type(ty.elem, kind_is(NodeKind::Star) ? child((*a)[n].a) : TypeSrc{}));
    case vm::Kind::Slice: {
      TypeSrc e;
      if (kind_is(NodeKind::SliceType) || kind_is(NodeKind::Ellipsis)) e = child((*a)[n].a);
      return fmt::format("[]{}", gc_type(ty.elem, e));
    }
    case vm::Kind::Array: {
      std::string s = "[";
      s += std::to_string(ty.length);
      s += "]";
      s += gc_type(ty.elem, kind_is(NodeKind::ArrayType) ? child((*a)[n].b) : TypeSrc{});
      return s;
    }
    case vm::Kind::Map: {
      const bool m = kind_is(NodeKind::MapType);
      std::string s = "map[";
      s += gc_type(ty.key, m ? child((*a)[n].a) : TypeSrc{});
      s += "]";
      s += gc_type(ty.elem, m ? child((*a)[n].b) : TypeSrc{});
      return s;
    }
    case vm::Kind::Chan: {
      const TypeSrc e = kind_is(NodeKind::ChanType) ? child((*a)[n].a) : TypeSrc{};
      std::string s = ty.dir == vm::ChanDir::Send ? "chan<- " : ty.dir == vm::ChanDir::Recv ? "<-chan " : "chan ";
      const bool parens =
          ty.dir == vm::ChanDir::Both && T[ty.elem].kind == vm::Kind::Chan && T[ty.elem].dir == vm::ChanDir::Recv;
      if (parens) s += "(";
      s += gc_type(ty.elem, e);
      if (parens) s += ")";
      return s;
    }
    case vm::Kind::Func: {
      std::vector<std::pair<std::string, NodeId>> ps, rs;
      if (kind_is(NodeKind::FuncType)) {
        ps = field_list(*a, (*a)[n].l0, ty.params.size());
        rs = field_list(*a, (*a)[n].l1, ty.results.size());
      }
      auto tuple = [&](const std::vector<TypeId>& ids, const std::vector<std::pair<std::string, NodeId>>& src_list,
                       bool variadic) {
        std::string s = "(";
        for (std::size_t i = 0; i < ids.size(); ++i) {
          if (i) s += ", ";
          TypeSrc ts;
          if (!src_list.empty()) {
            if (!src_list[i].first.empty()) {
              s += src_list[i].first;
              s += " ";
            }
            ts = child(src_list[i].second);
          }
          if (variadic && i + 1 == ids.size() && T[ids[i]].kind == vm::Kind::Slice) {
            s += "...";
            if (ts.node != kNoNode && (*a)[ts.node].kind == NodeKind::Ellipsis) ts = child((*a)[ts.node].a);
            s += gc_type(T[ids[i]].elem, ts);
          } else {
            s += gc_type(ids[i], ts);
          }
        }
        return s + ")";
      };
      std::string s = "func";
      s += tuple(ty.params, ps, ty.variadic);
      if (ty.results.size() == 1 && (rs.empty() || rs[0].first.empty())) {
        s += " ";
        s += gc_type(ty.results[0], rs.empty() ? TypeSrc{} : child(rs[0].second));
      } else if (!ty.results.empty()) {
        s += " ";
        s += tuple(ty.results, rs, false);
      }
      return s;
    }
    case vm::Kind::Tuple: {
      // a call's results: named as the callee's FuncType names them
      std::vector<std::pair<std::string, NodeId>> rs;
      if (src.alias == 't' && kind_is(NodeKind::FuncType)) rs = field_list(*a, (*a)[n].l1, ty.params.size());
      std::string s = "(";
      for (std::size_t i = 0; i < ty.params.size(); ++i) {
        if (i) s += ", ";
        if (!rs.empty() && !rs[i].first.empty()) {
          s += rs[i].first;
          s += " ";
        }
        s += gc_type(ty.params[i], rs.empty() ? TypeSrc{} : child(rs[i].second));
      }
      return s + ")";
    }
    case vm::Kind::Struct: {
      if (kind_is(NodeKind::StructType)) {
        // as written: field names, tags (quoted) and field types with their own sources
        std::string s = "struct{";
        std::size_t i = 0;
        bool shape_ok = true;
        for (NodeId f : a->list((*a)[n].l0)) {
          const Node& field = (*a)[f];
          const std::size_t k = std::max<std::size_t>(1, field.l0.size);
          for (std::size_t j = 0; j < k; ++j, ++i) {
            if (i >= ty.fields.size()) {
              shape_ok = false;
              break;
            }
            if (i) s += "; ";
            if (field.l0.size > 0) {
              s += (*a)[a->list(field.l0)[j]].text;
              s += " ";
            }
            s += gc_type(ty.fields[i].type, child(field.a));
            if (!field.value.empty()) {
              s += " ";
              s += vm::quote_struct_tag(field.value);
            }
          }
        }
        if (shape_ok && i == ty.fields.size()) return s + "}";
      }
      std::string s = "struct{";
      for (std::size_t i = 0; i < ty.fields.size(); ++i) {
        if (i) s += "; ";
        if (!ty.fields[i].embedded) {
          s += ty.fields[i].name;
          s += " ";
        }
        s += gc_type(ty.fields[i].type, TypeSrc{});
      }
      return s + "}";
    }
    case vm::Kind::Interface: {
      if (ty.methods.empty()) {
        // types2 writes "any" for the predeclared alias, "interface{}" for a literal
        if (kind_is(NodeKind::Ident) && (*a)[n].text == "any") return "any";
        return "interface{}";
      }
      if (kind_is(NodeKind::InterfaceType)) {
        // types2: the explicit methods (sorted by name, with parameter names), then the embedded types
        std::vector<std::pair<std::string, NodeId>> ms;
        std::vector<NodeId> embedded;
        for (NodeId f : a->list((*a)[n].l0)) {
          const Node& field = (*a)[f];
          if (field.l0.size == 1) ms.emplace_back((*a)[a->list(field.l0)[0]].text, field.a);
          else if (field.l0.size == 0) embedded.push_back(field.a);
        }
        std::sort(ms.begin(), ms.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::string s = "interface{";
        bool first = true;
        bool found_all = true;
        for (const auto& [name, ft] : ms) {
          TypeId sig = vm::kNoType;
          for (const vm::MethodEntry& m : ty.methods) {
            if (m.name == name) sig = m.signature;
          }
          if (sig == vm::kNoType) found_all = false;
          if (!first) s += "; ";
          first = false;
          s += name;
          s += gc_type(sig, child(ft)).substr(4);  // drop "func"
        }
        for (NodeId e : embedded) {
          const TypeId et = src.file < info_.type_of.size() && e < info_.type_of[src.file].size()
                                ? info_.type_of[src.file][e]
                                : vm::kNoType;
          if (et == vm::kNoType) found_all = false;
          if (!first) s += "; ";
          first = false;
          s += gc_type(et, child(e));
        }
        if (found_all) return s + "}";
      }
      std::string s = "interface{";
      for (std::size_t i = 0; i < ty.methods.size(); ++i) {
        if (i) s += "; ";
        s += ty.methods[i].name;
        s += gc_type(ty.methods[i].signature, TypeSrc{}).substr(4);  // drop "func"
      }
      return s + "}";
    }
    default: return T.to_string_from(t, pkgname_);
  }
}

Checker::TypeSrc Checker::tuple_elem_src(TypeSrc tuple, std::size_t i, std::size_t n) const {
  if (tuple.alias != 't' || tuple.node == kNoNode || tuple.file >= info_.asts.size()) return {};
  const Ast& a = *info_.asts[tuple.file];
  const auto rs = field_list(a, a[tuple.node].l1, n);
  return i < rs.size() ? TypeSrc{tuple.file, rs[i].second} : TypeSrc{};
}

Checker::TypeSrc Checker::func_obj_src(ObjId f) const {
  if (f == kNoObj) return {};
  const Object& obj = info_.objects[f];
  if (obj.kind != ObjKind::Func || obj.decl == kNoNode || obj.file >= info_.asts.size()) return {};
  const Ast& fa = *info_.asts[obj.file];
  if (fa[obj.decl].kind != NodeKind::FuncDecl) return {};
  return {obj.file, fa[obj.decl].c};
}

Checker::TypeSrc Checker::iface_method_src(TypeId iface, const std::string& name) const {
  if (iface == vm::kNoType || T.kind(iface) != vm::Kind::Named || T[iface].package != pkgname_) return {};
  const ObjId tn = lookup_in(pkg_scope_, T[iface].name);
  if (tn == kNoObj || info_.objects[tn].kind != ObjKind::TypeName || info_.objects[tn].type != iface) return {};
  const auto d = decls_.find(tn);
  if (d == decls_.end() || d->second.spec == kNoNode || ast_[d->second.spec].kind != NodeKind::TypeSpec) return {};
  const NodeId it = unparen(ast_, ast_[d->second.spec].b);
  if (it == kNoNode || ast_[it].kind != NodeKind::InterfaceType) return {};
  for (NodeId f : ast_.list(ast_[it].l0)) {
    for (NodeId nm : ast_.list(ast_[f].l0)) {
      if (ast_[nm].text == name) return {file_, ast_[f].a};
    }
  }
  return {};
}

Checker::TypeSrc Checker::src_of(NodeId e) const {
  e = unparen(ast_, e);
  if (e == kNoNode) return {};
  const Node& n = ast_[e];
  auto func_src = [&](ObjId o) -> TypeSrc {
    if (o == kNoObj) return {};
    const Object& obj = info_.objects[o];
    if (obj.kind == ObjKind::Func && obj.decl != kNoNode && obj.file < info_.asts.size()) {
      const Ast& fa = *info_.asts[obj.file];
      if (fa[obj.decl].kind == NodeKind::FuncDecl) return {obj.file, fa[obj.decl].c};
    }
    if (obj.kind == ObjKind::Var) {
      const auto it = var_src_.find(o);
      if (it != var_src_.end()) return it->second;
    }
    return {};
  };
  switch (n.kind) {
    case NodeKind::Ident: return e < info_.obj_of[file_].size() ? func_src(info_.obj_of[file_][e]) : TypeSrc{};
    case NodeKind::Selector: {
      const auto& sels = info_.selection_of[file_];
      const auto it = sels.find(e);
      if (it == sels.end()) return {};
      if (it->second.kind == Selection::Kind::Qualified || it->second.kind == Selection::Kind::Method) {
        return func_src(it->second.obj);
      }
      const bool field = it->second.kind == Selection::Kind::Field && it->second.path.size() == 1;
      if (!field && it->second.kind != Selection::Kind::InterfaceMethod) return {};
      // a field (method) of a struct (interface) type declared at package level in this file: the type
      // expression of its declaration
      TypeId bt = n.a < info_.type_of[file_].size() ? info_.type_of[file_][n.a] : vm::kNoType;
      if (field && bt != vm::kNoType && T.kind(bt) == vm::Kind::Pointer) bt = T[bt].elem;
      if (bt == vm::kNoType || T.kind(bt) != vm::Kind::Named || T[bt].package != pkgname_) return {};
      const ObjId tn = lookup_in(pkg_scope_, T[bt].name);
      if (tn == kNoObj || info_.objects[tn].kind != ObjKind::TypeName || info_.objects[tn].type != bt) return {};
      const auto d = decls_.find(tn);
      if (d == decls_.end() || d->second.spec == kNoNode || ast_[d->second.spec].kind != NodeKind::TypeSpec) return {};
      const NodeId st = unparen(ast_, ast_[d->second.spec].b);
      if (st == kNoNode || ast_[st].kind != (field ? NodeKind::StructType : NodeKind::InterfaceType)) return {};
      const std::string& fname = ast_[n.b].text;
      for (NodeId f : ast_.list(ast_[st].l0)) {
        for (NodeId name : ast_.list(ast_[f].l0)) {
          if (ast_[name].text == fname) return {file_, ast_[f].a};
        }
      }
      return {};
    }
    case NodeKind::FuncLit: return {file_, n.a};
    case NodeKind::CompositeLit: return n.a != kNoNode ? TypeSrc{file_, n.a} : TypeSrc{};
    case NodeKind::Call: {
      if (n.a < info_.mode_of[file_].size() && info_.mode_of[file_][n.a] == Mode::Type) return {file_, n.a};
      const TypeSrc f = src_of(n.a);
      if (f.node == kNoNode) return {};
      const Ast& fa = *info_.asts[f.file];
      if (fa[f.node].kind != NodeKind::FuncType) return {};
      const auto rs = fa.list(fa[f.node].l1);
      if (rs.size() == 1 && fa[rs[0]].l0.size <= 1) return {f.file, fa[rs[0]].a};
      return {f.file, f.node, 't'};  // several results: a tuple
    }
    case NodeKind::Index: {
      if (n.a < info_.type_of[file_].size() && info_.type_of[file_][n.a] != vm::kNoType &&
          T.underlying_kind(info_.type_of[file_][n.a]) == vm::Kind::String) {
        return {0, kNoNode, 'b'};
      }
      const TypeSrc b = src_of(n.a);
      if (b.node == kNoNode) return {};
      const Ast& ba = *info_.asts[b.file];
      const NodeId bn = unparen(ba, b.node);
      switch (ba[bn].kind) {
        case NodeKind::MapType: case NodeKind::ArrayType: return {b.file, ba[bn].b};
        case NodeKind::SliceType: case NodeKind::Ellipsis: return {b.file, ba[bn].a};
        default: return {};
      }
    }
    case NodeKind::Star: {
      const TypeSrc b = src_of(n.a);
      if (b.node == kNoNode) return {};
      const Ast& ba = *info_.asts[b.file];
      const NodeId bn = unparen(ba, b.node);
      if (ba[bn].kind == NodeKind::Star) return {b.file, ba[bn].a};
      return {};
    }
    default: return {};
  }
}

std::string Checker::operand_str(const Operand& x) const {
  if (x.mode == Mode::Value && x.type == vm::kUntypedNil) return "nil";
  std::string expr;
  if (x.expr != kNoNode) {
    expr = expr_str(x.expr);
  } else if (x.mode == Mode::Type) {
    expr = type_str(x.type);
  } else if (x.mode == Mode::Constant) {
    expr = x.val.to_string();
  }
  std::string s;
  if (!expr.empty()) {
    s += expr;
    s += " (";
  }
  bool has_type = false;
  switch (x.mode) {
    case Mode::Invalid: case Mode::NoValue: case Mode::Builtin: case Mode::Type: break;
    default:
      if (T.is_untyped(x.type)) {
        s += T[x.type].name;
        s += " ";
      } else {
        has_type = true;
      }
  }
  switch (x.mode) {
    case Mode::Invalid: s += "invalid operand"; break;
    case Mode::NoValue: s += "no value"; break;
    case Mode::Builtin: s += "built-in"; break;
    case Mode::Type: s += "type"; break;
    case Mode::Constant: s += "constant"; break;
    case Mode::Variable: s += "variable"; break;
    case Mode::MapIndex: s += "map index expression"; break;
    case Mode::Value: s += "value"; break;
    case Mode::CommaOk: s += "comma, ok expression"; break;
    case Mode::Package: s += "package"; break;
  }
  if (x.mode == Mode::Constant) {
    const std::string v = x.val.to_string();
    if (v != expr) {
      s += " ";
      s += v;
    }
  }
  if (has_type) {
    if (x.type != vm::kNoType) {
      s += " of type ";
      s += x.expr != kNoNode ? gc_type(x.type, src_of(x.expr)) : type_str(x.type);
      if (const ProbeParam* pp = probe_param(x.type)) {
        s += " constrained by ";
        s += pp->constraint;
      }
    } else {
      s += " with invalid type";
    }
  }
  if (!expr.empty()) s += ")";
  return s;
}

}  // namespace gb::go::detail
