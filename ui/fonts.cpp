// Font loading: Noto Sans CJK (a .ttc collection: face 2 is Simplified Chinese, face 7 its monospace twin).
#include "fonts.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "strings.h"

namespace gb::ui {

namespace {

// stb_truetype asserts on a file that is not a font, so look at the magic number first.
bool looks_like_font(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4)) return false;
  static const char* const known[] = {"ttcf", "OTTO", "true", "\x00\x01\x00\x00"};
  for (const char* k : known)
    if (std::memcmp(magic, k, 4) == 0) return true;
  return false;
}

bool is_collection(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::memcmp(magic, "ttcf", 4) == 0;
}

// Arrows, mathematical operators (≈ ≪ ∞ in the lessons), box drawing, geometric shapes (the step buttons'
// triangles) and general punctuation.
constexpr ImWchar kSymbols[] = {0x2000, 0x206F, 0x2190, 0x22FF, 0x2500, 0x25FF, 0};

// The characters add_font_text was given, kept for every later load (one set per process, as the atlas is).
std::set<unsigned> extra_chars;
std::string extra_text;

// The ranges both faces share: the common sets, the string table's words and the extra text.
void build_ranges(ImVector<ImWchar>& out, const std::string& more) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontGlyphRangesBuilder b;
  b.AddRanges(io.Fonts->GetGlyphRangesDefault());
  b.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  b.AddRanges(kSymbols);
  const std::string table = all_ui_text(Lang::Zh) + all_ui_text(Lang::En);
  b.AddText(table.c_str(), table.c_str() + table.size());
  if (!extra_text.empty()) b.AddText(extra_text.c_str(), extra_text.c_str() + extra_text.size());
  if (!more.empty()) b.AddText(more.c_str(), more.c_str() + more.size());
  out.clear();
  b.BuildRanges(&out);
}

}  // namespace

bool add_font_text(std::string_view utf8) {
  bool added = false;
  const char* p = utf8.data();
  const char* const end = p + utf8.size();
  while (p < end) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c < 0x80 || !extra_chars.insert(c).second) continue;  // ASCII is always there
    extra_text.append(p - n, p);
    added = true;
  }
  return added;
}

void load_fonts(FontSet& fonts, float scale, const std::string& path) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  fonts.ui = fonts.mono = nullptr;
  fonts.cjk = false;
  const float px = kBaseFontPixels * scale;
  const std::string file = path.empty() ? std::string(kDefaultFontPath) : path;

  if (looks_like_font(file)) {
    const bool noto = path.empty();
    const bool ttc = is_collection(file);
    // The source, output and tables are monospace and may hold Chinese too (comments, strings, the notes the
    // lessons come from): Noto Sans Mono CJK has the same glyphs.
    build_ranges(fonts.ui_ranges, fonts.extra_glyphs);
    build_ranges(fonts.mono_ranges, fonts.extra_glyphs);
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // thousands of CJK glyphs: keep the atlas small; pixel snapping keeps Latin crisp
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontNo = noto && ttc ? 2 : 0;
    fonts.ui = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, fonts.ui_ranges.Data);
    ImFontConfig mono_cfg = cfg;
    mono_cfg.FontNo = noto && ttc ? 7 : 0;
    fonts.mono = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &mono_cfg, fonts.mono_ranges.Data);
    if (fonts.ui != nullptr && fonts.mono != nullptr) {
      fonts.source = file;
      fonts.cjk = true;
      return;
    }
    io.Fonts->Clear();
  }
  ImFontConfig cfg;
  cfg.SizePixels = 13.0f * scale;
  fonts.ui = fonts.mono = io.Fonts->AddFontDefault(&cfg);
  fonts.source = "ImGui default font";
}

}  // namespace gb::ui
