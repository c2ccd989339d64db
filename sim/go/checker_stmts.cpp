// Statements: function bodies, assignments and short variable declarations, control flow (if, for, range,
// switch, type switch, select), labels and branches, terminating statements and unused variables.
//
// Sections, in order:
//   function bodies and unused variables
//   labels and gotos
//   statements
//   assignments
//   range, switch, type switch, select
//   terminating statements (the spec's definition, as types2's return.go)
#include <algorithm>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

namespace {

Object blank_var() {
  Object o;
  o.kind = ObjKind::Var;
  o.name.assign(1, '_');
  return o;
}

NodeId unparen(const Ast& ast, NodeId n) {
  while (n != kNoNode && ast[n].kind == NodeKind::Paren) n = ast[n].a;
  return n;
}

}  // namespace

// [SECTION] function bodies and unused variables

void Checker::func_body(NodeId fn, ObjId fobj, TypeId sig, NodeId body, FuncCtx ctx) {
  ctx.node = fn;
  ctx.obj = fobj;
  ctx.sig = sig;
  const std::int32_t saved_scope = scope_;
  open_scope(true);
  for (ObjId p : ctx.params) {
    if (!info_.objects[p].name.empty()) declare(scope_, kNoNode, p);
  }
  for (ObjId r : ctx.results) {
    if (!info_.objects[r].name.empty()) declare(scope_, kNoNode, r);
  }
  funcs_.push_back(std::move(ctx));
  labels(body);
  goto_checks(body);
  stmt_list(ast_.list(ast_[body].l0), 0);
  FuncCtx& c = funcs_.back();
  for (auto& [name, l] : c.labels) {
    if (!l.used) {
      std::string msg = "label ";
      msg += name;
      msg += " defined and not used";
      error_at(ast_[l.stmt].a, msg);
    }
  }
  if (sig != vm::kNoType && !T[sig].results.empty() && !terminating(body, "")) {
    error(rbrace_of(body), "missing return");
  }
  report_unused(c);
  funcs_.pop_back();
  scope_ = saved_scope;
}

void Checker::report_unused(FuncCtx& ctx) {
  // types2's usage(): scope by scope (pre-order, i.e. creation order), by position within a scope; the
  // order decides where gc's "too many errors" stops
  std::vector<std::pair<std::pair<std::int32_t, Pos>, ObjId>> unused;
  for (ObjId v : ctx.locals) {
    const Object& o = info_.objects[v];
    if (o.used || o.name == "_" || o.name.empty()) continue;
    const auto sc = local_scope_.find(v);
    unused.push_back({{sc != local_scope_.end() ? sc->second : 0, ast_[o.decl].pos}, v});
  }
  std::stable_sort(unused.begin(), unused.end(), [](const auto& a, const auto& b) {
    if (a.first.first != b.first.first) return a.first.first < b.first.first;
    return a.first.second.line != b.first.second.line ? a.first.second.line < b.first.second.line
                                                      : a.first.second.col < b.first.second.col;
  });
  for (const auto& u : unused) {
    const Object& o = info_.objects[u.second];
    std::string msg = o.name;
    msg += " declared but not used";
    error_at(o.decl, msg);
  }
  for (auto& [ident, objs] : ctx.type_switch_vars) {
    bool used = false;
    for (ObjId o : objs) used = used || info_.objects[o].used;
    if (!used) {
      std::string msg = ast_[ident].text;
      msg += " declared but not used";
      error_at(ident, msg);
    }
  }
}

// [SECTION] labels and gotos

void Checker::labels(NodeId body) {
  // Every label of the function (goto may jump forward), excluding those inside function literals.
  FuncCtx& ctx = funcs_.back();
  std::vector<NodeId> stack{body};
  while (!stack.empty()) {
    const NodeId n = stack.back();
    stack.pop_back();
    if (n == kNoNode) continue;
    const Node& x = ast_[n];
    switch (x.kind) {
      case NodeKind::LabeledStmt: {
        const std::string& name = ast_[x.a].text;
        if (name != "_") {
          if (ctx.labels.count(name)) {
            std::string msg = "label ";
            msg += name;
            msg += " already defined";
            const Pos p = ast_[ast_[ctx.labels[name].stmt].a].pos;
            msg += other_at(p, "previous definition");
            error_at(x.a, msg);
          } else {
            ctx.labels[name] = FuncCtx::Label{n, false};
          }
        }
        stack.push_back(x.b);
        break;
      }
      case NodeKind::BlockStmt:
      case NodeKind::CaseClause:
      case NodeKind::CommClause:
        for (NodeId s : ast_.list(x.l0)) stack.push_back(s);
        for (NodeId s : ast_.list(x.l1)) stack.push_back(s);
        break;
      case NodeKind::IfStmt:
        stack.push_back(x.c);
        stack.push_back(x.d);
        break;
      case NodeKind::ForStmt:
      case NodeKind::RangeStmt: stack.push_back(x.d); break;
      case NodeKind::SwitchStmt:
      case NodeKind::TypeSwitchStmt:
      case NodeKind::SelectStmt:
        for (NodeId s : ast_.list(x.l0)) stack.push_back(s);
        break;
      default: break;
    }
  }
}

namespace {

// The parser's (syntax.checkBranches) goto rules gc reports: a forward goto may not jump over a variable
// declaration of its block, nor into a block.
struct GotoBlock {
  const GotoBlock* parent = nullptr;
  Pos start;
  std::map<std::string, NodeId> labels;  // labels declared directly in this block
};

struct GotoChecker {
  const Checker& c;
  const Ast& ast;
  std::string file_name;
  std::map<std::string, Pos> all;  // every label of the body -> the start of its block
  std::vector<std::pair<Pos, std::string>> errors;

  std::string pos_str(Pos p) const {
    std::string s = file_name;
    s += ":";
    s += std::to_string(p.line);
    s += ":";
    s += std::to_string(p.col);
    return s;
  }

  static bool declared(const GotoBlock* b, const std::string& name) {
    for (; b; b = b->parent) {
      if (b->labels.count(name)) return true;
    }
    return false;
  }

  std::string lhs_str(ListRef l) const {
    std::string s;
    for (NodeId e : ast.list(l)) {
      if (!s.empty()) s += ", ";
      s += c.expr_str(e);
    }
    return s;
  }

