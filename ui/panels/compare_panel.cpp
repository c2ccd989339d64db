// The Compare window and the Runs tab (compare_panel.h): tables of RunSummary rows, the differences computed
// by the model (compare_model.h), coloured here.
#include "compare_panel.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

std::string duration_text(double ns) {
  if (ns >= 1e9) return fmt::format("{:.2f} s", ns / 1e9);
  if (ns >= 1e6) return fmt::format("{:.2f} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.1f} us", ns / 1e3);
  return fmt::format("{:.0f} ns", ns);
}

// A metric's words: bus operations keep their protocol names in every language.
const char* metric_label(CompareMetric m) {
  switch (m) {
    case CompareMetric::BusTotal:
      return tr(Str::MetricBusTotal);
    case CompareMetric::Misses:
      return tr(Str::MetricMisses);
    case CompareMetric::Invalidations:
      return tr(Str::MetricInvalidations);
    case CompareMetric::Time:
      return tr(Str::MetricTime);
    case CompareMetric::Instructions:
      return tr(Str::MetricInstructions);
    case CompareMetric::SemaWait:
      return tr(Str::MetricSemaWait);
    case CompareMetric::LostUpdates:
      return tr(Str::MetricLostUpdates);
    default:
      return metric_name(m).data();
  }
}

bool is_time(CompareMetric m) {
  return m == CompareMetric::Time || m == CompareMetric::SemaWait;
}

std::string metric_text(CompareMetric m, double v) {
  return is_time(m) ? duration_text(v) : fmt::format("{:.0f}", v);
}

const char* arrival_text(CompareStop a) {
  switch (a) {
    case CompareStop::Start:
      return tr(Str::ArrivalStart);
    case CompareStop::Fired:
      return tr(Str::ArrivalFired);
    case CompareStop::Ended:
      return tr(Str::ArrivalEnded);
    case CompareStop::NotYet:
      return tr(Str::ArrivalNotYet);
    case CompareStop::Stepped:
      return tr(Str::ArrivalStepped);
  }
  return "";
}

