// The studio's bus panel: the latest transaction animated, the protocol rows that fired, recent transactions
// and the protocol's table; its state is the animation's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "../layout.h"
#include "../studio_model.h"
#include "panel_context.h"

namespace gb::ui {

struct BusPanelState {
  // One transaction's animation (requester -> bus -> snoopers -> data back) lasts this long; presentation
  // mode slows it.
  float animation_seconds = 0.6f;
  float phase = 1.0f;                     // 0..1 through the animation; 1 = at rest, showing the outcome
  std::size_t animated = SIZE_MAX;        // the bus_log() index the animation last started for
  std::uint64_t animated_steps = 0;       // ... and the model's steps_taken() then (a re-step replays it)
  std::uint64_t table_seen = UINT64_MAX;  // scroll the protocol table to the fired rows when they change
  std::string spot_seen;  // a lesson's protocol-row spotlight brings the table's tab forward once ("E PrWr")
  int spot_frames = 0;    // ... over this many more frames
  bool animating() const { return phase < 1.0f; }
};

void draw_studio_bus_panel(const StudioModel& model, BusPanelState& s, const PanelContext& ctx,
                           const Rect& r);

}  // namespace gb::ui
