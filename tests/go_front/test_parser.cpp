// Parser tests: every construct of the subset as an S-expression, gc's error messages with positions,
// recovery, robustness on truncated and hostile input, and real programs from Go's own test corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/go/ast_print.h"
#include "sim/go/parser.h"

using namespace gb::go;

namespace {

struct Parsed {
  Ast ast;
  std::vector<std::string> errors;
};

Parsed parse(const std::string& src, const std::string& name = "x.go") {
  SourceFile file(name, src);
  Diagnostics diags(name);
  Parsed p;
  p.ast = parse_file(file, diags);
  p.errors = diags.lines();
  return p;
}

// The whole file as an S-expression; the source must parse cleanly.
std::string file_sexpr(const std::string& src) {
  Parsed p = parse(src);
  INFO(src);
  for (const std::string& e : p.errors) INFO(e);
  CHECK(p.errors.empty());
  return sexpr(p.ast, p.ast.file);
}

// The statements of a function body, each as an S-expression, separated by " | ".
std::string stmts(const std::string& body) {
  Parsed p = parse("package p\nfunc f() {\n" + body + "\n}\n");
  INFO(body);
  if (!p.errors.empty()) FAIL_CHECK(p.errors.front());
  const Node& file = p.ast[p.ast.file];
  REQUIRE(file.l1.size == 1);
  const Node& fn = p.ast[p.ast.list(file.l1)[0]];
  std::string out;
  for (NodeId s : p.ast.list(p.ast[fn.d].l0)) {
    if (!out.empty()) out += " | ";
    out += sexpr(p.ast, s);
  }
  return out;
}

// One expression (parsed as the value of `_ = EXPR` inside a function).
std::string expr(const std::string& x) {
  Parsed p = parse("package p\nfunc f() {\n_ = " + x + "\n}\n");
  INFO(x);
  if (!p.errors.empty()) FAIL_CHECK(p.errors.front());
  const Node& file = p.ast[p.ast.file];
  const Node& fn = p.ast[p.ast.list(file.l1)[0]];
  const Node& assign = p.ast[p.ast.list(p.ast[fn.d].l0)[0]];
  return sexpr(p.ast, p.ast.list(assign.l1)[0]);
}

// One type (as the type of `var _ TYPE`).
std::string type(const std::string& t) {
  Parsed p = parse("package p\nvar _ " + t + "\n");
  INFO(t);
  if (!p.errors.empty()) FAIL_CHECK(p.errors.front());
  const Node& file = p.ast[p.ast.file];
  const Node& group = p.ast[p.ast.list(file.l1)[0]];
  return sexpr(p.ast, p.ast[p.ast.list(group.l0)[0]].a);
}

std::vector<std::string> errors(const std::string& src) {
  return parse(src).errors;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// [SECTION] Declarations

TEST_CASE("package, imports and top-level declarations", "[parser]") {
  CHECK(file_sexpr("package main\n") == "(file main)");
  CHECK(
      file_sexpr("package main\nimport \"fmt\"\nimport (\n\t\"os\"\n\tstr \"strings\"\n\t. \"sync\"\n)\n") ==
      "(file main (import \"fmt\") (import \"os\") (import str \"strings\") (import . \"sync\"))");
  CHECK(file_sexpr("package p\nfunc main() {}\n") == "(file p (func main _ (functype () ()) (block)))");
  CHECK(file_sexpr("package p\nfunc (t *T) M(a, b int, s ...string) (n int, err error) { return }\n") ==
        "(file p (func M (field (t) (* T)) (functype ((field (a b) int) (field (s) (... string))) "
        "((field (n) int) (field (err) error))) (block (return))))");
  CHECK(file_sexpr("package p\nfunc (T) M() int\n") ==
        "(file p (func M (field () T) (functype () ((field () int))) _))");
  CHECK(file_sexpr("package p\nfunc f(int, string) (bool, error) { return true, nil }\n") ==
        "(file p (func f _ (functype ((field () int) (field () string)) ((field () bool) (field () error))) "
        "(block (return true nil))))");
}

TEST_CASE("const groups record iota, var and type declarations", "[parser]") {
  CHECK(file_sexpr("package p\nconst (\n\tA = iota\n\tB\n\t_\n\tD, E int = 1 << iota, 2\n)\n") ==
        "(file p (const (spec iota=0 (A) _ (iota)) (spec iota=1 (B) _ ()) (spec iota=2 (_) _ ()) "
        "(spec iota=3 (D E) int ((<< 1 iota) 2))))");
  CHECK(file_sexpr("package p\nconst X = 1\nvar (\n\ta int\n\tb, c = 1, \"s\"\n\td []int = nil\n)\n") ==
        "(file p (const (spec iota=0 (X) _ (1))) (var (spec (a) int ()) (spec (b c) _ (1 \"s\")) "
        "(spec (d) ([] int) (nil))))");
  CHECK(file_sexpr("package p\ntype (\n\tCelsius float64\n\tA = B\n\tP struct{ x, y int }\n)\n") ==
        "(file p (type (spec Celsius float64) (alias A B) (spec P (struct (field (x y) int)))))");
}

// [SECTION] Types

TEST_CASE("every type expression", "[parser]") {
  CHECK(type("int") == "int");
  CHECK(type("time.Duration") == "(. time Duration)");
  CHECK(type("*T") == "(* T)");
  CHECK(type("**pkg.T") == "(* (* (. pkg T)))");
  CHECK(type("[]byte") == "([] byte)");
  CHECK(type("[4]int") == "(array 4 int)");
  CHECK(type("[N*2][]string") == "(array (* N 2) ([] string))");
  CHECK(type("map[string][]int") == "(map string ([] int))");
  CHECK(type("chan int") == "(chan int)");
  CHECK(type("chan<- int") == "(chan<- int)");
  CHECK(type("<-chan int") == "(<-chan int)");
  CHECK(type("chan<- chan int") == "(chan<- (chan int))");
  CHECK(type("chan (<-chan int)") == "(chan (paren (<-chan int)))");
  CHECK(type("func()") == "(functype () ())");
  CHECK(type("func(int, ...any) (int, error)") ==
        "(functype ((field () int) (field () (... any))) ((field () int) (field () error)))");
  CHECK(type("func(f func(int) int) func() bool") ==
        "(functype ((field (f) (functype ((field () int)) ((field () int))))) "
        "((field () (functype () ((field () bool))))))");
  CHECK(type("struct{}") == "(struct)");
  CHECK(type("struct {\n\tsync.Mutex\n\t*Node\n\tName string `json:\"name\"`\n\ta, b int\n}") ==
        "(struct (embed (. sync Mutex)) (embed (* Node)) (field (Name) string `json:\"name\"`) (field (a b) "
        "int))");
  CHECK(type("interface{}") == "(interface)");
  CHECK(type("any") == "any");
  CHECK(type("interface {\n\tfmt.Stringer\n\terror\n\tM(x int) (string, bool)\n}") ==
        "(interface (embed (. fmt Stringer)) (embed error) (field (M) (functype ((field (x) int)) "
        "((field () string) (field () bool)))))");
}

// [SECTION] Expressions

TEST_CASE("binary operators follow Go's five precedence levels, left-associative", "[parser]") {
  CHECK(expr("a + b * c") == "(+ a (* b c))");
  CHECK(expr("a * b + c") == "(+ (* a b) c)");
  CHECK(expr("a - b - c") == "(- (- a b) c)");
  CHECK(expr("a || b && c == d") == "(|| a (&& b (== c d)))");
  CHECK(expr("a << 1 | b &^ c") == "(| (<< a 1) (&^ b c))");
  CHECK(expr("x == y || x < 1 && y >= 2") == "(|| (== x y) (&& (< x 1) (>= y 2)))");
  CHECK(expr("a % b / c ^ d") == "(^ (/ (% a b) c) d)");
  CHECK(expr("-a * b") == "(* (- a) b)");
  CHECK(expr("(a + b) * c") == "(* (paren (+ a b)) c)");
  CHECK(expr("a != b <= c") == "(<= (!= a b) c)");
}

TEST_CASE("unary operators, receive and dereference", "[parser]") {
  CHECK(expr("-x") == "(- x)");
  CHECK(expr("+x") == "(+ x)");
  CHECK(expr("!ok") == "(! ok)");
  CHECK(expr("^m") == "(^ m)");
  CHECK(expr("&v") == "(& v)");
  CHECK(expr("&T{1}") == "(& (lit T 1))");
  CHECK(expr("*p") == "(* p)");
  CHECK(expr("<-ch") == "(<- ch)");
  CHECK(expr("<-<-ch") == "(<- (<- ch))");
  CHECK(expr("- -x") == "(- (- x))");
  CHECK(expr("!<-done") == "(! (<- done))");
  CHECK(expr("*p.x") == "(* (. p x))");
}

TEST_CASE("literals of every kind", "[parser]") {
  CHECK(expr("42") == "42");
  CHECK(expr("0x1F") == "0x1F");
  CHECK(expr("3.25") == "3.25");
  CHECK(expr("1e9") == "1e9");
  CHECK(expr("'x'") == "'x'");
  CHECK(expr("\"s\\n\"") == "\"s\\n\"");
  CHECK(expr("`raw`") == "`raw`");
  Parsed p = parse("package p\nvar s = \"a\\tb\"\nvar r = '\\u4e16'\n");
  REQUIRE(p.errors.empty());
  const Node& file = p.ast[p.ast.file];
  const Node& s = p.ast[p.ast[p.ast.list(p.ast[p.ast.list(file.l1)[0]].l0)[0]].l1.begin == 0
                            ? 0
                            : p.ast.list(p.ast[p.ast.list(p.ast[p.ast.list(file.l1)[0]].l0)[0]].l1)[0]];
  CHECK(s.kind == NodeKind::BasicLit);
  CHECK(s.op == Tok::String);
  CHECK(s.value == "a\tb");
  const Node& r = p.ast[p.ast.list(p.ast[p.ast.list(p.ast[p.ast.list(file.l1)[1]].l0)[0]].l1)[0]];
  CHECK(r.op == Tok::Char);
  CHECK(r.num == 0x4E16);
}

TEST_CASE("calls, conversions, selectors, index, slices and type assertions", "[parser]") {
  CHECK(expr("f()") == "(call f)");
  CHECK(expr("fmt.Println(a, b)") == "(call (. fmt Println) a b)");
  CHECK(expr("append(s, t...)") == "(call... append s t)");
  CHECK(expr("f(a,\n)") == "(call f a)");
  CHECK(expr("[]byte(s)") == "(call ([] byte) s)");
  CHECK(expr("(*T)(p)") == "(call (paren (* T)) p)");
  CHECK(expr("(<-chan int)(c)") == "(call (paren (<-chan int)) c)");
  CHECK(expr("func(int) int(f)") == "(call (functype ((field () int)) ((field () int))) f)");
  CHECK(expr("a.b.c") == "(. (. a b) c)");
  CHECK(expr("m[k]") == "(index m k)");
  CHECK(expr("s[1:]") == "(slice s 1 _)");
  CHECK(expr("s[:n]") == "(slice s _ n)");
  CHECK(expr("s[:]") == "(slice s _ _)");
  CHECK(expr("s[i:j:k]") == "(slice3 s i j k)");
  CHECK(expr("s[:j:k]") == "(slice3 s _ j k)");
  CHECK(expr("x.(int)") == "(assert x int)");
  CHECK(expr("x.(fmt.Stringer)") == "(assert x (. fmt Stringer))");
  CHECK(expr("f(x)[0].y(z...)") == "(call... (. (index (call f x) 0) y) z)");
  CHECK(expr("new(T)") == "(call new T)");
  CHECK(expr("make(chan int, 3)") == "(call make (chan int) 3)");
  CHECK(expr("make(map[string]int)") == "(call make (map string int))");
}

TEST_CASE("composite literals: keyed, positional, nested and with elided types", "[parser]") {
  CHECK(expr("T{}") == "(lit T)");
  CHECK(expr("T{1, 2}") == "(lit T 1 2)");
  CHECK(expr("pkg.T{X: 1, Y: 2,\n}") == "(lit (. pkg T) (: X 1) (: Y 2))");
  CHECK(expr("[]int{1, 2, 3}") == "(lit ([] int) 1 2 3)");
  CHECK(expr("[...]string{2: \"c\", 0: \"a\"}") == "(lit (array ... string) (: 2 \"c\") (: 0 \"a\"))");
  CHECK(expr("[2][2]int{{1, 2}, {3, 4}}") == "(lit (array 2 (array 2 int)) (lit _ 1 2) (lit _ 3 4))");
  CHECK(expr("map[string]P{\"a\": {1, 2}, \"b\": {X: 3}}") ==
        "(lit (map string P) (: \"a\" (lit _ 1 2)) (: \"b\" (lit _ (: X 3))))");
  CHECK(expr("map[P]int{{1, 2}: 3}") == "(lit (map P int) (: (lit _ 1 2) 3))");
  CHECK(expr("[]*P{{1, 2}, &P{3, 4}}") == "(lit ([] (* P)) (lit _ 1 2) (& (lit P 3 4)))");
  CHECK(expr("struct{ a int }{1}") == "(lit (struct (field (a) int)) 1)");
  CHECK(expr("[]struct{}{{}, {}}") == "(lit ([] (struct)) (lit _) (lit _))");
}

TEST_CASE("function literals and closures", "[parser]") {
  CHECK(expr("func() {}") == "(funclit (functype () ()) (block))");
  CHECK(expr("func(x int) int { return x * 2 }") ==
        "(funclit (functype ((field (x) int)) ((field () int))) (block (return (* x 2))))");
  CHECK(expr("func() int { return 1 }()") ==
        "(call (funclit (functype () ((field () int))) (block (return 1))))");
}

TEST_CASE("a composite literal with a bare type name cannot open an if/for/switch header", "[parser]") {
  // In the header, `T{` starts the block; inside parentheses or with a non-name type it is a literal.
  CHECK(stmts("if x == (T{}) {\n}") == "(if _ (== x (paren (lit T))) (block) _)");
  CHECK(stmts("for _, v := range []T{{1}} {\n}") == "(range := _ v (lit ([] T) (lit _ 1)) (block))");
  CHECK(stmts("switch p := (P{1, 2}); p {\n}") == "(switch (:= (p) ((paren (lit P 1 2)))) p)");
  CHECK(stmts("if f(T{}) {\n}") == "(if _ (call f (lit T)) (block) _)");
  CHECK(stmts("if v := m[K{1}]; v {\n}") == "(if (:= (v) ((index m (lit K 1)))) v (block) _)");
  CHECK(stmts("for x := range s {\n\t_ = T{}\n}") == "(range := x _ s (block (= (_) ((lit T)))))");
  // Without parentheses the `{` belongs to the if: gc then reports the leftover `}` and so on.
  CHECK_FALSE(errors("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n").empty());
}

// [SECTION] Statements

TEST_CASE("simple statements", "[parser]") {
  CHECK(stmts("x := 1") == "(:= (x) (1))");
  CHECK(stmts("a, b = b, a") == "(= (a b) (b a))");
  CHECK(stmts("v, ok := m[k]") == "(:= (v ok) ((index m k)))");
  CHECK(stmts("x += 2\ny <<= 1\nz &^= m") == "(+= (x) (2)) | (<<= (y) (1)) | (&^= (z) (m))");
  CHECK(stmts("i++\nj--") == "(++ i) | (-- j)");
  CHECK(stmts("ch <- v") == "(send ch v)");
  CHECK(stmts("<-done") == "(expr (<- done))");
  CHECK(stmts("f(x)") == "(expr (call f x))");
  CHECK(stmts("*p = 3") == "(= ((* p)) (3))");
  CHECK(stmts("s[i], m[k] = 1, 2") == "(= ((index s i) (index m k)) (1 2))");
  CHECK(stmts("var x, y int = 1, 2") == "(var (spec (x y) int (1 2)))");
  CHECK(stmts("const c = 3") == "(const (spec iota=0 (c) _ (3)))");
  CHECK(stmts("type T int") == "(type (spec T int))");
  CHECK(stmts(";") == "(empty)");
}

TEST_CASE("if, else if and else", "[parser]") {
  CHECK(stmts("if x > 0 {\n\treturn\n}") == "(if _ (> x 0) (block (return)) _)");
  CHECK(stmts("if err := f(); err != nil {\n} else if x {\n} else {\n\tg()\n}") ==
        "(if (:= (err) ((call f))) (!= err nil) (block) (if _ x (block) (block (expr (call g)))))");
}

TEST_CASE("for in all three forms and range", "[parser]") {
  CHECK(stmts("for {\n}") == "(for _ _ _ (block))");
  CHECK(stmts("for x < 10 {\n}") == "(for _ (< x 10) _ (block))");
  CHECK(stmts("for i := 0; i < n; i++ {\n}") == "(for (:= (i) (0)) (< i n) (++ i) (block))");
  CHECK(stmts("for ; ; {\n}") == "(for _ _ _ (block))");
  CHECK(stmts("for i := 0; ; i += 2 {\n}") == "(for (:= (i) (0)) _ (+= (i) (2)) (block))");
  CHECK(stmts("for i, r := range \"héllo\" {\n}") == "(range := i r \"héllo\" (block))");
  CHECK(stmts("for k = range m {\n}") == "(range = k _ m (block))");
  CHECK(stmts("for range ch {\n}") == "(range _ _ _ ch (block))");
  CHECK(stmts("for _, v := range <-chans {\n}") == "(range := _ v (<- chans) (block))");
}

TEST_CASE("switch, type switch and fallthrough", "[parser]") {
  CHECK(stmts("switch x {\ncase 1, 2:\n\tf()\n\tfallthrough\ncase 3:\ndefault:\n\tg()\n}") ==
        "(switch _ x (case (1 2) (expr (call f)) (fallthrough)) (case (3)) (default (expr (call g))))");
  CHECK(stmts("switch {\ncase x < 0:\n}") == "(switch _ _ (case ((< x 0))))");
  CHECK(stmts("switch x := f(); {\n}") == "(switch (:= (x) ((call f))) _)");
  CHECK(stmts("switch v := i.(type) {\ncase int, string:\ncase nil:\ndefault:\n}") ==
        "(typeswitch _ v i (case (int string)) (case (nil)) (default))");
  CHECK(stmts("switch x := 1; y.(type) {\ncase *T:\n}") == "(typeswitch (:= (x) (1)) _ y (case ((* T))))");
}

TEST_CASE("select with send, receive, comma-ok and default", "[parser]") {
  CHECK(
      stmts("select {\ncase v := <-a:\n\tuse(v)\ncase v, ok := <-b:\ncase c <- 1:\ncase <-d:\ndefault:\n}") ==
      "(select (comm (:= (v) ((<- a))) (expr (call use v))) (comm (:= (v ok) ((<- b)))) "
      "(comm (send c 1)) (comm (expr (<- d))) (default))");
  CHECK(stmts("select {}") == "(select)");
}

TEST_CASE("go, defer, return, branches and labels", "[parser]") {
  CHECK(stmts("go f(x)\ndefer mu.Unlock()") == "(go (call f x)) | (defer (call (. mu Unlock)))");
  CHECK(stmts("go func() {\n\tdone <- true\n}()") ==
        "(go (call (funclit (functype () ()) (block (send done true)))))");
  CHECK(stmts("defer func() {\n\tif r := recover(); r != nil {\n\t}\n}()") ==
        "(defer (call (funclit (functype () ()) (block (if (:= (r) ((call recover))) (!= r nil) (block) "
        "_)))))");
  CHECK(stmts("return\n") == "(return)");
  CHECK(stmts("return a, b") == "(return a b)");
  CHECK(stmts("outer:\nfor {\n\tfor {\n\t\tbreak outer\n\t\tcontinue outer\n\t}\n\tbreak\n\tcontinue\n}") ==
        "(label outer (for _ _ _ (block (for _ _ _ (block (break outer) (continue outer))) (break) "
        "(continue))))");
  CHECK(stmts("goto L\nL:\n") == "(goto L) | (label L (empty))");
  CHECK(stmts("{\n\tx := 1\n\t_ = x\n}") == "(block (:= (x) (1)) (= (_) (x)))");
}

TEST_CASE("node positions are 1-based line and byte column", "[parser]") {
  Parsed p = parse("package p\n\nfunc f() {\n\tx := a + b\n}\n");
  REQUIRE(p.errors.empty());
  const Node& fn = p.ast[p.ast.list(p.ast[p.ast.file].l1)[0]];
  CHECK(fn.pos == Pos{3, 6});  // the name; gc's FuncDecl position
  const Node& assign = p.ast[p.ast.list(p.ast[fn.d].l0)[0]];
  CHECK(assign.pos == Pos{4, 4});  // the := operator
  const Node& lhs = p.ast[p.ast.list(assign.l0)[0]];
  CHECK(lhs.pos == Pos{4, 2});
  const Node& sum = p.ast[p.ast.list(assign.l1)[0]];
  CHECK(sum.pos == Pos{4, 9});  // binary: the operator
  CHECK(p.ast[sum.b].pos == Pos{4, 11});
}

TEST_CASE("expr_string renders Go text as gc's messages do", "[parser]") {
  Parsed p = parse("package p\nvar _ = f(a, b...) + m[k][1:2].x.(T) * -<-c\nvar _ = []int{1}\n");
  REQUIRE(p.errors.empty());
  const Node& file = p.ast[p.ast.file];
  auto value = [&](int i) {
    return p.ast.list(p.ast[p.ast.list(p.ast[p.ast.list(file.l1)[i]].l0)[0]].l1)[0];
  };
  CHECK(expr_string(p.ast, value(0)) == "f(a, b...) + m[k][1:2].x.(T) * -<-c");
  CHECK(expr_string(p.ast, value(1)) == "[]int{…}");
}

// [SECTION] Errors

TEST_CASE("syntax errors name the file, line and column and read like gc's", "[parser][errors]") {
  // Missing comma at the end of a composite literal line.
  CHECK(errors("package main\n\nfunc main() {\n\tx := []int{1, 2\n\t}\n}\n") ==
        std::vector<std::string>{
            "x.go:4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }"});
  // Missing closing parenthesis of a call.
  CHECK(errors("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\"\n}\n") ==
        std::vector<std::string>{
            "x.go:6:18: syntax error: unexpected newline in argument list; possibly missing comma or )"});
  // Missing closing brace of the function.
  CHECK(errors("package main\n\nfunc main() {\n\tx := 1\n\tif x == 1 {\n\t\tprintln(x)\n\t\n}\n") ==
        std::vector<std::string>{"x.go:9:1: syntax error: unexpected EOF, expecting }"});
  // Opening brace on its own line.
  CHECK(errors("package main\n\nfunc main()\n{\n}\n") ==
        std::vector<std::string>{"x.go:4:1: syntax error: unexpected semicolon or newline before {"});
  CHECK(
      errors("package main\n\nfunc main() {\n\tfor i := 0; i < 10; i++ \n\t{\n\t}\n}\n") ==
      std::vector<std::string>{"x.go:4:26: syntax error: unexpected newline, expecting { after for clause"});
  // '=' for '==' in a condition.
  CHECK(errors("package main\n\nfunc main() {\n\tif x := 1; x = 2 {\n\t}\n}\n") ==
        std::vector<std::string>{"x.go:4:15: syntax error: cannot use assignment (x) = (2) as value"});
  // Statements outside a function.
  CHECK(errors("package main\nx := 1\nfunc f() {}\n") ==
        std::vector<std::string>{"x.go:2:1: syntax error: non-declaration statement outside function body"});
  CHECK(errors("func main() {}\n") ==
        std::vector<std::string>{"x.go:1:1: syntax error: package statement must be first"});
  CHECK(errors("package main\n\nfunc main() {\n\tif {\n\t}\n}\n") ==
        std::vector<std::string>{"x.go:4:5: syntax error: missing condition in if statement"});
  CHECK(errors("package main\n\nfunc main() {\n\tif true {\n\t} else x = 1\n}\n") ==
        std::vector<std::string>{"x.go:5:9: syntax error: else must be followed by if or statement block"});
  CHECK(errors("package main\n\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n") ==
        std::vector<std::string>{"x.go:4:23: syntax error: cannot declare in post statement of for loop"});
  CHECK(errors("package main\n\nfunc main() {\n\tgo func() {}\n\tdefer (f())\n}\n") ==
        std::vector<std::string>{"x.go:4:5: expression in go must be function call",
                                 "x.go:5:8: expression in defer must not be parenthesized"});
  CHECK(errors("package p\nfunc (a, b T) m() {}\nfunc () n() {}\nfunc f(a, b int, string) {}\n") ==
        std::vector<std::string>{"x.go:2:15: method has multiple receivers",
                                 "x.go:3:9: method has no receiver",
                                 "x.go:4:18: syntax error: mixed named and unnamed parameters"});
  CHECK(errors("package main\n\nfunc main() {\n\ts[1:2:] = 1\n\ts[::3] = 2\n}\n") ==
        std::vector<std::string>{"x.go:4:8: final index required in 3-index slice",
                                 "x.go:5:5: middle index required in 3-index slice"});
  CHECK(errors("package main\nimport fmt\n") ==
        std::vector<std::string>{"x.go:2:11: syntax error: missing import path"});
}

TEST_CASE("lexical errors surface through the parser with the follow-up gc reports", "[parser][errors]") {
  // Unterminated string: the newline error, then the statement ends early.
  CHECK(errors("package main\n\nfunc main() {\n\ts := \"abc\n\tprintln(s)\n}\n") ==
        std::vector<std::string>{"x.go:4:11: newline in string"});
  CHECK(errors("package main\n\nfunc main() {\n\tx := 1 @ 2\n}\n") ==
        std::vector<std::string>{"x.go:4:9: invalid character U+0040 '@'",
                                 "x.go:4:11: syntax error: unexpected literal 2 at end of statement"});
  CHECK(errors("package main\n\nfunc main() {\n\tx = /* unterminated\n") ==
        std::vector<std::string>{"x.go:4:6: comment not terminated"});
}

TEST_CASE("recovery goes on after an error and reports later ones, one syntax error per line",
          "[parser][errors]") {
  const std::string src =
      "package main\n\nfunc main() {\n\tvar x int = 1,\n\ta := 3 +\n\tb := )\n\tc := [\n\td = }\n}\n";
  // Same output as `go tool compile` for this file.
  CHECK(errors(src) == std::vector<std::string>{
                           "x.go:5:4: syntax error: unexpected := at end of statement",
                           "x.go:8:4: syntax error: unexpected =, expecting ]",
                           "x.go:9:1: syntax error: non-declaration statement outside function body",
                       });
  // Each broken function reports its error and the good one after the first still parses. As in gc, the
  // `if` swallows b's closing brace, so `func c` is read as a function literal inside b: 3 declarations.
  Parsed p = parse("package p\nfunc a() { x := }\nfunc ok() { return }\nfunc b() { if }\nfunc c() { f( }\n");
  CHECK(p.errors == std::vector<std::string>{"x.go:2:17: syntax error: unexpected }, expecting expression",
                                             "x.go:4:15: syntax error: unexpected }, expecting expression",
                                             "x.go:5:15: syntax error: unexpected }, expecting expression"});
  const Node& file = p.ast[p.ast.file];
  CHECK(file.l1.size == 3);
}

TEST_CASE("collection stops after 10 errors with gc's 'too many errors'", "[parser][errors]") {
  std::string src = "package main\n\nfunc main() {\n";
  for (int i = 0; i < 15; ++i) src += "\tv" + std::to_string(i) + " := )\n";
  src += "}\n";
  // Same output as `go tool compile`: ten errors, then the notice at the tenth one's position.
  const std::vector<std::string> e = errors(src);
  REQUIRE(e.size() == 11);
  CHECK(e[0] == "x.go:4:8: syntax error: unexpected ), expecting expression");
  CHECK(e[9] == "x.go:13:8: syntax error: unexpected ), expecting expression");
  CHECK(e[10] == "x.go:13:8: too many errors");
}

// [SECTION] Robustness

TEST_CASE("hostile nesting is an error, not a stack overflow", "[parser][robust]") {
  auto first_error = [](const std::string& src) {
    const std::vector<std::string> e = errors(src);
    return e.empty() ? std::string() : e.front();
  };
  const std::string pre = "package p\nfunc f() {\n_ = ";
  CHECK_THAT(first_error(pre + std::string(100000, '(') + "x"),
             Catch::Contains("exceeded max nesting depth"));
  CHECK_THAT(first_error(pre + std::string(100000, '!') + "x"),
             Catch::Contains("exceeded max nesting depth"));
  CHECK_THAT(first_error(pre + "[]int" + std::string(100000, '{')),
             Catch::Contains("exceeded max nesting depth"));
  CHECK_THAT(first_error("package p\nvar x " + std::string(100000, '*') + "int"),
             Catch::Contains("exceeded max nesting depth"));
  CHECK_THAT(first_error("package p\nfunc f() " + std::string(100000, '{')),
             Catch::Contains("exceeded max nesting depth"));
  std::string chain = pre + "a";
  for (int i = 0; i < 50000; ++i) chain += ".b";
  CHECK_THAT(first_error(chain), Catch::Contains("exceeded max nesting depth"));
  std::string sum = pre + "1";
  for (int i = 0; i < 50000; ++i) sum += "+1";
  CHECK_THAT(first_error(sum), Catch::Contains("exceeded max nesting depth"));
  std::string elif = "package p\nfunc f() {\nif a {\n}";
  for (int i = 0; i < 50000; ++i) elif += " else if a {\n}";
  CHECK_THAT(first_error(elif), Catch::Contains("exceeded max nesting depth"));
  // Ordinary depth is fine.
  CHECK(errors(pre + std::string(50, '(') + "x" + std::string(50, ')') + "\n}\n").empty());
}

namespace {

const char* const kSamplePrograms[] = {
    R"(package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int64 `json:"balance"`
}

func (a *Account) Deposit(n int64) { a.mu.Lock(); defer a.mu.Unlock(); a.balance += n }

func main() {
	var wg sync.WaitGroup
	acct := &Account{}
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			acct.Deposit(int64(n))
		}(i)
	}
	wg.Wait()
	m := map[string][]int{"a": {1, 2}, "b": nil}
	for k, v := range m {
		fmt.Printf("%s=%v\n", k, v[1:len(v):cap(v)])
	}
	switch x := interface{}(acct).(type) {
	case fmt.Stringer:
		fmt.Println(x.String())
	default:
	}
	ch := make(chan int, 1)
	select {
	case ch <- 1:
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
}
)",
    R"(package main

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func apply(fs ...func(int) int) (out []int, err error) {
outer:
	for i, f := range fs {
		if r := f(i); r < 0 {
			continue outer
		} else if r == 0 {
			break
		}
		out = append(out, f(i))
	}
	return
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			println("recovered", r.(string))
		}
	}()
	s := "héllo, 世界"
	for i, r := range s {
		_ = i + int(r)
	}
	var arr [...]int = [...]int{1, 2, 3}
	_ = arr
	panic('x')
}
)",
};