  // returns the unresolved forward gotos (BranchStmt nodes)
  std::vector<NodeId> block(const GotoBlock* parent, Pos start, std::span<const NodeId> body) {
    GotoBlock b{parent, start, {}};
    Pos var_pos;
    bool have_var = false;
    std::string var_name;
    std::vector<NodeId> fwd, bad;
    auto record_var = [&](Pos p, std::string name) {
      var_pos = p;
      have_var = true;
      var_name = std::move(name);
      bad = fwd;
    };
    auto inner = [&](Pos p, std::span<const NodeId> list) {
      const auto more = block(&b, p, list);
      fwd.insert(fwd.end(), more.begin(), more.end());
    };
    for (NodeId st : body) {
      NodeId s = st;
      while (s != kNoNode && ast[s].kind == NodeKind::LabeledStmt) {
        const std::string& name = ast[ast[s].a].text;
        if (name != "_") {
          if (!all.count(name)) all[name] = start;
          b.labels[name] = s;
          std::vector<NodeId> keep;
          for (NodeId g : fwd) {
            if (ast[ast[g].a].text != name) {
              keep.push_back(g);
              continue;
            }
            if (have_var && std::find(bad.begin(), bad.end(), g) != bad.end()) {
              std::string msg = "goto ";
              msg += name;
              msg += " jumps over declaration of ";
              msg += var_name;
              msg += " at ";
              msg += pos_str(var_pos);
              errors.emplace_back(ast[ast[g].a].pos, msg);
            }
          }
          fwd = keep;
        }
        s = ast[s].b;
      }
      if (s == kNoNode) continue;
      const Node& n = ast[s];
      switch (n.kind) {
        case NodeKind::DeclStmt: {
          const Node& g = ast[n.a];
          if (g.op != Tok::Var) break;
          for (NodeId spec : ast.list(g.l0)) {
            const auto names = ast.list(ast[spec].l0);
            if (names.empty()) continue;
            record_var(ast[names[0]].pos, ast[names[0]].text);
            break;
          }
          break;
        }
        case NodeKind::BranchStmt:
          if (n.op == Tok::Goto && n.a != kNoNode && !declared(&b, ast[n.a].text)) fwd.push_back(s);
          break;
        case NodeKind::AssignStmt:
          if (n.op == Tok::Define) record_var(n.pos, lhs_str(n.l0));
          break;
        case NodeKind::BlockStmt: inner(n.pos, ast.list(n.l0)); break;
        case NodeKind::IfStmt:
          if (n.c != kNoNode) inner(ast[n.c].pos, ast.list(ast[n.c].l0));
          if (n.d != kNoNode) inner(ast[n.d].pos, std::span<const NodeId>(&n.d, 1));
          break;
        case NodeKind::ForStmt:
        case NodeKind::RangeStmt:
          if (n.d != kNoNode) inner(ast[n.d].pos, ast.list(ast[n.d].l0));
          break;
        case NodeKind::SwitchStmt:
        case NodeKind::TypeSwitchStmt:
        case NodeKind::SelectStmt:
          for (NodeId cc : ast.list(n.l0)) inner(ast[cc].pos, ast.list(ast[cc].l1));
          break;
        default: break;
      }
    }
    return fwd;
  }
};

}  // namespace

void Checker::goto_checks(NodeId body) {
  GotoChecker g{*this, ast_, diags_.file_name(), {}, {}};
  const auto fwd = g.block(nullptr, ast_[body].pos, ast_.list(ast_[body].l0));
  for (NodeId f : fwd) {
    const std::string& name = ast_[ast_[f].a].text;
    const auto it = g.all.find(name);
    if (it == g.all.end()) continue;  // "label L not defined", reported with the statement
    std::string msg = "goto ";
    msg += name;
    msg += " jumps into block starting at ";
    msg += g.pos_str(it->second);
    g.errors.emplace_back(ast_[ast_[f].a].pos, msg);
  }
  for (auto& [p, msg] : g.errors) error(p, msg);
}

// [SECTION] statements

void Checker::stmt_list(std::span<const NodeId> list, unsigned ctx) {
  const bool fallthrough_ok = ctx & kFallthroughOk;
  ctx &= ~kFallthroughOk;
  // Only the last non-empty statement of a case may be a fallthrough.
  std::size_t last = list.size();
  while (last > 0 && ast_[list[last - 1]].kind == NodeKind::EmptyStmt) --last;
  for (std::size_t i = 0; i < list.size(); ++i) {
    unsigned inner = ctx;
    if (fallthrough_ok && i + 1 == last) inner |= kFallthroughOk;
    stmt(list[i], inner);
    if (diags_.too_many()) return;
  }
}

ObjId Checker::declare_var(NodeId ident, TypeId t) {
  Object o;
  o.kind = ObjKind::Var;
  o.name = ast_[ident].text;
  o.type = t;
  o.decl = ident;
  o.owner_func = funcs_.empty() ? kNoNode : funcs_.back().node;
  const ObjId id = new_object(std::move(o));
  record_obj(ident, id);
  if (!funcs_.empty()) {
    funcs_.back().locals.push_back(id);
    local_scope_[id] = scope_;
  }
  return id;
}

