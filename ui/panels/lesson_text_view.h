// A lesson's text (Markdown) drawn in the current window, wrapped to its width.
#pragma once

#include <string>

#include "lessons/lesson.h"

namespace gb::ui {

void draw_lesson_text(const std::string& markdown, lessons::Lang lang);

}  // namespace gb::ui
