// Type checker and loader tests: every oracle-corpus program loads with complete Info (checked by a walker
// over every expression), and spot checks of types, constants, objects, selections, captures and init order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/go/loader.h"

using namespace gb::go;
namespace vm = gb::vm;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Reads stdlib packages from the source tree, so the tests see the files as they are now.
std::optional<std::string> tree_package(const std::string& path) {
  std::string n = path;
  std::replace(n.begin(), n.end(), '/', '_');
  const std::filesystem::path p = std::filesystem::path(GB_REPO_DIR) / "sim/go/stdlib" / (n + ".go");
  if (!std::filesystem::exists(p)) return std::nullopt;
  return slurp(p);
}

LoadedProgram load(const std::string& src) { return load_program("main.go", src, tree_package); }

// Walks every expression of a file and reports what the checker left out.
struct InfoWalker {
  const Info& info;
  std::uint32_t file;
  const Ast& ast;
  std::vector<std::string> problems;

  InfoWalker(const Info& i, std::uint32_t f) : info(i), file(f), ast(*i.asts[f]) {}

  void problem(NodeId n, const std::string& what) {
    std::string s = info.files[file].name;
    s += ":";
    s += std::to_string(ast[n].pos.line);
    s += ":";
    s += std::to_string(ast[n].pos.col);
    s += ": ";
    s += node_kind_name(ast[n].kind);
    s += ": ";
    s += what;
    problems.push_back(s);
  }

  void type(NodeId n) {
    if (n == kNoNode) return;
    const Node& x = ast[n];
    if (info.type_of[file][n] == vm::kNoType) problem(n, "type expression without type");
    switch (x.kind) {
      case NodeKind::ArrayType: expr(x.a); type(x.b); break;
      case NodeKind::SliceType: case NodeKind::ChanType: case NodeKind::Ellipsis: type(x.a); break;
      case NodeKind::Star: case NodeKind::Paren: type(x.a); break;
      case NodeKind::MapType: type(x.a); type(x.b); break;
      case NodeKind::FuncType:
        for (NodeId f : ast.list(x.l0)) type(ast[f].a);
        for (NodeId f : ast.list(x.l1)) type(ast[f].a);
        break;
      case NodeKind::StructType:
        for (NodeId f : ast.list(x.l0)) type(ast[f].a);
        break;
      case NodeKind::InterfaceType:
        for (NodeId f : ast.list(x.l0)) {
          const Node& e = ast[ast[f].a];
          // a constraint's union or ~T element is a type set, not a type
          if ((e.kind == NodeKind::Binary && e.op == Tok::Or) || (e.kind == NodeKind::Unary && e.op == Tok::Tilde)) continue;
          type(ast[f].a);
        }
        break;
      case NodeKind::Ident:
        if (info.obj_of[file][n] == kNoObj) problem(n, "type name without object");
        break;
      default: break;
    }
  }

