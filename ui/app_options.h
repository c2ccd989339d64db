// Command-line options of the desktop app, parsed without any window so they can be tested headless.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "demo_model.h"

namespace gb::ui {

struct AppOptions {
  bool help = false;
  std::optional<std::string> screenshot;  // render one frame to this PNG and exit
  unsigned width = 1440;
  unsigned height = 900;
  std::optional<std::size_t> steps;  // demo steps applied before the first frame (default kOpeningSteps)
  float scale = 1.0f;                // UI scale: font size and spacing
  std::string font;                  // empty = the Noto CJK font if installed
  DemoConfig demo;
};

struct OptionsError {
  std::string message;  // one line, for stderr
};

std::variant<AppOptions, OptionsError> parse_options(const std::vector<std::string>& args);
std::string usage();

}  // namespace gb::ui
