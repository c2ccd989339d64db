// The syntax tree of one Go file as plain data: nodes in one vector, children named by index.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/go/source.h"
#include "sim/go/token.h"

namespace gb::go {

// Nodes refer to each other by index into Ast::nodes, never by pointer, so an Ast copies as a value
// (a snapshot) and can be walked with an explicit stack.
using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

// A run of node ids stored contiguously in Ast::lists.
struct ListRef {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

// Field use per kind. Unlisted fields are kNoNode / empty. `op` holds a Tok where noted.
enum class NodeKind : std::uint8_t {
  Bad,  // an expression or statement that failed to parse (an error was reported)

  // [SECTION] File and declarations
  File,        // text=package name, l0=imports (ImportSpec), l1=top-level decls (DeclGroup|FuncDecl)
  ImportSpec,  // a=local name Ident or kNoNode, value=decoded path, text=path as written
  DeclGroup,   // op=Tok::Const|Var|Type, l0=specs, flags&kGrouped for "const ( ... )"
  ConstSpec,   // l0=names, a=type, l1=values, num=iota; values empty => repeat the group's previous ones
  VarSpec,     // l0=names, a=type, l1=values
  TypeSpec,    // a=name Ident, b=type, flags&kAlias for "type A = B", l0=type parameters (Fields: names, a=constraint)
  FuncDecl,    // a=name Ident, b=receiver Field or kNoNode, c=FuncType, d=body Block or kNoNode, l0=type parameters

  // [SECTION] Expressions
  Ident,         // text=name
  BasicLit,      // op=Tok::Int|Float|Imag|Char|String, text=source, value=decoded string, num=rune value
  CompositeLit,  // a=type or kNoNode (elided inside another literal), l0=elements (KeyValue or exprs)
  KeyValue,      // a=key, b=value
  FuncLit,       // a=FuncType, b=body Block
  Paren,         // a=inner expression (kept so "(x) := 1" and "(T){...}" can be diagnosed)
  Selector,      // a=operand, b=selected Ident (also a qualified type name pkg.T)
  Index,         // a=operand, b=index; an instantiation F[A, B] with several type arguments: l0=all of them
  Slice,         // a=operand, b=low, c=high, d=max (each may be kNoNode), flags&kThreeIndex
  TypeAssert,    // a=operand, b=type, or kNoNode for x.(type); c=x of a misplaced `x := y.(type)`
  Call,          // a=function (or type for a conversion), l0=arguments, flags&kHasDots for f(s...)
  Star,          // a=operand: *x dereference or *T pointer type (the parser cannot tell which)
  Unary,         // op=Tok::Add|Sub|Not|Xor|And|Arrow, a=operand; op=Tok::Tilde: a constraint term ~T
  Binary,        // op=operator, a=left, b=right

  // [SECTION] Types
  ArrayType,      // a=length expr, or kNoNode with flags&kDotsLen for [...]T, b=element
  SliceType,      // a=element
  MapType,        // a=key, b=value
  ChanType,       // a=element, flags&(kSendOnly|kRecvOnly) (neither = bidirectional)
  FuncType,       // l0=parameter Fields, l1=result Fields
  StructType,     // l0=Fields
  InterfaceType,  // l0=Fields: a method has one name and a FuncType; an embedded interface no names
  Ellipsis,       // a=element type of a variadic parameter ...T
  Field,          // l0=names (Idents, may be empty), a=type, value=decoded tag, flags&kEmbedded

