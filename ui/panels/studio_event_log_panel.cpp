// The studio's event log: every recorded event in words (bus transactions with their causes, run stretches,
// wake-ups, lost updates on a red row, the spotlit one selected), filtered by layer, goroutine and text;
// events after the present are dimmed, and a click on one asks the frame to move the whole machine to the
// moment it has just happened. (The demo's log is event_log_panel.cpp.)
#include "studio_event_log_panel.h"

#include <algorithm>
#include <cfloat>
#include <optional>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

Rgb layer_colour(EventLayer l) {
  switch (l) {
    case EventLayer::Wake:
      return {120, 210, 130};
    case EventLayer::Scheduler:
      return {110, 170, 255};
    case EventLayer::Bus:
      return kBusActive;
    case EventLayer::Lost:
      return kLostUpdate;
    case EventLayer::Race:
      return kLostUpdate;
  }
  return {200, 200, 200};
}

// SameLine when an item `w` wide still fits on the current line, else a new line (the panel may be narrow).
void same_line_if_fits(float w, float gap) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + w <= right) ImGui::SameLine(0, gap);
}

float checkbox_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

void filters(EventLogPanelState& s, const UiState& common) {
  EventFilter& f = s.filter;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (std::size_t i = 0; i < kEventLayers; ++i) {
    const auto l = static_cast<EventLayer>(i);
    const std::string label(layer_name(l));
    if (i > 0) same_line_if_fits(checkbox_width(label.c_str()), gap);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, to_vec4(layer_colour(l)));
    bool on = f.layers[i];
    if (ImGui::Checkbox(label.c_str(), &on)) f.layers[i] = on;
    ImGui::PopStyleColor();
  }
  const std::string g_label = f.g == kNoG ? std::string("all Gs") : fmt::format("G{}", f.g);
  const float combo_w = ImGui::CalcTextSize("all Gs").x + ImGui::GetFrameHeight() * 1.8f;
  same_line_if_fits(combo_w, 2.0f * gap);
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo("##g", g_label.c_str())) {
    if (ImGui::Selectable("all Gs", f.g == kNoG)) f.g = kNoG;
    for (GId g : s.log.goroutines()) {
      if (ImGui::Selectable(fmt::format("G{}", g).c_str(), f.g == g)) f.g = g;
    }
    ImGui::EndCombo();
  }
  same_line_if_fits(checkbox_width("follow"), 2.0f * gap);
  ImGui::Checkbox("follow", &s.follow);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("scroll to the latest event that has happened");
  // The words take the rest of the line when there is room for them, else a line of their own.
  same_line_if_fits(320.0f * common.scale, 2.0f * gap);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##text", "filter words: BusRdX, 0xc000000018, semacquire ...", s.text,
                               sizeof s.text))
    f.text = s.text;
}

// Always to the nanosecond: neighbouring events are often a few ns apart.
std::string time_text(std::int64_t ns) {
  if (ns < 10'000) return fmt::format("{} ns", ns);
  if (ns < 10'000'000) return fmt::format("{}.{:03} us", ns / 1000, ns % 1000);
  return fmt::format("{}.{:06} ms", ns / 1'000'000, ns % 1'000'000);
}

}  // namespace

