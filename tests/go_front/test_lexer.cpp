// Lexer tests: automatic semicolons, every literal kind with its decoded value, and lexical errors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/go/lexer.h"

using namespace gb::go;

namespace {

struct Lexed {
  std::vector<Token> tokens;
  std::vector<std::string> errors;
};

Lexed lex(const std::string& src) {
  SourceFile file("x.go", src);
  Diagnostics diags("x.go");
  Lexer lexer(file, diags);
  Lexed out;
  for (int guard = 0; guard < 100000; ++guard) {
    Token t = lexer.next();
    const bool eof = t.kind == Tok::Eof;
    out.tokens.push_back(std::move(t));
    if (eof) break;
  }
  out.errors = diags.lines();
  return out;
}

// Compact rendering: identifiers and literals as written, ";" for an explicit semicolon, "\n;" for an
// inserted one at a newline, "EOF;" at end of file, operators and keywords as spelled.
std::string render(const std::string& src) {
  std::string s;
  for (const Token& t : lex(src).tokens) {
    if (t.kind == Tok::Eof) break;
    if (!s.empty()) s += " ";
    if (t.kind == Tok::Semicolon) {
      s += t.text == "semicolon" ? ";" : t.text == "newline" ? "\\n;" : "EOF;";
    } else if (t.kind == Tok::Ident || is_literal(t.kind)) {
      s += t.text;
    } else {
      s += tok_spelling(t.kind);
    }
  }
  return s;
}

Token only_token(const std::string& src) {
  Lexed l = lex(src);
  REQUIRE(l.errors.empty());
  REQUIRE(l.tokens.size() >= 2);
  return l.tokens[0];
}

}  // namespace

TEST_CASE("semicolons are inserted after the tokens the spec lists, at newline and EOF", "[lexer]") {
  CHECK(render("x\n") == "x \\n;");
  CHECK(render("x") == "x EOF;");
  CHECK(render("42\n'a'\n\"s\"\n`r`\n1.5\n2i\n") == "42 \\n; 'a' \\n; \"s\" \\n; `r` \\n; 1.5 \\n; 2i \\n;");
  CHECK(render("return\nbreak\ncontinue\nfallthrough\n") ==
        "return \\n; break \\n; continue \\n; fallthrough \\n;");
  CHECK(render("x++\ny--\n") == "x ++ \\n; y -- \\n;");
  CHECK(render("f()\na[1]\n}\n") == "f ( ) \\n; a [ 1 ] \\n; } \\n;");
  // No semicolon after operators, commas, opening brackets or other keywords.
  CHECK(render("a +\nb,\nc(\n{\nfunc\nif\n") == "a + b , c ( { func if");
  CHECK(render("x; y") == "x ; y EOF;");
  // A line comment still ends the line; a general comment spanning lines acts as a newline.
  CHECK(render("x // c\ny") == "x \\n; y EOF;");
  CHECK(render("x /* a\nb */ y") == "x \\n; y EOF;");
  CHECK(render("x /* a */ y") == "x y EOF;");
  CHECK(render("a /* c */\n") == "a \\n;");
  CHECK(render("\n\n  \t\r\n") == "");
}

TEST_CASE("semicolon tokens carry gc's names and positions", "[lexer]") {
  Lexed l = lex("ab\n  c;");
  REQUIRE(l.tokens.size() == 5);
  CHECK(l.tokens[1].text == "newline");
  CHECK(l.tokens[1].pos == Pos{1, 3});
  CHECK(l.tokens[2].pos == Pos{2, 3});
  CHECK(l.tokens[3].text == "semicolon");
  CHECK(l.tokens[4].kind == Tok::Eof);
}