  void expr(NodeId n) {
    if (n == kNoNode) return;
    const Node& x = ast[n];
    const Mode m = info.mode_of[file][n];
    const TypeId t = info.type_of[file][n];
    if (m == Mode::Invalid) problem(n, "invalid mode");
    if (m == Mode::Type) {
      type(n);
      return;
    }
    if (m == Mode::Value || m == Mode::Variable || m == Mode::MapIndex || m == Mode::Constant ||
        m == Mode::CommaOk) {
      if (t == vm::kNoType) problem(n, "no type");
      else if (info.types.is_untyped(t) && t != vm::kUntypedNil) problem(n, "still untyped: " + info.types.to_string(t));
    }
    if (m == Mode::Constant && !info.constant_of[file].count(n)) problem(n, "constant without value");
    switch (x.kind) {
      case NodeKind::Ident:
        if (x.text != "_" && info.obj_of[file][n] == kNoObj) problem(n, "identifier without object");
        break;
      case NodeKind::CompositeLit: {
        const vm::Type& u = info.types[info.types.underlying(t)];
        const bool strct = u.kind == vm::Kind::Struct ||
                           (u.kind == vm::Kind::Pointer && info.types.underlying_kind(u.elem) == vm::Kind::Struct);
        if (x.a != kNoNode && ast[x.a].kind != NodeKind::ArrayType) type(x.a);
        for (NodeId e : ast.list(x.l0)) {
          if (ast[e].kind == NodeKind::KeyValue) {
            if (strct) {
              if (!info.selection_of[file].count(ast[e].a)) problem(ast[e].a, "struct key without selection");
            } else {
              expr(ast[e].a);
            }
            expr(ast[e].b);
          } else {
            expr(e);
          }
        }
        break;
      }
      case NodeKind::FuncLit:
        if (!info.captures_of[file].count(n)) problem(n, "func literal without captures entry");
        if (info.obj_of[file][n] == kNoObj) problem(n, "func literal without object");
        func(x.a, x.b);
        break;
      case NodeKind::Paren: case NodeKind::Star: case NodeKind::Unary: expr(x.a); break;
      case NodeKind::Selector:
        if (!info.selection_of[file].count(n)) problem(n, "selector without selection");
        if (info.mode_of[file][x.a] != Mode::Package) expr(x.a);
        break;
      case NodeKind::Index: expr(x.a); expr(x.b); break;
      case NodeKind::Slice: expr(x.a); expr(x.b); expr(x.c); expr(x.d); break;
      case NodeKind::TypeAssert: expr(x.a); type(x.b); break;
      case NodeKind::Call: {
        const Mode fm = info.mode_of[file][x.a];
        if (fm == Mode::Builtin) {
          const ObjId bo = info.obj_of[file][x.a];
          const Builtin b = bo != kNoObj ? info.objects[bo].builtin : Builtin::None;
          std::size_t i = 0;
          for (NodeId a : ast.list(x.l0)) {
            if (i++ == 0 && (b == Builtin::Make || b == Builtin::New)) type(a);
            else expr(a);
          }
        } else {
          expr(x.a);
          for (NodeId a : ast.list(x.l0)) expr(a);
        }
        break;
      }
      case NodeKind::Binary: expr(x.a); expr(x.b); break;
      default: break;
    }
  }

  void func(NodeId ft, NodeId body) {
    type(ft);
    stmt(body);
  }

  void stmt(NodeId n) {
    if (n == kNoNode) return;
    const Node& x = ast[n];
    switch (x.kind) {
      case NodeKind::BlockStmt:
        for (NodeId s : ast.list(x.l0)) stmt(s);
        break;
      case NodeKind::ExprStmt: expr(x.a); break;
      case NodeKind::SendStmt: expr(x.a); expr(x.b); break;
      case NodeKind::IncDecStmt: expr(x.a); break;
      case NodeKind::AssignStmt:
        for (NodeId e : ast.list(x.l0)) {
          if (ast[e].kind == NodeKind::Ident && ast[e].text == "_") continue;
          if (x.op == Tok::Define) {
            if (info.obj_of[file][e] == kNoObj) problem(e, ":= name without object");
          } else {
            expr(e);
          }
        }
        for (NodeId e : ast.list(x.l1)) expr(e);
        break;
      case NodeKind::DeclStmt: decl(x.a); break;
      case NodeKind::GoStmt: case NodeKind::DeferStmt: expr(x.a); break;
      case NodeKind::ReturnStmt:
        for (NodeId e : ast.list(x.l0)) expr(e);
        break;
      case NodeKind::LabeledStmt: stmt(x.b); break;
      case NodeKind::IfStmt: stmt(x.a); expr(x.b); stmt(x.c); stmt(x.d); break;
      case NodeKind::ForStmt: stmt(x.a); expr(x.b); stmt(x.c); stmt(x.d); break;
      case NodeKind::RangeStmt:
        for (NodeId e : {x.a, x.b}) {
          if (e == kNoNode || (ast[e].kind == NodeKind::Ident && ast[e].text == "_")) continue;
          if (x.op == Tok::Define) {
            if (info.obj_of[file][e] == kNoObj) problem(e, "range variable without object");
          } else {
            expr(e);
          }
        }
        expr(x.c);
        stmt(x.d);
        break;
      case NodeKind::SwitchStmt:
        stmt(x.a);
        expr(x.b);
        for (NodeId c : ast.list(x.l0)) {
          for (NodeId e : ast.list(ast[c].l0)) expr(e);
          for (NodeId s : ast.list(ast[c].l1)) stmt(s);
        }
        break;
      case NodeKind::TypeSwitchStmt:
        stmt(x.a);
        expr(x.c);
        for (NodeId c : ast.list(x.l0)) {
          if (x.b != kNoNode && ast[x.b].text != "_" && !info.clause_obj[file].count(c)) problem(c, "clause without object");
          for (NodeId e : ast.list(ast[c].l0)) {
            if (info.mode_of[file][e] != Mode::Type && info.type_of[file][e] != vm::kUntypedNil) problem(e, "case type");
          }
          for (NodeId s : ast.list(ast[c].l1)) stmt(s);
        }
        break;
      case NodeKind::SelectStmt:
        for (NodeId c : ast.list(x.l0)) {
          stmt(ast[c].a);
          for (NodeId s : ast.list(ast[c].l1)) stmt(s);
        }
        break;
      default: break;
    }
  }

