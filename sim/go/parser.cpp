// Recursive-descent Go parser following the grammar and error recovery of gc (cmd/compile/internal/syntax).
//
// Sections, in order:
//   Tokens and errors
//   Node helpers
//   File and declarations
//   Types
//   Names
//   Expressions
//   Statements
#include "sim/go/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

#include "sim/go/ast_print.h"
#include "sim/go/lexer.h"

namespace gb::go {

namespace {

// The spelling of an expected token in "expecting X" messages (gc's tokstring).
std::string expected_name(Tok t) {
  if (t == Tok::Comma) return "comma";
  if (t == Tok::Semicolon) return "semicolon or newline";
  if (t == Tok::Ident) return "name";
  return std::string(tok_spelling(t));
}

// Keywords that begin a statement: good places to resume after an error inside a function body.
bool in_stopset(Tok t) {
  switch (t) {
    case Tok::Break:
    case Tok::Const:
    case Tok::Continue:
    case Tok::Defer:
    case Tok::Fallthrough:
    case Tok::For:
    case Tok::Go:
    case Tok::Goto:
    case Tok::If:
    case Tok::Return:
    case Tok::Select:
    case Tok::Switch:
    case Tok::Type:
    case Tok::Var:
      return true;
    default:
      return false;
  }
}

class Parser {
 public:
  Parser(const SourceFile& file, Diagnostics& diags)
      : lex_(file, diags), diags_(diags), start_errors_(diags.count()) {
    next();
  }

  Ast run() {
    ast_.file = file();
    return std::move(ast_);
  }

 private:
  // [SECTION] Tokens and errors

  void next() {
    if (aborted_ || diags_.too_many()) {
      // Stop reading: every loop in the parser ends at EOF, so parsing unwinds quickly.
      Token eof;
      eof.kind = Tok::Eof;
      eof.text = "EOF";
      eof.pos = tok_.pos;
      tok_ = eof;
      return;
    }
    tok_ = lex_.next();
  }

  bool got(Tok k) {
    if (tok_.kind == k) {
      next();
      return true;
    }
    return false;
  }

  void want(Tok k) {
    if (!got(k)) {
      syntax_error("expecting " + expected_name(k));
      advance({});
    }
  }

  // Accepts ":=" where "=" is required, with an error, for better recovery.
  bool got_assign() {
    if (tok_.kind == Tok::Define) syntax_error("expecting =");
    if (tok_.kind == Tok::Define || tok_.kind == Tok::Assign) {
      next();
      return true;
    }
    return false;
  }

  bool had_errors() const { return diags_.count() > start_errors_ || diags_.too_many(); }

  void error_at(Pos pos, std::string msg) { diags_.error(pos, std::move(msg)); }

  std::string token_desc() const {
    switch (tok_.kind) {
      case Tok::Ident:
      case Tok::Semicolon:
        return tok_.text;
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
        return "literal " + tok_.text;
      case Tok::Comma:
        return "comma";
      default:
        return std::string(tok_spelling(tok_.kind));
    }
  }

  // gc's syntaxErrorAt: "in ...", "at ...", "after ..." and "expecting ..." messages name the current token.
  void syntax_error_at(Pos pos, const std::string& msg) {
    if (tok_.kind == Tok::Eof && had_errors()) return;  // avoid meaningless follow-up errors
    auto starts = [&](const char* p) { return msg.rfind(p, 0) == 0; };
    std::string tail;
    if (msg.empty()) {
      tail = "";
    } else if (starts("in ") || starts("at ") || starts("after ")) {
      tail = " " + msg;
    } else if (starts("expecting ")) {
      tail = ", " + msg;
    } else {
      error_at(pos, "syntax error: " + msg);
      return;
    }
    error_at(pos, "syntax error: unexpected " + token_desc() + tail);
  }
  void syntax_error(const std::string& msg) { syntax_error_at(tok_.pos, msg); }

  // Skips tokens up to one in `follow` (or a statement keyword inside a function); with an empty list
  // it skips exactly one token, so every error path makes progress.
  void advance(std::initializer_list<Tok> follow) {
    auto stop = [&](Tok t) {
      if (t == Tok::Eof) return true;
      if (follow.size() == 0) return false;
      if (fnest_ > 0 && in_stopset(t)) return true;
      for (Tok f : follow) {
        if (f == t) return true;
      }
      return false;
    };
    while (!stop(tok_.kind)) {
      next();
      if (follow.size() == 0) break;
    }
  }

  // Counts nesting for as long as it lives; past kMaxNesting it reports once and stops parsing (see
  // parser.h). Loops that deepen the tree without recursing (a.b.c..., x+y+z...) call add() per step.
  struct Depth {
    Parser& p;
    int n = 0;
    bool ok = true;
    explicit Depth(Parser& parser) : p(parser) { ok = add(); }
    bool add() {
      ++n;
      if (++p.depth_ <= kMaxNesting) return true;
      if (!p.aborted_) {
        p.error_at(p.tok_.pos, "exceeded max nesting depth");
        p.aborted_ = true;
        p.next();
      }
      ok = false;
      return false;
    }
    ~Depth() { p.depth_ -= n; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
  };

  // [SECTION] Node helpers

  NodeId make(NodeKind k, Pos pos) {
    Node n;
    n.kind = k;
    n.pos = pos;
    return ast_.add(std::move(n));
  }
  Node& at(NodeId id) { return ast_.nodes[id]; }
  NodeKind kind(NodeId id) const { return id == kNoNode ? NodeKind::Bad : ast_.nodes[id].kind; }
  NodeId bad() { return make(NodeKind::Bad, tok_.pos); }
  NodeId ident(Pos pos, std::string name) {
    const NodeId id = make(NodeKind::Ident, pos);
    at(id).text = std::move(name);
    return id;
  }
  NodeId unparen(NodeId x) const {
    while (x != kNoNode && ast_.nodes[x].kind == NodeKind::Paren) x = ast_.nodes[x].a;
    return x;
  }

  // [SECTION] File and declarations

  NodeId file() {
    const NodeId f = make(NodeKind::File, tok_.pos);
    if (!got(Tok::Package)) {
      syntax_error("package statement must be first");
      return f;
    }
    const NodeId pkg = name();
    at(f).text = at(pkg).text;
    want(Tok::Semicolon);
    if (had_errors()) return f;  // as gc: don't bother continuing if the package clause is broken

    std::vector<NodeId> imports;
    while (got(Tok::Import)) {
      group_into(imports, Tok::Import);
      want(Tok::Semicolon);
    }

    std::vector<NodeId> decls;
    while (tok_.kind != Tok::Eof) {
      switch (tok_.kind) {
        case Tok::Const:
        case Tok::Type:
        case Tok::Var: {
          const Tok k = tok_.kind;
          const Pos pos = tok_.pos;
          next();
          decls.push_back(decl_group(k, pos));
          break;
        }
        case Tok::Func: {
          next();
          const NodeId d = func_decl();
          if (d != kNoNode) decls.push_back(d);
          break;
        }
        default: {
          const bool after_bodyless_func = tok_.kind == Tok::LBrace && !decls.empty() &&
                                           kind(decls.back()) == NodeKind::FuncDecl &&
                                           at(decls.back()).d == kNoNode;
          syntax_error(after_bodyless_func ? "unexpected semicolon or newline before {"
                                           : "non-declaration statement outside function body");
          advance({Tok::Const, Tok::Type, Tok::Var, Tok::Func});
          continue;
        }
      }
      if (tok_.kind != Tok::Eof && !got(Tok::Semicolon)) {
        syntax_error("after top level declaration");
        advance({Tok::Const, Tok::Type, Tok::Var, Tok::Func});
      }
    }
    at(f).l0 = ast_.add_list(imports);
    at(f).l1 = ast_.add_list(decls);
    return f;
  }

