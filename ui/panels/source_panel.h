// The source panel: the program with its breakpoint gutter and each goroutine's line, or an editor of its
// text; its state is where it last followed the machine and the editor's text.
#pragma once

#include <cstdint>
#include <string>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct SourcePanelState {
  std::uint64_t seen_steps = UINT64_MAX;  // the machine's steps_taken() when the panel last followed it
  bool scroll_pending = false;            // bring the current statement into view as soon as the panel can
  bool editing = false;                   // the panel is an editor
  std::string edit_text;                  // the editor's text (the program is replaced only by Run)
  // Right-clicking a line's gutter asks for a condition for a breakpoint there (Session's conditional ones).
  std::uint32_t condition_line = 0;       // the line asked about (0: the popup is closed)
  bool open_condition = false;            // open the popup this frame
  char condition[160] = {};
  std::string condition_error;
};

// Where the machine is now (its steps_taken()): when it moved (a step, a jump, a restart, another program),
// the panel brings the current statement into view once it is drawn.
inline void follow_machine(SourcePanelState& s, std::uint64_t steps_taken) {
  if (s.seen_steps == steps_taken) return;
  s.seen_steps = steps_taken;
  s.scroll_pending = true;
}

// Turns the panel into an editor of the current program's text.
void start_editing(const StudioModel& model, SourcePanelState& s);
void draw_source_panel(StudioModel& model, SourcePanelState& s, const PanelContext& ctx, const Rect& r);

}  // namespace gb::ui
