// The stats panel: hits, misses, bus transactions by kind and invalidations per core and in total, the time
// lost waiting (semaphores, the bus), payments per second for the payment workload, and small plots over
// simulated time.
#include "stats_panel.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

std::string ns_text(double ns) {
  if (ns >= 1e9) return fmt::format("{:.2f} s", ns / 1e9);
  if (ns >= 1e6) return fmt::format("{:.2f} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.1f} us", ns / 1e3);
  return fmt::format("{:.0f} ns", ns);
}

std::string bytes_text(std::uint64_t b) {
  if (b >= (1u << 20)) return fmt::format("{:.1f} MB", static_cast<double>(b) / (1 << 20));
  if (b >= (1u << 10)) return fmt::format("{:.1f} KB", static_cast<double>(b) / (1 << 10));
  return fmt::format("{} B", b);
}

void counters(const StatsTotals& t, const PanelContext& ctx, float max_height, bool dragon) {
  const int n = static_cast<int>(t.per_core.size());
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX |
                                    ImGuiTableFlags_ScrollY;
  push_mono(ctx.common);
  // Rows without vertical padding in presentation mode, so the whole table fits a projector's bottom row.
  if (ctx.presentation)
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetStyle().CellPadding.x, 0.0f));
  // The table's own height (in its font): a header and nine rows (eight without BusUpd), or what the panel has.
  const float row_h = ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().CellPadding.y;
  const float rows_h = std::min(max_height, row_h * (dragon ? 10.0f : 9.0f) + 4.0f);
  if (ImGui::BeginTable("counters", 2 + n, flags, ImVec2(0, rows_h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("total");
    for (int c = 0; c < n; ++c) ImGui::TableSetupColumn(fmt::format("c{}", c).c_str());
    ImGui::TableHeadersRow();
    const struct {
      const char* label;
      std::uint64_t (*get)(const CacheStats&);
      const char* help;
    } rows[] = {
        {"hits", [](const CacheStats& s) { return s.accesses() - s.misses(); },
         "loads and stores the cache served"},
        {"misses", [](const CacheStats& s) { return s.misses(); }, "read and write misses: a line fill"},
        {"BusRd", [](const CacheStats& s) { return s.bus_rd; }, "read requests this cache put on the bus"},
        {"BusRdX", [](const CacheStats& s) { return s.bus_rdx; }, "read-for-ownership requests"},
        {"BusUpgr", [](const CacheStats& s) { return s.bus_upgr; }, "S -> M upgrades (no data moves)"},
        {"BusUpd", [](const CacheStats& s) { return s.bus_upd; }, "Dragon's word updates"},
        {"invalidated", [](const CacheStats& s) { return s.invalidations; },
         "this cache's valid copy went to I on another core's request"},
        {"c2c", [](const CacheStats& s) { return s.c2c_transfers; },
         "lines this cache got from a peer cache"},
        {"writebacks", [](const CacheStats& s) { return s.writebacks; }, "dirty lines written to memory"},
    };
    for (const auto& row : rows) {
      // Only Dragon updates words on the bus: elsewhere the row is always 0 and costs a projector a line.
      if (!dragon && std::string_view(row.label) == "BusUpd") continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.label);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.help);
      ImGui::TableNextColumn();
      ImGui::Text("%llu", static_cast<unsigned long long>(row.get(t.total)));
      for (const CacheStats& s : t.per_core) {
        ImGui::TableNextColumn();
        const std::uint64_t v = row.get(s);
        if (v == 0)
          ImGui::TextDisabled("0");
        else
          ImGui::Text("%llu", static_cast<unsigned long long>(v));
      }
    }
    ImGui::EndTable();
  }
  if (ctx.presentation) ImGui::PopStyleVar();
  pop_mono(ctx.common);
}

void plot(const char* label, const std::vector<float>& v, Rgb colour, bool histogram, float height,
          const char* unit) {
  float top = 1.0f;
  float sum = 0.0f;
  for (float x : v) {
    top = std::max(top, x);
    sum += x;
  }
  ImGui::Text("%s", label);
  ImGui::SameLine();
  ImGui::TextDisabled(histogram ? "(peak %.0f, %.0f in all)" : "(peak %.0f)", static_cast<double>(top),
                      static_cast<double>(sum));
  ImGui::PushStyleColor(histogram ? ImGuiCol_PlotHistogram : ImGuiCol_PlotLines, to_vec4(colour));
  const int count = static_cast<int>(v.size());
  const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
  const std::string id = fmt::format("##{}", label);
  if (histogram) {
    ImGui::PlotHistogram(id.c_str(), v.data(), count, 0, nullptr, 0.0f, top * 1.1f, size);
  } else {
    ImGui::PlotLines(id.c_str(), v.data(), count, 0, nullptr, 0.0f, top * 1.1f, size);
  }
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", label, unit);
}

}  // namespace

