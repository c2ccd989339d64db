// What the studio remembers between runs (UI scale, language, presentation mode, which panels show, the knobs
// and how it plays), as a TOML file in the user's config directory ($XDG_CONFIG_HOME/gopherbus, else
// ~/.config/gopherbus), never the working directory. No ImGui: loaded and saved headless, and tested so.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "lesson_progress.h"
#include "panel_visibility.h"
#include "strings.h"
#include "studio_model.h"

namespace gb::ui {

struct Settings {
  float scale = 1.0f;         // UI scale: fonts are re-rasterised at it
  bool presentation = false;  // larger fonts, slower animation
  PanelVisibility panels;
  int cache_view = 0;   // the cores panel's view: an index of kCacheViewNames
  int bottom_tab = 0;   // the bottom row's panel: an index of kBottomTabNames
  bool hex_words = false;  // raw memory words in hex (else decimal), everywhere they show
  StudioConfig run;     // the knobs
  double speed = 20.0;  // steps per second when playing by steps
  StepKind play_kind = StepKind::Statement;
  bool play_by_time = false;
  double time_rate = 1'000'000.0;  // simulated ns per second when playing by time
  Lang language = Lang::En;        // the studio's own words (View > Language)
  std::map<std::string, LessonProgress> lessons;  // each lesson's progress and answers, by lesson id
  bool operator==(const Settings&) const = default;
};

// Their names in the file and on the command line (--cache-view, --tab), in the order of CacheView
// (ui/panels/cores_panel.h) and BottomTab (ui/panels/studio_panels.h).
inline constexpr const char* kCacheViewNames[] = {"lines", "grid", "memory"};
inline constexpr const char* kBottomTabNames[] = {"timeline", "events", "sync", "stats", "variables", "runs"};

// The scale fonts are built at: presentation mode enlarges the chosen scale by this.
inline constexpr float kPresentationScale = 1.5f;
// And slows the bus animation by this.
inline constexpr float kPresentationSlowdown = 3.0f;
inline float effective_scale(const Settings& s) {
  return s.scale * (s.presentation ? kPresentationScale : 1.0f);
}

// $XDG_CONFIG_HOME/gopherbus/settings.toml, else $HOME/.config/gopherbus/settings.toml; nullopt when neither
// variable is set (then nothing is remembered).
std::optional<std::filesystem::path> default_settings_path();

struct LoadedSettings {
  Settings settings;    // defaults where the file is missing, unreadable or a value is bad
  std::string warning;  // empty when the file was absent or all of it was good; else what was ignored and why
};
LoadedSettings load_settings(const std::filesystem::path& file);
// The same from the file's text (`name` names it in the warning): what load_settings does once it has read it.
LoadedSettings settings_from_text(std::string_view text, const std::string& name);
// Writes atomically (a temporary file renamed over the old one) and creates the directory. False with
// `error` set on failure.
bool save_settings(const std::filesystem::path& file, const Settings& settings, std::string& error);

}  // namespace gb::ui
