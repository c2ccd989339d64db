// The studio's own words in English and Chinese: the string table is complete in both languages with the same
// window ids and placeholders, the fonts hold every character of it, and the drawn studio follows the
// language (its windows keeping their places).
#include <algorithm>
#include <filesystem>
#include <string_view>

#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include "tests/ui/headless_imgui.h"
#include "ui/app_options.h"
#include "ui/fonts.h"
#include "ui/strings.h"
#include "ui/studio_example.h"

using namespace gb;
using namespace gb::ui;
using gb::test::Headless;

namespace {

std::string_view id_part(std::string_view s) {
  const std::size_t at = s.find("###");
  return at == std::string_view::npos ? std::string_view() : s.substr(at);
}

bool has_non_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Sets the language for one test and puts English back after it (the language is per process).
struct LanguageScope {
  explicit LanguageScope(Lang l) { set_ui_language(l); }
  ~LanguageScope() { set_ui_language(Lang::En); }
};

}  // namespace

TEST_CASE("strings: every key has an English and a Chinese text, with the same window id and placeholders") {
  for (int i = 0; i < kStrCount; ++i) {
    const auto k = static_cast<Str>(i);
    const std::string_view en = tr(k, Lang::En), zh = tr(k, Lang::Zh);
    INFO("key " << i << ": " << en);
    CHECK_FALSE(en.empty());
    CHECK_FALSE(zh.empty());
    CHECK(id_part(en) == id_part(zh));
    CHECK(std::count(en.begin(), en.end(), '{') == std::count(zh.begin(), zh.end(), '{'));
    CHECK(std::count(en.begin(), en.end(), '%') == std::count(zh.begin(), zh.end(), '%'));
    // The Chinese side is Chinese (only a language's own name and the key list's letters may be the same).
    if (k != Str::LanguageEnglish) CHECK(has_non_ascii(zh));
  }
  // Window titles keep their ids: the panels' ###ids as the layout and tests know them.
  CHECK(id_part(tr(Str::TitleScheduler, Lang::Zh)) == "###scheduler");
  CHECK(id_part(tr(Str::TitleVariables, Lang::Zh)) == "###variables");
  CHECK(id_part(tr(Str::TitleControls, Lang::Zh)) == "###controls");
}

TEST_CASE("strings: tr follows the current language, and the English texts are the studio words as before") {
  CHECK(ui_language() == Lang::En);
  CHECK(std::string_view(tr(Str::MenuFile)) == "File");
  CHECK(std::string_view(tr(Str::TitleVariables)) == "Variables###variables");
  CHECK(std::string_view(tr(Str::KeysHelp)) == kStudioKeysHelp);
  {
    LanguageScope zh(Lang::Zh);
    CHECK(std::string_view(tr(Str::MenuFile)) == "文件");
    CHECK(trf(Str::TitleBusCount, 12) == "监听总线（12 次事务）###bus");
  }
  CHECK(trf(Str::TitleBusCount, 12) == "Snooping bus (12 transactions)###bus");
  CHECK(trf(Str::ControlsPlayBySteps, "statement", "x") == "statements");
  // Arguments that do not fit a format give the text back, never an exception.
  CHECK(trf(Str::TitleBusCount) == tr(Str::TitleBusCount));
  CHECK(lang_code(Lang::Zh) == "zh");
  CHECK(parse_lang("en") == Lang::En);
  CHECK(parse_lang("zh") == Lang::Zh);
  CHECK_FALSE(parse_lang("fr"));
}

