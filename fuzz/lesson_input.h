// How fuzz_lesson's input holds a lesson: its files joined by NUL bytes, lesson.md, then lesson.zh.md, then the
// text of any program the lesson names (which may hold NULs itself). A file after the last part is missing.
// Shared by the fuzz target and the test that replays fuzz/regressions/fuzz_lesson (tests/lessons).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/lesson_loader.h"

namespace gb::fuzz {

inline lessons::Loaded load_lesson_input(std::string_view input) {
  std::vector<std::string> parts;
  for (std::size_t at = 0;;) {
    const std::size_t nul = parts.size() == 2 ? std::string_view::npos : input.find('\0', at);
    parts.emplace_back(input.substr(at, nul == std::string_view::npos ? std::string_view::npos : nul - at));
    if (nul == std::string_view::npos) break;
    at = nul + 1;
  }
  const auto files = [&parts](const std::string& name) -> std::optional<std::string> {
    const std::size_t i = name == "lesson.md" ? 0 : name == "lesson.zh.md" ? 1 : 2;
    if (i < parts.size()) return parts[i];
    return std::nullopt;
  };
  return lessons::load_lesson("lessons/99-fuzz", files);
}

}  // namespace gb::fuzz