void Checker::stmt(NodeId s, unsigned ctx) {
  if (s == kNoNode) return;
  const Node& n = ast_[s];
  const unsigned inner = ctx & ~(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);
  switch (n.kind) {
    case NodeKind::Bad:
    case NodeKind::EmptyStmt: return;
    case NodeKind::BlockStmt:
      open_scope();
      stmt_list(ast_.list(n.l0), inner);
      close_scope();
      return;
    case NodeKind::ExprStmt: {
      Operand x;
      raw_expr(x, n.a, vm::kNoType);
      if (x.invalid()) return;
      const NodeId e = unparen(ast_, n.a);
      const Node& en = ast_[e];
      bool used_ok = false;
      if (en.kind == NodeKind::Call) {
        Operand f;
        // what was called: a builtin, a conversion or a function
        const Mode fm = info_.mode_of[file_][en.a];
        if (fm == Mode::Type) {
          used_ok = false;
        } else if (fm == Mode::Builtin) {
          const NodeId fn = unparen(ast_, en.a);
          const ObjId bo = info_.obj_of[file_][fn];
          const Builtin b = bo != kNoObj ? info_.objects[bo].builtin : Builtin::None;
          used_ok = b == Builtin::Close || b == Builtin::Copy || b == Builtin::Delete || b == Builtin::Panic ||
                    b == Builtin::Print || b == Builtin::Println || b == Builtin::Recover;
        } else {
          used_ok = true;
        }
      } else if (en.kind == NodeKind::Unary && en.op == Tok::Arrow) {
        used_ok = true;
      }
      if (!used_ok) {
        std::string msg = operand_str(x);
        msg += " is not used";
        error(start_pos(n.a), msg);
      }
      if (x.mode == Mode::CommaOk) info_.mode_of[file_][n.a] = Mode::Value;
      return;
    }
    case NodeKind::SendStmt: {
      Operand ch, v;
      expr(ch, n.a);
      if (ch.invalid()) {
        use_exprs({&n.b, 1});
        return;
      }
      if (T.underlying_kind(ch.type) != vm::Kind::Chan) {
        std::string msg = "invalid operation: cannot send to non-channel ";
        msg += operand_str(ch);
        error(start_pos(n.a), msg);
        use_exprs({&n.b, 1});
        return;
      }
      const vm::Type& c = T[T.underlying(ch.type)];
      if (c.dir == vm::ChanDir::Recv) {
        std::string msg = "invalid operation: cannot send to receive-only channel ";
        msg += operand_str(ch);
        error(start_pos(n.a), msg);
        use_exprs({&n.b, 1});
        return;
      }
      const TypeId elem = c.elem;
      expr(v, n.b, elem);
      if (!v.invalid()) assignment(v, elem, "send");
      return;
    }
    case NodeKind::IncDecStmt: {
      Operand x;
      expr(x, n.a);
      if (x.invalid()) return;
      if (!T.is_numeric(x.type)) {
        std::string msg = "invalid operation: ";
        msg += expr_str(n.a);
        msg += n.op == Tok::Inc ? "++" : "--";
        msg += " (non-numeric type ";
        msg += type_str(x.type);
        msg += ")";
        error(start_pos(n.a), msg);
        return;
      }
      if (x.mode != Mode::Variable && x.mode != Mode::MapIndex) {
        const NodeId sel = unparen(ast_, n.a);
        std::string msg = "cannot assign to ";
        if (ast_[sel].kind == NodeKind::Selector && info_.mode_of[file_][ast_[sel].a] == Mode::MapIndex) {
          msg += "struct field ";
          msg += expr_str(n.a);
          msg += " in map";
        } else {
          msg += operand_str(x);
        }
        error(start_pos(n.a), msg);
      }
      return;
    }
    case NodeKind::AssignStmt: assign_stmt(s); return;
    case NodeKind::DeclStmt: local_decl(n.a); return;
    case NodeKind::GoStmt:
    case NodeKind::DeferStmt: {
      const char* what = n.kind == NodeKind::GoStmt ? "go" : "defer";
      const NodeId call_node = unparen(ast_, n.a);
      Operand x;
      raw_expr(x, n.a, vm::kNoType);
      if (call_node == kNoNode || ast_[call_node].kind != NodeKind::Call) return;  // the parser reported it
      if (x.invalid()) return;
      const Mode fm = info_.mode_of[file_][ast_[call_node].a];
      if (fm == Mode::Type) {
        std::string msg = what;
        msg += " requires function call, not conversion ";
        msg += operand_str(x);
        error(start_pos(n.a), msg);
      } else if (fm == Mode::Builtin) {
        const ObjId bo = info_.obj_of[file_][unparen(ast_, ast_[call_node].a)];
        const Builtin b = bo != kNoObj ? info_.objects[bo].builtin : Builtin::None;
        if (!(b == Builtin::Close || b == Builtin::Copy || b == Builtin::Delete || b == Builtin::Panic ||
              b == Builtin::Print || b == Builtin::Println || b == Builtin::Recover)) {
          std::string msg = what;
          msg += " discards result of ";
          msg += expr_str(n.a);
          error(start_pos(n.a), msg);
        }
      }
      return;
    }
    case NodeKind::ReturnStmt: return_stmt(s); return;
    case NodeKind::BranchStmt: {
      FuncCtx& f = funcs_.back();
      const std::string label = n.a != kNoNode ? ast_[n.a].text : "";
      switch (n.op) {
        case Tok::Break:
        case Tok::Continue: {
          const bool brk = n.op == Tok::Break;
          if (!label.empty()) {
            auto it = f.labels.find(label);
            if (it == f.labels.end()) {
              std::string msg = brk ? "break label not defined: " : "continue label not defined: ";
              msg += label;
              error_at(n.a, msg);
              return;
            }
            it->second.used = true;
            bool ok = false;
            for (auto& [l, st] : f.enclosing) {
              if (l != label) continue;
              const NodeKind k = ast_[ast_[st].b].kind;
              ok = brk ? (k == NodeKind::ForStmt || k == NodeKind::RangeStmt || k == NodeKind::SwitchStmt ||
                          k == NodeKind::TypeSwitchStmt || k == NodeKind::SelectStmt)
                       : (k == NodeKind::ForStmt || k == NodeKind::RangeStmt);
            }
            if (!ok) {
              std::string msg = brk ? "invalid break label " : "invalid continue label ";
              msg += label;
              error_at(n.a, msg);
            }
            return;
          }
          if (brk && !(ctx & kBreakOk)) error_at(s, "break is not in a loop, switch, or select");
          if (!brk && !(ctx & kContinueOk)) error_at(s, "continue is not in a loop");
          return;
        }
        case Tok::Goto: {
          auto it = f.labels.find(label);
          if (it == f.labels.end()) {
            std::string msg = "label ";
            msg += label;
            msg += " not defined";
            error_at(n.a != kNoNode ? n.a : s, msg);
            return;
          }
          it->second.used = true;
          return;
        }
        case Tok::Fallthrough:
          if (ctx & kFallthroughOk) return;
          if (ctx & kInTypeSwitch) {
            error_at(s, "cannot fallthrough in type switch");
          } else if (ctx & kFinalSwitchCase) {
            error_at(s, "cannot fallthrough final case in switch");
          } else {
            error_at(s, "fallthrough statement out of place");
          }
          return;
        default: return;
      }
    }
    case NodeKind::LabeledStmt: {
      FuncCtx& f = funcs_.back();
      f.enclosing.emplace_back(ast_[n.a].text, s);
      stmt(n.b, ctx);
      funcs_.back().enclosing.pop_back();
      return;
    }
    case NodeKind::IfStmt: {
      open_scope();
      stmt(n.a, inner);
      Operand c;
      expr(c, n.b);
      if (!c.invalid()) {
        if (!T.is_boolean(c.type)) {
          error(start_pos(n.b), "non-boolean condition in if statement");
        } else if (T.is_untyped(c.type)) {
          convert_untyped(c, vm::kBool);
        }
      }
      stmt(n.c, inner);
      if (n.d != kNoNode) stmt(n.d, inner);
      close_scope();
      return;
    }
    case NodeKind::ForStmt: {
      open_scope();
      stmt(n.a, inner);
      if (n.b != kNoNode) {
        Operand c;
        expr(c, n.b);
        if (!c.invalid()) {
          if (!T.is_boolean(c.type)) {
            error(start_pos(n.b), "non-boolean condition in for statement");
          } else if (T.is_untyped(c.type)) {
            convert_untyped(c, vm::kBool);
          }
        }
      }
      if (n.c != kNoNode && ast_[n.c].kind == NodeKind::AssignStmt && ast_[n.c].op == Tok::Define) {
        error_at(n.c, "cannot declare in post statement of for loop");
      }
      stmt(n.c, inner);
      stmt(n.d, inner | kBreakOk | kContinueOk);
      close_scope();
      return;
    }
    case NodeKind::RangeStmt: range_stmt(s, inner); return;
    case NodeKind::SwitchStmt: switch_stmt(s, inner); return;
    case NodeKind::TypeSwitchStmt: type_switch_stmt(s, inner); return;
    case NodeKind::SelectStmt: select_stmt(s, inner); return;
    default: {
      error_at(s, "invalid statement");
      return;
    }
  }
}

// [SECTION] assignments

void Checker::assign_error(std::span<const NodeId> rhs, std::size_t nl, std::size_t nr, NodeId /*at*/,
                           bool /*returnStmt*/) {
  std::string vars = std::to_string(nl);
  vars += nl == 1 ? " variable" : " variables";
  std::string vals = std::to_string(nr);
  vals += nr == 1 ? " value" : " values";
  const NodeId r0 = rhs[0];
  const NodeId call_node = unparen(ast_, r0);
  std::string msg = "assignment mismatch: ";
  msg += vars;
  msg += " but ";
  if (rhs.size() == 1 && call_node != kNoNode && ast_[call_node].kind == NodeKind::Call) {
    msg += expr_str(ast_[call_node].a);
    msg += " returns ";
    msg += vals;
  } else {
    msg += vals;
  }
  error(start_pos(r0), msg);
}

