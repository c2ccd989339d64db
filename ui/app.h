// The desktop app: one window, the ImGui bridge, the demo model and its panels; interactive or one
// screenshot.
#pragma once

#include <string>

#include "app_options.h"
#include "demo_model.h"
#include "fonts.h"
#include "panels/panels.h"

namespace sf {
class RenderWindow;
}

namespace gb::ui {

class App {
 public:
  explicit App(const AppOptions& options);
  // Runs until the window is closed. Returns the process exit status.
  int run();
  // Renders one settled frame to options.screenshot and returns 0, or prints why not and returns 1.
  int screenshot();

 private:
  bool open(sf::RenderWindow& window, bool resizable);
  // Starts ImGui's OpenGL2 renderer on `window` and loads fonts and style; false (with a message) on failure.
  bool start_renderer(sf::RenderWindow& window, class ImGuiBridge& bridge);
  // Builds the ImGui frame: keys, panels. Does not render it.
  void build_frame();
  void apply_pending_font_change();

  AppOptions options_;
  DemoModel model_;
  FontSet fonts_;
  UiState ui_;
  class ImGuiBridge* bridge_ = nullptr;
};

}  // namespace gb::ui
