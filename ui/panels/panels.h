// What every panel shares that is not simulation state (fonts, scale, requests to the app), the studio's and the
// demo's (ui/demo/) alike.
#pragma once

#include <cstddef>
#include <string>

#include "../fonts.h"
#include "../layout.h"

namespace gb::ui {

// What the panels share that is not simulation state: view choices and pending requests to the app.
struct UiState {
  FontSet* fonts = nullptr;
  float scale = 1.0f;
  float scale_request = 1.0f;  // the slider's value; applied when the user confirms
  bool rebuild_fonts = false;  // set by the controls panel, done by the app between frames
  std::string config_error;    // the last rejected knob change, shown inline
  std::size_t log_seen_steps = static_cast<std::size_t>(-1);    // scroll the log when the cursor moves
  std::size_t table_seen_steps = static_cast<std::size_t>(-1);  // scroll the protocol table likewise
};


}  // namespace gb::ui
