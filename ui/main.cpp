// gopherbus: the desktop app. Parses the options, then runs the window or renders one screenshot.
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "app.h"
#include "app_options.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = gb::ui::parse_options(args);
  if (const auto* err = std::get_if<gb::ui::OptionsError>(&parsed)) {
    std::fprintf(stderr, "gopherbus: %s\n", err->message.c_str());
    return 2;
  }
  const auto& options = std::get<gb::ui::AppOptions>(parsed);
  if (options.help) {
    std::fputs(gb::ui::usage().c_str(), stdout);
    return 0;
  }
  gb::ui::App app(options);
  return options.screenshot ? app.screenshot() : app.run();
}
