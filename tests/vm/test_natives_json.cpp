// encoding/json's C++ half (scheduler/vm/natives/json.h) on its own: the scanner's syntax errors, struct
// tags, the fields Go's typeFields keeps, string escaping and Marshal on a test host. Every expected value was
// printed by real Go 1.19 (reflect.StructTag.Get, json.Unmarshal's *SyntaxError, json.Marshal). Whole programs
// are in the oracle corpus (tests/go/json_*.go).
#include <catch2/catch.hpp>

#include <bit>
#include <limits>
#include <string>
#include <vector>

#include "scheduler/vm/natives/json.h"
#include "tests/vm/fake_host.h"

using namespace gb::vm;
namespace json = gb::vm::natives::json;

TEST_CASE("json scanner: syntax errors in Go's words, at Go's offsets", "[natives][json]") {
  struct Case {
    std::string input, message;
    std::int64_t offset;
  };
  const std::vector<Case> cases = {
      {"x", "invalid character 'x' looking for beginning of value", 1},
      {R"({"a" 1})", "invalid character '1' after object key", 6},
      {R"({"a":1,})", "invalid character '}' looking for beginning of object key string", 8},
      {"[1 2]", "invalid character '2' after array element", 4},
      {"{", "unexpected end of JSON input", 1},
      {"", "unexpected end of JSON input", 0},
      {R"("abc)", "unexpected end of JSON input", 4},
      {"tru", "invalid character ' ' in literal true (expecting 'e')", 3},
      {"trux", "invalid character 'x' in literal true (expecting 'e')", 4},
      {"1 2", "invalid character '2' after top-level value", 3},
      {"{1:2}", "invalid character '1' looking for beginning of object key string", 2},
      {"\"a\x01\"", "invalid character '\\x01' in string literal", 3},
      {R"("\x")", "invalid character 'x' in string escape code", 3},
      {R"("\u12x4")", "invalid character 'x' in \\u hexadecimal character escape", 6},
      {"-", "invalid character ' ' in numeric literal", 1},
      {"01", "invalid character '1' after top-level value", 2},
      {"1.e", "invalid character 'e' after decimal point in numeric literal", 3},
      {"[1,]", "invalid character ']' looking for beginning of value", 4},
      {"\xff", "invalid character '\xc3\xbf' looking for beginning of value", 1},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const json::SyntaxFailure f = json::check_valid(c.input);
    CHECK(f.message == c.message);
    CHECK(f.offset == c.offset);
  }
  CHECK(json::check_valid(R"( {"a": [1, 2.5e-3, "s", null, true, {"n": {}}]} )").message.empty());
  CHECK(json::check_valid(std::string(10001, '[') + std::string(10001, ']')).message ==
        "invalid character '[' exceeded max depth");
  CHECK(json::check_valid(std::string(9999, '[') + std::string(9999, ']')).message.empty());
}

