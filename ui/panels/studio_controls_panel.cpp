// The studio's controls: where the run is, step buttons per granularity, run to breakpoint, play/pause with a
// speed, restart, and the knobs (changing one restarts the program).
#include "studio_controls_panel.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "../step_kinds.h"
#include "../strings.h"
#include "coherence/bugs.h"
#include "panel_common.h"
#include "sim/inspect/condition.h"

namespace gb::ui {

namespace {

void status(const StudioModel& model) {
  ImGui::TextUnformatted(model.status_line().c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", trf(Str::ControlsTotals, model.instructions(), static_cast<double>(model.now_ns()) / 1000.0,
                               model.bus_transactions())
                              .c_str());
  ImGui::PopStyleColor();
  if (const auto& last = model.last_step()) {
    const std::string_view k = step_kind_name(last->kind);
    const auto choice = std::find_if(kStepChoices.begin(), kStepChoices.end(),
                                     [&](const StepChoice& c) { return c.kind == last->kind; });
    ImGui::TextDisabled("%s", trf(Str::ControlsLastStep, k, choice == kStepChoices.end() ? k : tr(choice->label),
                                  last->report.instructions,
                                  last->report.bus_to - last->report.bus_from)
                                  .c_str());
  } else {
    ImGui::TextDisabled("%s", tr(Str::ControlsNoStep));  // holds the line, so nothing below moves at the first step
  }
  // The note and this step's captions in a box of fixed height (it scrolls when they are many), so the
  // controls below never move as the text changes.
  const float h = ImGui::GetTextLineHeightWithSpacing() * 3.0f + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##captions", ImVec2(0, h), false);
  if (const auto& last = model.last_step()) {
    if (!last->note.empty()) text_coloured(kBusActive, last->note.c_str());
    // Every change the step made, in words: the bus transactions' state changes, wake-ups, parks and exits.
    for (const inspect::Caption& c : last->captions) {
      const bool sched = c.kind != inspect::Caption::Kind::Bus && c.kind != inspect::Caption::Kind::More;
      ImGui::PushStyleColor(ImGuiCol_Text, sched ? to_vec4(kBusActive) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
      ImGui::TextWrapped("%s", c.text.c_str());
      ImGui::PopStyleColor();
    }
  }
  ImGui::EndChild();
  if (const auto bad = model.violation()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
    ImGui::TextWrapped("%s", trf(Str::ControlsInvariantViolated, *bad).c_str());
    ImGui::PopStyleColor();
  }
}

void bus_op_combo(ControlsPanelState& s, float w) {
  ImGui::SetNextItemWidth(w);
  const std::string current(name(s.step_bus_op));
  if (ImGui::BeginCombo("##busop", current.c_str())) {
    for (int i = 1; i < kBusOpCount; ++i) {
      const auto op = static_cast<BusOp>(i);
      const std::string n(name(op));
      if (ImGui::Selectable(n.c_str(), op == s.step_bus_op)) s.step_bus_op = op;
    }
    ImGui::EndCombo();
  }
}

// One row per granularity: back, the name (with the bus op's kind), forward.
void step_buttons(StudioModel& model, ControlsPanelState& s) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float name_w = avail - 2 * ImGui::GetFrameHeight() - 2 * st.ItemSpacing.x;
  const bool at_start = model.at_start();
  for (const StepChoice& c : kStepChoices) {
    ImGui::PushID(static_cast<int>(c.kind));
    const bool chosen = s.step_kind == c.kind;
    ImGui::BeginDisabled(at_start);
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) {
      s.step_kind = c.kind;
      model.step_back(c.kind, step_arg(c.kind, s));
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      const std::string back = trf(Str::ControlsBackBy, tr(c.label));
      if (c.key != 0)
        ImGui::SetTooltip("%s (Shift+%c)", back.c_str(), c.key);
      else if (c.kind == StepKind::StatementOver)
        ImGui::SetTooltip("%s (Shift+F10)", back.c_str());
      else
        ImGui::SetTooltip("%s", back.c_str());
    }
    ImGui::SameLine();
    if (c.kind == StepKind::BusOp) {
      bus_op_combo(s, name_w);
    } else {
      // The kind Left and Right step by is the one last used: show it.
      ImGui::PushStyleColor(ImGuiCol_Button, chosen ? ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive)
                                                    : ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
      if (ImGui::Button(fmt::format("{} ({})", tr(c.label), step_keys(c)).c_str(), ImVec2(name_w, 0)))
        s.step_kind = c.kind;
      ImGui::PopStyleColor();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf(Str::ControlsStepByTip, tr(c.tip)).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(model.finished());
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) {
      s.step_kind = c.kind;
      model.step(c.kind, step_arg(c.kind, s));
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", trf(Str::ControlsForwardTip, tr(c.tip), step_keys(c)).c_str());
    ImGui::PopID();
  }
  ImGui::BeginDisabled(model.finished());
  const float half = (ImGui::GetContentRegionAvail().x - st.ItemSpacing.x) / 2.0f;
  ImGui::BeginDisabled(!model.has_breakpoints());
  if (ImGui::Button(tr(Str::ControlsToBreakpoint), ImVec2(half, 0))) model.run_to_breakpoint();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(!model.has_breakpoints() ? Str::ControlsToBreakpointTipNone : Str::ControlsToBreakpointTip));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ControlsToEnd), ImVec2(-1.0f, 0))) model.run_to_end();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(Str::ControlsToEndTip));
  ImGui::EndDisabled();
}

