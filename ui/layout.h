// Where each panel goes in the window: a fixed tiling computed from the window size (no ImGui, testable).
#pragma once

namespace gb::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct Layout {
  Rect controls, caches, bus, memory, protocol, log;
};

// `cache_rows` is the number of lines each cache shows (sets x ways): the caches get the height they need.
Layout compute_layout(float width, float height, float scale, int cache_rows);

// The studio (a Go program on the Machine): controls and output down the left, the source and the scheduler
// board across the top, the cores and their caches along the bottom with the channels-and-locks panel and
// the event log beside them.
struct StudioLayout {
  Rect controls, output, source, scheduler, cores;
  Rect sync, events;
};

StudioLayout compute_studio_layout(float width, float height, float scale);

}  // namespace gb::ui
