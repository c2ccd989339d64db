// A lesson's text drawn in the current window (lesson_text_view.h).
#include "lesson_text_view.h"

#include <map>

#include "../markdown.h"
#include "markdown_view.h"

namespace gb::ui {

void draw_lesson_text(const std::string& markdown, const UiState& ui, float width, float line_spacing) {
  // A lesson panel shows a few texts at a time; a language switch or another lesson brings new ones, so the
  // cache is simply emptied when it grows past what any checkpoint shows.
  static std::map<std::string, MarkdownDoc> parsed;
  auto it = parsed.find(markdown);
  if (it == parsed.end()) {
    if (parsed.size() > 64) parsed.clear();
    it = parsed.emplace(markdown, parse_markdown(markdown)).first;
  }
  draw_markdown(it->second, ui, width, line_spacing);
}

}  // namespace gb::ui
