// The map of the path (lesson_map.h).
#include "lesson_map.h"

#include <fmt/format.h>

#include "lessons/lesson_loader.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

const char* say(const LessonPanelState& s, const char* en, const char* zh) {
  return s.lang == lessons::Lang::Zh ? zh : en;
}

// One lesson: its number and title, level, and a bar of the checkpoints reached; a click opens it.
bool card(const LessonPanelState& s, const LessonCard& c, float width) {
  ImGui::PushID(c.id.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  bool fell_back = false;
  const std::string& title = c.title.in(s.lang, &fell_back);
  const float pad = ImGui::GetStyle().FramePadding.x;
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, 0.0f));
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, at.y + pad));
  ImGui::PushTextWrapPos(at.x + width - pad);
  ImGui::TextUnformatted(fmt::format("{:02}  {}{}", c.order, fell_back ? "[EN] " : "", title).c_str());
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(at.x + pad, ImGui::GetCursorScreenPos().y));
  const int reached = s.shelf.reached(c.id);
  ImGui::TextDisabled("%s", c.level.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width - 2 * pad - ImGui::GetCursorScreenPos().x + at.x);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y));
  const std::string bar = fmt::format("{}/{}", reached, c.checkpoints);
  ImGui::ProgressBar(c.checkpoints > 0 ? static_cast<float>(reached) / static_cast<float>(c.checkpoints) : 0.0f,
                     ImVec2(width - 2 * pad - (ImGui::GetCursorScreenPos().x - at.x) + pad, 0.0f), bar.c_str());
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
                                                       : std::string(say(s, "click to open", "点击打开")))
                               .c_str());
  }
  ImGui::Dummy(ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y));
  ImGui::PopID();
  return clicked;
}

}  // namespace

void draw_lesson_map(StudioModel& model, LessonPanelState& s, const PanelContext& ctx, const Rect& r) {
  (void)ctx;
  if (!s.map_open) return;
  s.shelf.scan();
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
  ImGui::SetNextWindowFocus();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin(fmt::format("{}###lessonmap", say(s, "Lessons: the path", "课程路线图")).c_str(), nullptr, flags)) {
    ImGui::TextWrapped("%s", say(s,
                                 "From goroutines down to the cache lines and the bus: each lesson is a short Go "
                                 "program on a machine you can step forward and back. Pick one.",
                                 "从协程一直到缓存行和总线：每一课都是一个小 Go 程序，运行在可以前进和后退的机器上。选一课开始。"));
    ImGui::SameLine();
    if (s.open() || model.loaded()) {
      if (ImGui::Button(say(s, "Back to the studio (Esc)", "回到工作台 (Esc)"))) s.map_open = false;
    }
    if (!s.error.empty()) text_coloured(kViolationText, s.error.c_str());
    ImGui::Separator();
    const std::vector<std::string>& stages = lessons::stage_names();
    const std::size_t path = stages.size() - 1;  // the last stage, the Go classics, is not on the path
    const float arrow = ImGui::CalcTextSize(" → ").x;
    const float column = (ImGui::GetContentRegionAvail().x - arrow * static_cast<float>(path - 1)) /
                         static_cast<float>(path);
    std::string open;
    // The path: a column per stage, an arrow between them.
    const float top = ImGui::GetCursorScreenPos().y;
    float bottom = top;
    const float left = ImGui::GetCursorScreenPos().x;
    for (std::size_t i = 0; i < path; ++i) {
      const float x = left + static_cast<float>(i) * (column + arrow);
      ImGui::SetCursorScreenPos(ImVec2(x, top));
      ImGui::BeginGroup();
      ImGui::PushTextWrapPos(x + column);
      text_coloured(kBusActive, stage_title(stages[i], s.lang).c_str());
      ImGui::PopTextWrapPos();
      for (const LessonCard* c : s.shelf.stage(stages[i]))
        if (card(s, *c, column)) open = c->id;
      ImGui::EndGroup();
      bottom = std::max(bottom, ImGui::GetItemRectMax().y);
      if (i + 1 < path) {
        ImGui::SetCursorScreenPos(ImVec2(x + column, top));
        ImGui::TextUnformatted(" → ");
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, bottom + ImGui::GetStyle().ItemSpacing.y * 2));
    ImGui::Separator();
    text_coloured(kBusActive, stage_title(stages[path], s.lang).c_str());
    // The Go classics: cards in rows as wide as the path's columns.
    int in_row = 0;
    for (const LessonCard* c : s.shelf.stage(stages[path])) {
      if (in_row > 0 && in_row < static_cast<int>(path)) ImGui::SameLine(0.0f, arrow);
      if (in_row == static_cast<int>(path)) in_row = 0;
      if (card(s, *c, column)) open = c->id;
      ++in_row;
    }
    if (!open.empty()) open_lesson(model, s, open);
  }
  ImGui::End();
}

}  // namespace gb::ui
