// The map of the path (lesson_map.h).
#include "lesson_map.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lessons/lesson_loader.h"
#include "lesson_text_view.h"
#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

const char* level_words(const std::string& level) {
  if (level == "beginner") return tr(Str::LessonBeginner);
  if (level == "intermediate") return tr(Str::LessonIntermediate);
  if (level == "advanced") return tr(Str::LessonAdvanced);
  return level.c_str();
}

// One lesson: its number and title (wrapped as lesson text is, so Chinese breaks between characters), then a
// thin bar of the checkpoints reached with the count and the level; a click opens it.
bool card(const LessonPanelState& s, const LessonCard& c, float width, const UiState& ui) {
  ImGui::PushID(c.id.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  bool fell_back = false;
  const std::string& title = c.title.in(s.lang, &fell_back);
  const float pad = ImGui::GetStyle().FramePadding.x;
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(at.x + width - pad);
  draw_lesson_text(fmt::format("**{:02}** {}{}", c.order, fell_back ? "[EN] " : "", title), ui,
                   width - 2 * pad, 1.2f);
  ImGui::PopTextWrapPos();
  const int reached = s.shelf.reached(c.id);
  const float bar_h = std::round(ImGui::GetFontSize() * 0.45f);
  const float y = ImGui::GetCursorScreenPos().y;
  // The count and the level after the bar; the level only when the card is wide enough for it.
  std::string count = fmt::format("{}/{} · {}", reached, c.checkpoints, level_words(c.level));
  const float inner = width - 2 * pad, spacing = ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::CalcTextSize(count.c_str()).x > inner * 0.7f - spacing) count = fmt::format("{}/{}", reached, c.checkpoints);
  const float bar_w = std::max(inner * 0.25f, inner - ImGui::CalcTextSize(count.c_str()).x - spacing);
  ImGui::ProgressBar(c.checkpoints > 0 ? static_cast<float>(reached) / static_cast<float>(c.checkpoints) : 0.0f,
                     ImVec2(bar_w, bar_h), "");
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, y + (bar_h - ImGui::GetTextLineHeight()) * 0.5f));
  ImGui::TextDisabled("%s", count.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", level_words(c.level));
  ImGui::EndGroup();
  const ImVec2 end(at.x + width, ImGui::GetItemRectMax().y + pad);
  ImGui::SetCursorScreenPos(at);
  const bool clicked = ImGui::InvisibleButton("##open", ImVec2(width, end.y - at.y));
  const bool hovered = ImGui::IsItemHovered();
  const bool current = s.shelf.current() != nullptr && s.shelf.current()->lesson().id == c.id;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(at, end, ImGui::GetColorU32(hovered || current ? ImGuiCol_ButtonActive : ImGuiCol_Border), 4.0f, 0,
              current ? 2.5f : 1.0f);
  if (hovered) {
    ImGui::SetTooltip("%s", fmt::format("{} ({})\n{}", c.id, c.folder.filename().string(),
                                        c.problems > 0 ? fmt::format("{} problem(s): gopherbus-cli lesson {} --check",
                                                                     c.problems, c.id)
                                                       : std::string(tr(Str::LessonClickToOpen)))
                               .c_str());
  }
  ImGui::Dummy(ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y));
  ImGui::PopID();
  return clicked;
}

}  // namespace

void draw_lesson_map(StudioModel& model, LessonPanelState& s, const PanelContext& ctx, const Rect& r) {
  if (!s.map_open) return;
  s.shelf.scan();
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
  ImGui::SetNextWindowFocus();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin(fmt::format("{}###lessonmap", tr(Str::LessonLessonsThePath)).c_str(), nullptr, flags)) {
    ImGui::TextWrapped("%s", tr(Str::LessonMapIntro));
    ImGui::SameLine();
    if (s.open() || model.loaded()) {
      if (ImGui::Button(tr(Str::LessonBackToTheStudio))) s.map_open = false;
    }
    if (!s.error.empty()) text_coloured(kViolationText, s.error.c_str());
    ImGui::Separator();
    // The path's stages as columns joined by arrows, then the Go classics as a column of their own beside them
    // (so every lesson is in view at once, on a laptop and on a projector).
    const std::vector<std::string>& stages = lessons::stage_names();
    const std::size_t path = stages.size() - 1;  // the last stage, the Go classics, is not on the path
    const float arrow = ImGui::CalcTextSize(" → ").x;
    const float gap = ImGui::GetFontSize() * 1.2f;
    const float column = (ImGui::GetContentRegionAvail().x - arrow * static_cast<float>(path - 1) - gap) /
                         static_cast<float>(stages.size());
    std::string open;
    const float top = ImGui::GetCursorScreenPos().y;
    const float left = ImGui::GetCursorScreenPos().x;
    float bottom = top;
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const bool classics = i == path;
      const float x = left + static_cast<float>(i) * column + static_cast<float>(std::min(i, path - 1)) * arrow +
                      (classics ? gap : 0.0f);
      ImGui::SetCursorScreenPos(ImVec2(x, top));
      ImGui::BeginGroup();
      ImGui::PushTextWrapPos(x + column);
      text_coloured(kBusActive, stage_title(stages[i], s.lang).c_str());
      ImGui::PopTextWrapPos();
      for (const LessonCard* c : s.shelf.stage(stages[i]))
        if (card(s, *c, column, ctx.common)) open = c->id;
      ImGui::EndGroup();
      bottom = std::max(bottom, ImGui::GetItemRectMax().y);
      if (classics) {  // a line between the path and the classics, as tall as the tallest column
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x - gap * 0.5f, top), ImVec2(x - gap * 0.5f, bottom),
                                            ImGui::GetColorU32(ImGuiCol_Separator));
      }
      if (i + 1 < path) {
        ImGui::SetCursorScreenPos(ImVec2(x + column, top));
        ImGui::TextUnformatted(" → ");
      }
    }
    if (!open.empty()) open_lesson(model, s, open);
  }
  ImGui::End();
}

}  // namespace gb::ui