  // list = [ f { sep f } [sep] ] close . `f` returns true when no more elements may follow.
  template <typename F>
  Pos list(const char* context, Tok sep, Tok close, F&& f) {
    bool done = false;
    while (tok_.kind != Tok::Eof && tok_.kind != close && !done) {
      done = f();
      if (!got(sep) && tok_.kind != close) {
        syntax_error(fmt::format("in {}; possibly missing {} or {}", context, expected_name(sep),
                                 expected_name(close)));
        advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
        if (tok_.kind != close) return tok_.pos;
      }
    }
    const Pos pos = tok_.pos;
    want(close);
    return pos;
  }

  // Parses one spec or a parenthesised group of them, appending to `out`.
  void group_into(std::vector<NodeId>& out, Tok k) {
    if (got(Tok::LParen)) {
      std::uint64_t iota = 0;
      list("grouped declaration", Tok::Semicolon, Tok::RParen, [&] {
        const NodeId s = spec(k, iota++);
        if (s != kNoNode) out.push_back(s);
        return false;
      });
    } else {
      const NodeId s = spec(k, 0);
      if (s != kNoNode) out.push_back(s);
    }
  }

  NodeId decl_group(Tok k, Pos pos) {
    const NodeId g = make(NodeKind::DeclGroup, pos);
    at(g).op = k;
    const bool grouped = tok_.kind == Tok::LParen;
    std::vector<NodeId> specs;
    group_into(specs, k);
    at(g).l0 = ast_.add_list(specs);
    if (grouped) at(g).flags |= kGrouped;
    return g;
  }

  NodeId spec(Tok k, std::uint64_t iota) {
    switch (k) {
      case Tok::Import:
        return import_spec();
      case Tok::Const:
        return const_spec(iota);
      case Tok::Var:
        return var_spec();
      default:
        return type_spec();
    }
  }

  NodeId import_spec() {
    const NodeId s = make(NodeKind::ImportSpec, tok_.pos);
    if (tok_.kind == Tok::Ident) {
      const NodeId n = name();
      at(s).a = n;
    } else if (tok_.kind == Tok::Period) {
      const NodeId n = ident(tok_.pos, ".");
      at(s).a = n;
      next();
    }
    if (!is_literal(tok_.kind)) {
      syntax_error("missing import path");
      advance({Tok::Semicolon, Tok::RParen});
      return s;
    }
    const bool not_string = tok_.kind != Tok::String && !tok_.bad;
    at(s).text = tok_.text;
    at(s).value = tok_.value;
    next();
    if (not_string) syntax_error("import path must be a string");  // gc reports after the literal
    return s;
  }

  NodeId const_spec(std::uint64_t iota) {
    const NodeId s = make(NodeKind::ConstSpec, tok_.pos);
    at(s).num = iota;
    const std::vector<NodeId> names = name_list();
    std::vector<NodeId> values;
    NodeId type = kNoNode;
    if (tok_.kind != Tok::Eof && tok_.kind != Tok::Semicolon && tok_.kind != Tok::RParen) {
      type = type_or_nil();
      if (got_assign()) values = expr_list();
    }
    at(s).l0 = ast_.add_list(names);
    at(s).a = type;
    at(s).l1 = ast_.add_list(values);
    return s;
  }

  NodeId var_spec() {
    const NodeId s = make(NodeKind::VarSpec, tok_.pos);
    const std::vector<NodeId> names = name_list();
    std::vector<NodeId> values;
    NodeId type = kNoNode;
    if (got_assign()) {
      values = expr_list();
    } else {
      type = type_();
      if (got_assign()) values = expr_list();
    }
    at(s).l0 = ast_.add_list(names);
    at(s).a = type;
    at(s).l1 = ast_.add_list(values);
    return s;
  }

  NodeId type_spec() {
    const NodeId s = make(NodeKind::TypeSpec, tok_.pos);
    const NodeId n = name();
    at(s).a = n;
    NodeId t = kNoNode;
    if (tok_.kind == Tok::LBrack) {
      // type T[P C] ... (type parameters) or type T [N]E / []E (an array or slice type)
      t = array_or_type_params(s);
      if (t == kNoNode) {
        if (got_assign()) at(s).flags |= kAlias;
        t = type_or_nil();
      }
    } else {
      if (got_assign()) at(s).flags |= kAlias;
      t = type_or_nil();
    }
    if (t == kNoNode) {
      t = bad();
      syntax_error("in type declaration");
      advance({Tok::Semicolon, Tok::RParen});
    }
    at(s).b = t;
    return s;
  }

  // `[]E` after its "[]": the slice type of the element type that follows.
  NodeId slice_type_rest(Pos pos) {
    const NodeId st = make(NodeKind::SliceType, pos);
    const NodeId elem = type_();
    at(st).a = elem;
    return st;
  }

  // After `type Name` at '[': a type parameter list (stored in spec's l0; returns kNoNode, the type follows)
  // or an array or slice type (returned). As gc, `[N]E`, `[N*2]E` and `[pkg.N]E` are arrays; a name followed
  // by a name, a type literal, ',' or '~' begins type parameters.
  NodeId array_or_type_params(NodeId spec) {
    const Pos pos = tok_.pos;
    next();  // '['
    if (got(Tok::RBrack)) return slice_type_rest(pos);
    if (tok_.kind != Tok::Ident) return array_type(pos);
    const NodeId first = name();
    switch (tok_.kind) {
      case Tok::Ident: case Tok::Comma: case Tok::Interface: case Tok::Tilde: case Tok::LBrack:
      case Tok::Func: case Tok::Map: case Tok::Chan: case Tok::Struct: case Tok::LParen: case Tok::Mul: {
        const std::vector<NodeId> tps = type_param_list(first);
        at(spec).l0 = ast_.add_list(tps);
        return kNoNode;
      }
      default: break;
    }
    // an array length that starts with a name
    const NodeId t = make(NodeKind::ArrayType, pos);
    ++xnest_;
    const NodeId len = binary_expr(pexpr(first, false), 0);
    --xnest_;
    at(t).a = len;
    want(Tok::RBrack);
    const NodeId elem = type_();
    at(t).b = elem;
    return t;
  }

  // TypeParameters after '[' and the first name: each Field has names and a constraint in `a`.
  std::vector<NodeId> type_param_list(NodeId first) {
    std::vector<NodeId> fields;
    std::vector<NodeId> pending{first};
    Pos fpos = at(first).pos;
    for (int guard = 0; guard < 10000 && tok_.kind != Tok::Eof; ++guard) {
      if (tok_.kind == Tok::Comma) {
        next();
        if (tok_.kind == Tok::RBrack) break;
        pending.push_back(name());
        continue;
      }
      if (tok_.kind == Tok::RBrack) {
        syntax_error("missing type constraint");
        break;
      }
      const NodeId c = constraint_expr();
      const NodeId f = make(NodeKind::Field, fpos);
      at(f).l0 = ast_.add_list(pending);
      at(f).a = c;
      fields.push_back(f);
      pending.clear();
      if (!got(Tok::Comma) || tok_.kind == Tok::RBrack) break;
      fpos = tok_.pos;
      pending.push_back(name());
    }
    want(Tok::RBrack);
    return fields;
  }