// A condition (the language of `gopherbus-cli run --until`): run until it fires, back to where it last fired,
// or break whenever it fires; the conditional breakpoints listed with a button each to remove them.
void conditions(StudioModel& model, ControlsPanelState& s) {
  ImGui::SetNextItemWidth(-1.0f);
  const bool enter = ImGui::InputTextWithHint("##condition", tr(Str::ControlsConditionHint),
                                              s.condition, sizeof s.condition, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", inspect::condition_help().c_str());
  const ImGuiStyle& st = ImGui::GetStyle();
  const float third = (ImGui::GetContentRegionAvail().x - 2 * st.ItemSpacing.x) / 3.0f;
  const bool empty = s.condition[0] == '\0';
  ImGui::BeginDisabled(empty);
  if (ImGui::Button(tr(Str::ControlsBackUntil), ImVec2(third, 0))) {
    s.condition_error.clear();
    model.back_until(s.condition, s.condition_error);
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(Str::ControlsBackUntilTip));
  ImGui::SameLine();
  ImGui::BeginDisabled(model.finished());
  if ((ImGui::Button(tr(Str::ControlsRunUntil), ImVec2(third, 0)) || (enter && !empty))) {
    s.condition_error.clear();
    model.run_until(s.condition, s.condition_error);
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(Str::ControlsRunUntilTip));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ControlsBreakWhen), ImVec2(-1.0f, 0))) {
    s.condition_error.clear();
    if (model.add_condition_breakpoint(0, s.condition, s.condition_error)) s.condition[0] = '\0';
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(Str::ControlsBreakWhenTip));
  ImGui::EndDisabled();
  if (!s.condition_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
    ImGui::TextWrapped("%s", s.condition_error.c_str());
    ImGui::PopStyleColor();
  }
  const auto& bps = model.condition_breakpoints();
  for (std::size_t i = 0; i < bps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) {
      model.remove_condition_breakpoint(i);
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsRemoveBreakpoint));
    ImGui::SameLine();
    if (bps[i].line != 0)
      ImGui::TextWrapped("%s", trf(Str::ControlsLineWhen, bps[i].line, bps[i].condition).c_str());
    else
      ImGui::TextWrapped("%s", trf(Str::ControlsAlwaysWhen, bps[i].condition).c_str());
    ImGui::PopID();
  }
}