// Checks that parsing every 7th-byte prefix terminates without crashing; the parse must report an error
// or produce a File node, and never a garbage tree.
void check_prefixes(const std::string& text, const std::string& name) {
  for (std::size_t n = 0; n <= text.size(); n += 7) {
    Parsed p = parse(text.substr(0, n), name);
    REQUIRE(p.ast.file != kNoNode);
    REQUIRE(p.ast[p.ast.file].kind == NodeKind::File);
    (void)sexpr(p.ast, p.ast.file);  // the printer copes with partial trees
  }
}

}  // namespace

TEST_CASE("every 7th-byte prefix of real programs parses without crashing", "[parser][robust]") {
  int files = 0;
  for (const char* text : kSamplePrograms) {
    check_prefixes(text, "sample.go");
    ++files;
  }
  for (const char* rel : {"chan/select3.go", "closedchan.go", "ken/chan.go", "typeswitch.go", "turing.go"}) {
    const std::filesystem::path path = std::filesystem::path(GB_GO_TEST_DIR) / rel;
    if (!std::filesystem::exists(path)) continue;
    check_prefixes(read_file(path), rel);
    ++files;
  }
  CHECK(files >= 2);
}

TEST_CASE("byte-level mutations of a program never crash or hang the parser", "[parser][robust]") {
  const std::string base = kSamplePrograms[0];
  const char replacements[] = {'{', '}', '(', ')', '"',  '\'',   '`', '\n',
                               ';', ':', '.', '[', '\0', '\xff', '/', '*'};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 400; ++round) {
    std::string text = base;
    for (int k = 0; k < 3; ++k) {
      seed = seed * 1664525u + 1013904223u;
      const std::size_t at = seed % text.size();
      seed = seed * 1664525u + 1013904223u;
      text[at] = replacements[seed % sizeof(replacements)];
    }
    Parsed p = parse(text);
    REQUIRE(p.ast[p.ast.file].kind == NodeKind::File);
    REQUIRE(p.errors.size() <= Diagnostics::kMaxErrors + 1);
  }
}

