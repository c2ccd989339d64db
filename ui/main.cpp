// gopherbus: the desktop app. Parses the options, reads the program, then runs the window or renders one
// screenshot.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "app.h"
#include "app_options.h"
#include "studio_example.h"

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
  std::string file(gb::ui::kExampleFile);
  std::string text(gb::ui::example_program());
  if (options.program) {
    std::ifstream in(*options.program, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "gopherbus: cannot open %s\n", options.program->c_str());
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    file = *options.program;
    text = ss.str();
  }
  gb::ui::App app(options, file, text);
  return options.screenshot ? app.screenshot() : app.run();
}
