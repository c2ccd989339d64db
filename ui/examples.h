// The studio's built-in examples (File > Examples): Go programs in ui/examples/, embedded at build time, each
// short enough to read in the source panel and chosen to show one thing on the machine.
#pragma once

#include <string_view>
#include <vector>

namespace gb::ui {

struct Example {
  std::string_view file;     // "pingpong.go"
  std::string_view title;    // the menu's words
  std::string_view summary;  // the menu's tooltip
  std::string_view text;     // the Go source
};

// In menu order; the first is what the studio opens with no program given.
const std::vector<Example>& examples();
// The example of that file name, or null.
const Example* find_example(std::string_view file);

}  // namespace gb::ui
