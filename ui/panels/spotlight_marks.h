// A lesson's spotlight on screen: the frame resolves what the checkpoint names (lessons/spotlight.h) against
// the machine (a variable's cache line), each panel notes where it drew a matching element (a variable's row,
// its line in every cache, a G's badge, a run queue, a channel, a source line, a whole panel), and the frame
// outlines them all on top of everything. Where they were drawn is kept for `--spot-map`, so a test can check
// that the outline's pixels sit where the element is (as the cell map does for cache states).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "lessons/spotlight.h"
#include "sim/machine/machine.h"

namespace gb::ui {

// The spotlight of this frame: the lesson's target and, for a variable, the cache line that holds it.
struct SpotTarget {
  lessons::Spotlight spot;
  std::optional<Addr> line;  // Variable: the first byte of its line (when it lives in memory)
  std::optional<Word> word;  // Mutex: its word address (a local mutex nobody is locking is found this way)
  GId g = kNoG;              // Variable, Mutex: the goroutine whose frame holds it (kNoG: a package variable)
};

// Sets (or clears) the target for the frame being drawn, and forgets the marks of the last one.
void begin_spot_frame(std::optional<SpotTarget> target);
const SpotTarget* spot_target();

// What the panels ask while they draw: does the target name this element?
bool spot_is(lessons::Spotlight::Kind kind, std::string_view name = {}, int number = -1);
bool spot_is_line(Addr line);  // a cache line (the spotlit variable's)
// A panel begun with this ImGui id ("###output") is the target (a Panel spotlight, by the View menu's key).
bool spot_is_panel_id(std::string_view window_id);

// The target was drawn at p0..p1 (screen pixels; clipped to the current window's clip rectangle, nothing
// noted when out of view), or as the last item.
void mark_spot(ImVec2 p0, ImVec2 p1);
void mark_spot_item();

// The outlines of everything marked this frame, drawn last on the foreground draw list.
void draw_spot_outlines(float scale);

struct DrawnSpot {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
// The marks of the frame (for --spot-map; the outline is drawn as ../spot_outline.h says).
std::vector<DrawnSpot> drawn_spots();

}  // namespace gb::ui