namespace {

// Evaluates a right-hand side list as types2's exprList: one multi-valued call, one comma-ok
// expression (when two values are wanted) or one value per expression.
struct RhsList {
  std::vector<Operand> xs;
  bool comma_ok = false;
};

}  // namespace

static void set_comma_ok(Info& info, const Ast& ast, std::uint32_t file, NodeId e) {
  for (NodeId n = e; n != kNoNode; n = ast[n].kind == NodeKind::Paren ? ast[n].a : kNoNode) {
    info.mode_of[file][n] = Mode::CommaOk;
    if (ast[n].kind != NodeKind::Paren) break;
  }
}

void Checker::init_vars(const std::vector<ObjId>& lhs, std::span<const NodeId> rhs, NodeId s, bool return_stmt,
                        const char* ctx_name) {
  RhsList r;
  if (rhs.size() == 1) {
    multi_expr(r.xs, rhs[0]);
    if (r.xs.size() == 1 && lhs.size() == 2 && !return_stmt &&
        (r.xs[0].mode == Mode::MapIndex || r.xs[0].mode == Mode::CommaOk)) {
      r.comma_ok = true;
      r.xs[0].mode = Mode::Value;
      Operand ok;
      ok.mode = Mode::Value;
      ok.type = vm::kUntypedBool;
      ok.expr = kNoNode;
      r.xs.push_back(ok);
      set_comma_ok(info_, ast_, file_, rhs[0]);
    } else if (r.xs.size() == 1 && r.xs[0].mode == Mode::CommaOk) {
      info_.mode_of[file_][rhs[0]] = Mode::Value;
    }
  } else {
    for (NodeId e : rhs) {
      Operand x;
      expr(x, e);
      if (x.mode == Mode::CommaOk) {
        x.mode = Mode::Value;
        info_.mode_of[file_][e] = Mode::Value;
      }
      r.xs.push_back(x);
    }
  }
  const std::string context = return_stmt ? "return statement" : ctx_name;
  if (lhs.size() != r.xs.size()) {
    for (ObjId o : lhs) info_.objects[o].used = true;
    for (const Operand& x : r.xs) {
      if (x.invalid()) return;
    }
    if (return_stmt) {
      Pos at = ast_[s].pos;
      const char* q = "not enough";
      if (r.xs.size() > lhs.size()) {
        at = start_pos(r.xs[lhs.size()].expr);
        q = "too many";
      } else if (!r.xs.empty()) {
        at = start_pos(r.xs.back().expr);
      }
      std::string msg = q;
      msg += " return values\n\thave (";
      for (std::size_t i = 0; i < r.xs.size(); ++i) {
        if (i) msg += ", ";
        const TypeId t = r.xs[i].type;
        if (T.is_untyped(t)) {
          if (T.is_numeric(t)) msg += "number";
          else msg += T[t].name.substr(8);
        } else {
          msg += r.xs[i].expr != kNoNode ? gc_type(t, src_of(r.xs[i].expr)) : type_str(t);
        }
      }
      msg += ")\n\twant (";
      for (std::size_t i = 0; i < lhs.size(); ++i) {
        if (i) msg += ", ";
        const auto it = var_src_.find(lhs[i]);
        msg += gc_type(info_.objects[lhs[i]].type, it != var_src_.end() ? it->second : TypeSrc{});
      }
      msg += ")";
      error(at, msg);
      return;
    }
    if (!rhs.empty()) assign_error(rhs, lhs.size(), r.xs.size(), s, false);
    return;
  }
  bool ok = true;
  for (std::size_t i = 0; i < lhs.size(); ++i) {
    Object& o = info_.objects[lhs[i]];
    Operand& x = r.xs[i];
    if (x.invalid() || x.type == vm::kNoType) {
      o.used = true;
      ok = false;
      continue;
    }
    if (o.type == vm::kNoType) {
      TypeId t = x.type;
      if (T.kind(t) == vm::Kind::UntypedRune) set_var_src(lhs[i], TypeSrc{0, kNoNode, 'r'});  // Default: rune
      if (T.is_untyped(t)) {
        if (t == vm::kUntypedNil) {
          std::string msg = "use of untyped nil in ";
          msg += context;
          error(start_pos(x.expr), msg);
          ok = false;
          continue;
        }
        t = default_type(t);
      }
      info_.objects[lhs[i]].type = t;
    }
    const TypeId target = info_.objects[lhs[i]].type;
    if (x.expr == kNoNode) continue;  // the comma-ok boolean
    if (const auto it = var_src_.find(lhs[i]); it != var_src_.end()) target_src_ = it->second;
    assignment(x, target, context);
    target_src_ = {};
    if (x.invalid()) {
      info_.objects[lhs[i]].used = true;
      ok = false;
    }
  }
  // gc: no follow-on "declared but not used" for any of them once an initialization failed
  if (!ok) {
    for (ObjId o : lhs) info_.objects[o].used = true;
  }
}

bool Checker::init_var(ObjId v, Operand& x, const std::string& context, bool type_invalid) {
  Object& o = info_.objects[v];
  if (x.invalid() || x.type == vm::kNoType || type_invalid) {
    o.used = true;  // gc: avoid a follow-on "declared but not used"
    return false;
  }
  if (o.type == vm::kNoType) {
    TypeId t = x.type;
    if (T.kind(t) == vm::Kind::UntypedRune) set_var_src(v, TypeSrc{0, kNoNode, 'r'});  // Default: rune
    if (T.is_untyped(t)) {
      if (t == vm::kUntypedNil) {
        std::string msg = "use of untyped nil in ";
        msg += context;
        error(start_pos(x.expr), msg);
        o.used = true;
        return false;
      }
      t = default_type(t);
    }
    o.type = t;
  }
  const TypeId target = o.type;
  if (const auto it = var_src_.find(v); it != var_src_.end()) target_src_ = it->second;
  assignment(x, target, context);
  target_src_ = {};
  if (x.invalid()) {
    info_.objects[v].used = true;
    return false;
  }
  return true;
}

