// The memory panel: the demo's lines as memory holds them; a line a dirty owner has overtaken is drawn grey.
#include <fmt/format.h>

#include "../panels/panel_common.h"
#include "demo_panels.h"

namespace gb::ui {

void draw_memory_panel(const DemoModel& model, UiState& ui, const Rect& r) {
  if (begin_panel("Memory", r)) {
    const MemorySystem& m = model.system();
    const std::uint32_t words = m.memory().words_per_line();
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    push_mono(ui);
    if (ImGui::BeginTable("memory", 3 + static_cast<int>(words), flags)) {
      ImGui::TableSetupColumn("addr", ImGuiTableColumnFlags_WidthStretch, 1.6f);
      for (std::uint32_t w = 0; w < words; ++w)
        ImGui::TableSetupColumn(fmt::format("w{}", w).c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
      ImGui::TableSetupColumn("owner", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableHeadersRow();
      for (int slot = 0; slot < DemoModel::kSlots; ++slot) {
        const Addr line = DemoModel::slot_line(slot);
        const bool stale = model.memory_stale(line);
        const auto owner = model.owner_of(line);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s 0x%llx", slot_name(slot).c_str(),
                    static_cast<unsigned long long>(DemoModel::slot_addr(slot)));
        for (std::uint32_t w = 0; w < words; ++w) {
          ImGui::TableNextColumn();
          const std::string v = fmt::format("{}", m.memory().read_word(line, w));
          if (stale) {
            text_coloured(kStaleText, v.c_str());
          } else {
            ImGui::TextUnformatted(v.c_str());
          }
        }
        ImGui::TableNextColumn();
        if (owner) {
          ImGui::Text("core %d", *owner);
          ImGui::SameLine();
          state_chip(m.state_of(*owner, line));
        } else {
          ImGui::TextDisabled("-");
        }
        ImGui::TableNextColumn();
        if (stale) {
          text_coloured(kStaleText, "stale");
        } else {
          ImGui::TextUnformatted("up to date");
        }
      }
      ImGui::EndTable();
    }
    pop_mono(ui);
    ImGui::TextDisabled("Grey words are stale: a cache owns a newer copy.");
  }
  ImGui::End();
}

}  // namespace gb::ui
