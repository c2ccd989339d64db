// The event log: every applied step with the engine's own event records (coherence/event.h describe()), the
// latest highlighted, a violation in red, and the steps still ahead in the timeline dimmed.
#include <fmt/format.h>

#include "../panels/panel_common.h"
#include "demo_panels.h"

namespace gb::ui {

namespace {

void step_header(const DemoModel& model, std::size_t i, bool latest) {
  const StepRecord& s = model.steps()[i];
  std::string text = fmt::format("#{} {}", i + 1, describe_action(s.action, s.value));
  if (s.action.kind != ActionKind::Evict && s.event_count == 0)
    text += s.action.kind == ActionKind::Read ? fmt::format(": hit, reads {}", s.value) : ": hit, no bus";
  if (s.action.kind == ActionKind::Evict && !s.had_line) text += ": not cached, nothing to do";
  if (latest) {
    text_coloured(kBusActive, text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
}

}  // namespace

void draw_event_log_panel(const DemoModel& model, UiState& ui, const Rect& r) {
  if (begin_panel("Event log", r)) {
    ImGui::BeginChild("log", ImVec2(0, 0), false);
    const auto& steps = model.steps();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const StepRecord& s = steps[i];
      const bool latest = i + 1 == steps.size();
      step_header(model, i, latest);
      push_mono(ui);
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      for (std::size_t k = s.first_event; k < s.first_event + s.event_count; ++k)
        ImGui::TextWrapped("%s", describe(model.events()[k]).c_str());
      ImGui::PopStyleColor();
      if (s.violation) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
        ImGui::TextWrapped("CHECKER: %s", s.violation->c_str());
        ImGui::PopStyleColor();
      }
      ImGui::Unindent();
      pop_mono(ui);
      if (latest && ui.log_seen_steps != steps.size()) ImGui::SetScrollHereY(1.0f);
    }
    // What the timeline will do next, dimmed: the scripted demo reads ahead like a lesson.
    Word value = model.next_write_value();
    for (std::size_t i = model.cursor(); i < model.timeline().size(); ++i) {
      const Action& a = model.timeline()[i];
      ImGui::TextDisabled("#%zu (ahead) %s", i + 1,
                          describe_action(a, a.kind == ActionKind::Write ? value : 0).c_str());
      if (a.kind == ActionKind::Write) ++value;
    }
    if (steps.empty() && model.timeline().empty()) ImGui::TextDisabled("No steps yet: use a core's buttons.");
    ui.log_seen_steps = steps.size();
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace gb::ui