void play(StudioModel& model) {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  ImGui::BeginDisabled(model.finished());
  if (ImGui::Button(tr(model.playing() ? Str::ControlsPause : Str::ControlsPlay), ImVec2(w, 0)))
    model.set_playing(!model.playing());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ControlsRestart), ImVec2(w, 0))) model.restart();
  // Play by steps of a kind at steps/s, or by machine time at simulated ns per second.
  const auto choice = std::find_if(kStepChoices.begin(), kStepChoices.end(),
                                   [&](const StepChoice& c) { return c.kind == model.play_kind(); });
  const std::string kind =
      model.play_by_time() ? std::string(tr(Str::ControlsMachineTime))
                           : trf(Str::ControlsPlayBySteps, step_kind_name(model.play_kind()),
                                 choice == kStepChoices.end() ? "" : tr(choice->label));
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("##playkind", kind.c_str())) {
    if (ImGui::Selectable(tr(Str::ControlsMachineTime), model.play_by_time())) model.set_play_by_time(true);
    for (const StepChoice& c : kStepChoices) {
      if (c.kind == StepKind::BusOp) continue;
      if (ImGui::Selectable(tr(c.label), !model.play_by_time() && model.play_kind() == c.kind)) {
        model.set_play_by_time(false);
        model.set_play_kind(c.kind);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  if (model.play_by_time()) {
    float us = static_cast<float>(model.time_rate() / 1000.0);
    if (ImGui::SliderFloat("##rate", &us, 0.01f, 100000.0f, us < 1000.0f ? "%.2f us/s" : "%.0f us/s",
                           ImGuiSliderFlags_Logarithmic))
      model.set_time_rate(static_cast<double>(us) * 1000.0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsTimeRateTip));
  } else {
    float speed = static_cast<float>(model.speed());
    if (ImGui::SliderFloat("##speed", &speed, 1.0f, 100000.0f, tr(Str::ControlsStepsPerSecond), ImGuiSliderFlags_Logarithmic))
      model.set_speed(speed);
  }
}

// The program's own knobs (constants marked `// knob`): a switch each, which restarts the run on the changed
// program; the comment is the tooltip.
void program_knobs(StudioModel& model) {
  const std::vector<lessons::Knob> knobs = model.knobs();
  if (knobs.empty()) return;
  ImGui::TextDisabled("%s", tr(Str::ControlsProgramKnobs));
  for (const lessons::Knob& k : knobs) {
    ImGui::PushID(k.name.c_str());
    switch (k.kind) {
      case lessons::Knob::Kind::Bool: {
        bool on = k.value == "true";
        if (ImGui::Checkbox(k.name.c_str(), &on)) model.set_knob(k.name, on ? "true" : "false");
        break;
      }
      case lessons::Knob::Kind::String:
        if (!k.choices.empty()) {
          ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
          if (ImGui::BeginCombo(k.name.c_str(), k.value.c_str())) {
            for (const std::string& c : k.choices)
              if (ImGui::Selectable(c.c_str(), c == k.value) && c != k.value) model.set_knob(k.name, c);
            ImGui::EndCombo();
          }
          break;
        }
        [[fallthrough]];
      case lessons::Knob::Kind::Number: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s", k.value.c_str());
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        if (ImGui::InputText(k.name.c_str(), buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue) && k.value != buf)
          model.set_knob(k.name, buf);
        break;
      }
    }
    if (ImGui::IsItemHovered() && !k.comment.empty())
      ImGui::SetTooltip("line %u: %s", k.line, k.comment.c_str());
    ImGui::PopID();
  }
  ImGui::Separator();
}

void knobs(StudioModel& model) {
  program_knobs(model);
  StudioConfig c = model.config();
  bool changed = false;
  const float label_w = ImGui::CalcTextSize("GOMAXPROCS").x + 2 * ImGui::GetStyle().ItemSpacing.x;
  auto label = [&](const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1.0f);
  };
  label(tr(Str::ControlsCores));
  if (ImGui::InputInt("##cores", &c.cores)) changed = true;
  label("GOMAXPROCS");
  if (ImGui::InputInt("##gomaxprocs", &c.gomaxprocs)) changed = true;
  ImGui::TextUnformatted(tr(Str::ControlsProtocol));
  const ImGuiStyle& st = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (ProtocolKind k : {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    const std::string n(protocol_name(k));
    // The four buttons wrap onto a second row when a large UI scale leaves no room for them on one.
    const float w = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(n.c_str()).x;
    if (k != ProtocolKind::MSI) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    if (ImGui::RadioButton(n.c_str(), c.protocol == k) && c.protocol != k) {
      c.protocol = k;
      changed = true;
    }
  }
  label(tr(Str::ControlsSeed));
  if (ImGui::InputScalar("##seed", ImGuiDataType_U64, &c.seed, nullptr, nullptr, nullptr,
                         ImGuiInputTextFlags_EnterReturnsTrue))
    changed = true;
  label(tr(Str::ControlsJitter));
  if (ImGui::InputDouble("##jitter", &c.jitter, 0.5, 1.0, "%g", ImGuiInputTextFlags_EnterReturnsTrue)) {
    c.jitter = std::clamp(c.jitter, 0.0, StudioModel::kMaxJitter);
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr(Str::ControlsJitterTip));
  label(tr(Str::ControlsTimeScale));
  if (ImGui::InputDouble("##timescale", &c.time_scale, 0.0, 0.0, "%g",
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
    c.time_scale = std::clamp(c.time_scale, 1e-6, 1e6);
    changed = true;
  }
  label(tr(Str::ControlsStoreBuffer));
  if (ImGui::InputInt("##storebuffers", &c.store_buffers)) changed = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsStoreBufferTip));
  label(tr(Str::ControlsBug));
  if (ImGui::BeginCombo("##bug", c.bug.empty() ? tr(Str::ControlsNoBug) : c.bug.c_str())) {
    if (ImGui::Selectable(tr(Str::ControlsNoBug), c.bug.empty())) {
      changed = !c.bug.empty();
      c.bug.clear();
    }
    for (const PlantedBug& b : planted_bugs()) {
      const std::string n(b.name);
      if (!bug_applies(c.protocol, n)) continue;
      if (ImGui::Selectable(n.c_str(), c.bug == n) && c.bug != n) {
        c.bug = n;
        changed = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(b.description.size()), b.description.data());
    }
    ImGui::EndCombo();
  }
  label(tr(Str::ControlsPayments));
  int payments = static_cast<int>(std::min<std::uint64_t>(c.payments, 10'000'000));
  if (ImGui::InputInt("##payments", &payments, 100, 1000, ImGuiInputTextFlags_EnterReturnsTrue)) {
    c.payments = static_cast<std::uint64_t>(std::clamp(payments, 0, 10'000'000));
    changed = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsPaymentsTip));
  if (ImGui::Checkbox(tr(Str::ControlsCheck), &c.check)) changed = true;
  if (!c.bug.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsCheckTip));
  if (ImGui::Checkbox(tr(Str::ControlsRace), &c.race)) changed = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ControlsRaceTip));
  c.cores = std::clamp(c.cores, 1, StudioModel::kMaxCores);
  c.store_buffers = std::clamp(c.store_buffers, 0, StudioModel::kMaxStoreBuffer);
  c.gomaxprocs = std::clamp(c.gomaxprocs, 1, StudioModel::kMaxProcs);
  if (changed && !(c == model.config())) model.set_config(c);
  ImGui::TextDisabled("%s", tr(Str::ControlsKnobRestarts));
}