// A count coloured against another: more is worse (the lost-update colour), fewer better.
void cell(const std::string& text, double v, std::optional<double> other) {
  if (other && v > *other)
    text_coloured(kLostUpdate, text.c_str());
  else if (other && v < *other)
    text_coloured(kOkText, text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
}

void compare_table(CompareModel& c, const PanelContext& ctx) {
  const std::array<RunSummary, 2> s = c.summaries();
  const std::vector<CompareRow> rows = compare_rows(s[0], s[1]);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##compare", 4, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::CompareMetric), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  const std::string a = fmt::format("A: {}", c.preset().a.label),
                    b = fmt::format("B: {}", c.preset().b.label);
  ImGui::TableSetupColumn(a.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(b.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr(Str::CompareRatio), ImGuiTableColumnFlags_WidthStretch, 0.45f);
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(tr(Str::MetricConfig));
  for (int i = 0; i < 2; ++i) {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", s[static_cast<std::size_t>(i)].config_words().c_str());
  }
  ImGui::TableNextColumn();
  push_mono(ctx.common);
  for (const CompareRow& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    pop_mono(ctx.common);
    ImGui::TextUnformatted(metric_label(r.metric));
    push_mono(ctx.common);
    ImGui::TableNextColumn();
    cell(metric_text(r.metric, r.a), r.a, r.b);
    ImGui::TableNextColumn();
    cell(metric_text(r.metric, r.b), r.b, r.a);
    ImGui::TableNextColumn();
    if (r.ratio)
      ImGui::Text("x%.2f", *r.ratio);
    else
      ImGui::TextDisabled("-");
  }
  pop_mono(ctx.common);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(tr(Str::MetricEnding));
  for (int i = 0; i < 2; ++i) {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", s[static_cast<std::size_t>(i)].ending().c_str());
  }
  ImGui::TableNextColumn();
  ImGui::EndTable();
}

}  // namespace

std::vector<ComparePreset> pairs_on_offer(const StudioModel& studio, const ComparePanelState& st) {
  std::vector<ComparePreset> out = st.lesson_pairs;
  for (ComparePreset& p : compare_presets(studio.config(), studio.knobs())) out.push_back(std::move(p));
  return out;
}

bool make_compare(const StudioModel& studio, ComparePanelState& st) {
  st.compare.reset();
  st.error.clear();
  const std::vector<ComparePreset> presets = pairs_on_offer(studio, st);
  std::optional<ComparePreset> p =
      st.preset_id.empty() && !presets.empty() ? presets.front() : find_preset(presets, st.preset_id);
  if (!p) {
    st.error = fmt::format("no pair `{}` for this program", st.preset_id);
    return false;
  }
  st.preset_id = p->id;
  st.made_config = studio.config();
  st.compare = std::make_unique<CompareModel>(studio.file(), studio.text(), std::move(*p));
  if (!st.compare->ok()) st.error = st.compare->error();
  return st.compare->ok();
}

void draw_compare_window(const StudioModel& studio, ComparePanelState& st, const PanelContext& ctx,
                         const Rect& area) {
  if (!st.open) return;
  if (!studio.loaded()) {
    st.open = false;
    return;
  }
  if (!st.compare && st.error.empty()) make_compare(studio, st);
  const float s = ctx.common.scale;
  const float w = std::min(area.w * 0.9f, std::max(area.w * 0.55f, 640.0f * s));
  const float h = std::min(area.h * 0.9f, std::max(area.h * 0.65f, 460.0f * s));
  ImGui::SetNextWindowPos(ImVec2(area.x + (area.w - w) * 0.5f, area.y + (area.h - h) * 0.5f),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Appearing);
  if (!ImGui::Begin(tr(Str::TitleCompare), &st.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  // The pair.
  const std::vector<ComparePreset> presets = pairs_on_offer(studio, st);
  const std::string current = st.compare ? st.compare->preset().title() : std::string("-");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
  if (ImGui::BeginCombo(tr(Str::ComparePair), current.c_str())) {
    for (const ComparePreset& p : presets) {
      if (ImGui::Selectable(p.title().c_str(), st.compare && p.id == st.compare->preset().id)) {
        st.preset_id = p.id;
        make_compare(studio, st);
      }
    }
    ImGui::EndCombo();
  }
  const bool stale =
      st.compare && (st.compare->text() != studio.text() || !(st.made_config == studio.config()));
  if (stale) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::CompareReload))) make_compare(studio, st);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(Str::CompareStale));
  }
  CompareModel* c = st.compare.get();
  if (c != nullptr && c->ok()) {
    // Step both: to a condition, to the end, by statements; or back to the start.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Str::CompareStepTo));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const bool enter =
        ImGui::InputText("##until", st.condition, sizeof st.condition, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::CompareStepToTip));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::CompareGo)) || enter) {
      st.error.clear();
      c->run_until(st.condition, st.error);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::CompareToEnd))) c->run_to_end();
    if (ImGui::Button(tr(Str::CompareStep))) c->step(StepKind::Statement, st.steps);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::InputInt("##n", &st.steps);
    st.steps = std::clamp(st.steps, 1, 100000);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(Str::CompareStatements));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::CompareRestart))) c->restart();
    if (c->same_point())
      text_coloured(kOkText, tr(Str::CompareSamePoint));
    else
      text_coloured(
          kLostUpdate,
          trf(Str::CompareNotSame, arrival_text(c->arrival(0)), arrival_text(c->arrival(1))).c_str());
  }
  if (!st.error.empty()) text_coloured(kViolationText, st.error.c_str());
  if (c != nullptr && c->ok()) {
    ImGui::TextDisabled("%s", tr(Str::CompareRatioTip));
    compare_table(*c, ctx);
  }
  ImGui::End();
}

