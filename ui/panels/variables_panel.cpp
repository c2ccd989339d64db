// Variables: a goroutine's call stack (click a frame to choose it) and the chosen frame's parameters, results,
// captured variables and locals with their values (fmt's %v; %#v on hover), where a variable in memory lives
// and its line's state in each core's cache, and what the current statement has loaded and stored so far.
// Everything comes from sim/inspect/variables.h; this file only draws.
#include "variables_panel.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"
#include "sim/inspect/variables.h"

namespace gb::ui {

namespace {

constexpr Rgb kStatementColour{230, 190, 90};

// The goroutine shown: the chosen one while it lives, else the one that ran last, else the first alive.
GId shown_goroutine(const vm::Vm& vm, const VariablesPanelState& st, const std::vector<GId>& live) {
  if (st.chosen != kNoG && std::find(live.begin(), live.end(), st.chosen) != live.end()) return st.chosen;
  const GId last = vm.current_goroutine();
  if (std::find(live.begin(), live.end(), last) != live.end()) return last;
  return live.empty() ? kNoG : live.front();
}

std::string goroutine_label(const vm::Vm& vm, GId g) {
  const auto stack = inspect::call_stack(vm, g);
  const std::string where = stack.empty() ? std::string("?") : stack[inspect::first_user_frame(stack)].function;
  return fmt::format("G{}  {}  [{}]", g, where, inspect::goroutine_state(vm, g));
}

void goroutine_combo(const vm::Vm& vm, VariablesPanelState& st, const std::vector<GId>& live, GId shown) {
  const std::string preview =
      st.chosen == kNoG ? fmt::format("G{} (ran last)", shown) : goroutine_label(vm, shown);
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 420.0f * ImGui::GetFontSize() / 14.0f));
  if (ImGui::BeginCombo("##goroutine", preview.c_str())) {
    if (ImGui::Selectable("the goroutine that ran last", st.chosen == kNoG)) {
      st.chosen = kNoG;
      st.frame_clicked = false;
    }
    for (GId g : live) {
      if (ImGui::Selectable(goroutine_label(vm, g).c_str(), st.chosen == g)) {
        st.chosen = g;
        st.frame_clicked = false;
      }
    }
    ImGui::EndCombo();
  }
}

void call_stack_table(const std::vector<inspect::StackFrame>& stack, VariablesPanelState& st, std::uint32_t depth) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("stack", 2, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Call stack", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableHeadersRow();
  for (const inspect::StackFrame& f : stack) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(f.depth));
    if (!f.user) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string label = fmt::format("#{} {}{}", f.depth, f.function, f.deferred ? " (deferred)" : "");
    if (ImGui::Selectable(label.c_str(), f.depth == depth, ImGuiSelectableFlags_SpanAllColumns)) {
      st.depth = f.depth;
      st.frame_clicked = true;
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", f.user ? "your code (package main)" : "the standard library or the runtime");
    }
    ImGui::TableNextColumn();
    if (f.line != 0 && !f.file.empty()) {
      const std::size_t slash = f.file.find_last_of('/');
      ImGui::Text("%s:%u", slash == std::string::npos ? f.file.c_str() : f.file.c_str() + slash + 1, f.line);
    } else {
      ImGui::TextDisabled("%s", f.line != 0 ? "runtime" : "native");
    }
    if (!f.user) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void where_cell(const inspect::VariableView& v) {
  if (!v.in_memory) {
    ImGui::TextDisabled("frame");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("in the goroutine's frame slots: private, never in a cache");
    return;
  }
  if (v.byte_addr == 0) {
    ImGui::TextDisabled("heap");
    return;
  }
  ImGui::Text("%#llx", static_cast<unsigned long long>(v.byte_addr));
  for (std::size_t c = 0; c < v.line_states.size(); ++c) {
    ImGui::SameLine(0, 4.0f);
    state_chip(v.line_states[c]);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("line %#llx in core %zu's cache: %s", static_cast<unsigned long long>(v.line_addr), c,
                        std::string(name(v.line_states[c])).c_str());
    }
  }
}

