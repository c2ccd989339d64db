// Which of the studio's panels show: the View menu's flags, the layout's input, remembered in the settings.
#pragma once

namespace gb::ui {

// The panels that can be shown or hidden (the controls always show).
struct PanelVisibility {
  bool source = true;
  bool scheduler = true;
  bool cores = true;
  bool bus = true;
  bool output = true;
  bool timeline = true;
  bool events = true;
  bool sync = true;
  bool stats = true;
  bool operator==(const PanelVisibility&) const = default;
};

}  // namespace gb::ui
