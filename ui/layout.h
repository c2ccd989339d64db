// Where each panel goes in the window: a fixed tiling computed from the window size (no ImGui, testable).
#pragma once

#include "panel_visibility.h"

namespace gb::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct Layout {
  Rect controls, caches, bus, memory, protocol, log;
};

// `cache_rows` is the number of lines each cache shows (sets x ways): the caches get the height they need.
Layout compute_layout(float width, float height, float scale, int cache_rows);

// The studio (a Go program on the Machine), below its menu bar: controls and output down the left; the source
// and the scheduler board across the top; the cores and their caches beside the bus; along the bottom one of
// the timeline, event log, channels and locks, and stats, chosen by the tab strip above it. A hidden panel's
// neighbour takes its room, and a row with nothing to show gives its height to the others.
struct StudioLayout {
  Rect controls, output, source, scheduler, cores, bus;
  Rect tabs;    // the strip that chooses the bottom panel (zero when every bottom panel is hidden)
  Rect bottom;  // the chosen bottom panel's place: timeline, events, sync or stats
};

StudioLayout compute_studio_layout(float width, float height, float scale, const PanelVisibility& show = {},
                                   float menu_height = 0.0f);

// Lesson mode: the lesson panel down the right of the window (about a third of it, at least a readable column
// at the UI scale, at most half), the presenter notes below it when shown; the studio's panels tile the rest.
struct LessonColumn {
  Rect lesson, notes;       // notes: zero when hidden
  float studio_width = 0;   // what is left for the studio's own layout, from x = 0
};
LessonColumn compute_lesson_column(float width, float height, float scale, bool notes, float menu_height = 0.0f);

// What a program uses of the machine, so that presentation mode folds away the panels it has no use for.
struct ProgramUse {
  bool bus = true;     // more than one core: transactions between caches
  bool sync = true;    // it has made a channel or locks a mutex
  bool output = true;  // it has printed something
};

// Presentation mode (a projector, fonts x1.5): the audience reads the source, the scheduler board, every
// core's cache side by side, the bus and one bottom panel at once, and the presenter drives with keys. So
// the controls shrink to a compact column over the source (status, this step's captions, one row of step
// buttons; the knobs fold), the source takes the rest of the left column, the scheduler board shares the top
// row with the bus, the cores get the whole width below them, and the bottom tab row keeps what is left.
// Panels hidden in `show`, or that `use` says the program does not need, give their room to their
// neighbours.
StudioLayout compute_presentation_layout(float width, float height, float scale, const PanelVisibility& show,
                                         const ProgramUse& use, float menu_height = 0.0f);
// The panels presentation mode shows: `show` less what the program does not use.
PanelVisibility presented_panels(const PanelVisibility& show, const ProgramUse& use);

}  // namespace gb::ui
