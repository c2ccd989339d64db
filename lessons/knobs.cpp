// Program knobs found and set in a program's text (knobs.h).
#include "lessons/knobs.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

namespace gb::lessons {

namespace {

// A knob's line: optional `const`, the name, an optional type, `=`, the value, and a comment saying knob.
const std::regex& knob_line() {
  static const std::regex r(R"(^([ \t]*(?:const[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)([ \t]+[A-Za-z_][A-Za-z0-9_.]*)?[ \t]*=[ \t]*([^/\n]*?)[ \t]*//[ \t]*knob:?[ \t]*(.*)$)");
  return r;
}

}  // namespace

std::vector<Knob> find_knobs(const std::string& program) {
  std::vector<Knob> out;
  std::uint32_t line_no = 0;
  std::size_t at = 0;
  while (at <= program.size()) {
    const std::size_t nl = program.find('\n', at);
    const std::string line = program.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    ++line_no;
    std::smatch m;
    if (std::regex_match(line, m, knob_line())) {
      Knob k;
      k.name = m[2];
      k.value = m[4];
      k.comment = m[5];
      k.line = line_no;
      if (k.value == "true" || k.value == "false") {
        k.kind = Knob::Kind::Bool;
      } else if (!k.value.empty() && k.value.front() == '"') {
        k.kind = Knob::Kind::String;
        static const std::regex quoted("\"[^\"]*\"");
        for (auto it = std::sregex_iterator(k.comment.begin(), k.comment.end(), quoted); it != std::sregex_iterator(); ++it)
          k.choices.push_back(it->str());
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
      std::smatch m;
      if (!done && std::regex_match(line, m, knob_line()) && m[2] == name) {
        // Only the value changes: the author's spacing and comment stay.
        const auto v = static_cast<std::size_t>(m.position(4));
        line = line.substr(0, v) + value + line.substr(v + static_cast<std::size_t>(m.length(4)));
        done = true;
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