  // A constraint or interface element: a union of terms T or ~T ("~int | ~string"), as Unary(~) and Binary(|).
  NodeId constraint_term() {
    if (tok_.kind == Tok::Tilde) {
      const NodeId u = make(NodeKind::Unary, tok_.pos);
      next();
      const NodeId t = type_();
      at(u).op = Tok::Tilde;
      at(u).a = t;
      return u;
    }
    return type_();
  }
  NodeId constraint_expr() {
    NodeId x = constraint_term();
    while (tok_.kind == Tok::Or) {
      const NodeId b = make(NodeKind::Binary, tok_.pos);
      next();
      const NodeId y = constraint_term();
      at(b).op = Tok::Or;
      at(b).a = x;
      at(b).b = y;
      x = b;
    }
    return x;
  }

  // After a type name at '[': the type arguments of an instantiation T[A, B], as an Index node (b=the first
  // argument, l0=all of them when there are several).
  NodeId type_args(NodeId x) {
    const NodeId ix = make(NodeKind::Index, tok_.pos);
    next();  // '['
    std::vector<NodeId> args;
    ++xnest_;
    list("type argument list", Tok::Comma, Tok::RBrack, [&] {
      args.push_back(type_());
      return false;
    });
    --xnest_;
    at(ix).a = x;
    if (args.empty()) {
      syntax_error_at(at(ix).pos, "expecting type");
      args.push_back(bad());
    }
    at(ix).b = args[0];
    if (args.size() > 1) at(ix).l0 = ast_.add_list(args);
    return ix;
  }

  // FunctionDecl = "func" [Receiver] FunctionName Signature [FunctionBody] . ("func" already consumed)
  NodeId func_decl() {
    const NodeId f = make(NodeKind::FuncDecl, tok_.pos);
    if (tok_.kind == Tok::LParen) {
      next();
      const std::vector<NodeId> recv = param_list(Tok::RParen);
      std::size_t count = 0;  // (a, b T) is one Field with two names: two receivers
      for (NodeId r : recv) count += std::max<std::size_t>(1, at(r).l0.size);
      // gc reports these at the token after the receiver list (the method name).
      if (count == 0) {
        error_at(tok_.pos, "method has no receiver");
      } else if (count > 1) {
        error_at(tok_.pos, "method has multiple receivers");
      } else {
        at(f).b = recv[0];
      }
    }
    if (tok_.kind != Tok::Ident) {
      syntax_error("expecting name or (");
      advance({Tok::LBrace, Tok::Semicolon});
      return kNoNode;
    }
    const NodeId n = name();
    at(f).a = n;
    if (tok_.kind == Tok::LBrack) {
      next();
      if (tok_.kind == Tok::RBrack) {
        syntax_error("empty type parameter list");
        next();
      } else {
        const NodeId first = name();
        const std::vector<NodeId> tps = type_param_list(first);
        at(f).l0 = ast_.add_list(tps);
      }
    }
    const NodeId sig = func_type();
    at(f).c = sig;
    if (tok_.kind == Tok::LBrace) {
      const NodeId body = func_body();
      at(f).d = body;
    }
    return f;
  }

  NodeId func_body() {
    ++fnest_;
    const int outer = xnest_;
    xnest_ = 0;
    const NodeId b = block_stmt("");
    xnest_ = outer;
    --fnest_;
    return b;
  }

  // [SECTION] Types

