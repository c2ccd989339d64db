// S-expression and Go-text renderings of the Ast, for tests, debugging and error messages.
#include "sim/go/ast_print.h"

namespace gb::go {

const char* node_kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::Bad:
      return "Bad";
    case NodeKind::File:
      return "File";
    case NodeKind::ImportSpec:
      return "ImportSpec";
    case NodeKind::DeclGroup:
      return "DeclGroup";
    case NodeKind::ConstSpec:
      return "ConstSpec";
    case NodeKind::VarSpec:
      return "VarSpec";
    case NodeKind::TypeSpec:
      return "TypeSpec";
    case NodeKind::FuncDecl:
      return "FuncDecl";
    case NodeKind::Ident:
      return "Ident";
    case NodeKind::BasicLit:
      return "BasicLit";
    case NodeKind::CompositeLit:
      return "CompositeLit";
    case NodeKind::KeyValue:
      return "KeyValue";
    case NodeKind::FuncLit:
      return "FuncLit";
    case NodeKind::Paren:
      return "Paren";
    case NodeKind::Selector:
      return "Selector";
    case NodeKind::Index:
      return "Index";
    case NodeKind::Slice:
      return "Slice";
    case NodeKind::TypeAssert:
      return "TypeAssert";
    case NodeKind::Call:
      return "Call";
    case NodeKind::Star:
      return "Star";
    case NodeKind::Unary:
      return "Unary";
    case NodeKind::Binary:
      return "Binary";
    case NodeKind::ArrayType:
      return "ArrayType";
    case NodeKind::SliceType:
      return "SliceType";
    case NodeKind::MapType:
      return "MapType";
    case NodeKind::ChanType:
      return "ChanType";
    case NodeKind::FuncType:
      return "FuncType";
    case NodeKind::StructType:
      return "StructType";
    case NodeKind::InterfaceType:
      return "InterfaceType";
    case NodeKind::Ellipsis:
      return "Ellipsis";
    case NodeKind::Field:
      return "Field";
    case NodeKind::EmptyStmt:
      return "EmptyStmt";
    case NodeKind::BlockStmt:
      return "BlockStmt";
    case NodeKind::ExprStmt:
      return "ExprStmt";
    case NodeKind::SendStmt:
      return "SendStmt";
    case NodeKind::IncDecStmt:
      return "IncDecStmt";
    case NodeKind::AssignStmt:
      return "AssignStmt";
    case NodeKind::DeclStmt:
      return "DeclStmt";
    case NodeKind::GoStmt:
      return "GoStmt";
    case NodeKind::DeferStmt:
      return "DeferStmt";
    case NodeKind::ReturnStmt:
      return "ReturnStmt";
    case NodeKind::BranchStmt:
      return "BranchStmt";
    case NodeKind::LabeledStmt:
      return "LabeledStmt";
    case NodeKind::IfStmt:
      return "IfStmt";
    case NodeKind::ForStmt:
      return "ForStmt";
    case NodeKind::RangeStmt:
      return "RangeStmt";
    case NodeKind::SwitchStmt:
      return "SwitchStmt";
    case NodeKind::TypeSwitchStmt:
      return "TypeSwitchStmt";
    case NodeKind::CaseClause:
      return "CaseClause";
    case NodeKind::SelectStmt:
      return "SelectStmt";
    case NodeKind::CommClause:
      return "CommClause";
  }
  return "?";
}

namespace {

// [SECTION] S-expressions
//
// Forms: file (file NAME imports... decls...), (import [NAME] "path"), (const|var|type specs...),
// (spec iota=N (names) TYPE (values)) for const, (spec (names) TYPE (values)) for var, (spec NAME TYPE) or
// (alias NAME TYPE), (func NAME RECV FUNCTYPE BODY), (field (names) TYPE [tag]), (embed TYPE [tag]);
// types (* T) ([] T) (array N T) (array ... T) (map K V) (chan T) (chan<- T) (<-chan T) (... T)
// (functype (fields) (fields)) (struct fields...) (interface fields...); expressions as written for
// names and literals, (OP x) (OP x y) (paren x) (. x sel) (index x i) (slice x lo hi) (slice3 x lo hi max)
// (assert x T) (assert x type) (call f args...) (call... f args...) (lit TYPE elems...) (: k v)
// (funclit FUNCTYPE BODY); statements (block ...) (expr x) (send ch v) (++ x) (OP (lhs...) (rhs...)) for
// = := += ..., (go CALL) (defer CALL) (return xs...) (break [L]) (continue [L]) (goto L) (fallthrough)
// (label L STMT) (if INIT COND THEN ELSE) (for INIT COND POST BODY) (range OP KEY VALUE X BODY)
// (switch INIT TAG clauses...) (typeswitch INIT BIND X clauses...) (case (xs...) stmts...)
// (default stmts...) (select clauses...) (comm COMM stmts...) (empty); BAD for a parse error.

class SexprPrinter {
 public:
  explicit SexprPrinter(const Ast& ast) : ast_(ast) {}