  void decl(NodeId d) {
    const Node& g = ast[d];
    for (NodeId spec : ast.list(g.l0)) {
      const Node& s = ast[spec];
      if (s.kind == NodeKind::VarSpec) {
        for (NodeId name : ast.list(s.l0)) {
          if (ast[name].text != "_" && info.obj_of[file][name] == kNoObj) problem(name, "var without object");
        }
        if (s.a != kNoNode) type(s.a);
        for (NodeId v : ast.list(s.l1)) expr(v);
      } else if (s.kind == NodeKind::ConstSpec) {
        for (NodeId name : ast.list(s.l0)) {
          if (ast[name].text != "_" && info.obj_of[file][name] == kNoObj) problem(name, "const without object");
        }
      } else if (s.kind == NodeKind::TypeSpec) {
        if (info.obj_of[file][s.a] == kNoObj) problem(s.a, "type without object");
        if (s.l0.size == 0) type(s.b);  // a generic type's instances are checked on clones of s.b
      }
    }
  }

  // A generic declaration is not checked as such: its instances (clones appended to the Ast) are.
  bool generic(NodeId d) const {
    const Node& n = ast[d];
    if (n.l0.size > 0) return true;
    if (n.kind != NodeKind::FuncDecl || n.b == kNoNode) return false;
    NodeId base = ast[n.b].a;
    while (base != kNoNode && (ast[base].kind == NodeKind::Star || ast[base].kind == NodeKind::Paren)) base = ast[base].a;
    return base != kNoNode && ast[base].kind == NodeKind::Index;
  }

  void run() {
    const Node& f = ast[ast.file];
    for (NodeId d : ast.list(f.l1)) {
      if (ast[d].kind == NodeKind::DeclGroup) {
        decl(d);
      } else if (ast[d].kind == NodeKind::FuncDecl && !generic(d)) {
        if (info.obj_of[file][d] == kNoObj) problem(d, "func without object");
        func(ast[d].c, ast[d].d);
      }
    }
    for (ObjId o : info.funcs) {  // the instances of generic functions and methods
      const Object& ob = info.objects[o];
      if (ob.file != file || ob.decl == kNoNode || generic(ob.decl) == false) continue;
      func(ast[ob.decl].c, ast[ob.decl].d);
    }
  }
};

std::vector<std::string> info_problems(const LoadedProgram& p) {
  std::vector<std::string> out;
  for (std::uint32_t f = 0; f < p.info.asts.size(); ++f) {
    InfoWalker w(p.info, f);
    w.run();
    out.insert(out.end(), w.problems.begin(), w.problems.end());
  }
  return out;
}

// The node of the n-th (0-based) occurrence of an identifier named `name` in the user's file.
NodeId find_ident(const LoadedProgram& p, const std::string& name, int nth = 0) {
  const Ast& ast = p.asts.back();
  for (NodeId i = 0; i < ast.nodes.size(); ++i) {
    if (ast[i].kind == NodeKind::Ident && ast[i].text == name && nth-- == 0) return i;
  }
  return kNoNode;
}

NodeId find_kind(const LoadedProgram& p, NodeKind k, int nth = 0) {
  const Ast& ast = p.asts.back();
  for (NodeId i = 0; i < ast.nodes.size(); ++i) {
    if (ast[i].kind == k && nth-- == 0) return i;
  }
  return kNoNode;
}

std::uint32_t user(const LoadedProgram& p) { return static_cast<std::uint32_t>(p.asts.size() - 1); }

}  // namespace