TEST_CASE("every operator and punctuation token", "[lexer]") {
  CHECK(render("+ - * / % & | ^ << >> &^") == "+ - * / % & | ^ << >> &^");
  CHECK(render("+= -= *= /= %= &= |= ^= <<= >>= &^=") == "+= -= *= /= %= &= |= ^= <<= >>= &^=");
  CHECK(render("&& || <- ++ -- == < > = ! != <= >= := ...") == "&& || <- ++ -- == < > = ! != <= >= := ...");
  CHECK(render("( [ { , . ) ] } : ~") == "( [ { , . ) ] } : ~");
  CHECK(render("a...b") == "a ... b EOF;");
  CHECK(render("x.y") == "x . y EOF;");
  CHECK(render("a<-b") == "a <- b EOF;");
  CHECK(render("a<=-b") == "a <= - b EOF;");
}

TEST_CASE("keywords are recognised and identifiers may be Unicode", "[lexer]") {
  const char* words[] = {"break",  "case",        "chan", "const",   "continue", "default", "defer",
                         "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
                         "import", "interface",   "map",  "package", "range",    "return",  "select",
                         "struct", "switch",      "type", "var"};
  for (const char* w : words) {
    Token t = only_token(w);
    CHECK(is_keyword(t.kind));
    CHECK(tok_spelling(t.kind) == w);
  }
  CHECK(only_token("breaks").kind == Tok::Ident);
  CHECK(only_token("_x9").text == "_x9");
  CHECK(only_token("größe").text == "größe");
  CHECK(only_token("π").kind == Tok::Ident);
  CHECK(only_token("变量").kind == Tok::Ident);
}

TEST_CASE("integer, float and imaginary literals", "[lexer]") {
  for (const char* s : {"0", "42", "1_000_000", "0x1F", "0X_ff", "0o17", "0O7", "017", "0b1010", "0B_1"}) {
    Token t = only_token(s);
    CHECK(t.kind == Tok::Int);
    CHECK(t.text == s);
  }
  for (const char* s :
       {"1.5", ".5", "1.", "1e10", "1E-3", "6.02e+23", "0x1p-2", "0X1.8P3", "0129.5", "1_0.2_5"}) {
    Token t = only_token(s);
    CHECK(t.kind == Tok::Float);
    CHECK(t.text == s);
  }
  CHECK(only_token("2i").kind == Tok::Imag);
  CHECK(only_token("1.5e3i").kind == Tok::Imag);
}

TEST_CASE("rune literals decode to their code point", "[lexer]") {
  struct Case {
    const char* src;
    std::uint32_t rune;
  };
  for (const Case& c : {Case{"'a'", 'a'}, Case{"'\\n'", '\n'}, Case{"'\\''", '\''}, Case{"'\\\\'", '\\'},
                        Case{"'\\x41'", 0x41}, Case{"'\\101'", 0x41}, Case{"'\\u00e9'", 0xE9},
                        Case{"'\\U0001F600'", 0x1F600}, Case{"'é'", 0xE9}, Case{"'世'", 0x4E16},
                        Case{"'\\xff'", 0xFF}, Case{"'\\a'", 7}, Case{"'\\v'", 11}}) {
    Token t = only_token(c.src);
    CHECK(t.kind == Tok::Char);
    CHECK(t.rune == c.rune);
    CHECK(t.text == c.src);
  }
}

