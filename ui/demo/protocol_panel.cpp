// The protocol panel: the processor-side and snoop-side tables the engine executes; the rows the last step
// fired are highlighted (a protocol is data, so the table on screen is exactly what ran).
#include <fmt/format.h>

#include "../panels/panel_common.h"
#include "demo_panels.h"
#include "../panels/protocol_tables.h"

namespace gb::ui {

void draw_protocol_panel(const DemoModel& model, UiState& ui, const Rect& r) {
  const Protocol& p = model.system().protocol();
  const std::string title = fmt::format("Protocol table: {}###protocol", p.name);
  if (begin_panel(title.c_str(), r)) {
    static const std::vector<short> none;
    const StepRecord* last = model.last_step();
    const bool scroll = ui.table_seen_steps != model.cursor();
    ui.table_seen_steps = model.cursor();
    // Two captions and two tables share the height exactly, so the panel itself never scrolls.
    const float caption = ImGui::GetTextLineHeightWithSpacing();
    const float avail = ImGui::GetContentRegionAvail().y - 2 * caption - ImGui::GetStyle().ItemSpacing.y;
    ImGui::TextUnformatted("Processor side: what a cache does on its own core's request");
    draw_proc_table(p, last ? last->proc_rows : none, scroll, avail * 0.5f);
    ImGui::TextUnformatted("Snoop side: what the other caches do on a bus request");
    draw_snoop_table(p, last ? last->snoop_rows : none, scroll, avail * 0.5f);
  }
  ImGui::End();
}

}  // namespace gb::ui
