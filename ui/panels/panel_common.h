// Small drawing helpers the panels share: fixed windows, state chips, monospace text.
#pragma once

#include <vector>

#include <imgui.h>

#include "../layout.h"
#include "../theme.h"
#include "panels.h"

namespace gb::ui {

// Begins a titled window covering `r`; always pair with ImGui::End(). Fixed by default (the demo); see
// set_panel_placement.
bool begin_panel(const char* title, const Rect& r);
// How begin_panel places windows from now on: fixed at their rectangles, or movable and resizable by the
// user, put at their rectangles when first shown and whenever `apply` (the studio's reset layout, a window
// resize, a panel shown or hidden).
void set_panel_placement(bool movable, bool apply);
// While set, begin_panel's windows have no title bar: a panel under a tab strip that names it already (the
// studio's bottom row in presentation mode, where every line of height counts).
void set_panel_untitled(bool untitled);
// Fills the current table cell with the state's colour and writes its name centred in white.
void state_cell(LineState s);
// state_cell for a cache line's state; also noted for the screenshot's cell map when one is being kept.
void cache_state_cell(LineState s);
// Where a cache line's state was drawn (screen pixels, clipped to what is visible) and which state: the map
// `gopherbus --screenshot --cell-map` writes so a test can check each cell's pixels.
struct DrawnCell {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  LineState state = LineState::I;
};
// Cells drawn from now on are appended to `sink` (null: none are kept).
void keep_drawn_cells(std::vector<DrawnCell>* sink);
// Notes that a cache line's state was drawn as the rectangle p0..p1 (screen pixels) in the current window,
// when a cell map is being kept; the part outside the window's clip rectangle is left out. For cells drawn
// with the draw list (the cores panel's grid); cache_state_cell notes its own.
void note_drawn_cell(ImVec2 p0, ImVec2 p1, LineState s);
// A small coloured box with the state's name, inline in text.
void state_chip(LineState s);
void push_mono(const UiState& ui);
void pop_mono(const UiState& ui);
void text_coloured(Rgb c, const char* text);
// A goroutine's id ("G6") in a box of its colour, inline; `filled` for a running G, outlined otherwise.
void g_chip(int g, bool filled = true);
// The same chip drawn at `p` without a layout item; returns its width.
float draw_g_chip(ImDrawList* dl, ImVec2 p, int g, bool filled);
// The width g_chip takes for `g` (to lay out rows of chips).
float g_chip_width(int g);

}  // namespace gb::ui