// [SECTION] Real programs

TEST_CASE("programs from Go's test corpus parse with zero errors", "[parser][corpus]") {
  const char* const files[] = {
      "helloworld.go",   "ken/simpswitch.go", "ken/for.go",       "ken/litfun.go",      "closure1.go",
      "closure4.go",     "defer.go",          "defernil.go",      "deferprint.go",      "recover2.go",
      "chan/fifo.go",    "chan/sieve1.go",    "chan/select.go",   "chan/select4.go",    "chan/select6.go",
      "chan/select8.go", "chan/sendstmt.go",  "chan/zerosize.go", "chan/goroutines.go", "closedchan.go",
      "ken/chan1.go",    "ken/chan.go",       "ken/range.go",     "ken/string.go",      "utf.go",
      "turing.go",       "func5.go",          "typeswitch.go",    "chan/select3.go",    "chan/nonblock.go",
      "goprint.go",
  };
  int parsed = 0;
  for (const char* rel : files) {
    const std::filesystem::path path = std::filesystem::path(GB_GO_TEST_DIR) / rel;
    if (!std::filesystem::exists(path)) continue;
    Parsed p = parse(read_file(path), rel);
    INFO(rel);
    CHECK(p.errors == std::vector<std::string>{});
    CHECK(p.ast[p.ast.file].l1.size > 0);
    ++parsed;
  }
  if (parsed == 0)
    WARN("Go's test corpus is not installed (apt-get install golang-1.19-src); nothing parsed");
}