bool Checker::assign_var(NodeId lhs, Operand& x, const std::string& context) {
  const NodeId id = unparen(ast_, lhs);
  if (x.invalid()) {
    Operand tmp;
    if (!(id != kNoNode && ast_[id].kind == NodeKind::Ident && ast_[id].text == "_")) raw_expr(tmp, lhs, vm::kNoType);
    return false;
  }
  if (id != kNoNode && ast_[id].kind == NodeKind::Ident && ast_[id].text == "_") {
    if (x.expr != kNoNode) assignment(x, vm::kNoType, "assignment to _ identifier");
    info_.type_of[file_][id] = x.type;
    return !x.invalid();
  }
  ObjId v = kNoObj;
  bool v_used = false;
  if (id != kNoNode && ast_[id].kind == NodeKind::Ident) {
    v = lookup(ast_[id].text);
    if (v != kNoObj && info_.objects[v].kind == ObjKind::Var) {
      v_used = info_.objects[v].used;
    } else {
      v = kNoObj;
    }
  }
  Operand z;
  expr(z, lhs);
  if (v != kNoObj) info_.objects[v].used = v_used;
  if (z.invalid()) return false;
  if (z.mode != Mode::Variable && z.mode != Mode::MapIndex) {
    const NodeId sel = unparen(ast_, lhs);
    if (ast_[sel].kind == NodeKind::Selector && info_.mode_of[file_][ast_[sel].a] == Mode::MapIndex) {
      std::string msg = "cannot assign to struct field ";
      msg += expr_str(lhs);
      msg += " in map";
      error(start_pos(lhs), msg);
      return false;
    }
    std::string msg = "cannot assign to ";
    msg += operand_str(z);
    error(start_pos(lhs), msg);
    return false;
  }
  if (x.expr == kNoNode) {
    // the comma-ok boolean: untyped bool, assignable to any boolean type
    if (!T.is_boolean(z.type)) {
      std::string msg = "cannot use untyped bool value as type ";
      msg += type_str(z.type);
      msg += " in ";
      msg += context;
      error(start_pos(lhs), msg);
      return false;
    }
    return true;
  }
  target_src_ = src_of(lhs);
  assignment(x, z.type, context);
  target_src_ = {};
  return !x.invalid();
}

void Checker::assign_vars(std::span<const NodeId> lhs, std::span<const NodeId> rhs, NodeId s) {
  std::vector<Operand> xs;
  if (rhs.size() == 1) {
    multi_expr(xs, rhs[0]);
    if (xs.size() == 1 && lhs.size() == 2 && (xs[0].mode == Mode::MapIndex || xs[0].mode == Mode::CommaOk)) {
      xs[0].mode = Mode::Value;
      Operand ok;
      ok.mode = Mode::Value;
      ok.type = vm::kUntypedBool;
      xs.push_back(ok);
      set_comma_ok(info_, ast_, file_, rhs[0]);
    } else if (xs.size() == 1 && xs[0].mode == Mode::CommaOk) {
      info_.mode_of[file_][rhs[0]] = Mode::Value;
      xs[0].mode = Mode::Value;
    }
  } else {
    for (NodeId e : rhs) {
      Operand x;
      expr(x, e);
      if (x.mode == Mode::CommaOk) {
        x.mode = Mode::Value;
        info_.mode_of[file_][e] = Mode::Value;
      }
      xs.push_back(x);
    }
  }
  if (lhs.size() != xs.size()) {
    for (NodeId l : lhs) {
      const NodeId id = unparen(ast_, l);
      if (id != kNoNode && ast_[id].kind == NodeKind::Ident && ast_[id].text == "_") continue;
      Operand tmp;
      raw_expr(tmp, l, vm::kNoType);
    }
    for (const Operand& x : xs) {
      if (x.invalid()) return;
    }
    assign_error(rhs, lhs.size(), xs.size(), s, false);
    return;
  }
  bool ok = true;
  for (std::size_t i = 0; i < lhs.size(); ++i) ok = assign_var(lhs[i], xs[i], "assignment") && ok;
  if (!ok) {
    // gc: no follow-on "declared but not used" for the assigned variables once an assignment failed
    for (NodeId l : lhs) {
      const NodeId id = unparen(ast_, l);
      if (id == kNoNode || ast_[id].kind != NodeKind::Ident) continue;
      const ObjId v = lookup(ast_[id].text);
      if (v != kNoObj && info_.objects[v].kind == ObjKind::Var) info_.objects[v].used = true;
    }
  }
}

void Checker::short_var_decl(NodeId s) {
  const Node& n = ast_[s];
  const auto lhs = ast_.list(n.l0);
  std::vector<ObjId> vars;
  std::vector<ObjId> news;
  std::vector<NodeId> new_idents;
  bool any_new = false;
  bool bad = false;
  std::set<std::string> seen;
  for (NodeId l : lhs) {
    if (ast_[l].kind != NodeKind::Ident) {
      use_exprs({&l, 1});
      std::string msg = "non-name ";
      msg += expr_str(l);
      msg += " on left side of :=";
      error(start_pos(l), msg);
      bad = true;
      vars.push_back(new_object(blank_var()));
      continue;
    }
    const std::string& name = ast_[l].text;
    if (name != "_" && !seen.insert(name).second) {
      std::string msg = name;
      msg += " repeated on left side of :=";
      error_at(l, msg);
      bad = true;
      vars.push_back(new_object(blank_var()));
      continue;
    }
    const ObjId existing = name == "_" ? kNoObj : lookup_in(scope_, name);
    if (existing != kNoObj) {
      record_obj(l, existing);
      if (info_.objects[existing].kind != ObjKind::Var) {
        std::string msg = "cannot assign to ";
        msg += name;
        error_at(l, msg);
        bad = true;
        vars.push_back(new_object(blank_var()));
        continue;
      }
      vars.push_back(existing);
      continue;
    }
    Object o;
    o.kind = ObjKind::Var;
    o.name = name;
    o.decl = l;
    o.owner_func = funcs_.empty() ? kNoNode : funcs_.back().node;
    const ObjId id = new_object(std::move(o));
    record_obj(l, id);
    vars.push_back(id);
    news.push_back(id);
    new_idents.push_back(l);
    if (name != "_") any_new = true;
    if (name == "_") any_new = any_new || false;
  }
  // As types2, a failed initialization marks the reused variables "used" too.
  init_vars(vars, ast_.list(n.l1), s, false);
  if (n.l1.size == lhs.size()) {
    const auto rhs = ast_.list(n.l1);
    for (ObjId v : news) {
      const auto at = std::find(vars.begin(), vars.end(), v) - vars.begin();
      set_var_src(v, src_of(rhs[static_cast<std::size_t>(at)]));
    }
  }
  std::size_t i = 0;
  for (NodeId l : lhs) {
    const ObjId v = vars[i++];
    if (ast_[l].kind == NodeKind::Ident) {
      info_.type_of[file_][l] = info_.objects[v].type;
      info_.mode_of[file_][l] = Mode::Variable;
    }
  }
  if (!any_new && !bad) {
    // `_ := x` alone still declares nothing new
    error_at(s, "no new variables on left side of :=");
  }
  for (std::size_t k = 0; k < news.size(); ++k) {
    if (declare(scope_, new_idents[k], news[k]) && !funcs_.empty()) {
      funcs_.back().locals.push_back(news[k]);
      local_scope_[news[k]] = scope_;
    }
  }
}

