// gopherbus: the desktop app. Parses the options, reads the program, then runs the window or renders one
// screenshot.
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "app.h"
#include "app_options.h"
#include "examples.h"
#include "file_browser.h"
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
  if (options.example) {
    const gb::ui::Example* e = gb::ui::find_example(*options.example);
    file = std::string(e->file);
    text = std::string(e->text);
  }
  if (options.program) {
    std::string error;
    auto read = gb::ui::read_program(*options.program, error);
    if (!read) {
      std::fprintf(stderr, "gopherbus: %s\n", error.c_str());
      return 2;
    }
    file = *options.program;
    text = std::move(*read);
  }
  gb::ui::App app(options, file, text);
  return options.screenshot ? app.screenshot() : app.run();
}