TEST_CASE("the repository's Go programs (tests/go) parse with zero errors", "[parser][corpus]") {
  const std::filesystem::path dir = std::filesystem::path(GB_REPO_DIR) / "tests" / "go";
  if (!std::filesystem::exists(dir)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".go") continue;
    Parsed p = parse(read_file(entry.path()), entry.path().filename().string());
    INFO(entry.path().string());
    CHECK(p.errors == std::vector<std::string>{});
  }
}

// [SECTION] Generics (Go 1.18 type parameters)

TEST_CASE("parser: type parameter lists, constraints and instantiations", "[parser][generics]") {
  const std::string src = R"GO(package p

type Number interface {
	~int | ~float64
	String() string
}

type List[T any] struct {
	next *List[T]
	List2[T, int]
}

type A [N]int
type S []int

func (l *List[T]) Push(v T) {}

func F[K comparable, V any, S ~[]E, E interface{ ~int }](m map[K]V, s S) {}

func G[T ~int | ~string, _ any](x List[T]) {}

var x = F[int, string]
var y = m[i]
)GO";
  Parsed p = parse(src);
  for (const std::string& e : p.errors) INFO(e);
  REQUIRE(p.errors.empty());
  const Node& file = p.ast[p.ast.file];
  const auto decls = p.ast.list(file.l1);
  REQUIRE(decls.size() == 9);
  auto spec = [&](int i) { return p.ast.list(p.ast[decls[static_cast<std::size_t>(i)]].l0)[0]; };
  // a generic type has its type parameters in l0; an array or slice type declaration does not
  CHECK(p.ast[spec(1)].l0.size == 1);
  CHECK(p.ast[spec(2)].l0.size == 0);
  CHECK(p.ast[p.ast[spec(2)].b].kind == NodeKind::ArrayType);
  CHECK(p.ast[spec(3)].l0.size == 0);
  // the embedded instance is an embedded field with an Index of two arguments
  const Node& st = p.ast[p.ast[spec(1)].b];
  const Node& emb = p.ast[p.ast.list(st.l0)[1]];
  CHECK((emb.flags & kEmbedded) != 0);
  CHECK(expr_string(p.ast, emb.a) == "List2[T, int]");
  // F's four type parameters in four fields, G's union constraint
  const Node& f = p.ast[decls[5]];
  CHECK(f.kind == NodeKind::FuncDecl);
  CHECK(f.l0.size == 4);
  const Node& g = p.ast[decls[6]];
  REQUIRE(g.l0.size == 2);
  CHECK(expr_string(p.ast, p.ast[p.ast.list(g.l0)[0]].a) == "~int | ~string");
  // the method's receiver names the generic type with its parameters
  const Node& m = p.ast[decls[4]];
  CHECK(expr_string(p.ast, p.ast[m.b].a) == "*List[T]");
  // in an expression: F[int, string] is one Index with both arguments; m[i] has one
  auto value = [&](int i) { return p.ast.list(p.ast[spec(i)].l1)[0]; };
  CHECK(expr_string(p.ast, value(7)) == "F[int, string]");
  CHECK(p.ast[value(7)].l0.size == 2);
  CHECK(expr_string(p.ast, value(8)) == "m[i]");
  CHECK(p.ast[value(8)].l0.size == 0);
}

TEST_CASE("parser: generic syntax errors read like gc's", "[parser][generics][errors]") {
  CHECK(errors("package p\n\nfunc F[T](x T) {}\n") ==
        std::vector<std::string>{"x.go:3:9: syntax error: missing type constraint"});
  CHECK(errors("package p\n\nfunc F[](x int) {}\n") ==
        std::vector<std::string>{"x.go:3:8: syntax error: empty type parameter list"});
}