void Checker::assign_stmt(NodeId s) {
  const Node& n = ast_[s];
  if (n.op == Tok::Define) {
    short_var_decl(s);
    return;
  }
  const auto lhs = ast_.list(n.l0);
  const auto rhs = ast_.list(n.l1);
  if (n.op == Tok::Assign) {
    assign_vars(lhs, rhs, s);
    return;
  }
  // op-assignment
  if (lhs.size() != 1 || rhs.size() != 1) {
    std::string msg = "assignment operation ";
    msg += tok_spelling(n.op);
    msg += " requires single-valued expressions";
    error_at(s, msg);
    return;
  }
  Operand x;
  binary(x, kNoNode, lhs[0], rhs[0], assign_op_base(n.op), n.pos);
  if (x.invalid()) return;
  x.expr = rhs[0];
  // the result is assigned to the left operand
  Operand z;
  expr(z, lhs[0]);
  if (z.invalid()) return;
  if (z.mode != Mode::Variable && z.mode != Mode::MapIndex) {
    std::string msg = "cannot assign to ";
    msg += operand_str(z);
    error(start_pos(lhs[0]), msg);
  }
}

void Checker::return_stmt(NodeId s) {
  const Node& n = ast_[s];
  FuncCtx& f = funcs_.back();
  const auto rhs = ast_.list(n.l0);
  if (rhs.empty()) {
    if (!f.results.empty() && !f.named_results) {
      std::string msg = "not enough return values\n\thave ()\n\twant (";
      for (std::size_t i = 0; i < f.results.size(); ++i) {
        if (i) msg += ", ";
        msg += type_str(info_.objects[f.results[i]].type);
      }
      msg += ")";
      error_at(s, msg);
    } else if (f.named_results) {
      // a naked return must see the result parameters
      for (ObjId r : f.results) {
        const std::string& name = info_.objects[r].name;
        if (name.empty() || name == "_") continue;
        const ObjId found = lookup(name);
        if (found != r) {
          std::string msg = "result parameter ";
          msg += name;
          msg += " not in scope at return";
          const Pos p = found != kNoObj && info_.objects[found].decl != kNoNode ? ast_[info_.objects[found].decl].pos
                                                                                 : Pos{};
          msg += other_at(p, "inner declaration of ");
          if (found != kNoObj && info_.objects[found].kind == ObjKind::Var) {
            // types2 prints the object: "var err error"
            msg += "var ";
            msg += name;
            msg += " ";
            const auto vs = var_src_.find(found);
            msg += gc_type(info_.objects[found].type, vs != var_src_.end() ? vs->second : TypeSrc{});
          } else {
            msg += name;
          }
          error_at(s, msg);
        }
      }
    }
    return;
  }
  if (f.results.empty()) {
    // too many return values
    std::vector<Operand> xs;
    if (rhs.size() == 1) {
      multi_expr(xs, rhs[0]);
    } else {
      for (NodeId e : rhs) {
        Operand x;
        expr(x, e);
        xs.push_back(x);
      }
    }
    for (const Operand& x : xs) {
      if (x.invalid()) return;
    }
    std::string msg = "too many return values\n\thave (";
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (i) msg += ", ";
      const TypeId t = xs[i].type;
      if (T.is_untyped(t)) msg += T.is_numeric(t) ? "number" : T[t].name.substr(8);
      else msg += type_str(t);
    }
    msg += ")\n\twant ()";
    error(start_pos(rhs[0]), msg);
    return;
  }
  // results are assigned like variables, without changing their "used" state
  std::vector<bool> used;
  for (ObjId r : f.results) used.push_back(info_.objects[r].used);
  const std::vector<ObjId> results = f.results;
  init_vars(results, rhs, s, true);
  for (std::size_t i = 0; i < results.size(); ++i) info_.objects[results[i]].used = used[i];
}

// [SECTION] range, switch, type switch, select

void Checker::range_stmt(NodeId s, unsigned ctx) {
  const Node& n = ast_[s];
  open_scope();
  Operand x;
  expr(x, n.c);
  TypeId key = vm::kNoType, val = vm::kNoType;
  bool ok = !x.invalid();
  bool one_var_only = false;
  bool over_string = false;
  if (ok) {
    if (T.is_untyped(x.type) && T.is_string(x.type)) convert_untyped(x, vm::kString);
    TypeId t = x.type;
    const vm::Type& u0 = T[T.underlying(t)];
    if (u0.kind == vm::Kind::Pointer && T.underlying_kind(u0.elem) == vm::Kind::Array) t = u0.elem;
    const vm::Type& u = T[T.underlying(t)];
    switch (u.kind) {
      case vm::Kind::String: key = vm::kInt; val = vm::kRune; over_string = true; break;
      case vm::Kind::Array: case vm::Kind::Slice: key = vm::kInt; val = u.elem; break;
      case vm::Kind::Map: key = u.key; val = u.elem; break;
      case vm::Kind::Chan:
        key = u.elem;
        one_var_only = true;
        if (u.dir == vm::ChanDir::Send) {
          // types2 1.19 (rangeKeyVal's cause)
          std::string msg = "cannot range over ";
          msg += operand_str(x);
          msg += " (receive from send-only channel)";
          error(start_pos(n.c), msg);
          ok = false;
        }
        break;
      default: {
        std::string msg = "cannot range over ";
        msg += operand_str(x);
        error(start_pos(n.c), msg);
        ok = false;
        break;
      }
    }
  }
  if (one_var_only && n.b != kNoNode) {
    std::string msg = "range over ";
    msg += operand_str(x);
    msg += " permits only one iteration variable";
    error(start_pos(n.b), msg);
  }
  const NodeId lhs[2] = {n.a, n.b};
  const TypeId types[2] = {key, val};
  if (n.op == Tok::Define) {
    std::vector<std::pair<NodeId, ObjId>> decl;
    for (int i = 0; i < 2; ++i) {
      const NodeId l = lhs[i];
      if (l == kNoNode) continue;
      if (ast_[l].kind != NodeKind::Ident) {
        std::string msg = "non-name ";
        msg += expr_str(l);
        msg += " on left side of :=";
        error(start_pos(l), msg);
        continue;
      }
      const ObjId v = declare_var(l, ok ? types[i] : vm::kNoType);
      info_.type_of[file_][l] = info_.objects[v].type;
      info_.mode_of[file_][l] = Mode::Variable;
      if (!ok) info_.objects[v].used = true;
      if (ok && over_string && i == 1) set_var_src(v, TypeSrc{0, kNoNode, 'r'});
      decl.emplace_back(l, v);
    }
    for (auto& [l, v] : decl) declare(scope_, l, v);
  } else if (n.op == Tok::Assign) {
    for (int i = 0; i < 2; ++i) {
      if (lhs[i] == kNoNode) continue;
      Operand v;
      v.mode = Mode::Value;
      v.type = types[i];
      v.expr = kNoNode;
      if (!ok) v.mode = Mode::Invalid;
      // assign_var wants an expression for messages; use the range expression
      v.expr = n.c;
      if (v.mode != Mode::Invalid) {
        const NodeId id = unparen(ast_, lhs[i]);
        if (ast_[id].kind == NodeKind::Ident && ast_[id].text == "_") {
          info_.type_of[file_][id] = types[i];
          continue;
        }
        ObjId vo = kNoObj;
        bool vu = false;
        if (ast_[id].kind == NodeKind::Ident) {
          vo = lookup(ast_[id].text);
          if (vo != kNoObj) vu = info_.objects[vo].used;
        }
        Operand z;
        expr(z, lhs[i]);
        if (vo != kNoObj) info_.objects[vo].used = vu;
        if (z.invalid()) continue;
        if (z.mode != Mode::Variable && z.mode != Mode::MapIndex) {
          std::string msg = "cannot assign to ";
          msg += operand_str(z);
          error(start_pos(lhs[i]), msg);
          continue;
        }
        std::string reason;
        if (!assignable(v, z.type, &reason)) {
          std::string msg = "cannot use ";
          msg += expr_str(lhs[i]);
          msg += " (value of type ";
          msg += type_str(types[i]);
          msg += ") as type ";
          msg += type_str(z.type);
          msg += " in assignment";
          error(start_pos(lhs[i]), msg);
        }
      }
      // types2: without a range type the iteration variables are not evaluated (nor "used")
    }
  }
  stmt(n.d, ctx | kBreakOk | kContinueOk);
  close_scope();
}

