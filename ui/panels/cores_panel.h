// The cores and caches panel: each core's M, P and G and its L1 cache; its state is how the caches are shown.
#pragma once

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

// How the panel shows the caches: each core's valid lines as a list, each core's whole cache as a sets x ways
// grid of state squares, or memory's copy of every line a cache holds (stale ones greyed).
struct CacheView {
  enum : int { Lines, Grid, Memory };
};

struct CoresPanelState {
  int cache_view = CacheView::Lines;
  bool hex_words = false;  // raw memory words in hex, else decimal (View > Hex words, H)
};

// `bus_panel_shown`: the View menu shows the bus panel (in presentation mode it then tells the last
// transaction, and this panel leaves the line to the caches).
void draw_cores_panel(const StudioModel& model, CoresPanelState& s, const PanelContext& ctx,
                      bool bus_panel_shown, const Rect& r);

}  // namespace gb::ui