std::optional<LogEvent> draw_studio_event_log_panel(const StudioModel& model, EventLogPanelState& s,
                                                    const PanelContext& ctx, const Rect& r) {
  std::optional<LogEvent> clicked;
  if (begin_panel(tr(Str::TitleEvents), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
      ImGui::End();
      return clicked;
    }
    const vm::Vm& vm = model.machine()->runtime();
    s.log.sync(vm, model.session(), &model.lines());
    filters(s, ctx.common);
    // A large log is filtered a slice per frame so the window never stalls on a new filter.
    // Words cost a description each (about a microsecond), layers and Gs a comparison.
    const std::size_t budget = s.filter.text.empty() ? 1'000'000 : 20'000;
    const std::vector<std::size_t>& rows = s.log.filtered(s.filter, budget);
    const std::vector<LogEvent>& events = s.log.events();
    const std::size_t latest = s.log.latest_happened(vm);
    ImGui::TextDisabled("%zu of %zu events%s · dimmed: ahead · click: go there", rows.size(), events.size(),
                        s.log.complete() ? "" : " (filtering...)");
    const bool moved = s.seen_steps != model.steps_taken();
    s.seen_steps = model.steps_taken();
    // A lost update in the spotlight (play stopped on it): its row is selected and scrolled to.
    const std::optional<EventSpotlight>& spot = model.spotlight();
    if (spot && moved) {
      s.selected_layer = spot->kind == EventSpotlight::Kind::Race ? EventLayer::Race : EventLayer::Lost;
      s.selected_index = static_cast<std::uint32_t>(spot->index);
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    push_mono(ctx.common);
    if (ImGui::BeginTable("events", 4, flags, ImVec2(0, 0))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("time");
      ImGui::TableSetupColumn("layer");
      ImGui::TableSetupColumn("G");
      ImGui::TableSetupColumn("event", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableHeadersRow();
      // Follow: the row of the latest event that has happened (the first filtered row at or after it).
      std::size_t follow_row = SIZE_MAX;
      if (s.follow && moved && latest < events.size()) {
        const auto it = std::upper_bound(rows.begin(), rows.end(), latest);
        if (it != rows.begin()) follow_row = static_cast<std::size_t>(it - rows.begin()) - 1;
      }
      if (spot && moved) {
        for (std::size_t k = rows.size(); k-- > 0;) {
          const LogEvent& e = events[rows[k]];
          if (e.layer == s.selected_layer && e.index == spot->index) {
            follow_row = k;
            break;
          }
        }
      }
      ImGuiListClipper clip;
      clip.Begin(static_cast<int>(rows.size()));
      if (follow_row != SIZE_MAX)
        clip.ForceDisplayRangeByIndices(static_cast<int>(follow_row), static_cast<int>(follow_row) + 1);
      while (clip.Step()) {
        for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
          const std::size_t i = rows[static_cast<std::size_t>(row)];
          const LogEvent& e = events[i];
          const bool past = EventLogView::happened(vm, e);
          const bool selected = e.layer == s.selected_layer && e.index == s.selected_index;
          ImGui::TableNextRow();
          if (e.layer == EventLayer::Lost || e.layer == EventLayer::Race)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(kLostUpdateRow));
          else if (i == latest)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(kFiredRow));
          ImGui::TableNextColumn();
          if (!past) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
          ImGui::PushID(row);
          if (ImGui::Selectable(time_text(e.ns).c_str(), selected,
                                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            clicked = e;
          // Right-click: only this event's goroutine (again: every goroutine).
          if (ImGui::IsItemClicked(ImGuiMouseButton_Right) && e.g != kNoG)
            s.filter.g = s.filter.g == e.g ? kNoG : e.g;
          const bool hovered = ImGui::IsItemHovered();
          ImGui::PopID();
          ImGui::TableNextColumn();
          const std::string ln(layer_name(e.layer));
          if (past)
            text_coloured(layer_colour(e.layer), ln.c_str());
          else
            ImGui::TextUnformatted(ln.c_str());
          if (static_cast<std::size_t>(row) == follow_row) ImGui::SetScrollHereY(0.7f);
          ImGui::TableNextColumn();
          // Every row is a chip's height, so the clipper's rows are uniform.
          ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() + 2.0f));
          ImGui::SameLine(0, 0);
          if (e.g != kNoG)
            g_chip(e.g, past);
          else if (e.layer == EventLayer::Wake)
            ImGui::TextUnformatted("timer");
          if (e.g2 != kNoG) {
            ImGui::SameLine(0, 2.0f);
            ImGui::TextUnformatted(">");
            ImGui::SameLine(0, 2.0f);
            g_chip(e.g2, past);
          }
          ImGui::TableNextColumn();
          const std::string words = s.log.text(e);
          ImGui::TextUnformatted(words.c_str());
          if (hovered) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(words.c_str());
            ImGui::TextDisabled("click: go to this moment");
            if (e.g != kNoG) ImGui::TextDisabled("right-click: only G%d's events (again: all)", e.g);
            ImGui::EndTooltip();
          }
          if (!past) ImGui::PopStyleColor();
        }
      }
      ImGui::EndTable();
    }
    pop_mono(ctx.common);
    if (clicked) {
      s.selected_layer = clicked->layer;
      s.selected_index = clicked->index;
    }
  }
  ImGui::End();
  return clicked;
}

}  // namespace gb::ui
