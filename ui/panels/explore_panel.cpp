// Run > Explore (explore_panel.h).
#include "explore_panel.h"

#include <algorithm>

#include <imgui.h>

#include "../schedule_open.h"
#include "../strings.h"

namespace gb::ui {

bool collect_explore(StudioModel& studio, ExplorePanelState& st) {
  std::optional<ExploreJob::Outcome> out = st.job.take_outcome();
  if (!out) return false;
  const explore::ExploreResult& r = out->result;
  if (!r.error.empty()) {
    st.message = r.error;
    return false;
  }
  if (out->schedule) {
    StudioConfig c = studio.config();
    if (auto error = apply_schedule(*out->schedule, studio.text(), c)) {
      st.message = *error;  // the program was edited while the search ran
      return false;
    }
    studio.set_config(c);
    if (out->schedule->at != 0) studio.seek(out->schedule->at);
    st.message = trf(Str::ExploreFound, r.schedules, r.found->what);
    return true;
  }
  if (r.cancelled) st.message = trf(Str::ExploreCancelled, r.schedules);
  else if (r.complete) st.message = trf(Str::ExploreNone, r.schedules, r.bound);
  else st.message = trf(Str::ExploreStopped, r.schedules);
  return false;
}

void draw_explore_window(StudioModel& studio, ExplorePanelState& st, const PanelContext& ctx, const Rect& area) {
  collect_explore(studio, st);
  if (!st.open) return;
  const float s = ctx.common.scale;
  const float w = std::min(area.w * 0.9f, std::max(area.w * 0.45f, 560.0f * s));
  const float h = std::min(area.h * 0.9f, 300.0f * s);
  ImGui::SetNextWindowPos(ImVec2(area.x + (area.w - w) * 0.5f, area.y + (area.h - h) * 0.3f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Appearing);
  if (!ImGui::Begin(tr(Str::TitleExplore), &st.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const StudioConfig& c = studio.config();
  ImGui::TextWrapped("%s", trf(Str::ExploreIntro, c.cores, c.gomaxprocs).c_str());
  const bool running = st.job.running();
  ImGui::BeginDisabled(running);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::InputInt(tr(Str::ExploreBound), &st.bound)) st.bound = std::clamp(st.bound, 0, 6);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::ExploreBoundTip));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  if (ImGui::InputInt(tr(Str::ExploreMax), &st.max_schedules, 1000, 10000))
    st.max_schedules = std::clamp(st.max_schedules, 1, 10'000'000);
  ImGui::Checkbox(tr(Str::ExploreRace), &st.race);
  ImGui::EndDisabled();
  if (!running) {
    if (ImGui::Button(tr(Str::ExploreStart))) {
      ExploreRequest req;
      req.preemption_bound = st.bound;
      req.max_schedules = static_cast<std::uint64_t>(st.max_schedules);
      req.race = st.race;
      st.message.clear();
      st.job.start(studio, req);
    }
  } else {
    if (ImGui::Button(tr(Str::ExploreCancel))) st.job.cancel();
  }
  const explore::ExploreProgress p = st.job.progress();
  if (running || p.schedules != 0) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.schedules + p.pruned) / p.seconds : 0.0;
    const std::string label = trf(Str::ExploreProgress, p.bound, p.schedules, p.pruned, rate);
    const float fraction =
        static_cast<float>(std::min(1.0, static_cast<double>(p.schedules) / static_cast<double>(st.job.max_schedules())));
    ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), label.c_str());
  }
  if (!st.message.empty()) ImGui::TextWrapped("%s", st.message.c_str());
  ImGui::End();
}

}  // namespace gb::ui
