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

}  // namespace gb::ui
