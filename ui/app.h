// The desktop app: one window, the ImGui bridge, and either the studio (a Go program on the Machine) or the
// hand-stepped coherence demo, with their panels; interactive or one screenshot.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app_options.h"
#include "demo/demo_model.h"
#include "fonts.h"
#include "panels/panels.h"
#include "panels/studio_panels.h"
#include "settings.h"
#include "studio_model.h"

namespace sf {
class RenderWindow;
}

namespace gb::ui {

class App {
 public:
  // The studio opens `program_text` (named `program_file`) unless options.demo_mode.
  App(const AppOptions& options, const std::string& program_file, const std::string& program_text);
  // Runs until the window is closed. Returns the process exit status.
  int run();
  // Renders one settled frame to options.screenshot and returns 0 (2 when the program does not compile, after
  // printing why), or prints why not and returns 1.
  int screenshot();

 private:
  bool open(sf::RenderWindow& window, bool resizable);
  // Starts ImGui's OpenGL2 renderer on `window` and loads fonts and style; false (with a message) on failure.
  bool start_renderer(sf::RenderWindow& window, class ImGuiBridge& bridge);
  // Builds the ImGui frame: keys, panels. Does not render it.
  void build_frame();
  void build_demo_frame();
  void apply_pending_font_change();
  // The fonts' and style's scale: the chosen one, enlarged in presentation mode.
  float effective_ui_scale() const;
  // [SECTION] Settings: read at start (the command line overrides them), written when they change.
  void apply_settings(const Settings& s, const AppOptions& options);
  Settings current_settings() const;
  void save_settings_if_changed(bool force);

  AppOptions options_;
  std::unique_ptr<DemoModel> demo_;      // --demo
  std::unique_ptr<StudioModel> studio_;  // otherwise
  FontSet fonts_;
  UiState ui_;
  StudioUiState studio_ui_;
  class ImGuiBridge* bridge_ = nullptr;
  std::optional<std::filesystem::path> settings_path_;  // none: nothing is remembered
  Settings saved_;                                      // what the file holds now
  double since_save_ = 0.0;                             // seconds since the last check
  std::string startup_error_;  // --lesson that could not open (or lacks --checkpoint's checkpoint)
};

}  // namespace gb::ui