  void node(NodeId id) {
    if (id == kNoNode) {
      out_ += "_";
      return;
    }
    const Node& n = ast_[id];
    switch (n.kind) {
      case NodeKind::Bad:
        out_ += "BAD";
        return;
      case NodeKind::Ident:
        out_ += n.text;
        return;
      case NodeKind::BasicLit:
        out_ += n.text;
        return;
      case NodeKind::File:
        open("file");
        word(n.text);
        items(n.l0);
        items(n.l1);
        break;
      case NodeKind::ImportSpec:
        open("import");
        if (n.a != kNoNode) sub(n.a);
        word(n.text);
        break;
      case NodeKind::DeclGroup:
        open(std::string(tok_spelling(n.op)));
        items(n.l0);
        break;
      case NodeKind::ConstSpec:
        open("spec");
        word("iota=" + std::to_string(n.num));
        group(n.l0);
        sub(n.a);
        group(n.l1);
        break;
      case NodeKind::VarSpec:
        open("spec");
        group(n.l0);
        sub(n.a);
        group(n.l1);
        break;
      case NodeKind::TypeSpec:
        open((n.flags & kAlias) ? "alias" : "spec");
        sub(n.a);
        if (n.l0.size > 0) group(n.l0);  // type parameters
        sub(n.b);
        break;
      case NodeKind::FuncDecl:
        open("func");
        sub(n.a);
        if (n.l0.size > 0) group(n.l0);  // type parameters
        sub(n.b);
        sub(n.c);
        sub(n.d);
        break;
      case NodeKind::Field:
        if (n.flags & kEmbedded) {
          open("embed");
        } else {
          open("field");
          group(n.l0);
        }
        sub(n.a);
        if (!n.text.empty()) word(n.text);
        break;
      case NodeKind::CompositeLit:
        open("lit");
        sub(n.a);
        items(n.l0);
        break;
      case NodeKind::KeyValue:
        pair(":", n.a, n.b);
        break;
      case NodeKind::FuncLit:
        pair("funclit", n.a, n.b);
        break;
      case NodeKind::Paren:
        one("paren", n.a);
        break;
      case NodeKind::Selector:
        pair(".", n.a, n.b);
        break;
      case NodeKind::Index:
        if (n.l0.size > 0) {  // an instantiation with several type arguments
          open("index");
          sub(n.a);
          items(n.l0);
        } else {
          pair("index", n.a, n.b);
        }
        break;
      case NodeKind::Slice:
        open((n.flags & kThreeIndex) ? "slice3" : "slice");
        sub(n.a);
        sub(n.b);
        sub(n.c);
        if (n.flags & kThreeIndex) sub(n.d);
        break;
      case NodeKind::TypeAssert:
        open("assert");
        sub(n.a);
        if (n.b == kNoNode) {
          word("type");
        } else {
          sub(n.b);
        }
        break;
      case NodeKind::Call:
        open((n.flags & kHasDots) ? "call..." : "call");
        sub(n.a);
        items(n.l0);
        break;
      case NodeKind::Star:
        one("*", n.a);
        break;
      case NodeKind::Unary:
        one(std::string(tok_spelling(n.op)), n.a);
        break;
      case NodeKind::Binary:
        pair(std::string(tok_spelling(n.op)), n.a, n.b);
        break;
      case NodeKind::ArrayType:
        open("array");
        if (n.flags & kDotsLen) {
          word("...");
        } else {
          sub(n.a);
        }
        sub(n.b);
        break;
      case NodeKind::SliceType:
        one("[]", n.a);
        break;
      case NodeKind::MapType:
        pair("map", n.a, n.b);
        break;
      case NodeKind::ChanType:
        one((n.flags & kSendOnly) ? "chan<-" : (n.flags & kRecvOnly) ? "<-chan" : "chan", n.a);
        break;
      case NodeKind::FuncType:
        open("functype");
        group(n.l0);
        group(n.l1);
        break;
      case NodeKind::StructType:
        open("struct");
        items(n.l0);
        break;
      case NodeKind::InterfaceType:
        open("interface");
        items(n.l0);
        break;
      case NodeKind::Ellipsis:
        one("...", n.a);
        break;
      case NodeKind::EmptyStmt:
        open("empty");
        break;
      case NodeKind::BlockStmt:
        open("block");
        items(n.l0);
        break;
      case NodeKind::ExprStmt:
        one("expr", n.a);
        break;
      case NodeKind::SendStmt:
        pair("send", n.a, n.b);
        break;
      case NodeKind::IncDecStmt:
        one(std::string(tok_spelling(n.op)), n.a);
        break;
      case NodeKind::AssignStmt:
        open(std::string(tok_spelling(n.op)));
        group(n.l0);
        group(n.l1);
        break;
      case NodeKind::DeclStmt:
        node(n.a);
        return;
      case NodeKind::GoStmt:
        one("go", n.a);
        break;
      case NodeKind::DeferStmt:
        one("defer", n.a);
        break;
      case NodeKind::ReturnStmt:
        open("return");
        items(n.l0);
        break;
      case NodeKind::BranchStmt:
        open(std::string(tok_spelling(n.op)));
        if (n.a != kNoNode) sub(n.a);
        break;
      case NodeKind::LabeledStmt:
        pair("label", n.a, n.b);
        break;
      case NodeKind::IfStmt:
      case NodeKind::ForStmt:
        open(n.kind == NodeKind::IfStmt ? "if" : "for");
        sub(n.a);
        sub(n.b);
        sub(n.c);
        sub(n.d);
        break;
      case NodeKind::RangeStmt:
        open("range");
        word(n.op == Tok::Illegal ? "_" : std::string(tok_spelling(n.op)));
        sub(n.a);
        sub(n.b);
        sub(n.c);
        sub(n.d);
        break;
      case NodeKind::SwitchStmt:
        open("switch");
        sub(n.a);
        sub(n.b);
        items(n.l0);
        break;
      case NodeKind::TypeSwitchStmt:
        open("typeswitch");
        sub(n.a);
        sub(n.b);
        sub(n.c);
        items(n.l0);
        break;
      case NodeKind::CaseClause:
        if (n.flags & kDefault) {
          open("default");
        } else {
          open("case");
          group(n.l0);
        }
        items(n.l1);
        break;
      case NodeKind::SelectStmt:
        open("select");
        items(n.l0);
        break;
      case NodeKind::CommClause:
        if (n.flags & kDefault) {
          open("default");
        } else {
          open("comm");
          sub(n.a);
        }
        items(n.l1);
        break;
    }
    out_ += ")";
  }

