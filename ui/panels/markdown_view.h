// Draws a parsed Markdown document (ui/markdown.h) with ImGui: the lesson panel's narrative.
#pragma once

#include "../markdown.h"
#include "panels.h"

namespace gb::ui {

// Draws `doc` at the cursor, word-wrapped to `wrap_width` pixels (<= 0: the content region's width), and
// advances the cursor past it with one layout item of that size, so a scrolling parent window sees its
// height. Sizes follow ImGui::GetFontSize(), so it scales with the UI; code blocks are not wrapped but
// clipped at the width. Returns the height drawn. Parse the text once (parse_markdown) and draw the document
// every frame: the layout is redone each frame, so a resized panel rewraps at once.
// `line_spacing`: a paragraph's line height in ems (reading text is airy; a card's title may be tighter).
float draw_markdown(const MarkdownDoc& doc, const UiState& ui, float wrap_width, float line_spacing = 1.45f);

}  // namespace gb::ui
