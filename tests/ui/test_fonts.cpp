// Font loading: the Noto CJK collection when installed (CJK glyphs present), ImGui's own font otherwise.
#include <filesystem>

#include <catch2/catch.hpp>

#include "ui/fonts.h"

using namespace gb::ui;

namespace {

struct Context {
  Context() { ImGui::CreateContext(); }
  ~Context() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("fonts: the Noto CJK collection renders Chinese, and the scale sets the pixel size") {
  if (!std::filesystem::exists(kDefaultFontPath)) {
    WARN("fonts-noto-cjk not installed; skipped");
    return;
  }
  Context c;
  FontSet fonts;
  load_fonts(fonts, 1.5f, "");
  REQUIRE(fonts.cjk);
  REQUIRE(ImGui::GetIO().Fonts->Build());
  CHECK(fonts.ui->FontSize == Approx(kBaseFontPixels * 1.5f));
  CHECK(fonts.ui->FindGlyphNoFallback(0x4E2D) != nullptr);  // 中
  CHECK(fonts.ui->FindGlyphNoFallback(0x25B6) != nullptr);  // ▶ on the step button
  CHECK(fonts.mono->FindGlyphNoFallback('M') != nullptr);
  // The source and output panels are monospace: "hello你好" must render there too.
  CHECK(fonts.mono->FindGlyphNoFallback(0x4F60) != nullptr);  // 你
  CHECK(fonts.mono->FindGlyphNoFallback(0x597D) != nullptr);  // 好
}

TEST_CASE("fonts: a missing or non-font file falls back to ImGui's built-in font") {
  Context c;
  FontSet fonts;
  load_fonts(fonts, 1.0f, "/nonexistent/font.ttf");
  CHECK_FALSE(fonts.cjk);
  CHECK(fonts.source == "ImGui default font");
  load_fonts(fonts, 1.0f, "/etc/hostname");
  CHECK_FALSE(fonts.cjk);
  REQUIRE(fonts.ui != nullptr);
  CHECK(ImGui::GetIO().Fonts->Build());
}

TEST_CASE("fonts: characters beyond the common Chinese ranges are added when asked for (the lesson texts)") {
  if (!std::filesystem::exists(kDefaultFontPath)) {
    WARN("fonts-noto-cjk not installed; skipped");
    return;
  }
  Context c;
  FontSet fonts;
  load_fonts(fonts, 1.0f, "");
  REQUIRE(ImGui::GetIO().Fonts->Build());
  CHECK(fonts.ui->FindGlyphNoFallback(0x8D26) == nullptr);  // 账 (lessons/25): not among the common ones
  CHECK(fonts.ui->FindGlyphNoFallback(0x221E) != nullptr);  // ∞ (lessons/06)
  fonts.extra_glyphs = "账户的逻辑";
  load_fonts(fonts, 1.0f, "");
  REQUIRE(ImGui::GetIO().Fonts->Build());
  CHECK(fonts.ui->FindGlyphNoFallback(0x8D26) != nullptr);
  CHECK(fonts.ui->FindGlyphNoFallback(0x903B) != nullptr);    // 逻
  CHECK(fonts.mono->FindGlyphNoFallback(0x8F91) != nullptr);  // 辑
  CHECK(fonts.ui->FindGlyphNoFallback(0x4E2D) != nullptr);    // 中: the common ranges stay
}
