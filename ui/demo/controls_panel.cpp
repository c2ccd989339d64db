// The controls panel: the machine's knobs, the timeline (step forward and back), the checker and the UI
// scale.
#include <algorithm>

#include <fmt/format.h>

#include "coherence/bugs.h"
#include "../panels/panel_common.h"
#include "demo_panels.h"

namespace gb::ui {

namespace {

void knobs(DemoModel& model, UiState& ui) {
  DemoConfig c = model.config();
  bool changed = false;
  ImGui::TextUnformatted("Protocol");
  for (ProtocolKind k : {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    const std::string label(protocol_name(k));
    if (k != ProtocolKind::MSI) ImGui::SameLine();
    if (ImGui::RadioButton(label.c_str(), c.protocol == k) && c.protocol != k) {
      c.protocol = k;
      // A bug that does not apply to the new protocol is dropped rather than blocking the switch.
      const auto bugs = DemoModel::bugs_for(k);
      if (std::find(bugs.begin(), bugs.end(), c.bug) == bugs.end()) c.bug.clear();
      changed = true;
    }
  }
  const float label_w = ImGui::CalcTextSize("Cores").x + 2 * ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Cores");
  for (int n = DemoModel::kMinCores; n <= DemoModel::kMaxCores; ++n) {
    ImGui::SameLine(n == DemoModel::kMinCores ? label_w : 0.0f);
    if (ImGui::RadioButton(fmt::format("{}##cores", n).c_str(), c.cores == n) && c.cores != n) {
      c.cores = n;
      changed = true;
    }
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Ways");
  for (int w = 1; w <= 2; ++w) {
    ImGui::SameLine(w == 1 ? label_w : 0.0f);
    if (ImGui::RadioButton(fmt::format("{}##ways", w).c_str(), c.ways == w) && c.ways != w) {
      c.ways = w;
      changed = true;
    }
  }

  ImGui::TextUnformatted("Planted bug");
  ImGui::SetNextItemWidth(-1.0f);
  const std::string preview = c.bug.empty() ? std::string("none (correct protocol)") : c.bug;
  if (ImGui::BeginCombo("##bug", preview.c_str())) {
    if (ImGui::Selectable("none (correct protocol)", c.bug.empty())) {
      changed = !c.bug.empty();
      c.bug.clear();
    }
    for (std::string_view b : DemoModel::bugs_for(c.protocol)) {
      const std::string s(b);
      if (ImGui::Selectable(s.c_str(), c.bug == s)) {
        changed = c.bug != s;
        c.bug = s;
      }
    }
    ImGui::EndCombo();
  }
  if (!c.bug.empty()) {
    for (const PlantedBug& b : planted_bugs())
      if (b.name == c.bug) {
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
        ImGui::TextWrapped("%.*s", static_cast<int>(b.description.size()), b.description.data());
        ImGui::PopStyleColor();
      }
  }
  if (changed) {
    if (auto err = model.set_config(c)) {
      ui.config_error = *err;
    } else {
      ui.config_error.clear();
    }
  }
  if (!ui.config_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
    ImGui::TextWrapped("%s", ui.config_error.c_str());
    ImGui::PopStyleColor();
  }
}

void timeline(DemoModel& model, UiState& ui) {
  const bool symbols = ui.fonts != nullptr && ui.fonts->cjk;
  ImGui::Text("Step %zu of %zu", model.cursor(), model.timeline().size());
  const float w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4.0f;
  ImGui::BeginDisabled(model.cursor() == 0);
  if (ImGui::Button(symbols ? "|◀##rewind" : "|<##rewind", ImVec2(w * 0.7f, 0))) model.rewind();
  ImGui::SameLine();
  if (ImGui::Button(symbols ? "◀ Back" : "< Back", ImVec2(w * 1.3f, 0))) model.step_back();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(model.at_end());
  if (ImGui::Button(symbols ? "Step ▶" : "Step >", ImVec2(w * 1.3f, 0))) model.step_forward();
  ImGui::SameLine();
  if (ImGui::Button(symbols ? "▶|##end" : ">|##end", ImVec2(w * 0.7f, 0)))
    model.seek(model.timeline().size());
  ImGui::EndDisabled();

  if (const auto next = model.next_action()) {
    const Word v = next->kind == ActionKind::Write ? model.next_write_value() : 0;
    ImGui::TextDisabled("next: %s", describe_action(*next, v).c_str());
  } else {
    ImGui::TextDisabled("end of timeline: use a core's buttons");
  }
  if (ImGui::Button("Load the ping-pong demo")) model.load_script(DemoModel::demo_script());
  ImGui::SameLine();
  if (ImGui::Button("Clear")) model.load_script({});
}

void checker(const DemoModel& model) {
  ImGui::TextUnformatted("Invariant checker: on");
  if (const auto at = model.violation_step()) {
    const StepRecord& s = model.steps()[*at];
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
    ImGui::TextWrapped("VIOLATED at step %zu (%s): %s", *at + 1, describe_action(s.action, s.value).c_str(),
                       s.violation->c_str());
    ImGui::PopStyleColor();
  } else {
    text_coloured(kOkText, "SWMR, single owner and data-value hold");
  }
}

void stats(const DemoModel& model, const UiState& ui) {
  const MemorySystem& m = model.system();
  ImGui::Text("Bus transactions: %llu", static_cast<unsigned long long>(m.transactions()));
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  push_mono(ui);
  if (ImGui::BeginTable("stats", m.cores() + 1, flags)) {
    ImGui::TableSetupColumn("");
    for (int c = 0; c < m.cores(); ++c) ImGui::TableSetupColumn(fmt::format("core {}", c).c_str());
    ImGui::TableHeadersRow();
    auto row = [&](const char* label, auto get) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(label);
      for (int c = 0; c < m.cores(); ++c) {
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(get(m.stats(c))));
      }
    };
    row("reads", [](const CacheStats& s) { return s.reads; });
    row("writes", [](const CacheStats& s) { return s.writes; });
    row("misses", [](const CacheStats& s) { return s.misses(); });
    row("bus req", [](const CacheStats& s) { return s.bus_requests(); });
    row("c2c in", [](const CacheStats& s) { return s.c2c_transfers; });
    row("invalid.", [](const CacheStats& s) { return s.invalidations; });
    row("wrbacks", [](const CacheStats& s) { return s.writebacks; });
    ImGui::EndTable();
  }
  pop_mono(ui);
}

void appearance(UiState& ui) {
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::SliderFloat("##scale", &ui.scale_request, 0.75f, 3.0f, "UI scale %.2f");
  ImGui::SameLine();
  ImGui::BeginDisabled(ui.scale_request == ui.scale);
  if (ImGui::Button("Apply")) ui.rebuild_fonts = true;
  ImGui::EndDisabled();
  if (ui.fonts != nullptr) {
    const std::string& src = ui.fonts->source;
    ImGui::TextDisabled("font: %s", src.substr(src.find_last_of('/') + 1).c_str());
  }
}

}  // namespace

void draw_controls_panel(DemoModel& model, UiState& ui, const Rect& r) {
  if (begin_panel("Gopherbus: cache coherence", r)) {
    knobs(model, ui);
    ImGui::Separator();
    timeline(model, ui);
    ImGui::Separator();
    checker(model);
    ImGui::Separator();
    stats(model, ui);
    ImGui::Separator();
    appearance(ui);
    ImGui::TextDisabled("Keys: Right/Space step, Left back, Home, End");
  }
  ImGui::End();
}

}  // namespace gb::ui
