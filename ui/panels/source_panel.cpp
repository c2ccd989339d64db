// The source panel: the Go program with a breakpoint gutter, each goroutine's current line marked in its
// colour, the current statement highlighted, and compile errors inline.
#include "source_panel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"
#include "sim/inspect/condition.h"

// After imgui.h (it needs IMGUI_API): InputText over a std::string; the editor's field window for its scroll.
#include <imgui_internal.h>
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
void editor(StudioModel& model, SourcePanelState& s, const UiState& common) {
  const ImGuiIO& io = ImGui::GetIO();
  bool run = ImGui::Button(tr(Str::SourceRun));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::SourceCancel))) {
    s.editing = false;
    model.discard_failed_edit();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::SourceRevert))) {
    s.edit_text = model.text();
    model.discard_failed_edit();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", model.loaded() ? "the running program stays until this compiles" : "");
  diagnostics(model);
  push_mono(common);
  // Line numbers in a gutter left of the field, scrolled with it (the field is ImGui's own child window,
  // found by the name ImGui gives it), red where the last compile found an error.
  const float gutter = ImGui::CalcTextSize("0000").x + 8.0f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(at.x + gutter, at.y));
  ImGui::InputTextMultiline("##editor", &s.edit_text, ImVec2(-1.0f, -1.0f),
                            ImGuiInputTextFlags_AllowTabInput);
  const ImVec2 f0 = ImGui::GetItemRectMin(), f1 = ImGui::GetItemRectMax();
  const std::string child_name =
      fmt::format("{}/{}_{:08X}", ImGui::GetCurrentWindow()->Name, "##editor", ImGui::GetItemID());
  const ImGuiWindow* field = ImGui::FindWindowByName(child_name.c_str());
  const float scroll = field != nullptr ? field->Scroll.y : 0.0f;
  const float pad = ImGui::GetStyle().FramePadding.y;
  const float lh = ImGui::GetFontSize();
  const int lines = static_cast<int>(std::count(s.edit_text.begin(), s.edit_text.end(), '\n')) + 1;
  const std::vector<std::uint32_t> errors = model.error_lines();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(at.x, f0.y + 1.0f), ImVec2(f0.x, f1.y - 1.0f), true);
  for (int i = std::max(0, static_cast<int>(scroll / lh) - 1); i < lines; ++i) {
    const float y = f0.y + pad + static_cast<float>(i) * lh - scroll;
    if (y > f1.y) break;
    const auto line = static_cast<std::uint32_t>(i + 1);
    const bool error = std::find(errors.begin(), errors.end(), line) != errors.end();
    const std::string n = fmt::format("{:>4}", line);
    dl->AddText(ImVec2(at.x, y), error ? to_u32(kViolationText) : ImGui::GetColorU32(ImGuiCol_TextDisabled),
                n.c_str());
  }
  dl->PopClipRect();
  pop_mono(common);
  // In a multi-line field Ctrl+Enter leaves the field instead of adding a line: take it as Run.
  if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) run = true;
  if (run && model.load(model.file(), s.edit_text)) s.editing = false;
}

}  // namespace

void start_editing(const StudioModel& model, SourcePanelState& s) {
  s.editing = true;
  s.edit_text = model.text();
}

