// The app's fonts: a CJK-capable proportional face for the UI and a monospace face for tables and logs.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

namespace gb::ui {

inline constexpr const char* kDefaultFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr float kBaseFontPixels = 17.0f;

struct FontSet {
  ImFont* ui = nullptr;
  ImFont* mono = nullptr;
  std::string source;  // which file, or "ImGui default font"
  bool cjk = false;
  // Text whose characters the fonts must have beyond the common ranges, set before load_fonts: the lesson
  // texts use Chinese characters outside ImGui's ~2500 common ones (账, 逻辑, 栈), which would draw as '?'.
  std::string extra_glyphs;
  ImVector<ImWchar> ui_ranges;  // must outlive the atlas build
  ImVector<ImWchar> mono_ranges;
};

// Clears io.Fonts and adds the fonts at `scale`. `path` empty = the Noto CJK collection if installed.
// Falls back to ImGui's built-in font when the file is missing or not a font; never aborts.
// The ranges always hold Chinese's common characters and every text of the string table (ui/strings.h) in
// both languages.
void load_fonts(FontSet& fonts, float scale, const std::string& path);

// Text whose characters the fonts must hold from their next load on (a lesson's Chinese text may use a
// character outside the common set). True when it brought a character not asked for before: then the caller
// has the fonts rebuilt (UiState::rebuild_fonts), as for a scale change.
bool add_font_text(std::string_view utf8);

}  // namespace gb::ui
