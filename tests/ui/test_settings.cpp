// The studio's settings file: a round trip keeps every value, a missing file gives the defaults, and a bad file
// or a bad value is reported and ignored without losing the rest.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "ui/settings.h"
#include "ui/word_format.h"

using namespace gb;
using namespace gb::ui;

namespace {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/gb_settings_XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

void write(const std::filesystem::path& p, const char* text) {
  std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("settings: a round trip keeps every value, in a directory it creates") {
  TempDir d;
  Settings s;
  s.scale = 1.75f;
  s.presentation = true;
  s.panels.bus = false;
  s.panels.stats = false;
  s.cache_view = 1;
  s.bottom_tab = 3;
  s.hex_words = true;
  s.run.cores = 4;
  s.run.gomaxprocs = 3;
  s.run.protocol = ProtocolKind::MOESI;
  s.run.seed = 42;
  s.run.time_scale = 0.001;
  s.run.store_buffers = 8;
  s.run.jitter = 0.5;
  s.run.check = true;
  s.run.payments = 5000;
  s.speed = 250;
  s.play_kind = StepKind::MemoryAccess;
  s.play_by_time = true;
  s.time_rate = 5e6;
  s.language = Lang::Zh;
  const auto file = d.path / "nested" / "gopherbus" / "settings.toml";
  std::string error;
  REQUIRE(save_settings(file, s, error));
  CHECK(error.empty());
  const LoadedSettings back = load_settings(file);
  CHECK(back.warning.empty());
  CHECK(back.settings == s);
}

TEST_CASE("settings: no file gives the defaults, silently") {
  TempDir d;
  const LoadedSettings l = load_settings(d.path / "absent.toml");
  CHECK(l.warning.empty());
  CHECK(l.settings == Settings{});
}

TEST_CASE("settings: a file that is not TOML is named with its line and the defaults are used") {
  TempDir d;
  const auto file = d.path / "settings.toml";
  write(file, "[ui]\nscale = 2\n[run\ncores = 4\n");
  const LoadedSettings l = load_settings(file);
  CHECK(l.settings == Settings{});
  CHECK_THAT(l.warning, Catch::Contains("settings.toml:3:"));
}

TEST_CASE("settings: a bad value is ignored with a warning and the good ones are kept") {
  TempDir d;
  const auto file = d.path / "settings.toml";
  write(file,
        "[ui]\nscale = 9.5\npresentation = true\n[run]\ncores = 4\nprotocol = \"mosi\"\n"
        "bug = \"no-such-bug\"\n[panels]\nbus = \"yes\"\ntimeline = false\n[play]\nkind = \"cycle\"\n");
  const LoadedSettings l = load_settings(file);
  CHECK(l.settings.scale == 1.0f);
  CHECK(l.settings.presentation);
  CHECK(l.settings.run.cores == 4);
  CHECK(l.settings.run.protocol == ProtocolKind::MESI);
  CHECK(l.settings.run.bug.empty());
  CHECK(l.settings.panels.bus);
  CHECK_FALSE(l.settings.panels.timeline);
  CHECK(l.settings.play_kind == StepKind::MachineCycle);
  CHECK_THAT(l.warning, Catch::Contains("ui.scale"));
  CHECK_THAT(l.warning, Catch::Contains("run.protocol"));
  CHECK_THAT(l.warning, Catch::Contains("run.bug"));
  CHECK_THAT(l.warning, Catch::Contains("panels.bus"));
}

TEST_CASE("settings: the language is remembered as en or zh, another value is ignored with a warning") {
  TempDir d;
  const auto file = d.path / "settings.toml";
  write(file, "[ui]\nlanguage = \"zh\"\n");
  CHECK(load_settings(file).settings.language == Lang::Zh);
  write(file, "[ui]\nlanguage = \"fr\"\nscale = 2\n");
  const LoadedSettings l = load_settings(file);
  CHECK(l.settings.language == Lang::En);
  CHECK(l.settings.scale == 2.0f);
  CHECK_THAT(l.warning, Catch::Contains("ui.language"));
}

TEST_CASE("settings: each lesson's progress and answers are kept by lesson id, a bad entry skipped") {
  TempDir d;
  const auto file = d.path / "settings.toml";
  Settings s;
  s.lessons["data-race"].furthest = 3;
  s.lessons["data-race"].chosen["line-state"] = 2;
  s.lessons["data-race"].shown["line-state"] = true;
  s.lessons["mesi"].furthest = 0;
  std::string error;
  REQUIRE(save_settings(file, s, error));
  const LoadedSettings l = load_settings(file);
  CHECK(l.warning.empty());
  CHECK(l.settings.lessons == s.lessons);
  CHECK(l.settings == s);
  write(file, "[lessons]\nbroken = 3\n[lessons.maps]\nfurthest = 2\nchosen = { ok = \"yes\", nil = 1 }\n");
  const LoadedSettings bad = load_settings(file);
  REQUIRE(bad.settings.lessons.count("maps") == 1);
  CHECK(bad.settings.lessons.at("maps").furthest == 2);
  CHECK(bad.settings.lessons.at("maps").chosen == std::map<std::string, int>{{"nil", 1}});
  CHECK(bad.settings.lessons.count("broken") == 0);
}

TEST_CASE("settings: nan, inf and floats too large for an integer are ignored with a warning") {
  // nan passed the range checks (every comparison with it is false); 1e300 where an integer is read went through
  // toml++'s float-to-integer conversion, which does not check the range (undefined behaviour: fuzz_settings).
  const LoadedSettings l = settings_from_text(
      "[ui]\nscale = nan\n[run]\nseed = nan\ncores = 1e300\ntime_scale = inf\n[play]\nspeed = -nan\n"
      "[lessons.maps]\nfurthest = 1e300\nchosen = { a = 1e300, b = 2.0, c = nan }\n",
      "settings.toml");
  CHECK(l.settings.scale == 1.0f);
  CHECK(l.settings.run.seed == Settings{}.run.seed);
  CHECK(l.settings.run.cores == Settings{}.run.cores);
  CHECK(l.settings.run.time_scale == 1.0);
  CHECK(l.settings.speed == 20.0);
  for (const char* key : {"ui.scale", "run.seed", "run.cores", "run.time_scale", "play.speed"}) {
    INFO(key);
    CHECK_THAT(l.warning, Catch::Contains(key));
  }
  REQUIRE(l.settings.lessons.count("maps") == 1);
  CHECK(l.settings.lessons.at("maps").furthest == -1);
  CHECK(l.settings.lessons.at("maps").chosen == std::map<std::string, int>{{"b", 2}});
}

// Every input that once broke fuzz_settings (fuzz/regressions/fuzz_settings/) goes through the same steps as the
// fuzz target: it loads with a warning, and what loaded saves and loads back the same, silently.
TEST_CASE("settings: the inputs that once broke the fuzz target load with a warning and save back the same") {
  TempDir d;
  const auto dir = std::filesystem::path(GB_REPO_DIR) / "fuzz" / "regressions" / "fuzz_settings";
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    INFO(e.path().string());
    std::ifstream in(e.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const LoadedSettings l = settings_from_text(text, e.path().filename().string());
    CHECK_FALSE(l.warning.empty());
    std::string error;
    REQUIRE(save_settings(d.path / "settings.toml", l.settings, error));
    const LoadedSettings back = load_settings(d.path / "settings.toml");
    CHECK(back.warning.empty());
    CHECK(back.settings == l.settings);
    ++files;
  }
  CHECK(files >= 1);
}

TEST_CASE("settings: the default place is the user's config directory, never the working directory") {
  const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old_xdg != nullptr ? old_xdg : "";
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  CHECK(default_settings_path() == std::filesystem::path("/tmp/xdg-test/gopherbus/settings.toml"));
  ::unsetenv("XDG_CONFIG_HOME");
  const auto home = default_settings_path();
  REQUIRE(home);
  CHECK(home->is_absolute());
  CHECK(home->string().find("/.config/gopherbus/settings.toml") != std::string::npos);
  if (old_xdg != nullptr) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}

TEST_CASE("settings: saving where no directory can be made says why") {
  Settings s;
  std::string error;
  CHECK_FALSE(save_settings("/proc/gb-no/settings.toml", s, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("word format: one format for raw words, decimal as Go's int64 or hex") {
  CHECK(word_text(120, false) == "120");
  CHECK(word_text(120, true) == "0x78");
  CHECK(word_text(~Word{0}, false) == "-1");
  CHECK(word_text(~Word{0}, true) == "0xffffffffffffffff");
  CHECK(word_text(0xc000000010, false) == "824633720848");
  CHECK(word_text(0, true) == "0x0");
}
