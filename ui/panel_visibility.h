// Which of the studio's panels show: the View menu's flags, the layout's input, remembered in the settings.
#pragma once

#include "strings.h"

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
  bool runs = true;
  bool operator==(const PanelVisibility&) const = default;
};

// Each panel's name in the settings file, its words in the View menu, and its flag: one table for both.
struct PanelEntry {
  const char* key;
  Str label;
  bool PanelVisibility::*shown;
};
inline constexpr PanelEntry kPanels[] = {
    {"source", Str::PanelSource, &PanelVisibility::source},
    {"scheduler", Str::PanelScheduler, &PanelVisibility::scheduler},
    {"cores", Str::PanelCores, &PanelVisibility::cores},
    {"bus", Str::PanelBus, &PanelVisibility::bus},
    {"output", Str::PanelOutput, &PanelVisibility::output},
    {"timeline", Str::PanelTimeline, &PanelVisibility::timeline},
    {"events", Str::PanelEvents, &PanelVisibility::events},
    {"sync", Str::PanelSync, &PanelVisibility::sync},
    {"stats", Str::PanelStats, &PanelVisibility::stats},
    {"variables", Str::PanelVariables, &PanelVisibility::variables},
    {"runs", Str::PanelRuns, &PanelVisibility::runs},
};

}  // namespace gb::ui