TEST_CASE("strings: the fonts hold every character of the table, and text added before a load") {
  if (!std::filesystem::exists(kDefaultFontPath)) {
    WARN("fonts-noto-cjk not installed; skipped");
    return;
  }
  // 龘 (U+9F98) is outside ImGui's common Chinese set: only add_font_text puts it in the atlas.
  const std::string rare = "\xe9\xbe\x98";
  CHECK(add_font_text("lesson: " + rare));
  CHECK_FALSE(add_font_text(rare + " again"));  // nothing new: no rebuild needed
  ImGui::CreateContext();
  FontSet fonts;
  load_fonts(fonts, 1.0f, "");
  REQUIRE(fonts.cjk);
  REQUIRE(ImGui::GetIO().Fonts->Build());
  const std::string all = all_ui_text(Lang::Zh) + all_ui_text(Lang::En) + rare;
  int missing = 0;
  for (const char* p = all.c_str(); *p != '\0';) {
    unsigned c = 0;
    p += ImTextCharFromUtf8(&c, p, nullptr);
    if (c == '\n') continue;
    if (fonts.ui->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr ||
        fonts.mono->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
      UNSCOPED_INFO("no glyph for U+" << std::hex << c);
      ++missing;
    }
  }
  CHECK(missing == 0);
  ImGui::DestroyContext();
}

TEST_CASE("strings: in Chinese the studio's menu, titles and tabs are Chinese, and the windows stay put") {
  Headless h;
  StudioModel m{std::string(kExampleFile), std::string(example_program())};
  REQUIRE(h.frames(m, 3));
  const ImGuiWindow* sched = Headless::window("###scheduler");
  REQUIRE(sched != nullptr);
  const ImVec2 pos = sched->Pos, size = sched->Size;
  CHECK(std::string_view(sched->Name).starts_with("Scheduler: "));

  // The menu bar's first menu, hovered: its id is the label's, in the menu bar's id scope.
  const ImGuiWindow* bar = Headless::window("##MainMenuBar");
  REQUIRE(bar != nullptr);
  auto menu_id = [&](const char* label) { return ImHashStr(label, 0, ImHashStr("##menubar", 0, bar->ID)); };
  ImGui::GetIO().MousePos = ImVec2(bar->Pos.x + 16.0f, bar->Pos.y + ImGui::GetFrameHeight() * 0.5f);
  REQUIRE(h.frames(m, 2));
  CHECK(ImGui::GetCurrentContext()->HoveredId == menu_id("File"));

  LanguageScope zh(Lang::Zh);
  REQUIRE(h.frames(m, 3));
  CHECK(ImGui::GetCurrentContext()->HoveredId == menu_id("文件"));
  ImGui::GetIO().MousePos = ImVec2(-1, -1);
  REQUIRE(h.frames(m, 2));
  // The same window (one ###id), with a Chinese title, where it was.
  CHECK(Headless::window("###scheduler") == sched);
  CHECK(sched->Pos.x == pos.x);
  CHECK(sched->Pos.y == pos.y);
  CHECK(sched->Size.x == size.x);
  CHECK(sched->Size.y == size.y);
  // The bottom row's tabs are named in Chinese, and the chosen one stays chosen.
  const int tab_before = h.ui.bottom_tab_shown;
  ImGuiWindow* tabs = ImGui::FindWindowByName("##bottomtabs");
  REQUIRE(tabs != nullptr);
  ImGuiTabBar* bar_tabs = ImGui::GetCurrentContext()->TabBars.GetByKey(tabs->GetIDNoKeepAlive("##bottom"));
  REQUIRE(bar_tabs != nullptr);
  REQUIRE(bar_tabs->Tabs.Size == 6);  // timeline, event log, channels and locks, stats, variables, runs
  CHECK(std::string_view(bar_tabs->GetTabName(&bar_tabs->Tabs[0])).starts_with("时间线###"));
  CHECK(h.ui.bottom_tab_shown == tab_before);
}

TEST_CASE("strings: a studio started in Chinese has Chinese window titles") {
  LanguageScope zh(Lang::Zh);
  Headless h;  // a new context: ImGui names a window when it first appears
  StudioModel m{std::string(kExampleFile), std::string(example_program())};
  REQUIRE(h.frames(m, 3));
  CHECK(std::string_view(Headless::window("###scheduler")->Name).starts_with("调度器："));
  CHECK(std::string_view(Headless::window("###controls")->Name).starts_with("Gopherbus 工作台"));
  CHECK(std::string_view(Headless::window("###cores")->Name).starts_with("核心及其 L1 缓存"));
}