TEST_CASE("string literals decode escapes, raw strings keep everything but carriage returns", "[lexer]") {
  CHECK(only_token(R"("a\tb\n")").value == "a\tb\n");
  CHECK(only_token(R"("\"q\" \\")").value == "\"q\" \\");
  CHECK(only_token(R"("\x41\101\u00e9\U0001F600")").value == "AA\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(only_token(R"("\xff")").value == std::string(1, '\xff'));  // a byte, not U+00FF
  CHECK(only_token("\"hello, 世界\"").value == "hello, 世界");
  CHECK(only_token("``").value.empty());
  Token raw = only_token("`a\\n\r\nb`");
  CHECK(raw.value == "a\\n\nb");
  CHECK(raw.text == "`a\\n\r\nb`");
  // A raw string spanning lines is one token; the newline inside does not insert a semicolon.
  CHECK(render("`x\ny` z") == "`x\ny` z EOF;");
}

TEST_CASE("lexical errors are reported with gc's wording and positions, and scanning goes on", "[lexer]") {
  auto errors = [](const std::string& src) { return lex(src).errors; };
  CHECK(errors("x := \"abc\ny") == std::vector<std::string>{"x.go:1:10: newline in string"});
  CHECK(errors("x := \"abc") == std::vector<std::string>{"x.go:1:6: string not terminated"});
  CHECK(errors("x := `abc") == std::vector<std::string>{"x.go:1:6: string not terminated"});
  CHECK(errors("a @ b") == std::vector<std::string>{"x.go:1:3: invalid character U+0040 '@'"});
  CHECK(errors("a # b $") == std::vector<std::string>{"x.go:1:3: invalid character U+0023 '#'",
                                                      "x.go:1:7: invalid character U+0024 '$'"});
  CHECK(errors("a\x01") == std::vector<std::string>{"x.go:1:2: invalid character U+0001"});
  CHECK(errors("x€y") == std::vector<std::string>{"x.go:1:2: invalid character U+20AC '€' in identifier"});
  CHECK(errors("''") == std::vector<std::string>{"x.go:1:2: empty rune literal or unescaped '"});
  CHECK(errors("'ab'") == std::vector<std::string>{"x.go:1:1: more than one character in rune literal"});
  CHECK(errors("'a\n") == std::vector<std::string>{"x.go:1:3: newline in rune literal"});
  CHECK(errors("'a") == std::vector<std::string>{"x.go:1:1: rune literal not terminated"});
  CHECK(errors(R"("\q")") == std::vector<std::string>{"x.go:1:3: unknown escape"});
  CHECK(errors(R"("\400")") == std::vector<std::string>{"x.go:1:6: octal escape value 256 > 255"});
  CHECK(errors(R"("\xZZ")") ==
        std::vector<std::string>{"x.go:1:4: invalid character 'Z' in hexadecimal escape"});
  CHECK(errors(R"('\uD800')") ==
        std::vector<std::string>{"x.go:1:8: escape is invalid Unicode code point U+D800"});
  CHECK(errors("x /* abc") == std::vector<std::string>{"x.go:1:3: comment not terminated"});
  CHECK(errors("0x") == std::vector<std::string>{"x.go:1:3: hexadecimal literal has no digits"});
  CHECK(errors("09") == std::vector<std::string>{"x.go:1:2: invalid digit '9' in octal literal"});
  CHECK(errors("0b102") == std::vector<std::string>{"x.go:1:5: invalid digit '2' in binary literal"});
  CHECK(errors("1e") == std::vector<std::string>{"x.go:1:3: exponent has no digits"});
  CHECK(errors("0x1.5") ==
        std::vector<std::string>{"x.go:1:6: hexadecimal mantissa requires a 'p' exponent"});
  CHECK(errors("1__0") == std::vector<std::string>{"x.go:1:3: '_' must separate successive digits"});
  CHECK(errors("a\xff b") == std::vector<std::string>{"x.go:1:2: invalid UTF-8 encoding"});
  CHECK(errors("a\xef\xbb\xbf") ==
        std::vector<std::string>{"x.go:1:2: invalid BOM in the middle of the file"});
  CHECK(errors("\xef\xbb\xbfpackage").empty());  // a leading BOM is fine
  std::string boms = "x";
  for (int i = 0; i < 200000; ++i) boms += "\xef\xbb\xbf";
  // One message per line (gc's rule for equal messages), and a long run needs no deep recursion.
  CHECK(lex(boms).errors == std::vector<std::string>{"x.go:1:2: invalid BOM in the middle of the file"});
  std::string lines;
  for (int i = 0; i < 20; ++i) lines += "\xef\xbb\xbfx\n";
  CHECK(lex("x\n" + lines).errors.size() == Diagnostics::kMaxErrors + 1);  // then "too many errors"
}