  // [SECTION] Statements
  EmptyStmt,
  BlockStmt,       // l0=statements
  ExprStmt,        // a=expression
  SendStmt,        // a=channel, b=value
  IncDecStmt,      // op=Tok::Inc|Dec, a=operand
  AssignStmt,      // op=Tok::Assign|Define or an op-assignment (AddAssign...), l0=lhs, l1=rhs
  DeclStmt,        // a=DeclGroup
  GoStmt,          // a=Call
  DeferStmt,       // a=Call
  ReturnStmt,      // l0=results
  BranchStmt,      // op=Tok::Break|Continue|Goto|Fallthrough, a=label Ident or kNoNode
  LabeledStmt,     // a=label Ident, b=statement
  IfStmt,          // a=init, b=condition, c=then Block, d=else (IfStmt or BlockStmt)
  ForStmt,         // a=init, b=condition, c=post, d=body (all but d optional)
  RangeStmt,       // a=key, b=value, c=ranged expression, d=body, op=Tok::Define|Assign|Illegal(no vars)
  SwitchStmt,      // a=init, b=tag, l0=CaseClauses
  TypeSwitchStmt,  // a=init, b=bound Ident (x in x := y.(type)) or kNoNode, c=y, l0=CaseClauses
  CaseClause,      // l0=expressions or types (empty for default), l1=body, flags&kDefault
  SelectStmt,      // l0=CommClauses
  CommClause,      // a=communication (SendStmt, ExprStmt, AssignStmt) or kNoNode for default, l1=body
};

// Node::flags bits.
inline constexpr std::uint8_t kGrouped = 1 << 0;
inline constexpr std::uint8_t kAlias = 1 << 1;
inline constexpr std::uint8_t kThreeIndex = 1 << 2;
inline constexpr std::uint8_t kHasDots = 1 << 3;
inline constexpr std::uint8_t kDotsLen = 1 << 4;
inline constexpr std::uint8_t kSendOnly = 1 << 5;
inline constexpr std::uint8_t kRecvOnly = 1 << 6;
inline constexpr std::uint8_t kEmbedded = 1 << 7;
inline constexpr std::uint8_t kDefault = 1 << 0;  // CaseClause only

struct Node {
  NodeKind kind = NodeKind::Bad;
  Tok op = Tok::Illegal;
  std::uint8_t flags = 0;
  Pos pos;  // where gc puts the node: operator for binary, '(' for calls, '[' for index, first token
            // otherwise
  NodeId a = kNoNode;
  NodeId b = kNoNode;
  NodeId c = kNoNode;
  NodeId d = kNoNode;
  ListRef l0;
  ListRef l1;
  std::uint64_t num = 0;
  std::string text;
  std::string value;
};

struct Ast {
  std::vector<Node> nodes;
  std::vector<NodeId> lists;
  NodeId file = kNoNode;

  const Node& operator[](NodeId id) const { return nodes[id]; }
  Node& operator[](NodeId id) { return nodes[id]; }
  std::span<const NodeId> list(ListRef r) const { return {lists.data() + r.begin, r.size}; }

  NodeId add(Node n) {
    nodes.push_back(std::move(n));
    return static_cast<NodeId>(nodes.size() - 1);
  }
  ListRef add_list(const std::vector<NodeId>& ids) {
    ListRef r{static_cast<std::uint32_t>(lists.size()), static_cast<std::uint32_t>(ids.size())};
    lists.insert(lists.end(), ids.begin(), ids.end());
    return r;
  }
};

const char* node_kind_name(NodeKind k);

// Whether an expression contains a call or a receive. The spec's exception rests on it: len of an array
// expression without one is a constant, so `for i := range x` need not evaluate x.
inline bool has_call_or_recv(const Ast& ast, NodeId n, int depth = 0) {
  if (n == kNoNode || depth > 200) return false;
  const Node& x = ast[n];
  if (x.kind == NodeKind::Call) return true;
  if (x.kind == NodeKind::Unary && x.op == Tok::Arrow) return true;
  if (x.kind == NodeKind::FuncLit) return false;
  for (NodeId c : {x.a, x.b, x.c, x.d}) {
    if (has_call_or_recv(ast, c, depth + 1)) return true;
  }
  for (NodeId c : ast.list(x.l0)) {
    if (has_call_or_recv(ast, c, depth + 1)) return true;
  }
  return false;
}

}  // namespace gb::go