  std::string take() { return std::move(out_); }

 private:
  void open(const std::string& head) { out_ += "(" + head; }
  void word(const std::string& w) { out_ += " " + w; }
  void sub(NodeId id) {
    out_ += " ";
    node(id);
  }
  void items(ListRef r) {
    for (NodeId id : ast_.list(r)) sub(id);
  }
  void group(ListRef r) {
    out_ += " (";
    bool first = true;
    for (NodeId id : ast_.list(r)) {
      if (!first) out_ += " ";
      first = false;
      node(id);
    }
    out_ += ")";
  }
  void one(const std::string& head, NodeId a) {
    open(head);
    sub(a);
  }
  void pair(const std::string& head, NodeId a, NodeId b) {
    open(head);
    sub(a);
    sub(b);
  }

  const Ast& ast_;
  std::string out_;
};

// [SECTION] Go text

class GoPrinter {
 public:
  explicit GoPrinter(const Ast& ast) : ast_(ast) {}

  void expr(NodeId id) {
    if (id == kNoNode) return;
    const Node& n = ast_[id];
    switch (n.kind) {
      case NodeKind::Bad:
        out_ += "BadExpr";
        break;
      case NodeKind::Ident:
      case NodeKind::BasicLit:
        out_ += n.text;
        break;
      case NodeKind::CompositeLit:
        expr(n.a);
        out_ += n.l0.size ? "{…}" : "{}";
        break;
      case NodeKind::KeyValue:
        expr(n.a);
        out_ += ": ";
        expr(n.b);
        break;
      case NodeKind::FuncLit:
        expr(n.a);
        out_ += ast_[n.b].l0.size ? " {…}" : " {}";
        break;
      case NodeKind::Paren:
        out_ += "(";
        expr(n.a);
        out_ += ")";
        break;
      case NodeKind::Selector:
        expr(n.a);
        out_ += ".";
        expr(n.b);
        break;
      case NodeKind::Index:
        expr(n.a);
        out_ += "[";
        if (n.l0.size > 0) {
          const auto args = ast_.list(n.l0);
          for (std::size_t i = 0; i < args.size(); ++i) {
            if (i > 0) out_ += ", ";
            expr(args[i]);
          }
        } else {
          expr(n.b);
        }
        out_ += "]";
        break;
      case NodeKind::Slice:
        expr(n.a);
        out_ += "[";
        expr(n.b);
        out_ += ":";
        expr(n.c);
        if (n.flags & kThreeIndex) {
          out_ += ":";
          expr(n.d);
        }
        out_ += "]";
        break;
      case NodeKind::TypeAssert:
        expr(n.a);
        out_ += ".(";
        if (n.b == kNoNode) {
          out_ += "type";
        } else {
          expr(n.b);
        }
        out_ += ")";
        break;
      case NodeKind::Call:
        expr(n.a);
        out_ += "(";
        list(n.l0);
        if (n.flags & kHasDots) out_ += "...";
        out_ += ")";
        break;
      case NodeKind::Star:
        out_ += "*";
        expr(n.a);
        break;
      case NodeKind::Unary:
        out_ += tok_spelling(n.op);
        expr(n.a);
        break;
      case NodeKind::Binary:
        expr(n.a);
        out_ += " ";
        out_ += tok_spelling(n.op);
        out_ += " ";
        expr(n.b);
        break;
      case NodeKind::ArrayType:
        out_ += "[";
        if (n.flags & kDotsLen) {
          out_ += "...";
        } else {
          expr(n.a);
        }
        out_ += "]";
        expr(n.b);
        break;
      case NodeKind::SliceType:
        out_ += "[]";
        expr(n.a);
        break;
      case NodeKind::MapType:
        out_ += "map[";
        expr(n.a);
        out_ += "]";
        expr(n.b);
        break;
      case NodeKind::ChanType:
        out_ += (n.flags & kSendOnly) ? "chan<- " : (n.flags & kRecvOnly) ? "<-chan " : "chan ";
        expr(n.a);
        break;
      case NodeKind::FuncType:
        out_ += "func";
        signature(n);
        break;
      case NodeKind::StructType:
        out_ += "struct{";
        fields(n.l0, "; ");
        out_ += "}";
        break;
      case NodeKind::InterfaceType:
        out_ += "interface{";
        fields(n.l0, "; ");
        out_ += "}";
        break;
      case NodeKind::Ellipsis:
        out_ += "...";
        expr(n.a);
        break;
      default:
        out_ += node_kind_name(n.kind);
        break;
    }
  }

