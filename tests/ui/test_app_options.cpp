// The app's command line: every bad argument is one clear error, the good ones land in the options.
#include <catch2/catch.hpp>

#include "ui/app_options.h"
#include "ui/layout.h"
#include "ui/panels/studio_panels.h"

using namespace gb;
using namespace gb::ui;

namespace {

AppOptions ok(const std::vector<std::string>& args) {
  auto r = parse_options(args);
  if (auto* e = std::get_if<OptionsError>(&r)) FAIL(e->message);
  return std::get<AppOptions>(r);
}

std::string error(const std::vector<std::string>& args) {
  auto r = parse_options(args);
  REQUIRE(std::holds_alternative<OptionsError>(r));
  return std::get<OptionsError>(r).message;
}

}  // namespace

TEST_CASE("options: defaults and good values") {
  const AppOptions d = ok({});
  CHECK_FALSE(d.help);
  CHECK_FALSE(d.screenshot);
  CHECK_FALSE(d.steps);
  CHECK(d.demo == DemoConfig{});

  const AppOptions o = ok({"--demo", "--screenshot", "out.png", "--size", "800x600", "--steps", "7",
                           "--scale", "1.5", "--protocol", "Dragon", "--cores", "4", "--ways", "2"});
  CHECK(o.demo_mode);
  CHECK(o.screenshot == "out.png");
  CHECK(o.width == 800);
  CHECK(o.height == 600);
  CHECK(o.steps == 7u);
  CHECK(o.scale == 1.5f);
  CHECK(o.demo.protocol == ProtocolKind::Dragon);
  CHECK(o.demo.cores == 4);
  CHECK(o.demo.ways == 2);
  CHECK(ok({"--help"}).help);
  CHECK(ok({"--bug", "m-no-flush"}).demo.bug == "m-no-flush");
}

TEST_CASE("options: each bad argument is one line naming the problem") {
  CHECK(error({"--frobnicate"}).find("unknown option '--frobnicate'") != std::string::npos);
  CHECK(error({"--screenshot"}) == "--screenshot needs a value");
  CHECK(error({"--size", "big"}).find("--size expects WxH") != std::string::npos);
  CHECK(error({"--size", "100x100"}).find("--size") != std::string::npos);
  CHECK(error({"--size", "800x"}).find("--size") != std::string::npos);
  CHECK(error({"--steps", "-1"}).find("--steps") != std::string::npos);
  CHECK(error({"--scale", "9"}).find("--scale") != std::string::npos);
  CHECK(error({"--protocol", "mosi"}).find("--protocol") != std::string::npos);
  CHECK(error({"--demo", "--cores", "5"}).find("--cores") != std::string::npos);
  CHECK(error({"--ways", "3"}).find("--ways") != std::string::npos);
  CHECK(error({"--protocol", "msi", "--bug", "read-miss-always-e"}).find("does not apply") !=
        std::string::npos);
  CHECK(error({"--bug", "nonsense"}).find("unknown bug") != std::string::npos);
  for (const std::string& m : {error({"--size", "1x"}), error({"--cores", "x"})})
    CHECK(m.find('\n') == std::string::npos);
}

TEST_CASE("options: the studio's program, knobs and steps") {
  const AppOptions d = ok({});
  CHECK_FALSE(d.demo_mode);
  CHECK_FALSE(d.program);
  CHECK(d.studio == StudioConfig{});
  CHECK_FALSE(d.granularity);

  const AppOptions o = ok({"prog.go", "--cores", "3", "--gomaxprocs", "4", "--protocol", "moesi", "--seed",
                           "42", "--time-scale", "0.001", "--step", "200", "--granularity", "bus"});
  CHECK(o.program == "prog.go");
  CHECK(o.studio.cores == 3);
  CHECK(o.studio.gomaxprocs == 4);
  CHECK(o.studio.protocol == ProtocolKind::MOESI);
  CHECK(o.studio.seed == 42u);
  CHECK(o.studio.time_scale == Approx(0.001));
  CHECK(o.steps == 200u);
  CHECK(o.granularity == StepKind::BusTransaction);
  // As gopherbus-cli run: without --cores there is a core per P.
  CHECK(ok({"--gomaxprocs", "6"}).studio.cores == 6);
  CHECK(ok({"--cores", "1"}).studio.cores == 1);
  CHECK(ok({"--steps", "3"}).steps == 3u);

  CHECK(error({"a.go", "b.go"}).find("one program") != std::string::npos);
  CHECK(error({"--cores", "9"}).find("--cores expects 1 to 8") != std::string::npos);
  CHECK(error({"--gomaxprocs", "0"}).find("--gomaxprocs") != std::string::npos);
  CHECK(error({"--seed", "x"}).find("--seed") != std::string::npos);
  CHECK(error({"--time-scale", "0"}).find("--time-scale") != std::string::npos);
  CHECK(error({"--granularity", "fortnight"}).find("--granularity") != std::string::npos);
  CHECK(error({"--demo", "prog.go"}).find("--demo") != std::string::npos);
  CHECK(usage().find("--granularity") != std::string::npos);
  // The keys' help is there, wrapped to 100 columns.
  for (const char* words : {"Shift+[ ] GOMAXPROCS", "F12", "presentation mode", "Shift+C back to the last",
                            "H memory words in hex", "I instruction", "right-click a line's gutter"})
    CHECK(usage().find(words) != std::string::npos);
  std::size_t longest = 0, at = 0;
  const std::string u = usage();
  while (at < u.size()) {
    const std::size_t nl = u.find('\n', at);
    longest = std::max(longest, (nl == std::string::npos ? u.size() : nl) - at);
    at = nl == std::string::npos ? u.size() : nl + 1;
  }
  CHECK(longest <= 110);
}

