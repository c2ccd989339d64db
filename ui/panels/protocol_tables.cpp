// The protocol's two tables as ImGui tables with the fired rows highlighted (protocol_tables.h).
#include "protocol_tables.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "panel_common.h"
#include "spotlight_marks.h"

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

// A spotlit row is scrolled to for a few frames after the spotlight changes (a table measures its rows the
// frame it first draws them, and a scroll asked before that is lost), then left to the reader.
struct SpotScroll {
  std::string key;
  int frames = 0;
};
SpotScroll s_proc_seen, s_snoop_seen;
bool spot_scroll(SpotScroll& seen) {
  const lessons::Spotlight& now = spot_target()->spot;
  const std::string key = now.name + " " + now.event;
  if (seen.key != key) {
    seen.key = key;
    seen.frames = 4;
  }
  if (seen.frames <= 0) return false;
  --seen.frames;
  return true;
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
    const ImVec2 row_min = ImGui::GetItemRectMin();
    const bool spot = spot_is(lessons::Spotlight::Kind::ProtocolRow, name(row.from)) &&
                      spot_target()->spot.event == name(row.op);
    if ((hot && scroll) || (spot && spot_scroll(s_proc_seen))) ImGui::SetScrollHereY(0.5f);
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
    if (spot) mark_spot(row_min, ImGui::GetItemRectMax());
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
    const ImVec2 row_min = ImGui::GetItemRectMin();
    const bool spot = spot_is(lessons::Spotlight::Kind::ProtocolRow, name(row.from)) &&
                      spot_target()->spot.event == name(row.bus);
    if (spot && spot_scroll(s_snoop_seen)) ImGui::SetScrollHereY(0.5f);
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
    if (spot) mark_spot(row_min, ImGui::GetItemRectMax());
  }
  ImGui::EndTable();
}

void draw_spotlit_row(const Protocol& p) {
  const SpotTarget* t = spot_target();
  if (t == nullptr || t->spot.kind != lessons::Spotlight::Kind::ProtocolRow) return;
  std::string text;
  LineState from = LineState::I;
  for (const ProcRow& row : p.proc_rows)
    if (name(row.from) == t->spot.name && name(row.op) == t->spot.event) {
      from = row.from;
      text = fmt::format("{} -> {}{}{}: {}", name(row.op),
                         row.to_alone == row.to_shared ? std::string(name(row.to_alone))
                                                       : fmt::format("{}/{}", name(row.to_alone), name(row.to_shared)),
                         row.bus == BusOp::None ? "" : ", ", row.bus == BusOp::None ? "" : name(row.bus), row.why);
    }
  for (const SnoopRow& row : p.snoop_rows)
    if (text.empty() && name(row.from) == t->spot.name && name(row.bus) == t->spot.event) {
      from = row.from;
      text = fmt::format("{} -> {}: {}", name(row.bus), name(row.to), row.why);
    }
  if (text.empty()) return;
  ImGui::BeginGroup();
  state_chip(from);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::EndGroup();
  mark_spot_item();
}

}  // namespace gb::ui