  void stmt(NodeId id) {
    if (id == kNoNode) return;
    const Node& n = ast_[id];
    switch (n.kind) {
      case NodeKind::ExprStmt:
        expr(n.a);
        break;
      case NodeKind::SendStmt:
        expr(n.a);
        out_ += " <- ";
        expr(n.b);
        break;
      case NodeKind::IncDecStmt:
        expr(n.a);
        out_ += tok_spelling(n.op);
        break;
      case NodeKind::AssignStmt:
        list(n.l0);
        out_ += " ";
        out_ += tok_spelling(n.op);
        out_ += " ";
        list(n.l1);
        break;
      case NodeKind::RangeStmt:
        if (n.a != kNoNode) {
          expr(n.a);
          if (n.b != kNoNode) {
            out_ += ", ";
            expr(n.b);
          }
          out_ += " ";
          out_ += tok_spelling(n.op);
          out_ += " ";
        }
        out_ += "range ";
        expr(n.c);
        break;
      default:
        out_ += node_kind_name(n.kind);
        break;
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void list(ListRef r) {
    bool first = true;
    for (NodeId id : ast_.list(r)) {
      if (!first) out_ += ", ";
      first = false;
      expr(id);
    }
  }
  void fields(ListRef r, const char* sep) {
    bool first = true;
    for (NodeId id : ast_.list(r)) {
      if (!first) out_ += sep;
      first = false;
      const Node& f = ast_[id];
      if (f.l0.size) {
        list(f.l0);
        // Interface methods print as M(...) ...; other fields as name Type.
        if (ast_[f.a].kind == NodeKind::FuncType && std::string_view(sep) == "; ") {
          signature(ast_[f.a]);
          continue;
        }
        out_ += " ";
      }
      expr(f.a);
      if (!f.text.empty()) out_ += " " + f.text;
    }
  }
  void signature(const Node& ft) {
    out_ += "(";
    fields(ft.l0, ", ");
    out_ += ")";
    if (ft.l1.size == 1 && ast_[ast_.list(ft.l1)[0]].l0.size == 0) {
      out_ += " ";
      expr(ast_[ast_.list(ft.l1)[0]].a);
    } else if (ft.l1.size > 0) {
      out_ += " (";
      fields(ft.l1, ", ");
      out_ += ")";
    }
  }

  const Ast& ast_;
  std::string out_;
};

}  // namespace

std::string sexpr(const Ast& ast, NodeId id) {
  SexprPrinter p(ast);
  p.node(id);
  return p.take();
}

std::string expr_string(const Ast& ast, NodeId id) {
  GoPrinter p(ast);
  p.expr(id);
  return p.take();
}

std::string stmt_string(const Ast& ast, NodeId id) {
  GoPrinter p(ast);
  p.stmt(id);
  return p.take();
}

}  // namespace gb::go