void draw_runs_panel(const StudioModel& model, RunsPanelState& st, const PanelContext& ctx, const Rect& r) {
  if (begin_panel(tr(Str::TitleRuns), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      if (ImGui::SmallButton(tr(Str::RunsClear))) st.history.clear();
      ImGui::SameLine();
      ImGui::TextDisabled("%s", st.history.rows().empty() ? tr(Str::RunsNone) : tr(Str::RunsHint));
      std::vector<RunSummary> rows(st.history.rows().begin(), st.history.rows().end());
      rows.push_back(st.history.live(model));
      constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX |
                                        ImGuiTableFlags_ScrollY;
      constexpr int kColumns = 13;
      if (ImGui::BeginTable("##runs", kColumns, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("#");
        ImGui::TableSetupColumn(tr(Str::RunsChanged));
        ImGui::TableSetupColumn("BusRd");
        ImGui::TableSetupColumn("BusRdX");
        ImGui::TableSetupColumn("BusUpgr");
        ImGui::TableSetupColumn("Flush");
        ImGui::TableSetupColumn(tr(Str::MetricMisses));
        ImGui::TableSetupColumn(tr(Str::MetricTime));
        ImGui::TableSetupColumn(tr(Str::MetricSemaWait));
        ImGui::TableSetupColumn(tr(Str::MetricLostUpdates));
        ImGui::TableSetupColumn(tr(Str::MetricInstructions));
        ImGui::TableSetupColumn(tr(Str::MetricEnding));
        ImGui::TableSetupColumn(tr(Str::MetricConfig));
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < rows.size(); ++i) {
          const RunSummary& row = rows[i];
          const RunSummary* prev = i > 0 ? &rows[i - 1] : nullptr;
          const bool live = i + 1 == rows.size();
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          if (live)
            text_coloured(kBusActive, tr(Str::RunsNow));
          else
            ImGui::Text("%zu", i + 1);
          ImGui::TableNextColumn();
          // What this run changed from the one above: the knob a presenter just turned.
          const std::string change = prev ? config_change(*prev, row) : row.config_words();
          if (prev && change.empty())
            ImGui::TextDisabled("%s", tr(Str::RunsRestart));
          else
            text_coloured(prev ? kBusActive : Rgb{200, 200, 200}, change.c_str());
          push_mono(ctx.common);
          const auto number = [&](double v, double (*get)(const RunSummary&), bool time) {
            ImGui::TableNextColumn();
            cell(time ? duration_text(v) : fmt::format("{:.0f}", v), v,
                 prev ? std::optional<double>(get(*prev)) : std::nullopt);
          };
          using R = const RunSummary&;
          number(
              static_cast<double>(row.bus_rd), [](R x) { return static_cast<double>(x.bus_rd); }, false);
          number(
              static_cast<double>(row.bus_rdx), [](R x) { return static_cast<double>(x.bus_rdx); }, false);
          number(
              static_cast<double>(row.bus_upgr), [](R x) { return static_cast<double>(x.bus_upgr); }, false);
          number(
              static_cast<double>(row.flushes), [](R x) { return static_cast<double>(x.flushes); }, false);
          number(
              static_cast<double>(row.misses), [](R x) { return static_cast<double>(x.misses); }, false);
          number(
              static_cast<double>(row.time_ns), [](R x) { return static_cast<double>(x.time_ns); }, true);
          number(
              static_cast<double>(row.sema_wait_ns), [](R x) { return static_cast<double>(x.sema_wait_ns); },
              true);
          number(
              static_cast<double>(row.lost_updates), [](R x) { return static_cast<double>(x.lost_updates); },
              false);
          ImGui::TableNextColumn();
          ImGui::Text("%llu", static_cast<unsigned long long>(row.instructions));
          pop_mono(ctx.common);
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(row.ending().c_str());
          ImGui::TableNextColumn();
          ImGui::TextDisabled("%s", row.config_words().c_str());
        }
        ImGui::EndTable();
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
