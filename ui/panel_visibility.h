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
  bool variables = true;
  bool operator==(const PanelVisibility&) const = default;
};

// Each panel's name in the settings file, its words in the View menu, and its flag: one table for both.
struct PanelEntry {
  const char* key;
  const char* label;
  bool PanelVisibility::*shown;
};
inline constexpr PanelEntry kPanels[] = {
    {"source", "Source", &PanelVisibility::source},
    {"scheduler", "Scheduler board", &PanelVisibility::scheduler},
    {"cores", "Cores and caches", &PanelVisibility::cores},
    {"bus", "Bus", &PanelVisibility::bus},
    {"output", "Output", &PanelVisibility::output},
    {"timeline", "Timeline", &PanelVisibility::timeline},
    {"events", "Event log", &PanelVisibility::events},
    {"sync", "Channels and locks", &PanelVisibility::sync},
    {"stats", "Stats", &PanelVisibility::stats},
    {"variables", "Variables", &PanelVisibility::variables},
};

}  // namespace gb::ui
