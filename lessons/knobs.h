// Program knobs: top-level constants a Go program marks with a `// knob` comment, so a lesson, a claim's run or
// the studio can switch them without editing the program:
//
//   const padded = false // knob: true puts each counter on its own cache line
//   const mode = "mutex" // knob: "atomic", "mutex" or "channel"
//
// (also inside a `const ( ... )` block). A string knob whose comment lists quoted strings offers those.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gb::lessons {

struct Knob {
  enum class Kind { Bool, Number, String };
  std::string name;
  std::string value;    // the Go literal as written: false, 10, "mutex"
  std::string comment;  // after `knob:`
  Kind kind = Kind::Number;
  std::vector<std::string> choices;  // String: the quoted strings of the comment, as Go literals
  std::uint32_t line = 0;
};

std::vector<Knob> find_knobs(const std::string& program);

// Sets knobs to new Go literals; an unknown knob is the error.
struct KnobResult {
  std::string text;
  std::string error;
};
KnobResult set_knobs(const std::string& program, const std::map<std::string, std::string>& knobs);

}  // namespace gb::lessons
