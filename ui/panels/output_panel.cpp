// The output panel: the program's stdout, then its stderr in red (panics, fatal errors), and how it ended.
#include "output_panel.h"

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

void draw_output_panel(const StudioModel& model, OutputPanelState& s, const PanelContext& ctx,
                       const Rect& r) {
  if (begin_panel(tr(Str::TitleOutput), r)) {
    ImGui::BeginChild("##out", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    push_mono(ctx.common);
    const std::string_view out = model.stdout_text();
    const std::string_view err = model.stderr_text();
    if (out.empty() && err.empty()) ImGui::TextDisabled("%s", tr(Str::OutputNothing));
    if (!out.empty()) ImGui::TextUnformatted(out.data(), out.data() + out.size());
    if (!err.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kViolationText));
      ImGui::TextUnformatted(err.data(), err.data() + err.size());
      ImGui::PopStyleColor();
    }
    if (const auto code = model.exit_code()) {
      const std::string end = fmt::format("[exit status {}]", *code);
      if (*code == 0) {
        text_coloured(kOkText, end.c_str());
      } else {
        text_coloured(kViolationText, end.c_str());
      }
    }
    pop_mono(ctx.common);
    // Follow the output as it grows, like a terminal.
    const std::size_t size = out.size() + err.size() + (model.exit_code() ? 1 : 0);
    if (size != s.seen) {
      s.seen = size;
      ImGui::SetScrollHereY(1.0f);
    }
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace gb::ui
