// The cores and caches panel: per core, buttons to read, write or evict each demo address, and its cache as a
// sets x ways table (line, state in its colour, the data words).
#include <algorithm>

#include <fmt/format.h>

#include "../panels/panel_common.h"
#include "demo_panels.h"

namespace gb::ui {

namespace {

// True when the last step changed this core's copy of `line` (the row to draw the eye to).
bool touched_last(const DemoModel& model, CoreId core, Addr line) {
  const StepRecord* s = model.last_step();
  if (s == nullptr) return false;
  if (s->action.core == core && DemoModel::slot_line(s->action.slot) == line) return true;
  for (std::size_t i = s->first_event; i < s->first_event + s->event_count; ++i) {
    const CoherenceEvent& e = model.events()[i];
    if (e.line != line) continue;
    for (std::uint8_t k = 0; k < e.change_count; ++k)
      if (e.changes[k].core == core) return true;
  }
  return false;
}

void action_buttons(DemoModel& model, CoreId core, float width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float label_w = ImGui::CalcTextSize("Write").x + st.ItemSpacing.x;
  const float bw =
      std::max(24.0f, (width - label_w - DemoModel::kSlots * st.ItemSpacing.x) / DemoModel::kSlots);
  const struct {
    const char* label;
    ActionKind kind;
  } rows[] = {{"Read", ActionKind::Read}, {"Write", ActionKind::Write}, {"Evict", ActionKind::Evict}};
  for (const auto& row : rows) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row.label);
    for (int slot = 0; slot < DemoModel::kSlots; ++slot) {
      ImGui::SameLine(slot == 0 ? label_w : 0.0f);
      const std::string id = fmt::format("{}##{}{}{}", slot_name(slot), row.label, core, slot);
      if (ImGui::Button(id.c_str(), ImVec2(bw, 0))) model.perform({row.kind, core, slot});
      if (ImGui::IsItemHovered()) {
        const Word v = row.kind == ActionKind::Write ? model.next_write_value() : 0;
        ImGui::SetTooltip("%s (address 0x%llx)", describe_action({row.kind, core, slot}, v).c_str(),
                          static_cast<unsigned long long>(DemoModel::slot_addr(slot)));
      }
    }
  }
}

void cache_table(const DemoModel& model, const UiState& ui, CoreId core) {
  const Cache& cache = model.system().cache(core);
  const std::uint32_t words = cache.words_per_line();
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
  push_mono(ui);
  if (ImGui::BeginTable(fmt::format("cache{}", core).c_str(), 4 + static_cast<int>(words), flags)) {
    ImGui::TableSetupColumn("set", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("st", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("lru", ImGuiTableColumnFlags_WidthFixed);
    for (std::uint32_t w = 0; w < words; ++w)
      ImGui::TableSetupColumn(fmt::format("w{}", w).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (std::uint32_t set = 0; set < cache.sets(); ++set) {
      for (std::uint32_t way = 0; way < cache.assoc(); ++way) {
        const int index = static_cast<int>(set * cache.assoc() + way);
        const CacheLine& l = cache.line(index);
        const bool valid = is_valid(l.state);
        ImGui::TableNextRow();
        if (valid && touched_last(model, core, l.tag))
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(90, 80, 30, 255));
        ImGui::TableNextColumn();
        ImGui::Text(cache.assoc() > 1 ? "%u.%u" : "%u", set, way);
        ImGui::TableNextColumn();
        if (valid) {
          const int slot = DemoModel::slot_of_line(l.tag);
          const std::string full =
              fmt::format("{} 0x{:x}", slot >= 0 ? slot_name(slot) : "?", l.tag * DemoModel::kBlockBytes);
          // Four cores leave narrow columns: then the name alone, the address on hover.
          if (ImGui::CalcTextSize(full.c_str()).x <= ImGui::GetContentRegionAvail().x) {
            ImGui::TextUnformatted(full.c_str());
          } else {
            ImGui::TextUnformatted(full.substr(0, full.find(' ')).c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
          }
        } else {
          ImGui::TextDisabled("-");
        }
        ImGui::TableNextColumn();
        cache_state_cell(l.state);
        ImGui::TableNextColumn();
        if (valid) {
          ImGui::Text("%llu", static_cast<unsigned long long>(l.lru));
        } else {
          ImGui::TextDisabled("-");
        }
        for (std::uint32_t w = 0; w < words; ++w) {
          ImGui::TableNextColumn();
          if (valid) {
            ImGui::Text("%llu", static_cast<unsigned long long>(cache.data(index)[w]));
          } else {
            ImGui::TextDisabled("-");
          }
        }
      }
    }
    ImGui::EndTable();
  }
  pop_mono(ui);
}

}  // namespace

void draw_cache_panel(DemoModel& model, UiState& ui, const Rect& r) {
  if (begin_panel("Cores and their L1 caches", r)) {
    const int n = model.system().cores();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float w =
        (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(n - 1)) / static_cast<float>(n);
    for (CoreId c = 0; c < n; ++c) {
      if (c > 0) ImGui::SameLine();
      ImGui::BeginChild(fmt::format("core{}", c).c_str(), ImVec2(w, 0), true);
      const StepRecord* last = model.last_step();
      const bool active = last != nullptr && last->action.core == c;
      ImGui::PushStyleColor(ImGuiCol_Text,
                            active ? to_vec4(kBusActive) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
      ImGui::Text("Core %d", c);
      ImGui::PopStyleColor();
      const CacheStats& s = model.system().stats(c);
      ImGui::SameLine();
      ImGui::TextDisabled("%llu hits, %llu misses",
                          static_cast<unsigned long long>(s.accesses() - s.misses()),
                          static_cast<unsigned long long>(s.misses()));
      action_buttons(model, c, ImGui::GetContentRegionAvail().x);
      ImGui::Spacing();
      cache_table(model, ui, c);
      ImGui::EndChild();
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