  NodeId type_() {
    NodeId t = type_or_nil();
    if (t == kNoNode) {
      t = bad();
      syntax_error("expecting type");
      advance({Tok::Comma, Tok::Colon, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
    }
    return t;
  }

  NodeId type_or_nil() {
    Depth depth(*this);
    if (!depth.ok) return bad();
    const Pos pos = tok_.pos;
    switch (tok_.kind) {
      case Tok::Mul: {
        next();
        const NodeId s = make(NodeKind::Star, pos);
        const NodeId elem = type_();
        at(s).a = elem;
        return s;
      }
      case Tok::Arrow: {
        next();
        want(Tok::Chan);
        const NodeId c = make(NodeKind::ChanType, pos);
        at(c).flags |= kRecvOnly;
        const NodeId elem = chan_elem();
        at(c).a = elem;
        return c;
      }
      case Tok::Func: {
        next();
        return func_type();
      }
      case Tok::LBrack: {
        next();
        if (got(Tok::RBrack)) {
          const NodeId s = make(NodeKind::SliceType, pos);
          const NodeId elem = type_();
          at(s).a = elem;
          return s;
        }
        return array_type(pos);
      }
      case Tok::Chan: {
        next();
        const NodeId c = make(NodeKind::ChanType, pos);
        if (got(Tok::Arrow)) at(c).flags |= kSendOnly;
        const NodeId elem = chan_elem();
        at(c).a = elem;
        return c;
      }
      case Tok::Map: {
        next();
        want(Tok::LBrack);
        const NodeId m = make(NodeKind::MapType, pos);
        const NodeId key = type_();
        want(Tok::RBrack);
        const NodeId val = type_();
        at(m).a = key;
        at(m).b = val;
        return m;
      }
      case Tok::Struct:
        return struct_type();
      case Tok::Interface:
        return interface_type();
      case Tok::Ident: {
        const NodeId q = qualified_name(kNoNode);
        if (tok_.kind == Tok::LBrack) return type_args(q);
        return q;
      }
      case Tok::LParen: {
        next();
        const NodeId p = make(NodeKind::Paren, pos);
        const NodeId inner = type_();
        want(Tok::RParen);
        at(p).a = inner;
        return p;
      }
      default:
        return kNoNode;
    }
  }

  // "[" already consumed; `[...]T` or `[N]T`.
  NodeId array_type(Pos pos) {
    const NodeId t = make(NodeKind::ArrayType, pos);
    if (got(Tok::Ellipsis)) {
      at(t).flags |= kDotsLen;
    } else {
      ++xnest_;
      const NodeId len = expr();
      --xnest_;
      at(t).a = len;
    }
    if (tok_.kind == Tok::Comma) {
      syntax_error("unexpected comma; expecting ]");
      next();
    }
    want(Tok::RBrack);
    const NodeId elem = type_();
    at(t).b = elem;
    return t;
  }

  NodeId chan_elem() {
    NodeId t = type_or_nil();
    if (t == kNoNode) {
      t = bad();
      syntax_error("missing channel element type");
    }
    return t;
  }

  NodeId func_type() {
    const NodeId f = make(NodeKind::FuncType, tok_.pos);
    want(Tok::LParen);
    const std::vector<NodeId> params = param_list(Tok::RParen);
    std::vector<NodeId> results;
    if (got(Tok::LParen)) {
      results = param_list(Tok::RParen);
    } else {
      const Pos pos = tok_.pos;
      const NodeId t = type_or_nil();
      if (t != kNoNode) {
        const NodeId field = make(NodeKind::Field, pos);
        at(field).a = t;
        results.push_back(field);
      }
    }
    at(f).l0 = ast_.add_list(params);
    at(f).l1 = ast_.add_list(results);
    return f;
  }

  // One parameter: [name] Type, [name] ...Type, or a lone name (which may turn out to be a type).
  NodeId param_decl_or_nil(Tok follow) {
    const NodeId f = make(NodeKind::Field, tok_.pos);
    NodeId pname = kNoNode;
    if (tok_.kind == Tok::Ident) {
      pname = name();
      if (tok_.kind == Tok::Period) {
        NodeId q = qualified_name(pname);
        if (tok_.kind == Tok::LBrack) q = type_args(q);
        at(f).a = q;
        return f;
      }
      if (tok_.kind == Tok::LBrack) {
        // name []E, name [N]E (a named parameter) or T[A] (an unnamed parameter of an instantiated type)
        const NodeId t = array_or_type_args(pname);
        if (at(t).kind == NodeKind::Index) {
          at(f).a = t;
        } else {
          at(f).a = t;
          at(f).l0 = ast_.add_list({pname});
        }
        return f;
      }
    }
    if (tok_.kind == Tok::Ellipsis) {
      const NodeId e = make(NodeKind::Ellipsis, tok_.pos);
      next();
      NodeId elem = type_or_nil();
      if (elem == kNoNode) {
        elem = bad();
        syntax_error("... is missing type");
      }
      at(e).a = elem;
      at(f).a = e;
      if (pname != kNoNode) at(f).l0 = ast_.add_list({pname});
      return f;
    }
    const NodeId t = type_or_nil();
    if (pname != kNoNode || t != kNoNode) {
      // A lone name is parked in `a` for now; param_list decides whether it is a name or a type.
      if (pname != kNoNode && t == kNoNode) {
        at(f).a = pname;
        at(f).num = 1;  // "name only" marker, cleared by param_list
      } else {
        at(f).a = t;
        if (pname != kNoNode) at(f).l0 = ast_.add_list({pname});
      }
      return f;
    }
    syntax_error("expecting " + expected_name(follow));
    advance({Tok::Comma, follow});
    return kNoNode;
  }

  // "(" already consumed. Either every parameter is named or none is: in `(a, b int, c string)` a lone
  // name takes the type that follows it; in `(int, string)` lone names are types.
  std::vector<NodeId> param_list(Tok close) {
    std::vector<NodeId> fields;
    int named = 0;
    list("parameter list", Tok::Comma, close, [&] {
      const NodeId f = param_decl_or_nil(close);
      if (f != kNoNode) {
        if (at(f).num == 0 && at(f).l0.size > 0) ++named;
        fields.push_back(f);
      }
      return false;
    });
    if (fields.empty()) return fields;
    if (named == 0) {
      for (NodeId f : fields) at(f).num = 0;  // lone names are types
      return fields;
    }
    if (named != static_cast<int>(fields.size())) {
      Pos err;
      NodeId typ = kNoNode;
      for (std::size_t i = fields.size(); i-- > 0;) {
        Node& f = at(fields[i]);
        if (f.num == 0) {
          typ = f.a;
          if (f.l0.size == 0) {
            err = f.pos;  // a bare type among named parameters
            const NodeId blank = ident(at(fields[i]).pos, "_");
            at(fields[i]).l0 = ast_.add_list({blank});
          }
        } else if (typ != kNoNode) {
          const NodeId n = f.a;
          f.a = typ;
          f.num = 0;
          at(fields[i]).l0 = ast_.add_list({n});
        } else {
          err = f.pos;  // a trailing name with no type
          const NodeId n = f.a;
          f.num = 0;
          const NodeId b = make(NodeKind::Bad, at(fields[i]).pos);
          at(fields[i]).a = b;
          at(fields[i]).l0 = ast_.add_list({n});
        }
      }
      if (err.known()) syntax_error_at(err, "mixed named and unnamed parameters");
    }
    // Merge runs of names sharing one type node into a single Field, as written: (a, b int).
    std::vector<NodeId> merged;
    for (NodeId f : fields) {
      if (!merged.empty() && at(merged.back()).a == at(f).a && kind(at(f).a) != NodeKind::Bad) {
        std::vector<NodeId> names(ast_.list(at(merged.back()).l0).begin(),
                                  ast_.list(at(merged.back()).l0).end());
        for (NodeId n : ast_.list(at(f).l0)) names.push_back(n);
        at(merged.back()).l0 = ast_.add_list(names);
      } else {
        merged.push_back(f);
      }
    }
    return merged;
  }

  // After a name at '[' in a parameter or field: `[]E` or `[N]E` is the name's type (returned as such);
  // `[A, B]` not followed by a type is the name instantiated (an Index node).
  NodeId array_or_type_args(NodeId nm) {
    const Pos pos = tok_.pos;
    next();  // '['
    if (got(Tok::RBrack)) return slice_type_rest(pos);
    if (tok_.kind == Tok::Ellipsis) return array_type(pos);
    std::vector<NodeId> args;
    ++xnest_;
    list("type argument list", Tok::Comma, Tok::RBrack, [&] {
      args.push_back(expr());
      return false;
    });
    --xnest_;
    if (args.size() == 1) {
      const NodeId elem = type_or_nil();
      if (elem != kNoNode) {
        const NodeId t = make(NodeKind::ArrayType, pos);
        at(t).a = args[0];
        at(t).b = elem;
        return t;
      }
    }
    const NodeId ix = make(NodeKind::Index, pos);
    at(ix).a = nm;
    if (args.empty()) args.push_back(bad());
    at(ix).b = args[0];
    if (args.size() > 1) at(ix).l0 = ast_.add_list(args);
    return ix;
  }

  NodeId struct_type() {
    const NodeId s = make(NodeKind::StructType, tok_.pos);
    want(Tok::Struct);
    want(Tok::LBrace);
    std::vector<NodeId> fields;
    list("struct type", Tok::Semicolon, Tok::RBrace, [&] {
      field_decl(fields);
      return false;
    });
    at(s).l0 = ast_.add_list(fields);
    return s;
  }

  void take_tag(NodeId field) {
    if (tok_.kind == Tok::String) {
      at(field).value = tok_.value;
      at(field).text = tok_.text;
      next();
    } else if (is_literal(tok_.kind)) {
      syntax_error("expecting semicolon or newline");  // gc rejects a non-string tag in the checker
      next();
    }
  }

  void field_decl(std::vector<NodeId>& out) {
    const Pos pos = tok_.pos;
    switch (tok_.kind) {
      case Tok::Ident: {
        const NodeId first = name();
        if (tok_.kind == Tok::Period || is_literal(tok_.kind) || tok_.kind == Tok::Semicolon ||
            tok_.kind == Tok::RBrace) {
          const NodeId f = make(NodeKind::Field, pos);
          const NodeId t = qualified_name(first);
          at(f).a = t;
          at(f).flags |= kEmbedded;
          take_tag(f);
          out.push_back(f);
          return;
        }
        if (tok_.kind == Tok::LBrack) {
          const NodeId t = array_or_type_args(first);
          const NodeId f = make(NodeKind::Field, pos);
          at(f).a = t;
          if (at(t).kind == NodeKind::Index) {
            at(f).flags |= kEmbedded;  // an embedded instantiated type: List[int]
          } else {
            at(f).l0 = ast_.add_list({first});
          }
          take_tag(f);
          out.push_back(f);
          return;
        }
        std::vector<NodeId> names{first};
        while (got(Tok::Comma)) names.push_back(name());
        const NodeId f = make(NodeKind::Field, pos);
        const NodeId t = type_();
        at(f).l0 = ast_.add_list(names);
        at(f).a = t;
        take_tag(f);
        out.push_back(f);
        return;
      }
      case Tok::Mul: {
        next();
        const NodeId f = make(NodeKind::Field, pos);
        NodeId t = kNoNode;
        if (tok_.kind == Tok::LParen) {
          syntax_error("cannot parenthesize embedded type");
          next();
          t = qualified_name(kNoNode);
          got(Tok::RParen);
        } else {
          t = qualified_name(kNoNode);
          if (tok_.kind == Tok::LBrack) t = type_args(t);
        }
        const NodeId star = make(NodeKind::Star, pos);
        at(star).a = t;
        at(f).a = star;
        at(f).flags |= kEmbedded;
        take_tag(f);
        out.push_back(f);
        return;
      }
      case Tok::LParen:
        syntax_error("cannot parenthesize embedded type");
        advance({Tok::Semicolon, Tok::RBrace});
        return;
      default:
        syntax_error("expecting field name or embedded type");
        advance({Tok::Semicolon, Tok::RBrace});
        return;
    }
  }

  NodeId interface_type() {
    const NodeId s = make(NodeKind::InterfaceType, tok_.pos);
    want(Tok::Interface);
    want(Tok::LBrace);
    std::vector<NodeId> fields;
    list("interface type", Tok::Semicolon, Tok::RBrace, [&] {
      const NodeId f = make(NodeKind::Field, tok_.pos);
      if (tok_.kind == Tok::Ident) {
        const NodeId n = name();
        if (tok_.kind == Tok::LParen) {
          const NodeId sig = func_type();
          at(f).l0 = ast_.add_list({n});
          at(f).a = sig;
        } else {
          NodeId t = qualified_name(n);
          if (tok_.kind == Tok::LBrack) t = type_args(t);
          while (tok_.kind == Tok::Or) {  // a union element: A | ~B
            const NodeId b = make(NodeKind::Binary, tok_.pos);
            next();
            const NodeId y = constraint_term();
            at(b).op = Tok::Or;
            at(b).a = t;
            at(b).b = y;
            t = b;
          }
          at(f).a = t;
          at(f).flags |= kEmbedded;
        }
        fields.push_back(f);
        return false;
      }
      if (tok_.kind != Tok::Tilde && !starts_type(tok_.kind)) {
        syntax_error("expecting ~ term or type");
        advance({Tok::Semicolon, Tok::RBrace});
        return false;
      }
      const NodeId t = constraint_expr();
      at(f).a = t;
      at(f).flags |= kEmbedded;
      fields.push_back(f);
      return false;
    });
    at(s).l0 = ast_.add_list(fields);
    return s;
  }

  static bool starts_type(Tok k) {
    switch (k) {
      case Tok::Mul: case Tok::Arrow: case Tok::Func: case Tok::LBrack: case Tok::Chan: case Tok::Map:
      case Tok::Struct: case Tok::Interface: case Tok::Ident: case Tok::LParen:
        return true;
      default:
        return false;
    }
  }

  // [SECTION] Names

  NodeId name() {
    if (tok_.kind == Tok::Ident) {
      const NodeId n = ident(tok_.pos, tok_.text);
      next();
      return n;
    }
    const NodeId n = ident(tok_.pos, "_");
    syntax_error("expecting name");
    advance({});
    return n;
  }

  std::vector<NodeId> name_list() {
    std::vector<NodeId> names{name()};
    while (got(Tok::Comma)) names.push_back(name());
    return names;
  }

  NodeId qualified_name(NodeId first) {
    NodeId x = first;
    if (x == kNoNode) {
      if (tok_.kind == Tok::Ident) {
        x = name();
      } else {
        x = ident(tok_.pos, "_");
        syntax_error("expecting name");
        advance({Tok::Period, Tok::Semicolon, Tok::RBrace});
      }
    }
    if (tok_.kind == Tok::Period) {
      const NodeId s = make(NodeKind::Selector, tok_.pos);
      next();
      const NodeId sel = name();
      at(s).a = x;
      at(s).b = sel;
      x = s;
    }
    return x;
  }

  // [SECTION] Expressions

  std::vector<NodeId> expr_list() {
    std::vector<NodeId> xs{expr()};
    while (got(Tok::Comma)) xs.push_back(expr());
    return xs;
  }

  NodeId expr() { return binary_expr(kNoNode, 0); }

  NodeId binary_expr(NodeId x, int prec) {
    Depth depth(*this);
    if (x == kNoNode) x = unary_expr();
    for (;;) {
      const int p = binary_precedence(tok_.kind);
      if (p <= prec || !depth.add()) return x;
      const NodeId b = make(NodeKind::Binary, tok_.pos);
      at(b).op = tok_.kind;
      next();
      const NodeId y = binary_expr(kNoNode, p);
      at(b).a = x;
      at(b).b = y;
      x = b;
    }
  }

  NodeId unary_expr() {
    Depth depth(*this);
    if (!depth.ok) return bad();
    const Pos pos = tok_.pos;
    switch (tok_.kind) {
      case Tok::Mul: {
        next();
        const NodeId s = make(NodeKind::Star, pos);
        const NodeId x = unary_expr();
        at(s).a = x;
        return s;
      }
      case Tok::Add:
      case Tok::Sub:
      case Tok::Not:
      case Tok::Xor:
      case Tok::Tilde:  // only meaningful in constraints; parsed as gc does so the checker can reject it
      case Tok::And: {
        const Tok op = tok_.kind;
        next();
        const NodeId u = make(NodeKind::Unary, pos);
        NodeId x = unary_expr();
        // &(T{}) means &T{}: the parentheses only exist to get a composite literal into a header.
        if (op == Tok::And) x = unparen(x);
        at(u).op = op;
        at(u).a = x;
        return u;
      }
      case Tok::Arrow: {
        next();
        const NodeId x = unary_expr();
        if (kind(x) == NodeKind::ChanType) return reassociate_recv_chan(x);
        const NodeId u = make(NodeKind::Unary, pos);
        at(u).op = Tok::Arrow;
        at(u).a = x;
        return u;
      }
      default:
        return pexpr(kNoNode, true);
    }
  }

  // `<-chan T` reaches us as `<-` applied to `chan T`; move the arrow into the channel type (and through
  // `chan<-` element types, as gc does: <-chan<-chan T is <-chan (<-chan T)).
  NodeId reassociate_recv_chan(NodeId x) {
    bool send = true;
    NodeId t = x;
    while (send) {
      if (kind(t) != NodeKind::ChanType) break;
      const std::uint8_t dir = at(t).flags & (kSendOnly | kRecvOnly);
      send = dir == kSendOnly;
      if (dir == kRecvOnly) syntax_error("unexpected <-, expecting chan");
      at(t).flags = static_cast<std::uint8_t>((at(t).flags & ~(kSendOnly | kRecvOnly)) | kRecvOnly);
      t = at(t).a;
    }
    if (send) syntax_error(fmt::format("unexpected {}, expecting chan", expr_string(ast_, t)));
    return x;
  }

  NodeId operand(bool keep_parens) {
    const Pos pos = tok_.pos;
    switch (tok_.kind) {
      case Tok::Ident:
        return name();
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String: {
        const NodeId l = make(NodeKind::BasicLit, pos);
        at(l).op = tok_.kind;
        at(l).text = tok_.text;
        at(l).value = tok_.value;
        at(l).num = tok_.rune;
        next();
        return l;
      }
      case Tok::LParen: {
        next();
        ++xnest_;
        const NodeId x = expr();
        --xnest_;
        want(Tok::RParen);
        (void)keep_parens;  // we always keep parentheses: the checker and printer want them
        const NodeId p = make(NodeKind::Paren, pos);
        at(p).a = x;
        return p;
      }
      case Tok::Func: {
        next();
        const NodeId ft = func_type();
        if (tok_.kind == Tok::LBrace) {
          ++xnest_;
          const NodeId lit = make(NodeKind::FuncLit, pos);
          const NodeId body = func_body();
          --xnest_;
          at(lit).a = ft;
          at(lit).b = body;
          return lit;
        }
        return ft;
      }
      case Tok::LBrack:
      case Tok::Chan:
      case Tok::Map:
      case Tok::Struct:
      case Tok::Interface:
        return type_();
      default: {
        const NodeId b = bad();
        syntax_error("expecting expression");
        advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
        return b;
      }
    }
  }

  // Whether x must be a value (so x{ cannot start a composite literal); `*T` may still be a type.
  bool is_value(NodeId x) const {
    const Node& n = ast_.nodes[x];
    switch (n.kind) {
      case NodeKind::BasicLit:
      case NodeKind::CompositeLit:
      case NodeKind::FuncLit:
      case NodeKind::Slice:
      case NodeKind::TypeAssert:
      case NodeKind::Call:
      case NodeKind::Unary:
      case NodeKind::Binary:
        return true;
      case NodeKind::Paren:
        return is_value(n.a);
      case NodeKind::Index:
        return is_value(n.a) || is_value(n.b);
      default:
        return false;
    }
  }

  NodeId pexpr(NodeId x, bool keep_parens) {
    Depth depth(*this);
    if (x == kNoNode) x = operand(keep_parens);
    for (;;) {
      if (!depth.add()) return x;
      const Pos pos = tok_.pos;
      switch (tok_.kind) {
        case Tok::Period: {
          next();
          if (tok_.kind == Tok::Ident) {
            const NodeId s = make(NodeKind::Selector, pos);
            const NodeId sel = name();
            at(s).a = x;
            at(s).b = sel;
            x = s;
          } else if (tok_.kind == Tok::LParen) {
            next();
            const NodeId t = make(NodeKind::TypeAssert, pos);
            at(t).a = x;
            if (!got(Tok::Type)) {
              const NodeId ty = type_();
              at(t).b = ty;
            }
            want(Tok::RParen);
            x = t;
          } else {
            syntax_error("expecting name or (");
            advance({Tok::Semicolon, Tok::RParen});
          }
          break;
        }
        case Tok::LBrack: {
          next();
          if (tok_.kind == Tok::RBrack) {
            syntax_error("expecting operand");
            next();
            break;
          }
          NodeId i = kNoNode;
          if (tok_.kind != Tok::Colon) {
            ++xnest_;
            i = expr();
            std::vector<NodeId> more;
            if (tok_.kind == Tok::Comma) {  // x[A, B]: an instantiation with several type arguments
              more.push_back(i);
              while (got(Tok::Comma) && tok_.kind != Tok::RBrack) more.push_back(expr());
            }
            --xnest_;
            if (got(Tok::RBrack)) {
              const NodeId ix = make(NodeKind::Index, pos);
              at(ix).a = x;
              at(ix).b = i;
              if (more.size() > 1) at(ix).l0 = ast_.add_list(more);
              x = ix;
              break;
            }
          }
          if (!got(Tok::Colon)) {
            syntax_error("expecting comma, : or ]");
            advance({Tok::Comma, Tok::Colon, Tok::RBrack});
            got(Tok::Colon);
          }
          ++xnest_;
          const NodeId s = make(NodeKind::Slice, pos);
          at(s).a = x;
          at(s).b = i;
          if (tok_.kind != Tok::Colon && tok_.kind != Tok::RBrack) {
            const NodeId hi = expr();
            at(s).c = hi;
          }
          if (tok_.kind == Tok::Colon) {
            at(s).flags |= kThreeIndex;
            if (at(s).c == kNoNode) {
              error_at(tok_.pos, "middle index required in 3-index slice");
              const NodeId b = bad();
              at(s).c = b;
            }
            next();
            if (tok_.kind != Tok::RBrack) {
              const NodeId mx = expr();
              at(s).d = mx;
            } else {
              error_at(tok_.pos, "final index required in 3-index slice");
              const NodeId b = bad();
              at(s).d = b;
            }
          }
          --xnest_;
          want(Tok::RBrack);
          x = s;
          break;
        }
        case Tok::LParen: {
          next();
          const NodeId c = make(NodeKind::Call, pos);
          at(c).a = x;
          std::vector<NodeId> args;
          bool dots = false;
          ++xnest_;
          list("argument list", Tok::Comma, Tok::RParen, [&] {
            args.push_back(expr());
            dots = got(Tok::Ellipsis);
            return dots;
          });
          --xnest_;
          at(c).l0 = ast_.add_list(args);
          if (dots) at(c).flags |= kHasDots;
          x = c;
          break;
        }
        case Tok::LBrace: {
          // Decide whether '{' opens a composite literal or the block of an if/for/switch header.
          const NodeId t = unparen(x);
          bool complit_ok = false;
          switch (kind(t)) {
            case NodeKind::Ident:
            case NodeKind::Selector:
              complit_ok = xnest_ >= 0;
              break;
            case NodeKind::Index:
              complit_ok = xnest_ >= 0 && !is_value(t);
              break;
            case NodeKind::ArrayType:
            case NodeKind::SliceType:
            case NodeKind::StructType:
            case NodeKind::MapType:
              complit_ok = true;
              break;
            default:
              break;
          }
          if (!complit_ok) return x;
          if (t != x) syntax_error("cannot parenthesize type in composite literal");
          const NodeId lit = complit();
          at(lit).a = x;
          x = lit;
          break;
        }
        default:
          return x;
      }
    }
  }

  NodeId bare_complit_expr() {
    if (tok_.kind == Tok::LBrace) return complit();
    return expr();
  }

  NodeId complit() {
    const NodeId lit = make(NodeKind::CompositeLit, tok_.pos);
    Depth depth(*this);
    if (!depth.ok) return lit;
    std::vector<NodeId> elems;
    ++xnest_;
    want(Tok::LBrace);
    list("composite literal", Tok::Comma, Tok::RBrace, [&] {
      NodeId e = bare_complit_expr();
      if (tok_.kind == Tok::Colon) {
        const NodeId kv = make(NodeKind::KeyValue, tok_.pos);
        next();
        const NodeId v = bare_complit_expr();
        at(kv).a = e;
        at(kv).b = v;
        e = kv;
      }
      elems.push_back(e);
      return false;
    });
    --xnest_;
    at(lit).l0 = ast_.add_list(elems);
    return lit;
  }

  // [SECTION] Statements

  NodeId simple_stmt(std::vector<NodeId> lhs, Tok keyword) {
    if (keyword == Tok::For && tok_.kind == Tok::Range) return range_clause({}, Tok::Illegal);
    if (lhs.empty()) lhs = expr_list();

    if (lhs.size() == 1 && tok_.kind != Tok::Assign && tok_.kind != Tok::Define) {
      const Pos pos = tok_.pos;
      const Tok op = tok_.kind;
      if (assign_op_base(op) != Tok::Illegal) {
        next();
        const NodeId s = make(NodeKind::AssignStmt, pos);
        const NodeId rhs = expr();
        at(s).op = op;
        at(s).l0 = ast_.add_list(lhs);
        at(s).l1 = ast_.add_list({rhs});
        return s;
      }
      if (op == Tok::Inc || op == Tok::Dec) {
        next();
        const NodeId s = make(NodeKind::IncDecStmt, pos);
        at(s).op = op;
        at(s).a = lhs[0];
        return s;
      }
      if (op == Tok::Arrow) {
        next();
        const NodeId s = make(NodeKind::SendStmt, pos);
        const NodeId v = expr();
        at(s).a = lhs[0];
        at(s).b = v;
        return s;
      }
      const NodeId s = make(NodeKind::ExprStmt, at(lhs[0]).pos);
      at(s).a = lhs[0];
      return s;
    }

    if (tok_.kind == Tok::Assign || tok_.kind == Tok::Define) {
      const Pos pos = tok_.pos;
      const Tok op = tok_.kind;
      next();
      if (keyword == Tok::For && tok_.kind == Tok::Range) return range_clause(lhs, op);
      std::vector<NodeId> rhs = expr_list();
      // switch x := y.(type): remember x on the guard; switch_stmt turns it into a TypeSwitchStmt.
      if (keyword == Tok::Switch && op == Tok::Define && rhs.size() == 1 && lhs.size() == 1 &&
          kind(rhs[0]) == NodeKind::TypeAssert && at(rhs[0]).b == kNoNode &&
          kind(lhs[0]) == NodeKind::Ident) {
        at(rhs[0]).c = lhs[0];
        const NodeId s = make(NodeKind::ExprStmt, at(rhs[0]).pos);
        at(s).a = rhs[0];
        return s;
      }
      const NodeId s = make(NodeKind::AssignStmt, pos);
      at(s).op = op;
      at(s).l0 = ast_.add_list(lhs);
      at(s).l1 = ast_.add_list(rhs);
      return s;
    }

    syntax_error("expecting := or = or comma");
    advance({Tok::Semicolon, Tok::RBrace});
    const NodeId s = make(NodeKind::ExprStmt, at(lhs[0]).pos);
    at(s).a = lhs[0];
    return s;
  }

  // Body (d) is filled in by for_stmt.
  NodeId range_clause(const std::vector<NodeId>& lhs, Tok op) {
    const NodeId r = make(NodeKind::RangeStmt, tok_.pos);
    next();  // range
    const NodeId x = expr();
    at(r).op = op;
    if (!lhs.empty()) at(r).a = lhs[0];
    if (lhs.size() > 1) at(r).b = lhs[1];
    if (lhs.size() > 2) error_at(at(lhs[2]).pos, "range clause permits at most two iteration variables");
    at(r).c = x;
    return r;
  }

  NodeId block_stmt(const std::string& context) {
    const NodeId b = make(NodeKind::BlockStmt, tok_.pos);
    if (!got(Tok::LBrace)) {
      syntax_error("expecting { after " + context);
      advance({Tok::Ident, Tok::RBrace});
      if (got(Tok::RBrace)) return b;
    }
    const std::vector<NodeId> stmts = stmt_list();
    at(b).l0 = ast_.add_list(stmts);
    want(Tok::RBrace);
    return b;
  }

  std::vector<NodeId> stmt_list() {
    std::vector<NodeId> out;
    while (tok_.kind != Tok::Eof && tok_.kind != Tok::RBrace && tok_.kind != Tok::Case &&
           tok_.kind != Tok::Default) {
      const NodeId s = stmt_or_nil();
      if (s == kNoNode) break;
      out.push_back(s);
      if (!got(Tok::Semicolon) && tok_.kind != Tok::RBrace) {
        syntax_error("at end of statement");
        advance({Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default});
        got(Tok::Semicolon);
      }
    }
    return out;
  }

  NodeId stmt_or_nil() {
    Depth depth(*this);
    if (!depth.ok) return kNoNode;
    const Pos pos = tok_.pos;
    if (tok_.kind == Tok::Ident) {
      std::vector<NodeId> lhs = expr_list();
      if (lhs.size() == 1 && kind(lhs[0]) == NodeKind::Ident && tok_.kind == Tok::Colon) {
        return labeled_stmt(lhs[0]);
      }
      return simple_stmt(std::move(lhs), Tok::Illegal);
    }
    switch (tok_.kind) {
      case Tok::Var:
      case Tok::Const:
      case Tok::Type: {
        const Tok k = tok_.kind;
        next();
        const NodeId s = make(NodeKind::DeclStmt, pos);
        const NodeId g = decl_group(k, pos);
        at(s).a = g;
        return s;
      }
      case Tok::LBrace:
        return block_stmt("");
      case Tok::Add:
      case Tok::Sub:
      case Tok::Mul:
      case Tok::And:
      case Tok::Xor:
      case Tok::Not:
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
      case Tok::Func:
      case Tok::LParen:
      case Tok::LBrack:
      case Tok::Struct:
      case Tok::Map:
      case Tok::Chan:
      case Tok::Interface:
      case Tok::Arrow:
        return simple_stmt({}, Tok::Illegal);
      case Tok::For:
        return for_stmt();
      case Tok::Switch:
        return switch_stmt();
      case Tok::Select:
        return select_stmt();
      case Tok::If:
        return if_stmt();
      case Tok::Fallthrough: {
        next();
        const NodeId s = make(NodeKind::BranchStmt, pos);
        at(s).op = Tok::Fallthrough;
        return s;
      }
      case Tok::Break:
      case Tok::Continue: {
        const NodeId s = make(NodeKind::BranchStmt, pos);
        at(s).op = tok_.kind;
        next();
        if (tok_.kind == Tok::Ident) {
          const NodeId l = name();
          at(s).a = l;
        }
        return s;
      }
      case Tok::Goto: {
        const NodeId s = make(NodeKind::BranchStmt, pos);
        at(s).op = Tok::Goto;
        next();
        const NodeId l = name();
        at(s).a = l;
        return s;
      }
      case Tok::Go:
      case Tok::Defer:
        return call_stmt();
      case Tok::Return: {
        next();
        const NodeId s = make(NodeKind::ReturnStmt, pos);
        if (tok_.kind != Tok::Semicolon && tok_.kind != Tok::RBrace) {
          const std::vector<NodeId> results = expr_list();
          at(s).l0 = ast_.add_list(results);
        }
        return s;
      }
      case Tok::Semicolon:
        return make(NodeKind::EmptyStmt, pos);
      default:
        return kNoNode;
    }
  }

  NodeId labeled_stmt(NodeId label) {
    const NodeId s = make(NodeKind::LabeledStmt, tok_.pos);
    at(s).a = label;
    want(Tok::Colon);
    if (tok_.kind == Tok::RBrace) {
      // A label right before '}' labels an empty statement.
      const NodeId e = make(NodeKind::EmptyStmt, tok_.pos);
      at(s).b = e;
      return s;
    }
    const NodeId inner = stmt_or_nil();
    if (inner != kNoNode) {
      at(s).b = inner;
      return s;
    }
    syntax_error_at(at(s).pos, "missing statement after label");
    return kNoNode;
  }

  NodeId call_stmt() {
    const Tok k = tok_.kind;
    const NodeId s = make(k == Tok::Go ? NodeKind::GoStmt : NodeKind::DeferStmt, tok_.pos);
    next();
    NodeId x = pexpr(kNoNode, tok_.kind == Tok::LParen);
    const std::string word(tok_spelling(k));
    if (const NodeId t = unparen(x); t != x) {
      error_at(at(x).pos, "expression in " + word + " must not be parenthesized");
      x = t;
    }
    if (kind(x) != NodeKind::Call) {
      error_at(at(x).pos, "expression in " + word + " must be function call");
      // Assume the common mistake of a missing (): treat `go f` as `go f()`.
      const NodeId c = make(NodeKind::Call, at(x).pos);
      at(c).a = x;
      x = c;
    }
    at(s).a = x;
    return s;
  }

  struct Header {
    NodeId init = kNoNode;
    NodeId cond = kNoNode;
    NodeId post = kNoNode;
  };

  // The header of if/for/switch: composite literals with a bare type name are not allowed at the top
  // level here (xnest < 0), since `if x == T {` must read `{` as the block.
  Header header(Tok keyword) {
    Header h;
    want(keyword);
    if (tok_.kind == Tok::LBrace) {
      if (keyword == Tok::If) {
        syntax_error("missing condition in if statement");
        h.cond = bad();
      }
      return h;
    }
    const int outer = xnest_;
    xnest_ = -1;

    if (tok_.kind != Tok::Semicolon) {
      if (got(Tok::Var)) {
        syntax_error(fmt::format("var declaration not allowed in {} initializer", tok_spelling(keyword)));
      }
      h.init = simple_stmt({}, keyword);
      if (kind(h.init) == NodeKind::RangeStmt) {
        xnest_ = outer;
        return h;
      }
    }

    NodeId cond_stmt = kNoNode;
    Pos semi_pos;
    std::string semi_lit;
    bool done = false;
    if (tok_.kind != Tok::LBrace) {
      if (tok_.kind == Tok::Semicolon) {
        semi_pos = tok_.pos;
        semi_lit = tok_.text;
        next();
      } else {
        want(Tok::LBrace);  // asking for '{' rather than ';' gives the better message
        if (tok_.kind != Tok::LBrace) advance({Tok::LBrace, Tok::RBrace});
      }
      if (keyword == Tok::For) {
        if (tok_.kind != Tok::Semicolon) {
          if (tok_.kind == Tok::LBrace) {
            syntax_error("expecting for loop condition");
            done = true;
          } else {
            cond_stmt = simple_stmt({}, Tok::Illegal);
          }
        }
        if (!done) {
          want(Tok::Semicolon);
          if (tok_.kind != Tok::LBrace) {
            h.post = simple_stmt({}, Tok::Illegal);
            if (kind(h.post) == NodeKind::AssignStmt && at(h.post).op == Tok::Define) {
              syntax_error_at(at(h.post).pos, "cannot declare in post statement of for loop");
            }
          }
        }
      } else if (tok_.kind != Tok::LBrace) {
        cond_stmt = simple_stmt({}, keyword);
      }
    } else {
      cond_stmt = h.init;
      h.init = kNoNode;
    }

    if (cond_stmt == kNoNode) {
      if (keyword == Tok::If && semi_pos.known()) {
        if (semi_lit != "semicolon") {
          syntax_error_at(semi_pos, fmt::format("unexpected {}, expecting {{ after if clause", semi_lit));
        } else {
          syntax_error_at(semi_pos, "missing condition in if statement");
        }
        h.cond = make(NodeKind::Bad, semi_pos);
      }
    } else if (kind(cond_stmt) == NodeKind::ExprStmt) {
      h.cond = at(cond_stmt).a;
    } else {
      // A common mistake is '=' for '==', which turns the condition into an assignment.
      std::string str;
      const Node& s = at(cond_stmt);
      if (s.kind == NodeKind::AssignStmt && s.op == Tok::Assign) {
        str = "assignment (" + list_string(s.l0) + ") = (" + list_string(s.l1) + ")";
      } else {
        str = stmt_string(ast_, cond_stmt);
      }
      syntax_error_at(s.pos, fmt::format("cannot use {} as value", str));
      h.cond = make(NodeKind::Bad, s.pos);
    }
    xnest_ = outer;
    return h;
  }

  std::string list_string(ListRef r) const {
    std::string s;
    for (NodeId id : ast_.list(r)) {
      if (!s.empty()) s += ", ";
      s += expr_string(ast_, id);
    }
    return s;
  }

  NodeId for_stmt() {
    const Pos pos = tok_.pos;
    const Header h = header(Tok::For);
    if (kind(h.init) == NodeKind::RangeStmt) {
      at(h.init).pos = pos;
      const NodeId body = block_stmt("for clause");
      at(h.init).d = body;
      return h.init;
    }
    const NodeId s = make(NodeKind::ForStmt, pos);
    const NodeId body = block_stmt("for clause");
    at(s).a = h.init;
    at(s).b = h.cond;
    at(s).c = h.post;
    at(s).d = body;
    return s;
  }

  NodeId if_stmt() {
    const NodeId s = make(NodeKind::IfStmt, tok_.pos);
    Depth depth(*this);  // else-if chains recurse here without passing through stmt_or_nil
    if (!depth.ok) return s;
    const Header h = header(Tok::If);
    const NodeId then = block_stmt("if clause");
    at(s).a = h.init;
    at(s).b = h.cond;
    at(s).c = then;
    if (got(Tok::Else)) {
      if (tok_.kind == Tok::If) {
        const NodeId e = if_stmt();
        at(s).d = e;
      } else if (tok_.kind == Tok::LBrace) {
        const NodeId e = block_stmt("");
        at(s).d = e;
      } else {
        syntax_error("else must be followed by if or statement block");
        advance({Tok::Ident, Tok::RBrace});
      }
    }
    return s;
  }

  NodeId switch_stmt() {
    const NodeId s = make(NodeKind::SwitchStmt, tok_.pos);
    const Header h = header(Tok::Switch);
    at(s).a = h.init;
    at(s).b = h.cond;
    const NodeId guard = h.cond;
    if (kind(guard) == NodeKind::TypeAssert && at(guard).b == kNoNode) {
      at(s).kind = NodeKind::TypeSwitchStmt;
      at(s).b = at(guard).c;
      at(s).c = at(guard).a;
      at(guard).c = kNoNode;
    }
    if (!got(Tok::LBrace)) {
      syntax_error("missing { after switch clause");
      advance({Tok::Case, Tok::Default, Tok::RBrace});
    }
    std::vector<NodeId> clauses;
    while (tok_.kind != Tok::Eof && tok_.kind != Tok::RBrace) clauses.push_back(case_clause(false));
    at(s).l0 = ast_.add_list(clauses);
    want(Tok::RBrace);
    return s;
  }

  NodeId select_stmt() {
    const NodeId s = make(NodeKind::SelectStmt, tok_.pos);
    want(Tok::Select);
    if (!got(Tok::LBrace)) {
      syntax_error("missing { after select clause");
      advance({Tok::Case, Tok::Default, Tok::RBrace});
    }
    std::vector<NodeId> clauses;
    while (tok_.kind != Tok::Eof && tok_.kind != Tok::RBrace) clauses.push_back(case_clause(true));
    at(s).l0 = ast_.add_list(clauses);
    want(Tok::RBrace);
    return s;
  }

  NodeId case_clause(bool comm) {
    const NodeId c = make(comm ? NodeKind::CommClause : NodeKind::CaseClause, tok_.pos);
    if (tok_.kind == Tok::Case) {
      next();
      if (comm) {
        const NodeId st = simple_stmt({}, Tok::Illegal);
        at(c).a = st;
      } else {
        const std::vector<NodeId> xs = expr_list();
        at(c).l0 = ast_.add_list(xs);
      }
    } else if (tok_.kind == Tok::Default) {
      next();
      at(c).flags |= kDefault;
    } else {
      syntax_error("expecting case or default or }");
      advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
    }
    want(Tok::Colon);
    const std::vector<NodeId> body = stmt_list();
    at(c).l1 = ast_.add_list(body);
    return c;
  }

  Lexer lex_;
  Diagnostics& diags_;
  std::size_t start_errors_;
  Token tok_;
  Ast ast_;
  int xnest_ = 0;  // >= 0 where a composite literal may start; -1 at the top of an if/for/switch header
  int fnest_ = 0;  // function nesting: inside a body, statement keywords are recovery points
  int depth_ = 0;
  bool aborted_ = false;
};

}  // namespace

Ast parse_file(const SourceFile& file, Diagnostics& diags) {
  Parser p(file, diags);
  return p.run();
}

}  // namespace gb::go