void variable_row(const inspect::VariableView& v, const UiState& common) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(v.name.c_str());
  const ImVec2 row_min = ImGui::GetItemRectMin();
  if (ImGui::IsItemHovered()) {
    if (v.package_level) {
      ImGui::SetTooltip("a package variable: shared by every goroutine");
    } else {
      ImGui::SetTooltip("%s, declared on line %u", inspect::kind_name(v.kind), v.decl_line);
    }
  }
  ImGui::TableNextColumn();
  push_mono(common);
  ImGui::TextUnformatted(v.type.c_str());
  ImGui::TableNextColumn();
  if (v.available) {
    ImGui::TextUnformatted(v.value.c_str());
  } else {
    ImGui::TextDisabled("%s", v.value.c_str());
  }
  pop_mono(common);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::TextDisabled("%%#v");
    push_mono(common);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
    ImGui::TextUnformatted(v.go_syntax.c_str());
    ImGui::PopTextWrapPos();
    pop_mono(common);
    ImGui::EndTooltip();
  }
  ImGui::TableNextColumn();
  where_cell(v);
  // A lesson's spotlight on this variable outlines its whole row (package variables go by `balance` too).
  const lessons::Spotlight* spot = spot_target() != nullptr ? &spot_target()->spot : nullptr;
  if (spot != nullptr && spot->kind == lessons::Spotlight::Kind::Variable &&
      (v.name == spot->name || (v.package_level && v.name == "main." + spot->name))) {
    const ImVec2 max = ImGui::GetItemRectMax();
    mark_spot(row_min, ImVec2(max.x, std::max(max.y, row_min.y + ImGui::GetTextLineHeight())));
    // Scrolled into view for a few frames after the spotlight changes (a table measures its rows the frame
    // it first draws them), then left to the reader.
    static std::string scrolled_for;
    static int frames = 0;
    if (scrolled_for != spot->name) {
      scrolled_for = spot->name;
      frames = 4;
    }
    if (frames > 0) {
      --frames;
      ImGui::SetScrollHereY(0.5f);
    }
  }
}

// The frame's variables, then package main's (the state goroutines share).
void variables_table(const std::vector<inspect::VariableView>& vars,
                     const std::vector<inspect::VariableView>& globals, const UiState& common) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("vars", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Value (%v)", ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableHeadersRow();
  int id = 0;
  if (vars.empty()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("no variables in scope here");
  }
  for (const inspect::VariableView& v : vars) {
    ImGui::PushID(id++);
    variable_row(v, common);
    ImGui::PopID();
  }
  if (!globals.empty()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("package main");
  }
  for (const inspect::VariableView& v : globals) {
    ImGui::PushID(id++);
    variable_row(v, common);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_variables_panel(const StudioModel& model, VariablesPanelState& st, const PanelContext& ctx,
                          const Rect& r) {
  if (begin_panel(tr(Str::TitleVariables), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      const vm::Vm& vm = model.machine()->runtime();
      if (st.seen_steps != model.steps_taken()) {
        st.seen_steps = model.steps_taken();
        st.frame_clicked = false;
      }
      // A lesson's spotlight on a local variable shows the goroutine whose frame holds it (once: the reader may
      // pick another).
      if (const SpotTarget* t = spot_target(); t != nullptr && t->spot.kind == lessons::Spotlight::Kind::Variable) {
        if (t->spot.name != st.spot_seen) {
          st.spot_seen = t->spot.name;
          if (t->g != kNoG) {
            st.chosen = t->g;
            st.frame_clicked = false;
          }
        }
      } else {
        st.spot_seen.clear();
      }
      const std::vector<GId> live = inspect::live_goroutines(vm);
      const GId g = shown_goroutine(vm, st, live);
      if (g == kNoG) {
        ImGui::TextDisabled(vm.finished() ? "the program has ended" : "no goroutine yet");
      } else {
        goroutine_combo(vm, st, live, g);
        const auto stack = inspect::call_stack(vm, g);
        std::uint32_t depth = st.frame_clicked ? st.depth : inspect::first_user_frame(stack);
        if (depth >= stack.size()) depth = 0;
        // The current statement and what it has loaded and stored so far.
        const inspect::StatementView now = inspect::current_statement(vm, g);
        ImGui::SameLine();
        if (now.line != 0) {
          const std::string text = now.text();
          text_coloured(kStatementColour, fmt::format("line {}{}:", now.line, now.finished ? " (done)" : "").c_str());
          if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(now.finished ? "the last statement of this frame that touched memory"
                                           : "what the statement running now has loaded and stored so far");
          }
          ImGui::SameLine();
          if (text.empty()) {
            ImGui::TextDisabled("nothing loaded yet");
          } else {
            push_mono(ctx.common);
            ImGui::TextUnformatted(text.c_str());
            pop_mono(ctx.common);
          }
        }
        const bool wide = ImGui::GetContentRegionAvail().x >= 700.0f * ctx.common.scale;
        if (wide) {
          ImGui::BeginChild("##stack", ImVec2(ImGui::GetContentRegionAvail().x * 0.38f, 0), false);
          call_stack_table(stack, st, depth);
          ImGui::EndChild();
          ImGui::SameLine();
          ImGui::BeginChild("##vars", ImVec2(0, 0), false);
        } else {
          const float rows = static_cast<float>(std::min<std::size_t>(stack.size(), 4) + 1);
          ImGui::BeginChild("##stack", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 6.0f), false);
          call_stack_table(stack, st, depth);
          ImGui::EndChild();
          ImGui::BeginChild("##vars", ImVec2(0, 0), false);
        }
        variables_table(
            stack.empty() ? std::vector<inspect::VariableView>{} : inspect::frame_variables(vm, g, depth),
            inspect::package_variables(vm), ctx.common);
        ImGui::EndChild();
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
