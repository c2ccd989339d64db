// The studio's controls: where the run is, step buttons per granularity, run to breakpoint, play/pause with a
// speed, restart, and the knobs (changing one restarts the program).
#include <algorithm>

#include <fmt/format.h>

#include "../app_options.h"
#include "panel_common.h"
#include "studio_panels.h"

namespace gb::ui {

namespace {

void status(const StudioModel& model) {
  ImGui::TextUnformatted(model.status_line().c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%llu instructions, %.3f us simulated, %llu bus transactions",
                     static_cast<unsigned long long>(model.instructions()),
                     static_cast<double>(model.now_ns()) / 1000.0,
                     static_cast<unsigned long long>(model.bus_transactions()));
  ImGui::PopStyleColor();
  if (const auto& last = model.last_step()) {
    const std::string_view k = step_kind_name(last->kind);
    ImGui::TextDisabled("last step (%.*s): %llu instr, %zu bus tx", static_cast<int>(k.size()), k.data(),
                        static_cast<unsigned long long>(last->report.instructions),
                        last->report.bus_to - last->report.bus_from);
    if (!last->note.empty()) text_coloured(kBusActive, last->note.c_str());
  }
}

void step_buttons(StudioModel& model, StudioUiState& ui) {
  ImGui::TextUnformatted("Step forward by");
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  const struct {
    const char* label;
    StepKind kind;
    const char* tip;
  } buttons[] = {
      {"Instruction (I)", StepKind::Instruction, "one bytecode instruction of one goroutine"},
      {"Statement (S)", StepKind::Statement, "until the goroutine that ran last reaches another line"},
      {"Bus transaction (B)", StepKind::BusTransaction, "until the bus carries one more transaction"},
      {"Scheduler event (E)", StepKind::SchedulerEvent, "until a goroutine stops running on a core"},
  };
  ImGui::BeginDisabled(model.finished());
  for (int i = 0; i < 4; ++i) {
    if (i % 2 == 1) ImGui::SameLine();
    if (ImGui::Button(buttons[i].label, ImVec2(w, 0))) {
      model.step(buttons[i].kind);
      ui.step_kind = buttons[i].kind;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", buttons[i].tip);
  }
  ImGui::EndDisabled();
  // Back: checkpoints and replay (the Session), so every kind goes back as far as the run goes.
  ImGui::TextUnformatted("Step back by");
  const bool at_start = model.session() == nullptr || model.session()->position() == model.session()->start_position();
  ImGui::BeginDisabled(at_start);
  const char* back_labels[] = {"Instruction (Shift+I)", "Statement (Shift+S)", "Bus tx (Shift+B)", "Sched event (Shift+E)"};
  for (int i = 0; i < 4; ++i) {
    if (i % 2 == 1) ImGui::SameLine();
    ImGui::PushID(100 + i);
    if (ImGui::Button(back_labels[i], ImVec2(w, 0))) {
      model.step_back(buttons[i].kind);
      ui.step_kind = buttons[i].kind;
    }
    ImGui::PopID();
  }
  ImGui::EndDisabled();
  ImGui::BeginDisabled(model.finished());
  ImGui::BeginDisabled(model.breakpoints().empty());
  if (ImGui::Button("Run to breakpoint (C)", ImVec2(-1.0f, 0))) model.run_to_breakpoint();
  ImGui::EndDisabled();
  if (model.breakpoints().empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("click a line's gutter in the source panel to set one");
  ImGui::EndDisabled();
}

void play(StudioModel& model) {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  ImGui::BeginDisabled(model.finished());
  if (ImGui::Button(model.playing() ? "Pause (Space)" : "Play (Space)", ImVec2(w, 0)))
    model.set_playing(!model.playing());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Restart (R)", ImVec2(w, 0))) model.restart();
  const std::string kind(step_kind_name(model.play_kind()));
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("##playkind", kind.c_str())) {
    for (StepKind k :
         {StepKind::Instruction, StepKind::Statement, StepKind::BusTransaction, StepKind::SchedulerEvent}) {
      const std::string n(step_kind_name(k));
      if (ImGui::Selectable(n.c_str(), model.play_kind() == k)) model.set_play_kind(k);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  float speed = static_cast<float>(model.speed());
  ImGui::SetNextItemWidth(w);
  if (ImGui::SliderFloat("##speed", &speed, 1.0f, 100000.0f, "%.0f steps/s", ImGuiSliderFlags_Logarithmic))
    model.set_speed(speed);
}

void knobs(StudioModel& model) {
  StudioConfig c = model.config();
  bool changed = false;
  const float label_w = ImGui::CalcTextSize("GOMAXPROCS").x + 2 * ImGui::GetStyle().ItemSpacing.x;
  auto label = [&](const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1.0f);
  };
  label("Cores");
  if (ImGui::InputInt("##cores", &c.cores)) changed = true;
  label("GOMAXPROCS");
  if (ImGui::InputInt("##gomaxprocs", &c.gomaxprocs)) changed = true;
  ImGui::TextUnformatted("Protocol");
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
  label("Seed");
  if (ImGui::InputScalar("##seed", ImGuiDataType_U64, &c.seed, nullptr, nullptr, nullptr,
                         ImGuiInputTextFlags_EnterReturnsTrue))
    changed = true;
  label("Time scale");
  if (ImGui::InputDouble("##timescale", &c.time_scale, 0.0, 0.0, "%g",
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
    c.time_scale = std::clamp(c.time_scale, 1e-6, 1e6);
    changed = true;
  }
  c.cores = std::clamp(c.cores, 1, StudioModel::kMaxCores);
  c.gomaxprocs = std::clamp(c.gomaxprocs, 1, StudioModel::kMaxProcs);
  if (changed && !(c == model.config())) model.set_config(c);
  ImGui::TextDisabled("a changed knob restarts the program");
}

}  // namespace

void draw_studio_controls_panel(StudioModel& model, StudioUiState& ui, const Rect& r) {
  if (begin_panel("Gopherbus studio###controls", r)) {
    status(model);
    ImGui::Separator();
    if (model.loaded()) {
      step_buttons(model, ui);
      play(model);
      ImGui::Separator();
      knobs(model);
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
      ImGui::TextWrapped("The program does not compile: the source panel shows where.");
      ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", kStudioKeysHelp);
    ImGui::PopStyleColor();
  }
  ImGui::End();
}

}  // namespace gb::ui