TEST_CASE("layout: the panels tile the window") {
  for (float scale : {1.0f, 2.0f}) {
    const Layout l = compute_layout(1280, 800, scale, 4);
    const Rect all[] = {l.controls, l.caches, l.bus, l.memory, l.protocol, l.log};
    float area = 0;
    for (const Rect& r : all) {
      CHECK(r.w > 0);
      CHECK(r.h > 0);
      CHECK(r.x + r.w <= 1280.5f);
      CHECK(r.y + r.h <= 800.5f);
      area += r.w * r.h;
    }
    CHECK(area == Approx(1280.0f * 800.0f));
  }
}

TEST_CASE("options: store buffers, a planted bug, checking, examples, settings and presentation") {
  const AppOptions d = ok({});
  CHECK_FALSE(d.run_knobs_given);
  CHECK_FALSE(d.scale_given);
  CHECK_FALSE(d.presentation);
  CHECK_FALSE(d.no_settings);
  const AppOptions o = ok({"--store-buffers", "8", "--bug", "read-miss-always-e", "--check", "--presentation",
                           "--settings", "/tmp/s.toml", "--example", "pipeline", "--scale", "2"});
  CHECK(o.studio.store_buffers == 8);
  CHECK(o.studio.bug == "read-miss-always-e");
  CHECK(o.studio.check);
  CHECK(o.run_knobs_given);
  CHECK(o.presentation);
  CHECK(o.settings_file == "/tmp/s.toml");
  CHECK(o.example == "pipeline.go");
  CHECK(o.scale_given);
  CHECK(ok({"--example", "lost_update.go"}).example == "lost_update.go");
  CHECK(ok({"--no-settings"}).no_settings);
  CHECK(ok({"--seed", "3"}).run_knobs_given);
  CHECK(ok({}).studio.jitter == 1.0);  // on, at real hardware's size, unless asked otherwise
  const AppOptions regular = ok({"--jitter", "0"});
  CHECK(regular.studio.jitter == 0.0);
  CHECK(regular.run_knobs_given);
  CHECK(ok({"--jitter", "2.5"}).studio.jitter == 2.5);
  CHECK(error({"--jitter", "-1"}).find("--jitter expects a number from 0 to 10") != std::string::npos);
  CHECK(error({"--jitter", "lots"}).find("--jitter expects") != std::string::npos);
  CHECK(usage().find("--jitter") != std::string::npos);
  CHECK(error({"--store-buffers", "65"}).find("--store-buffers expects 0 to 64") != std::string::npos);
  CHECK(error({"--example", "nope"}).find("--example expects one of pingpong.go") != std::string::npos);
  CHECK(error({"--example", "pipeline", "a.go"}).find("one program") != std::string::npos);
  // A bug is checked against the studio's protocol (MSI has no E state to enter wrongly).
  CHECK(error({"--protocol", "msi", "--bug", "read-miss-always-e"}).find("--bug") != std::string::npos);
  CHECK(usage().find("--store-buffers") != std::string::npos);
  CHECK(usage().find("--settings") != std::string::npos);
}

TEST_CASE("options: --cache-view chooses how the cores panel shows the caches") {
  CHECK_FALSE(ok({}).cache_view);
  CHECK(ok({"--cache-view", "lines"}).cache_view == CacheView::Lines);
  CHECK(ok({"--cache-view", "grid"}).cache_view == CacheView::Grid);
  CHECK(ok({"--cache-view", "memory", "--example", "pipeline"}).cache_view == CacheView::Memory);
  CHECK(error({"--cache-view", "sets"}) == "--cache-view expects lines, grid or memory, got 'sets'");
  CHECK(error({"--cache-view"}) == "--cache-view needs a value");
  CHECK(usage().find("--cache-view V") != std::string::npos);
}

TEST_CASE("options: --lang chooses the studio's language") {
  CHECK_FALSE(ok({}).lang);
  CHECK(ok({"--lang", "zh"}).lang == Lang::Zh);
  CHECK(ok({"--lang", "en", "--example", "pipeline"}).lang == Lang::En);
  CHECK(error({"--lang", "fr"}) == "--lang expects en or zh, got 'fr'");
  CHECK(error({"--lang"}) == "--lang needs a value");
  CHECK(usage().find("--lang L") != std::string::npos);
}
