// The protocol's two tables as ImGui tables with the fired rows highlighted (protocol_tables.h).
#include "protocol_tables.h"

#include <algorithm>
#include <string>

#include "panel_common.h"

namespace gb::ui {

namespace {

bool contains(const std::vector<short>& rows, std::size_t i) {
  return std::find(rows.begin(), rows.end(), static_cast<short>(i)) != rows.end();
}

void why_cell(std::string_view why) {
  const bool bug = why.starts_with("BUG");
  if (bug) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
  ImGui::TextUnformatted(why.data(), why.data() + why.size());
  if (bug) ImGui::PopStyleColor();
  // The column is often narrower than the sentence.
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(why.size()), why.data());
}

}  // namespace

void draw_proc_table(const Protocol& p, const std::vector<short>& fired, bool scroll, float height) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("proc", 6, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("from");
  ImGui::TableSetupColumn("op");
  ImGui::TableSetupColumn("bus");
  ImGui::TableSetupColumn("to");
  ImGui::TableSetupColumn("wb");
  ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.proc_rows.size(); ++i) {
    const ProcRow& row = p.proc_rows[i];
    ImGui::TableNextRow();
    const bool hot = contains(fired, i);
    if (hot) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(kFiredRow));
    if (hot) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(kFiredRow));
    ImGui::TableNextColumn();
    state_cell(row.from);
    if (hot && scroll) ImGui::SetScrollHereY(0.5f);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name(row.op).data());
    ImGui::TableNextColumn();
    if (row.then_if_shared != BusOp::None) {
      ImGui::Text("%s (+%s)", name(row.bus).data(), name(row.then_if_shared).data());
    } else {
      ImGui::TextUnformatted(name(row.bus).data());
    }
    ImGui::TableNextColumn();
    if (row.to_alone == row.to_shared) {
      ImGui::TextUnformatted(name(row.to_alone).data());
    } else {
      ImGui::Text("%s/%s", name(row.to_alone).data(), name(row.to_shared).data());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.writeback ? "yes" : "");
    ImGui::TableNextColumn();
    why_cell(row.why);
  }
  ImGui::EndTable();
}

void draw_snoop_table(const Protocol& p, const std::vector<short>& fired, bool scroll, float height) {
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("snoop", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("from");
  ImGui::TableSetupColumn("snooped");
  ImGui::TableSetupColumn("to");
  ImGui::TableSetupColumn("supply");
  ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  bool scrolled = false;
  for (std::size_t i = 0; i < p.snoop_rows.size(); ++i) {
    const SnoopRow& row = p.snoop_rows[i];
    if (row.from == LineState::I) continue;  // "no copy" rows say nothing
    ImGui::TableNextRow();
    const bool hot = contains(fired, i);
    if (hot) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(kFiredRow));
    if (hot) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(kFiredRow));
    ImGui::TableNextColumn();
    state_cell(row.from);
    if (hot && scroll && !scrolled) {
      ImGui::SetScrollHereY(0.5f);
      scrolled = true;
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name(row.bus).data());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name(row.to).data());
    ImGui::TableNextColumn();
    std::string supply(row.supply == Supply::None ? "" : name(row.supply));
    if (row.memory_takes) supply += supply.empty() ? "mem" : "+mem";
    if (row.take_update) supply += supply.empty() ? "take word" : "+take word";
    ImGui::TextUnformatted(supply.c_str());
    ImGui::TableNextColumn();
    why_cell(row.why);
  }
  ImGui::EndTable();
}

}  // namespace gb::ui
