// What the studio's frame gives its panels besides each panel's own state: the fonts and scale every panel
// shares, and whether the studio is in presentation mode.
#pragma once

#include "panels.h"

namespace gb::ui {

struct PanelContext {
  const UiState& common;      // fonts and UI scale (shared with the demo's panels)
  bool presentation = false;  // on a projector: larger fonts, fewer rows, slower animation
};

}  // namespace gb::ui