TEST_CASE("json struct tags: reflect.StructTag.Get", "[natives][json]") {
  CHECK(json::tag_get(R"(json:"a,omitempty" db:"col")", "json") == "a,omitempty");
  CHECK(json::tag_get(R"(db:"col"  json:"b")", "json") == "b");
  CHECK(json::tag_get(R"(json:"c\"d")", "json") == "c\"d");
  CHECK(json::tag_get(R"(json:"x" json:"y")", "json") == "x");
  CHECK(json::tag_get(R"(json: "bad")", "json").empty());
  CHECK(json::tag_get(R"(json:"unterminated)", "json").empty());
  CHECK(json::tag_get(R"(xml:"q")", "json").empty());
  CHECK(json::tag_get(R"( json:"sp")", "json") == "sp");
  CHECK(json::tag_get(R"(json:"\u00e9")", "json") == "\xc3\xa9");
}

TEST_CASE("json strings: Go's escapes, with and without HTML escaping", "[natives][json]") {
  std::string out;
  json::write_string(out, "<a&b> \"q\" \\ \n\t\r \x01 \xe2\x80\xa8 \xc3\xa9 \xff", true);
  CHECK(out == R"("\u003ca\u0026b\u003e \"q\" \\ \n\t\r \u0001 \u2028 é \ufffd")");
  out.clear();
  json::write_string(out, "<a&b>", false);
  CHECK(out == R"("<a&b>")");
}

namespace {

// The fields of struct `t` as "name@index.index" in Go's order.
std::string field_list(const TypeTable& types, TypeId t) {
  std::string s;
  for (const json::Field& f : json::type_fields(types, t)) {
    if (!s.empty()) s += ' ';
    s += f.name;
    s += '@';
    for (std::size_t i = 0; i < f.index.size(); ++i) {
      if (i > 0) s += '.';
      s += std::to_string(f.index[i]);
    }
    if (f.omit_empty) s += ",omitempty";
    if (f.quoted) s += ",string";
  }
  return s;
}

}  // namespace

TEST_CASE("json fields: tags, unexported fields and embedded structs as typeFields keeps them", "[natives][json]") {
  TypeTable t;
  // type A struct{ X, Y int }; type B struct { X int; Z int `json:"Y"` }; type C struct { A; B }
  const TypeId A = t.new_named("A", "main");
  t.set_underlying(A, t.struct_of({{"X", kInt}, {"Y", kInt}}));
  const TypeId B = t.new_named("B", "main");
  t.set_underlying(B, t.struct_of({{"X", kInt}, {"Z", kInt, false, R"(json:"Y")"}}));
  const TypeId C = t.new_named("C", "main");
  t.set_underlying(C, t.struct_of({{"A", A, true}, {"B", B, true}}));
  // Go marshals C{A{1, 2}, B{3, 4}} as {"Y":4}: X is ambiguous, the tagged Y wins.
  CHECK(field_list(t, C) == "Y@1.1");
  // type D struct { A; X string }: the shallower X hides A's.
  const TypeId D = t.new_named("D", "main");
  t.set_underlying(D, t.struct_of({{"A", A, true}, {"X", kString}}));
  CHECK(field_list(t, D) == "Y@0.1 X@1");
  // Options, "-", "-," and unexported fields; an embedded struct with a tag name is one field.
  const TypeId hidden = t.new_named("hidden", "main");
  t.set_underlying(hidden, t.struct_of({{"V", kInt}}));
  const TypeId E = t.new_named("E", "main");
  t.set_underlying(E, t.struct_of({{"ID", kInt, false, R"(json:"id,omitempty")"},
                                   {"Skip", kInt, false, R"(json:"-")"},
                                   {"Dash", kInt, false, R"(json:"-,")"},
                                   {"N", kInt64, false, R"(json:"n,string")"},
                                   {"Sl", t.slice_of(kInt), false, R"(json:",string")"},
                                   {"low", kInt},
                                   {"hidden", t.pointer_to(hidden), true},
                                   {"A", A, true, R"(json:"a")"},
                                   {"Bad", kInt, false, R"(json:"a\"b")"}}));
  CHECK(field_list(t, E) == "id@0,omitempty -@2 n@3,string Sl@4 V@6.0 a@7 Bad@8");
}

TEST_CASE("json Marshal on a test host: tags, omitempty, floats, errors", "[natives][json]") {
  testing::NativesFixture fx;
  TypeTable& t = fx.types;
  const TypeId S = t.new_named("S", "main");
  t.set_underlying(S, t.struct_of({{"Name", kString, false, R"(json:"name")"},
                                   {"Note", kString, false, R"(json:"note,omitempty")"},
                                   {"F", kFloat64, false, R"(json:"f")"},
                                   {"G", kFloat32, false, R"(json:"g,string")"},
                                   {"P", fx.PT, false, R"(json:"p")"}}));
  const auto [name, len] = fx.host.str("<ann>");
  std::vector<Word> words = {name, len, 0, 0, std::bit_cast<Word>(1e21),
                             std::bit_cast<Word>(static_cast<double>(0.1f)), 0, 0};
  std::string out;
  json::EncodeError e = json::marshal(fx.host, S, words, true, out);
  CHECK(e.kind == json::EncodeError::Kind::None);
  CHECK(out == R"({"name":"\u003cann\u003e","f":1e+21,"g":"0.1","p":null})");
  words[4] = std::bit_cast<Word>(1e-7);
  words[6] = fx.host.put({3, 4});
  out.clear();
  e = json::marshal(fx.host, S, words, false, out);
  CHECK(out == R"({"name":"<ann>","f":1e-7,"g":"0.1","p":{"X":3,"Y":4}})");
  words[4] = std::bit_cast<Word>(-std::numeric_limits<double>::infinity());
  e = json::marshal(fx.host, S, words, true, out);
  CHECK(e.kind == json::EncodeError::Kind::UnsupportedValue);
  CHECK(e.detail == "-Inf");
  // omitempty does not skip a nil channel (isEmptyValue knows no channels), so Go reports its type.
  const TypeId WithChan = t.struct_of({{"C", t.chan_of(kInt, ChanDir::Both), false, R"(json:",omitempty")"}});
  e = json::marshal(fx.host, WithChan, {0}, true, out);
  CHECK(e.kind == json::EncodeError::Kind::UnsupportedType);
  CHECK(e.detail == "chan int");
}