TEST_CASE("checker: every corpus program loads with complete Info", "[checker]") {
  const std::filesystem::path dir = std::filesystem::path(GB_REPO_DIR) / "tests/go";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".go") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 100);
  for (const auto& f : files) {
    INFO(f.filename().string());
    LoadedProgram p = load_program(f.filename().string(), slurp(f), tree_package);
    INFO(p.diags.text());
    REQUIRE(p.ok);
    const std::vector<std::string> problems = info_problems(p);
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < 20; ++i) text += problems[i] + "\n";
    INFO(text);
    CHECK(problems.empty());
  }
}

TEST_CASE("checker: the embedded standard library loads", "[checker]") {
  LoadedProgram p = load_program("main.go", "package main\n\nfunc main() {}\n");
  INFO(p.diags.text());
  CHECK(p.ok);
  CHECK(p.info.packages.back().path == "main");
  bool runtime = false;
  for (const auto& pk : p.info.packages) runtime = runtime || pk.path == "runtime";
  CHECK(runtime);
}

TEST_CASE("checker: untyped constants get their final type and value", "[checker]") {
  LoadedProgram p = load(R"(package main

const big = 1 << 40
const f = 2.5

func main() {
	var a int8 = 100
	var b float64 = 3
	c := big >> 38
	var d uint8 = 255
	e := f * 2
	println(a, b, c, d, e)
}
)");
  INFO(p.diags.text());
  REQUIRE(p.ok);
  const auto& I = p.info;
  const std::uint32_t u = user(p);
  // var b float64 = 3: the literal 3 is a float64 constant
  NodeId three = kNoNode;
  for (NodeId i = 0; i < p.asts.back().nodes.size(); ++i) {
    if (p.asts.back()[i].kind == NodeKind::BasicLit && p.asts.back()[i].text == "3") three = i;
  }
  REQUIRE(three != kNoNode);
  CHECK(I.type(u, three) == vm::kFloat64);
  CHECK(I.constant_of[u].at(three).kind == ConstKind::Float);
  // c := big >> 38 is an int constant 4
  const NodeId c = find_ident(p, "c");
  CHECK(I.objects[I.obj(u, c)].type == vm::kInt);
  const NodeId shift = find_kind(p, NodeKind::Binary, 1);
  CHECK(I.type(u, shift) == vm::kInt);
  CHECK(I.constant_of[u].at(shift).i.to_i64() == 4);
  // e := f * 2 is float64 5
  const NodeId e = find_ident(p, "e");
  CHECK(I.objects[I.obj(u, e)].type == vm::kFloat64);
  CHECK(info_problems(p).empty());
}

TEST_CASE("checker: selections through embedded fields, auto-address and auto-deref", "[checker]") {
  LoadedProgram p = load(R"(package main

type Inner struct{ X int }

func (i *Inner) Inc() { i.X++ }
func (i Inner) Get() int { return i.X }

type Outer struct {
	Name string
	*Inner
}

type Plain struct{ Inner }

func main() {
	o := Outer{Name: "o", Inner: &Inner{}}
	o.Inc()
	_ = o.X
	var pl Plain
	pl.Inc()
	pp := &pl
	_ = pp.Get()
	pi := &Inner{}
	_ = pi.Get()
}
)");
  INFO(p.diags.text());
  REQUIRE(p.ok);
  const auto& I = p.info;
  const std::uint32_t u = user(p);
  std::vector<NodeId> sels;
  for (NodeId i = 0; i < p.asts.back().nodes.size(); ++i) {
    if (p.asts.back()[i].kind == NodeKind::Selector) sels.push_back(i);
  }
  // body selectors, in source order: o.Inc, o.X, pl.Inc, pp.Get (method bodies have i.X twice first)
  auto sel = [&](const std::string& text) -> const Selection& {
    for (NodeId s : sels) {
      const Ast& ast = p.asts.back();
      if (ast[ast[s].a].text + "." + ast[ast[s].b].text == text) return I.selection_of[u].at(s);
    }
    FAIL("no selector " << text);
    static Selection none;
    return none;
  };
  const Selection& inc = sel("o.Inc");
  CHECK(inc.kind == Selection::Kind::Method);
  CHECK(inc.path == std::vector<std::uint32_t>{1});
  CHECK(inc.deref == std::vector<bool>{false});
  CHECK_FALSE(inc.auto_address);  // the embedded field is already a pointer
  const Selection& x = sel("o.X");
  CHECK(x.kind == Selection::Kind::Field);
  CHECK(x.path == std::vector<std::uint32_t>{1, 0});
  CHECK(x.deref == std::vector<bool>{false, true});
  const Selection& pinc = sel("pl.Inc");
  CHECK(pinc.auto_address);
  CHECK(pinc.path == std::vector<std::uint32_t>{0});
  CHECK(I.objects[I.obj(u, find_ident(p, "pl"))].address_taken);
  const Selection& get = sel("pp.Get");
  CHECK_FALSE(get.auto_deref);  // the pointer is followed on the path to the embedded Inner
  CHECK(get.deref == std::vector<bool>{true});
  const Selection& pget = sel("pi.Get");
  CHECK(pget.auto_deref);
  CHECK(pget.path.empty());
  CHECK(info_problems(p).empty());
}

