// A lesson's text drawn in the current window (lesson_text_view.h): paragraphs wrapped, fenced code in the
// monospace font.
#include "lesson_text_view.h"

#include <sstream>

#include <imgui.h>

namespace gb::ui {

void draw_lesson_text(const std::string& markdown, lessons::Lang) {
  std::istringstream in(markdown);
  std::string paragraph;
  bool code = false;
  auto flush = [&] {
    if (paragraph.empty()) return;
    ImGui::TextWrapped("%s", paragraph.c_str());
    ImGui::Spacing();
    paragraph.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0) {
      flush();
      code = !code;
      continue;
    }
    if (code) {
      ImGui::TextUnformatted(line.c_str());
      continue;
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  flush();
}

}  // namespace gb::ui
