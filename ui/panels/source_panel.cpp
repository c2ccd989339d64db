// The source panel: the Go program with a breakpoint gutter, each goroutine's current line marked in its
// colour, the current statement highlighted, and compile errors inline.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "panel_common.h"
#include "studio_panels.h"

// After imgui.h (it needs IMGUI_API): InputText over a std::string.
#include <imgui_stdlib.h>

namespace gb::ui {

namespace {

constexpr Rgb kBreakpoint{220, 50, 50};
constexpr Rgb kErrorLine{110, 30, 30};
constexpr int kChipsShown = 2;  // markers beyond these on one line are summarised as "+n"

void diagnostics(const StudioModel& model) {
  if (model.diagnostics().empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
  ImGui::TextWrapped("%s", model.diagnostics().c_str());
  ImGui::PopStyleColor();
  if (model.loaded()) ImGui::TextDisabled("(the previous program keeps running)");
  ImGui::Separator();
}

// The editor: the text, Run (compile and restart with it) and Cancel. Compile errors show above it and the
// previous program keeps running until a version compiles.
void editor(StudioModel& model, StudioUiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  bool run = ImGui::Button("Run (Ctrl+Enter)");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ui.editing = false;
  ImGui::SameLine();
  if (ImGui::Button("Revert")) ui.edit_text = model.text();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", model.loaded() ? "the running program stays until this compiles" : "");
  diagnostics(model);
  push_mono(*ui.common);
  ImGui::InputTextMultiline("##editor", &ui.edit_text, ImVec2(-1.0f, -1.0f), ImGuiInputTextFlags_AllowTabInput);
  pop_mono(*ui.common);
  // In a multi-line field Ctrl+Enter leaves the field instead of adding a line: take it as Run.
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) run = true;
  if (run && model.load(model.file(), ui.edit_text)) ui.editing = false;
}

}  // namespace

void start_editing(const StudioModel& model, StudioUiState& ui) {
  ui.editing = true;
  ui.edit_text = model.text();
}

void draw_source_panel(StudioModel& model, StudioUiState& ui, const Rect& r) {
  const std::string title =
      fmt::format("{}: {}###source", ui.editing ? "Editing" : "Source", model.file());
  const bool visible = begin_panel(title.c_str(), r);
  if (visible && ui.editing) {
    editor(model, ui);
  } else if (visible) {
    diagnostics(model);
    push_mono(*ui.common);
    ImGui::BeginChild("##lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    const std::vector<SourceMarker> markers = model.markers();
    const std::vector<std::uint32_t> errors = model.error_lines();
    const std::uint32_t current = model.current_line();
    const GId current_g = model.current_g();
    const std::optional<LostSpotlight>& spot = model.spotlight();
    // Rows are exactly line_h apart (no item spacing between them), so the clipper and the scrolling agree.
    const float line_h = std::round(ImGui::GetTextLineHeight() * 1.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    const float gutter = line_h;
    const float number_w = ImGui::CalcTextSize("0000").x;
    const float chips_w = kChipsShown * (g_chip_width(99) + 2.0f) + ImGui::CalcTextSize("+9").x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ui.source_seen_steps != model.steps_taken()) {
      ui.source_seen_steps = model.steps_taken();
      ui.source_scroll_pending = true;
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(model.lines().size()), line_h);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto line = static_cast<std::uint32_t>(i + 1);
        ImGui::PushID(i);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float row_w = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetWindowWidth());
        if (std::find(errors.begin(), errors.end(), line) != errors.end()) {
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kErrorLine));
        } else if (spot && (line == spot->line || line == spot->over_line)) {
          // A lost update's two stores (the overwritten one and the stale one) in the spotlight.
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kLostUpdateRow));
          dl->AddRect(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kLostUpdate));
        } else if (line == current && current_g != kNoG) {
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(g_colour(current_g), 60));
        }
        // The gutter: click to toggle a breakpoint.
        if (ImGui::InvisibleButton("##bp", ImVec2(gutter, line_h))) model.toggle_breakpoint(line);
        const ImVec2 centre(row.x + gutter * 0.5f, row.y + line_h * 0.5f);
        if (model.breakpoints().count(line) != 0) {
          dl->AddCircleFilled(centre, line_h * 0.3f, to_u32(kBreakpoint));
        } else if (ImGui::IsItemHovered()) {
          dl->AddCircle(centre, line_h * 0.3f, to_u32(kBreakpoint, 160));
          ImGui::SetTooltip("toggle a breakpoint on line %u", line);
        }
        // The rest of the row is drawn, not laid out: one Dummy gives the row its width for horizontal
        // scrolling.
        const float ty = row.y + (line_h - ImGui::GetTextLineHeight()) * 0.5f;
        const std::string number = fmt::format("{:>4}", line);
        dl->AddText(ImVec2(row.x + gutter, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), number.c_str());
        const float chips_x = row.x + gutter + number_w + 6.0f;
        float x = chips_x;
        int shown = 0, more = 0;
        for (const SourceMarker& m : markers) {
          if (m.line != line) continue;
          if (shown == kChipsShown) {
            ++more;
            continue;
          }
          x += draw_g_chip(dl, ImVec2(x, ty - 1.0f), m.g, m.running) + 2.0f;
          ++shown;
        }
        if (more > 0) {
          const std::string plus = fmt::format("+{}", more);
          dl->AddText(ImVec2(x, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), plus.c_str());
        }
        const std::string& text = model.lines()[static_cast<std::size_t>(i)];
        const float text_x = chips_x + chips_w;
        dl->AddText(ImVec2(text_x, ty), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
        if (spot && (line == spot->line || line == spot->over_line)) {
          // Which store this line made: "G7's stale store" and/or "G6's store, lost".
          std::string what;
          if (line == spot->line) what = fmt::format("G{}: stale store", spot->g);
          if (line == spot->over_line)
            what += fmt::format("{}G{}: store overwritten (lost update)", what.empty() ? "" : "; ", spot->over_g);
          const float after = text_x + ImGui::CalcTextSize(text.c_str()).x + 2.0f * ImGui::GetFontSize();
          dl->AddText(ImVec2(after, ty), to_u32(kLostUpdate), what.c_str());
        }
        ImGui::SameLine(0, 0);
        ImGui::Dummy(ImVec2(text_x - row.x - gutter + ImGui::CalcTextSize(text.c_str()).x, line_h));
        ImGui::PopID();
      }
    }
    clipper.End();
    // Keep the current statement in view after each step, without fighting a reader who scrolls away between
    // steps. ImGui clamps a scroll to the previous frame's content height, so a window that has not measured
    // its content yet (the first frame) keeps the request for the next frame.
    const float content_h = static_cast<float>(model.lines().size()) * line_h;
    const bool measured = ImGui::GetScrollMaxY() > 0.0f || content_h <= ImGui::GetWindowHeight();
    if (ui.source_scroll_pending && measured) {
      ui.source_scroll_pending = false;
      const float y = current != 0 ? static_cast<float>(current - 1) * line_h : -1.0f;
      if (y >= 0.0f &&
          (y < ImGui::GetScrollY() || y + line_h > ImGui::GetScrollY() + ImGui::GetWindowHeight()))
        ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.35f));
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    pop_mono(*ui.common);
  }
  ImGui::End();
}

}  // namespace gb::ui