TEST_CASE("checker: captures of function literals", "[checker]") {
  LoadedProgram p = load(R"(package main

var global int

func main() {
	a, b, c := 1, 2, 3
	f := func() int {
		g := func() int { return b + c }
		return a + g() + global
	}
	println(f())
}
)");
  INFO(p.diags.text());
  REQUIRE(p.ok);
  const auto& I = p.info;
  const std::uint32_t u = user(p);
  const NodeId outer = find_kind(p, NodeKind::FuncLit, 0);
  const NodeId inner = find_kind(p, NodeKind::FuncLit, 1);
  auto names = [&](NodeId lit) {
    std::vector<std::string> out;
    for (ObjId o : I.captures_of[u].at(lit)) out.push_back(I.objects[o].name);
    return out;
  };
  CHECK(names(outer) == std::vector<std::string>{"b", "c", "a"});
  CHECK(names(inner) == std::vector<std::string>{"b", "c"});
  CHECK(I.objects[I.obj(u, find_ident(p, "a"))].captured);
  CHECK_FALSE(I.objects[I.obj(u, find_ident(p, "g"))].captured);
}

TEST_CASE("checker: package variables are initialized dependencies first", "[checker]") {
  LoadedProgram p = load(R"(package main

var a = b + f()
var b = 1
var c, d = two()
var e = c

func f() int { return d }
func two() (int, int) { return 1, 2 }

func main() { println(a, b, c, d, e) }
)");
  INFO(p.diags.text());
  REQUIRE(p.ok);
  std::vector<std::string> order;
  for (const auto& e : p.info.init_order) {
    if (e.file != user(p)) continue;
    std::string s;
    for (ObjId o : e.lhs) s += p.info.objects[o].name;
    order.push_back(s);
  }
  CHECK(order == std::vector<std::string>{"b", "cd", "a", "e"});
}

TEST_CASE("checker: comma-ok forms and type switch clause objects", "[checker]") {
  LoadedProgram p = load(R"(package main

func main() {
	m := map[string]int{"a": 1}
	v, ok := m["a"]
	var i interface{} = 3
	n, isInt := i.(int)
	switch x := i.(type) {
	case int:
		println(x + 1)
	case string, bool:
		println(x)
	}
	println(v, ok, n, isInt)
}
)");
  INFO(p.diags.text());
  REQUIRE(p.ok);
  const auto& I = p.info;
  const std::uint32_t u = user(p);
  const NodeId idx = find_kind(p, NodeKind::Index);
  CHECK(I.mode_of[u][idx] == Mode::CommaOk);
  CHECK(I.type(u, idx) == vm::kInt);
  const NodeId ta = find_kind(p, NodeKind::TypeAssert);
  CHECK(I.mode_of[u][ta] == Mode::CommaOk);
  const NodeId c0 = find_kind(p, NodeKind::CaseClause, 0);
  const NodeId c1 = find_kind(p, NodeKind::CaseClause, 1);
  CHECK(I.objects[I.clause_obj[u].at(c0)].type == vm::kInt);
  CHECK(I.objects[I.clause_obj[u].at(c1)].type == vm::kEmptyInterface);
  CHECK(info_problems(p).empty());
}

TEST_CASE("checker: LoadedProgram stays valid after a move", "[checker]") {
  LoadedProgram p = load("package main\n\nfunc main() { println(1) }\n");
  REQUIRE(p.ok);
  LoadedProgram q = std::move(p);
  REQUIRE(q.info.asts.size() == q.asts.size());
  for (std::size_t i = 0; i < q.asts.size(); ++i) CHECK(q.info.asts[i] == &q.asts[i]);
}