void Checker::switch_stmt(NodeId s, unsigned ctx) {
  const Node& n = ast_[s];
  open_scope();
  stmt(n.a, ctx);
  Operand x;
  bool have_tag = n.b != kNoNode;
  if (have_tag) {
    expr(x, n.b);
    if (!x.invalid()) {
      assignment(x, vm::kNoType, "switch expression");
      const vm::Kind xk = x.invalid() ? vm::Kind::Invalid : T.underlying_kind(x.type);
      const bool has_nil = xk == vm::Kind::Pointer || xk == vm::Kind::Func || xk == vm::Kind::Slice ||
                           xk == vm::Kind::Map || xk == vm::Kind::Chan || xk == vm::Kind::Interface ||
                           xk == vm::Kind::UnsafePointer;
      if (!x.invalid() && !T.comparable(x.type) && x.type != vm::kUntypedNil && !has_nil) {
        std::string msg = "cannot switch on ";
        msg += operand_str(x);
        msg += " (";
        msg += gc_type(x.type, src_of(n.b));
        msg += " is not comparable)";
        error(start_pos(n.b), msg);
        x.mode = Mode::Invalid;
      }
    }
  } else {
    x.mode = Mode::Constant;
    x.type = vm::kBool;
    x.val = Constant::make_bool(true);
  }
  const auto clauses = ast_.list(n.l0);
  NodeId default_clause = kNoNode;
  struct SeenCase {
    Constant val;
    TypeId type;
    Pos pos;
  };
  std::vector<SeenCase> seen;  // types2's caseValues: a duplicate has the same value and an identical type
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const NodeId c = clauses[ci];
    const Node& cl = ast_[c];
    if (cl.flags & kDefault) {
      if (default_clause != kNoNode) {
        error_at(c, "multiple defaults in switch");
      }
      default_clause = c;
    }
    for (NodeId e : ast_.list(cl.l0)) {
      Operand y;
      expr(y, e);
      if (y.invalid() || x.invalid()) continue;
      Operand xc = x;
      xc.expr = have_tag ? n.b : kNoNode;
      const bool y_nil = y.type == vm::kUntypedNil;
      convert_untyped(y, x.type);
      if (y.invalid()) continue;
      if (!(assignable(y, x.type, nullptr) || assignable(xc, y.type, nullptr))) {
        std::string msg = "invalid case ";
        msg += expr_str(e);
        msg += " in switch";
        if (have_tag) {
          msg += " on ";
          msg += expr_str(n.b);
        }
        msg += " (mismatched types ";
        msg += type_str(y.type);
        msg += " and ";
        msg += type_str(x.type);
        msg += ")";
        error(start_pos(e), msg);
        continue;
      }
      // types2's comparison(case, tag, ==): comparable unless one side is nil
      if (have_tag && !y_nil && !T.comparable(y.type)) {
        std::string msg = "invalid case ";
        msg += expr_str(e);
        msg += " in switch on ";
        msg += expr_str(n.b);
        msg += " (";
        msg += incomparable_cause(y.type);
        msg += ")";
        error(start_pos(e), msg);
        continue;
      }
      if (y.mode == Mode::Constant && have_tag) {
        for (auto& [v, vt, p] : seen) {
          if (v == y.val && v.kind == y.val.kind && vt == y.type && in_instance_ == 0) {
            Operand shown = y;
            shown.expr = e;
            std::string msg = "duplicate case ";
            msg += operand_str(shown);
            msg += " in expression switch";
            msg += other_at(p, "previous case");
            error(start_pos(e), msg);
          }
        }
        seen.push_back(SeenCase{y.val, y.type, start_pos(e)});
      }
    }
    open_scope();
    unsigned inner = ctx | kBreakOk;
    if (ci + 1 < clauses.size()) inner |= kFallthroughOk;
    else inner |= kFinalSwitchCase;
    stmt_list(ast_.list(cl.l1), inner);
    close_scope();
  }
  close_scope();
}

void Checker::type_switch_stmt(NodeId s, unsigned ctx) {
  const Node& n = ast_[s];
  open_scope();
  stmt(n.a, ctx);
  Operand x;
  expr(x, n.c);
  // the guard's TypeAssert node is not in the tree; record nothing for it
  bool ok = !x.invalid();
  const bool type_param = probe_param(x.type) != nullptr;  // an interface probe stands for any type
  if (ok && (type_param || !T.is_interface(x.type))) {
    std::string msg = type_param ? "cannot use type switch on type parameter value " : "";
    msg += operand_str(x);
    if (!type_param) msg += " is not an interface";
    error(start_pos(n.c), msg);
    ok = false;
  }
  const NodeId bound = n.b;
  if (bound != kNoNode && ast_[bound].text == "_") {
    error_at(bound, "no new variable on left side of :=");
  }
  std::vector<ObjId> clause_objs;
  std::vector<std::pair<TypeId, Pos>> seen;
  NodeId default_clause = kNoNode;
  const auto clauses = ast_.list(n.l0);
  for (NodeId c : clauses) {
    const Node& cl = ast_[c];
    if (cl.flags & kDefault) {
      if (default_clause != kNoNode) error_at(c, "multiple defaults in switch");
      default_clause = c;
    }
    TypeId single = vm::kNoType;
    std::size_t count = 0;
    for (NodeId e : ast_.list(cl.l0)) {
      ++count;
      const NodeId u = unparen(ast_, e);
      TypeId t = vm::kNoType;
      if (ast_[u].kind == NodeKind::Ident && ast_[u].text == "nil" && lookup("nil") == info_.universe.at("nil")) {
        record_obj(u, info_.universe.at("nil"));
        Operand nx;
        nx.mode = Mode::Value;
        nx.type = vm::kUntypedNil;
        record(e, nx);
        if (u != e) record(u, nx);
        untyped_.erase(e);
        untyped_.erase(u);
        t = vm::kUntypedNil;
      } else {
        t = type_expr(e);
        if (t == vm::kNoType) continue;
        if (ok && !T.is_interface(t)) {
          std::string name;
          bool wrong = false, ptr = false;
          if (in_instance_ == 0 && missing_method(t, x.type, false, &name, &wrong, &ptr)) {
            std::string msg = "impossible type switch case: ";
            msg += expr_str(e);
            msg += "\n\t";
            msg += operand_str(x);
            msg += " cannot have dynamic type ";
            msg += type_str(t);
            msg += " ";
            msg += missing_method_reason(t, x.type);
            error(start_pos(e), msg);
          }
        }
      }
      for (auto& [st, p] : seen) {
        // in an instance of a generic function, case T and case int may be the same type (Go checks the
        // generic body, where they differ); the first one matches
        if (st == t && in_instance_ == 0) {
          std::string msg = "duplicate case ";
          msg += t == vm::kUntypedNil ? std::string("nil") : type_str(t);
          msg += " in type switch";
          msg += other_at(p, "previous case");
          error(start_pos(e), msg);
        }
      }
      seen.emplace_back(t, start_pos(e));
      single = t;
    }
    open_scope();
    if (bound != kNoNode && ast_[bound].text != "_") {
      TypeId vt = x.type;
      if (count == 1 && single != vm::kNoType && single != vm::kUntypedNil) vt = single;
      Object o;
      o.kind = ObjKind::Var;
      o.name = ast_[bound].text;
      o.type = ok ? vt : vm::kNoType;
      o.decl = bound;
      o.owner_func = funcs_.empty() ? kNoNode : funcs_.back().node;
      const ObjId id = new_object(std::move(o));
      info_.clause_obj[file_][c] = id;
      scopes_[scope_].names[ast_[bound].text] = id;
      clause_objs.push_back(id);
    }
    stmt_list(ast_.list(cl.l1), ctx | kBreakOk | kInTypeSwitch);
    close_scope();
  }
  if (bound != kNoNode && ast_[bound].text != "_") {
    info_.type_of[file_][bound] = x.type;
    if (!ok || clauses.empty()) {
      for (ObjId o : clause_objs) info_.objects[o].used = true;
    }
    if (clauses.empty()) {
      std::string msg = ast_[bound].text;
      msg += " declared but not used";
      error_at(bound, msg);
    } else {
      funcs_.back().type_switch_vars.emplace_back(bound, clause_objs);
    }
  }
  close_scope();
}