namespace {

// A breakpoint on s.condition_line that stops only when a condition holds there ("by G7", "mutex mu locked").
void condition_popup(StudioModel& model, SourcePanelState& s) {
  if (s.open_condition) {
    s.open_condition = false;
    s.condition[0] = '\0';
    s.condition_error.clear();
    ImGui::OpenPopup("##bp-condition");
  }
  if (!ImGui::BeginPopup("##bp-condition")) return;
  ImGui::TextUnformatted(trf(Str::SourceBreakOnLine, s.condition_line).c_str());
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
  const bool enter = ImGui::InputTextWithHint("##cond", "by G7, mutex mu locked, state balance M core 1",
                                              s.condition, sizeof s.condition, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", inspect::condition_help().c_str());
  if (ImGui::Button(tr(Str::SourceAdd)) || enter) {
    // "by G7" alone reads as the arrival's goroutine: the breakpoint is `line L by G7`.
    std::string text = s.condition;
    if (text.rfind("by ", 0) == 0) text = fmt::format("line {} {}", s.condition_line, text);
    if (model.add_condition_breakpoint(s.condition_line, text, s.condition_error)) ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::SourceCancel))) ImGui::CloseCurrentPopup();
  if (!s.condition_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(s.condition_error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_source_panel(StudioModel& model, SourcePanelState& s, const PanelContext& ctx, const Rect& r) {
  const std::string title = trf(s.editing ? Str::TitleEditing : Str::TitleSource, model.file());
  const bool visible = begin_panel(title.c_str(), r);
  if (visible && s.editing) {
    editor(model, s, ctx.common);
  } else if (visible) {
    diagnostics(model);
    push_mono(ctx.common);
    ImGui::BeginChild("##lines", ImVec2(0, 0), false);
    const std::vector<SourceMarker> markers = model.markers();
    const std::vector<std::uint32_t> errors = model.error_lines();
    const std::uint32_t current = model.current_line();
    const GId current_g = model.current_g();
    const std::optional<EventSpotlight>& spot = model.spotlight();
    // Rows are exactly line_h apart (no item spacing between them), so the clipper and the scrolling agree.
    const float line_h = std::round(ImGui::GetTextLineHeight() * 1.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    const float gutter = line_h;
    const float number_w = ImGui::CalcTextSize("0000").x;
    const float chips_w = kChipsShown * (g_chip_width(99) + 2.0f) + ImGui::CalcTextSize("+9").x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Long lines wrap at the panel's edge (a comment cut off on the right says nothing): each source line is
    // one or more display rows; the gutter, number and markers go on its first.
    const float text_x0 = gutter + number_w + 6.0f + chips_w;
    const float wrap_w =
        std::max(ImGui::GetContentRegionAvail().x - text_x0 - 4.0f, ImGui::CalcTextSize("0").x * 16);
    const float indent = ImGui::CalcTextSize("  ").x;  // continuation rows are indented a little
    struct Row {
      int line;  // 0-based
      std::uint32_t begin, end;
    };
    std::vector<Row> rows;
    std::vector<std::size_t> first_row;  // of each line
    ImFont* font = ImGui::GetFont();
    const float font_scale = ImGui::GetFontSize() / font->FontSize;
    for (std::size_t i = 0; i < model.lines().size(); ++i) {
      const std::string& text = model.lines()[i];
      first_row.push_back(rows.size());
      const char* b = text.data();
      const char* e = text.data() + text.size();
      const char* at = b;
      do {
        const float w = at == b ? wrap_w : wrap_w - indent;
        const char* cut = e;
        if (ImGui::CalcTextSize(at, e).x > w) {
          cut = font->CalcWordWrapPositionA(font_scale, at, e, w);
          if (cut <= at) cut = at + 1;
          while (cut < e && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80)
            ++cut;  // whole UTF-8 characters
        }
        rows.push_back(
            {static_cast<int>(i), static_cast<std::uint32_t>(at - b), static_cast<std::uint32_t>(cut - b)});
        at = cut;
        while (at < e && *at == ' ' && at != b) ++at;  // the space the row broke at
      } while (at < e);
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), line_h);
    while (clipper.Step()) {
      for (int ri = clipper.DisplayStart; ri < clipper.DisplayEnd; ++ri) {
        const Row& rw = rows[static_cast<std::size_t>(ri)];
        const int i = rw.line;
        const bool first = rw.begin == 0;
        const auto line = static_cast<std::uint32_t>(i + 1);
        ImGui::PushID(ri);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float row_w = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetWindowWidth());
        if (spot_is(lessons::Spotlight::Kind::Line, {}, static_cast<int>(line)))
          mark_spot(row, ImVec2(row.x + row_w, row.y + line_h));
        if (std::find(errors.begin(), errors.end(), line) != errors.end()) {
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kErrorLine));
        } else if (spot && (line == spot->line || line == spot->over_line)) {
          // A lost update's two stores (the overwritten one and the stale one), or a race's two accesses.
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kLostUpdateRow));
          dl->AddRect(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(kLostUpdate));
        } else if (line == current && current_g != kNoG) {
          dl->AddRectFilled(row, ImVec2(row.x + row_w, row.y + line_h), to_u32(g_colour(current_g), 60));
        }
        // The gutter: click to toggle a breakpoint, right-click for one with a condition.
        if (ImGui::InvisibleButton("##bp", ImVec2(gutter, line_h))) model.toggle_breakpoint(line);
        if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
          s.condition_line = line;
          s.open_condition = true;
        }
        const ImVec2 centre(row.x + gutter * 0.5f, row.y + line_h * 0.5f);
        const bool conditional = first && std::any_of(model.condition_breakpoints().begin(),
                                                      model.condition_breakpoints().end(),
                                                      [&](const auto& c) { return c.line == line; });
        if (first && model.breakpoints().count(line) != 0) {
          dl->AddCircleFilled(centre, line_h * 0.3f, to_u32(kBreakpoint));
        } else if (conditional) {
          // A conditional breakpoint: a ring, filled halfway.
          dl->AddCircle(centre, line_h * 0.3f, to_u32(kBreakpoint), 0, 2.0f);
          dl->AddCircleFilled(centre, line_h * 0.15f, to_u32(kBreakpoint));
        } else if (ImGui::IsItemHovered()) {
          dl->AddCircle(centre, line_h * 0.3f, to_u32(kBreakpoint, 160));
          ImGui::SetTooltip("toggle a breakpoint on line %u (right-click: a breakpoint with a condition)", line);
        }
        if (conditional && ImGui::IsItemHovered()) {
          std::string tip;
          for (const auto& c : model.condition_breakpoints())
            if (c.line == line) tip += fmt::format("{}line {} when `{}`", tip.empty() ? "" : "\n", line, c.condition);
          ImGui::SetTooltip("%s\n(the controls panel lists and removes them)", tip.c_str());
        }
        // The rest of the row is drawn, not laid out.
        const float ty = row.y + (line_h - ImGui::GetTextLineHeight()) * 0.5f;
        const float chips_x = row.x + gutter + number_w + 6.0f;
        if (first) {
          const std::string number = fmt::format("{:>4}", line);
          dl->AddText(ImVec2(row.x + gutter, ty), ImGui::GetColorU32(ImGuiCol_TextDisabled), number.c_str());
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
        }
        const std::string& text = model.lines()[static_cast<std::size_t>(i)];
        const float text_x = chips_x + chips_w + (first ? 0.0f : indent);
        dl->AddText(ImVec2(text_x, ty), ImGui::GetColorU32(ImGuiCol_Text), text.data() + rw.begin,
                    text.data() + rw.end);
        if (first && spot && (line == spot->line || line == spot->over_line)) {
          // Which store this line made: the stale one, the overwritten one, or both.
          std::string what;
          const bool race = spot->kind == EventSpotlight::Kind::Race;
          if (race && line == spot->line && line == spot->over_line)
            what = fmt::format("<- data race: G{}'s {} and G{}'s {}", spot->g, spot->what, spot->over_g, spot->over_what);
          else if (race && line == spot->line)
            what = fmt::format("<- data race: G{}'s {}", spot->g, spot->what);
          else if (race)
            what = fmt::format("<- data race: G{}'s earlier {}", spot->over_g, spot->over_what);
          else if (line == spot->line && line == spot->over_line)
            what = fmt::format("<- G{}'s stale store over G{}'s", spot->g, spot->over_g);
          else if (line == spot->line)
            what = fmt::format("<- G{}'s stale store", spot->g);
          else
            what = fmt::format("<- G{}'s store, lost", spot->over_g);
          // After the code (the panel clips what does not fit; the event log and the status say it in full).
          const float end = text_x + ImGui::CalcTextSize(text.data() + rw.begin, text.data() + rw.end).x;
          dl->AddText(ImVec2(end + 1.5f * ImGui::GetFontSize(), ty), to_u32(kLostUpdate), what.c_str());
        }
        ImGui::SameLine(0, 0);
        ImGui::Dummy(ImVec2(1.0f, line_h));
        ImGui::PopID();
      }
    }
    clipper.End();
    // Keep the current statement in view after each step (follow_machine), without fighting a reader who
    // scrolls away between steps; a freshly loaded program opens at line 1 (its header comment says what it
    // is about). ImGui clamps a scroll to the previous frame's content height, so a window that has not
    // measured its content yet (the first frame) keeps the request for the next frame.
    const float content_h = static_cast<float>(rows.size()) * line_h;
    const bool measured = ImGui::GetScrollMaxY() > 0.0f || content_h <= ImGui::GetWindowHeight();
    if (s.scroll_pending && measured) {
      s.scroll_pending = false;
      if (model.steps_taken() == 0) {
        ImGui::SetScrollY(0.0f);  // a new program or a restart: from the top
      } else {
        // A lesson's spotlight on a line brings that line into view instead of the current statement.
        const SpotTarget* spot_line = spot_target();
        const std::uint32_t shown = spot_line != nullptr && spot_line->spot.kind == lessons::Spotlight::Kind::Line
                                        ? static_cast<std::uint32_t>(spot_line->spot.number)
                                        : current;
        const float y = shown != 0 && shown <= first_row.size()
                            ? static_cast<float>(first_row[shown - 1]) * line_h
                            : -1.0f;
        if (y >= 0.0f &&
            (y < ImGui::GetScrollY() || y + line_h > ImGui::GetScrollY() + ImGui::GetWindowHeight()))
          ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.35f));
      }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    pop_mono(ctx.common);
    condition_popup(model, s);
  }
  ImGui::End();
}

}  // namespace gb::ui