void draw_stats_panel(const StudioModel& model, StatsPanelState& st, const PanelContext& ctx, const Rect& r) {
  if (begin_panel(tr(Str::TitleStats), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      st.cache.update(model);
      const StatsTotals t = stats_totals(model);
      auto summary = [&] {
        ImGui::TextUnformatted(trf(Str::StatsSummary, t.hits(), t.total.misses(), t.bus_transactions).c_str());
        ImGui::SameLine();
        if (t.lost_updates > 0)
          text_coloured(kLostUpdate, trf(Str::StatsLostUpdates, t.lost_updates).c_str());
        else
          ImGui::TextDisabled("| no lost updates");
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("a goroutine stored a value computed from a stale load over another goroutine's store");
      };
      // A wide panel puts the counters, at their full height, beside the summary, the waits and the plots; a
      // narrow one stacks them.
      const bool dragon = model.config().protocol == ProtocolKind::Dragon;
      const bool wide = ImGui::GetContentRegionAvail().x > 700.0f * ctx.common.scale;
      if (!wide) summary();
      if (wide) {
        ImGui::BeginTable("##statscols", 2, ImGuiTableFlags_SizingStretchProp, ImGui::GetContentRegionAvail());
        ImGui::TableSetupColumn("counters", ImGuiTableColumnFlags_WidthStretch, 0.42f);
        ImGui::TableSetupColumn("plots", ImGuiTableColumnFlags_WidthStretch, 0.58f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        counters(t, ctx, ImGui::GetContentRegionAvail().y, dragon);
        ImGui::TableNextColumn();
        summary();
      } else {
        counters(t, ctx, ImGui::GetContentRegionAvail().y * 0.34f, dragon);
      }
      ImGui::Text("semaphore wait %s", ns_text(static_cast<double>(st.cache.sema_wait_ns())).c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "time goroutines spent parked on a runtime semaphore (semacquire, %llu parks): sync.Mutex's slow "
            "path and WaitGroup.Wait alike, so it is not lock wait (an atomic counter waits only in Wait)",
            static_cast<unsigned long long>(st.cache.sema_parks()));
      ImGui::SameLine();
      ImGui::TextDisabled("| bus wait %s", ns_text(static_cast<double>(t.bus_wait_ns)).c_str());
      if (t.gc_cycles > 0) {  // only a program that collected: the others keep the plots' room
        ImGui::Text("GC: %u cycles, paused %s", t.gc_cycles, ns_text(static_cast<double>(t.gc_pause_ns)).c_str());
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("garbage-collection cycles finished, and the stop-the-world time they took in all (no "
                            "goroutine ran on any core meanwhile)");
        ImGui::SameLine();
        ImGui::TextDisabled("| heap %s of goal %s", bytes_text(t.heap_live_bytes).c_str(),
                            t.heap_goal_bytes == UINT64_MAX ? "off" : bytes_text(t.heap_goal_bytes).c_str());
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("the live heap in Go's sizes, and the pacer's goal: the next cycle should end by then "
                            "(GOGC)");
      }
      if (t.payments) {
        if (t.payments_per_second) {
          ImGui::Text("payments: %llu sent, %.0f/s", static_cast<unsigned long long>(*t.payments),
                      *t.payments_per_second);
        } else {
          ImGui::Text("payments: %llu sent", static_cast<unsigned long long>(*t.payments));
        }
      }
      const StatsSeries& s = st.cache.series();
      const std::string unit =
          fmt::format("per {} of simulated time", ns_text(static_cast<double>(s.bucket_ns)));
      ImGui::TextDisabled("over simulated time, %s a bar%s",
                          ns_text(static_cast<double>(s.bucket_ns)).c_str(),
                          st.cache.complete() ? "" : " (catching up...)");
      // Up to four plots share what height is left, each with its caption line; as many as fit at a readable
      // height are drawn (a short panel, e.g. on a projector, keeps the first ones).
      const float caption = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
      const float min_h = 16.0f * ctx.common.scale;
      const float left = ImGui::GetContentRegionAvail().y - 2.0f * ImGui::GetStyle().WindowPadding.y;
      const int fit = std::clamp(static_cast<int>(left / (caption + min_h + 2.0f)), wide ? 0 : 4, 4);
      const float h = fit == 0 ? min_h : std::max(min_h, (left - static_cast<float>(fit) * caption) / static_cast<float>(fit) - 2.0f);
      if (fit > 0) plot("bus transactions", s.bus, kBusActive, true, h, unit.c_str());
      if (fit > 1) plot("invalidations", s.invalidations, Rgb{235, 95, 85}, true, h, unit.c_str());
      if (fit > 2) plot("misses", s.misses, Rgb{235, 130, 90}, true, h, unit.c_str());
      if (fit > 3)
        plot("runnable Gs", s.to_present(s.runnable, s.last_runnable), Rgb{120, 200, 80}, false, h,
             "waiting for a P (most in the bar)");
      if (wide) ImGui::EndTable();
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