void Checker::select_stmt(NodeId s, unsigned ctx) {
  const Node& n = ast_[s];
  NodeId default_clause = kNoNode;
  for (NodeId c : ast_.list(n.l0)) {
    const Node& cl = ast_[c];
    if (cl.a == kNoNode) {
      if (default_clause != kNoNode) error_at(c, "multiple defaults in select");
      default_clause = c;
    } else {
      // must be a send, a receive, or an assignment/definition from a receive
      const Node& st = ast_[cl.a];
      bool valid = false;
      if (st.kind == NodeKind::SendStmt) {
        valid = true;
      } else if (st.kind == NodeKind::ExprStmt) {
        const NodeId e = unparen(ast_, st.a);
        valid = ast_[e].kind == NodeKind::Unary && ast_[e].op == Tok::Arrow;
      } else if (st.kind == NodeKind::AssignStmt && (st.op == Tok::Assign || st.op == Tok::Define) &&
                 st.l1.size == 1) {
        const NodeId e = unparen(ast_, ast_.list(st.l1)[0]);
        valid = ast_[e].kind == NodeKind::Unary && ast_[e].op == Tok::Arrow;
      }
      if (!valid) error_at(cl.a, "select case must be receive, send or assign recv");
    }
    open_scope();
    if (cl.a != kNoNode) stmt(cl.a, ctx);
    stmt_list(ast_.list(cl.l1), ctx | kBreakOk);
    close_scope();
  }
}

// [SECTION] terminating statements (the spec's definition, as types2's return.go)

bool Checker::terminating(NodeId s, const std::string& label) {
  if (s == kNoNode) return false;
  const Node& n = ast_[s];
  switch (n.kind) {
    case NodeKind::ReturnStmt: return true;
    case NodeKind::BranchStmt: return n.op == Tok::Goto || n.op == Tok::Fallthrough;
    case NodeKind::ExprStmt: {
      const NodeId c = unparen(ast_, n.a);
      if (ast_[c].kind != NodeKind::Call) return false;
      const NodeId f = unparen(ast_, ast_[c].a);
      if (ast_[f].kind != NodeKind::Ident) return false;
      const ObjId o = info_.obj_of[file_][f];
      return o != kNoObj && info_.objects[o].kind == ObjKind::Builtin && info_.objects[o].builtin == Builtin::Panic;
    }
    case NodeKind::BlockStmt: {
      const auto list = ast_.list(n.l0);
      for (std::size_t i = list.size(); i-- > 0;) {
        if (ast_[list[i]].kind == NodeKind::EmptyStmt) continue;
        return terminating(list[i], "");
      }
      return false;
    }
    case NodeKind::IfStmt:
      return n.d != kNoNode && terminating(n.c, "") && terminating(n.d, "");
    case NodeKind::LabeledStmt: return terminating(n.b, ast_[n.a].text);
    case NodeKind::ForStmt:
      return n.b == kNoNode && !has_break(n.d, label, true);
    case NodeKind::RangeStmt: return false;
    case NodeKind::SwitchStmt:
    case NodeKind::TypeSwitchStmt:
    case NodeKind::SelectStmt: {
      bool has_default = n.kind == NodeKind::SelectStmt;
      for (NodeId c : ast_.list(n.l0)) {
        const Node& cl = ast_[c];
        if (n.kind == NodeKind::SelectStmt ? false : (cl.flags & kDefault) != 0) has_default = true;
        const auto body = ast_.list(cl.l1);
        std::size_t last = body.size();
        while (last > 0 && ast_[body[last - 1]].kind == NodeKind::EmptyStmt) --last;
        if (last == 0) return false;
        if (!terminating(body[last - 1], "")) return false;
        for (NodeId b : body) {
          if (has_break(b, label, true)) return false;
        }
      }
      return has_default;
    }
    default: return false;
  }
}

bool Checker::has_break(NodeId s, const std::string& label, bool implicit) {
  if (s == kNoNode) return false;
  const Node& n = ast_[s];
  switch (n.kind) {
    case NodeKind::BranchStmt:
      if (n.op != Tok::Break) return false;
      if (n.a == kNoNode) return implicit;
      return ast_[n.a].text == label;
    case NodeKind::BlockStmt:
    case NodeKind::CaseClause:
    case NodeKind::CommClause:
      for (NodeId c : ast_.list(n.l0)) {
        if (has_break(c, label, implicit)) return true;
      }
      for (NodeId c : ast_.list(n.l1)) {
        if (has_break(c, label, implicit)) return true;
      }
      return false;
    case NodeKind::LabeledStmt: return has_break(n.b, label, implicit);
    case NodeKind::IfStmt: return has_break(n.c, label, implicit) || has_break(n.d, label, implicit);
    case NodeKind::ForStmt:
    case NodeKind::RangeStmt: return !label.empty() && has_break(n.d, label, false);
    case NodeKind::SwitchStmt:
    case NodeKind::TypeSwitchStmt:
    case NodeKind::SelectStmt:
      if (label.empty()) return false;
      for (NodeId c : ast_.list(n.l0)) {
        if (has_break(c, label, false)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace gb::go::detail