// Presentation mode: the presenter steps with keys, so one row of small step buttons (the chosen kind lit,
// Shift+key steps back), play and restart, and the knobs in a popup (the panel's title says the
// configuration).
void compact_controls(StudioModel& model, ControlsPanelState& st) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  // Buttons flow along the row and wrap at the panel's edge.
  auto flow = [&](const char* label) {
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    first = false;
  };
  for (const StepChoice& s : kStepChoices) {
    if (s.kind == StepKind::BusOp) continue;
    const std::string label = fmt::format("{}##compact{}", step_key_short(s), static_cast<int>(s.kind));
    flow(label.c_str());
    const bool chosen = st.step_kind == s.kind;
    ImGui::PushStyleColor(ImGuiCol_Button, chosen ? ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive)
                                                  : ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginDisabled(model.finished());
    if (ImGui::Button(label.c_str())) {
      st.step_kind = s.kind;
      model.step(s.kind, step_arg(s.kind, st));
    }
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s (%s): %s", tr(s.label), step_keys(s).c_str(), tr(s.tip));
  }
  const char* play_label = tr(model.playing() ? Str::MenuPause : Str::MenuPlay);
  flow(play_label);
  ImGui::BeginDisabled(model.finished());
  if (ImGui::Button(play_label)) model.set_playing(!model.playing());
  ImGui::EndDisabled();
  flow(tr(Str::MenuRestart));
  if (ImGui::Button(tr(Str::MenuRestart))) model.restart();
  flow(tr(Str::ControlsKnobs));
  if (ImGui::Button(tr(Str::ControlsKnobs))) ImGui::OpenPopup("##knobs");
  if (ImGui::BeginPopup("##knobs")) {
    play(model);
    ImGui::Separator();
    knobs(model);
    ImGui::EndPopup();
  }
}

// The window's title in presentation mode: the configuration the audience needs, in one line.
std::string presentation_title(const StudioModel& model) {
  const StudioConfig& c = model.config();
  return trf(c.cores == 1 ? Str::TitlePresentationOneCore : Str::TitlePresentation, c.cores, c.gomaxprocs,
             protocol_name(c.protocol), c.seed);
}

}  // namespace

void draw_studio_controls_panel(StudioModel& model, ControlsPanelState& s, const PanelContext& ctx,
                                const Rect& r) {
  if (ctx.presentation) {
    if (begin_panel(presentation_title(model).c_str(), r)) {
      status(model);
      ImGui::Separator();
      if (model.loaded()) compact_controls(model, s);
    }
    ImGui::End();
    return;
  }
  if (begin_panel(tr(Str::TitleControls), r)) {
    status(model);
    ImGui::Separator();
    if (model.loaded()) {
      step_buttons(model, s);
      conditions(model, s);
      play(model);
      ImGui::Separator();
      knobs(model);
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
      ImGui::TextWrapped("%s", tr(Str::ControlsDoesNotCompile));
      ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(Str::KeysHelp));
    ImGui::PopStyleColor();
  }
  ImGui::End();
}

}  // namespace gb::ui
