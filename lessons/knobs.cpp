// Program knobs found and set in a program's text (knobs.h).
#include "lessons/knobs.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace gb::lessons {

namespace {

// A knob's line: optional `const`, the name, an optional type, `=`, the value, and a comment saying knob:
//   ^([ \t]*(?:const[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)([ \t]+[A-Za-z_][A-Za-z0-9_.]*)?[ \t]*=[ \t]*([^/\n]*?)[ \t]*
//   //[ \t]*knob:?[ \t]*(.*)$
// read by hand in one pass: std::regex's matcher recurses once per character, so a long line of a program (a
// 50 KB string literal) overflowed the stack (fuzz/regressions/fuzz_lesson).
struct KnobLine {
  std::string_view name;
  std::size_t value_at = 0;  // the value's position and length in the line
  std::string_view value;
  std::string_view comment;  // after `knob:`
};

bool blank(char c) { return c == ' ' || c == '\t'; }
bool ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

// The line from `at` on (after the indentation and any `const`): NAME [TYPE] = VALUE // knob COMMENT.
std::optional<KnobLine> knob_after(std::string_view line, std::size_t at) {
  const std::size_t n = line.size();
  auto skip_blanks = [&](std::size_t i) {
    while (i < n && blank(line[i])) ++i;
    return i;
  };
  KnobLine k;
  std::size_t i = at;
  if (i >= n || !ident_start(line[i])) return std::nullopt;
  while (i < n && ident_char(line[i])) ++i;
  k.name = line.substr(at, i - at);
  // An optional type: blanks, then a name that may hold dots (time.Duration).
  if (std::size_t t = skip_blanks(i); t > i && t < n && ident_start(line[t])) {
    while (t < n && (ident_char(line[t]) || line[t] == '.')) ++t;
    i = t;
  }
  i = skip_blanks(i);
  if (i >= n || line[i] != '=') return std::nullopt;
  i = skip_blanks(i + 1);
  // The value runs to the first '/', which must begin the `//` of the comment; blanks before it are not the value.
  const std::size_t slash = line.find('/', i);
  if (slash == std::string_view::npos || slash + 1 >= n || line[slash + 1] != '/') return std::nullopt;
  if (line.find('\n', i) < slash) return std::nullopt;
  std::size_t end = slash;
  while (end > i && blank(line[end - 1])) --end;
  k.value_at = i;
  k.value = line.substr(i, end - i);
  i = skip_blanks(slash + 2);
  if (line.substr(i, 4) != "knob") return std::nullopt;
  i += 4;
  if (i < n && line[i] == ':') ++i;
  i = skip_blanks(i);
  k.comment = line.substr(i);
  // (`.` matched neither line end.)
  if (k.comment.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
  return k;
}

std::optional<KnobLine> knob_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && blank(line[i])) ++i;
  // `const` and blanks, then the rest; else `const` is the name itself (`const = 1 // knob` is a knob named const).
  if (line.substr(i, 5) == "const" && i + 5 < line.size() && blank(line[i + 5])) {
    std::size_t j = i + 5;
    while (j < line.size() && blank(line[j])) ++j;
    if (auto k = knob_after(line, j)) return k;
  }
  return knob_after(line, i);
}

}  // namespace

std::vector<Knob> find_knobs(const std::string& program) {
  std::vector<Knob> out;
  std::uint32_t line_no = 0;
  std::size_t at = 0;
  while (at <= program.size()) {
    const std::size_t nl = program.find('\n', at);
    const std::string_view line =
        std::string_view(program).substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    ++line_no;
    if (const auto m = knob_line(line)) {
      Knob k;
      k.name = std::string(m->name);
      k.value = std::string(m->value);
      k.comment = std::string(m->comment);
      k.line = line_no;
      if (k.value == "true" || k.value == "false") {
        k.kind = Knob::Kind::Bool;
      } else if (!k.value.empty() && k.value.front() == '"') {
        k.kind = Knob::Kind::String;
        // The comment's quoted strings ("atomic", "mutex"), in order.
        for (std::size_t open = k.comment.find('"'); open != std::string::npos;) {
          const std::size_t close = k.comment.find('"', open + 1);
          if (close == std::string::npos) break;
          k.choices.push_back(k.comment.substr(open, close + 1 - open));
          open = k.comment.find('"', close + 1);
        }
        if (!k.choices.empty() && std::find(k.choices.begin(), k.choices.end(), k.value) == k.choices.end())
          k.choices.insert(k.choices.begin(), k.value);
      }
      out.push_back(std::move(k));
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

KnobResult set_knobs(const std::string& program, const std::map<std::string, std::string>& knobs) {
  KnobResult r{program, {}};
  for (const auto& [name, value] : knobs) {
    bool done = false;
    std::string out;
    std::size_t at = 0;
    while (at <= r.text.size()) {
      const std::size_t nl = r.text.find('\n', at);
      std::string line = r.text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (!done) {
        if (const auto m = knob_line(line); m && m->name == name) {
          // Only the value changes: the author's spacing and comment stay.
          line = line.substr(0, m->value_at) + value + line.substr(m->value_at + m->value.size());
          done = true;
        }
      }
      out += line;
      if (nl == std::string::npos) break;
      out += '\n';
      at = nl + 1;
    }
    if (!done) {
      r.error = fmt::format("the program has no knob `{}` (a top-level constant with a `// knob` comment)", name);
      return r;
    }
    r.text = std::move(out);
  }
  return r;
}

}  // namespace gb::lessons
