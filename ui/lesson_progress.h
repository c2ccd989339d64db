// What a student did in one lesson, remembered in the settings file under the lesson's id: how far they got
// and their predictions (a revealed one is final).
#pragma once

#include <map>
#include <string>

namespace gb::ui {

struct LessonProgress {
  int furthest = -1;                   // the furthest checkpoint reached (-1: only the introduction)
  std::map<std::string, int> chosen;   // question id -> the choice the student made
  std::map<std::string, bool> shown;   // question id -> revealed
  bool operator==(const LessonProgress&) const = default;
};

}  // namespace gb::ui
