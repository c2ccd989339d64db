// The studio's settings file (ui/settings.h) from its text: any text loads (a bad value is ignored with a
// warning, a file that is not TOML gives the defaults). What was loaded is only values the studio accepts, so
// saving it and loading the file back gives the same settings and no warning.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "ui/settings.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_settings: %s: %s\n", what, detail.c_str());
  __builtin_trap();
}

// A directory of this process's own for the round trip's file, removed at exit.
const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "gb_fuzz_settings_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) fail("cannot make a temporary directory", pattern);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch(), ignored);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const gb::ui::LoadedSettings loaded = gb::ui::settings_from_text(text, "settings.toml");
  const std::filesystem::path file = scratch() / "settings.toml";
  std::string error;
  if (!gb::ui::save_settings(file, loaded.settings, error)) fail("cannot save", error);
  const gb::ui::LoadedSettings back = gb::ui::load_settings(file);
  if (!back.warning.empty()) fail("saved settings load back with a warning", back.warning);
  if (!(back.settings == loaded.settings)) fail("saved settings load back different", std::string(text));
  return 0;
}
