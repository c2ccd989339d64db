// The Go line classifier behind the colours of a lesson's code blocks.
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "ui/go_highlight.h"

using namespace gb::ui;

namespace {

// The class of the byte at `pos`, from runs that must tile the line.
GoClass class_at(const std::vector<GoRun>& runs, std::size_t pos) {
  for (const GoRun& r : runs)
    if (pos >= r.begin && pos < r.end) return r.cls;
  FAIL("no run covers byte " << pos);
  return GoClass::Plain;
}

void check_tiles(const std::vector<GoRun>& runs, std::size_t size) {
  std::size_t at = 0;
  for (const GoRun& r : runs) {
    CHECK(r.begin == at);
    CHECK(r.end > r.begin);
    at = r.end;
  }
  CHECK(at == size);
}

}  // namespace

TEST_CASE("go highlight: keywords, predeclared names, literals and comments") {
  GoLineState st;
  const std::string line = "\tfor i := 0; i < len(xs); i++ { // sum them";
  const auto runs = highlight_go_line(line, st);
  check_tiles(runs, line.size());
  CHECK(class_at(runs, line.find("for")) == GoClass::Keyword);
  CHECK(class_at(runs, line.find("i :=")) == GoClass::Plain);
  CHECK(class_at(runs, line.find('0')) == GoClass::Number);
  CHECK(class_at(runs, line.find("len")) == GoClass::Builtin);
  CHECK(class_at(runs, line.find("xs")) == GoClass::Plain);
  CHECK(class_at(runs, line.find("//")) == GoClass::Comment);
  CHECK(class_at(runs, line.size() - 1) == GoClass::Comment);

  const std::string s = R"(var mu sync.Mutex; s := "a\"b // no" + string('\'') + x.len + nil)";
  const auto r2 = highlight_go_line(s, st);
  check_tiles(r2, s.size());
  CHECK(class_at(r2, 0) == GoClass::Keyword);
  CHECK(class_at(r2, s.find("Mutex")) == GoClass::Plain);
  const std::size_t q = s.find('"');
  for (std::size_t i = q; i <= s.find("no\"") + 2; ++i) CHECK(class_at(r2, i) == GoClass::String);
  CHECK(class_at(r2, s.find("string")) == GoClass::Builtin);
  CHECK(class_at(r2, s.find("'\\''") + 3) == GoClass::String);
  CHECK(class_at(r2, s.find("len")) == GoClass::Plain);  // a field, not the builtin
  CHECK(class_at(r2, s.find("nil")) == GoClass::Builtin);
  CHECK_FALSE(st.in_comment);
  CHECK_FALSE(st.in_raw_string);
}

TEST_CASE("go highlight: numbers in every base, with separators, fractions and exponents") {
  GoLineState st;
  for (const std::string n : {"0x1F", "1_000", "3.14", "1e-3", ".5", "0b1010", "0o17", "0x1p-2", "2i"}) {
    const std::string line = "x = " + n + ")";
    const auto runs = highlight_go_line(line, st);
    INFO(n);
    CHECK(std::count(runs.begin(), runs.end(), GoRun{4, 4 + n.size(), GoClass::Number}) == 1);
  }
  const auto runs = highlight_go_line("x2 := a-1", st);
  CHECK(class_at(runs, 1) == GoClass::Plain);  // a digit inside a name
  CHECK(class_at(runs, 8) == GoClass::Number);
  CHECK(class_at(runs, 7) == GoClass::Plain);  // minus after a name, not an exponent
}

TEST_CASE("go highlight: block comments and raw strings carry over to the next line") {
  GoLineState st;
  auto r = highlight_go_line("x := 1 /* start", st);
  CHECK(st.in_comment);
  CHECK(class_at(r, 7) == GoClass::Comment);
  r = highlight_go_line("still */ go f()", st);
  CHECK_FALSE(st.in_comment);
  CHECK(class_at(r, 0) == GoClass::Comment);
  CHECK(class_at(r, 9) == GoClass::Keyword);
  r = highlight_go_line("s := `raw", st);
  CHECK(st.in_raw_string);
  r = highlight_go_line("for \" still` + 1", st);
  CHECK_FALSE(st.in_raw_string);
  CHECK(class_at(r, 0) == GoClass::String);
  CHECK(class_at(r, 15) == GoClass::Number);
  CHECK(highlight_go_line("", st).empty());
}
