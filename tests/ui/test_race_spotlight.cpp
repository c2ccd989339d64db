// The studio's Race checkbox: the detector's first race stops play, is spotlit with both accesses' lines and
// goroutines, and is an event of the log's race layer; a program without races plays to its end.
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "ui/event_log_view.h"
#include "ui/examples.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioModel open_with_race(const char* file) {
  const Example* e = find_example(file);
  REQUIRE(e != nullptr);
  StudioConfig c;
  c.race = true;
  return StudioModel(std::string(e->file), std::string(e->text), c);
}

void play(StudioModel& m, int ticks = 400) {
  m.set_play_kind(StepKind::Instruction);
  m.set_speed(1e6);
  m.set_playing(true);
  for (int i = 0; i < ticks && m.playing(); ++i) m.tick(1.0, {}, 5'000);
}

}  // namespace

TEST_CASE("race spotlight: play stops at the first data race with both accesses' lines and goroutines") {
  StudioModel m = open_with_race("lost_update.go");
  REQUIRE(m.loaded());
  play(m);
  REQUIRE_FALSE(m.playing());
  REQUIRE(m.spotlight());
  const EventSpotlight s = *m.spotlight();
  CHECK(s.kind == EventSpotlight::Kind::Race);
  CHECK(m.races() == 1);
  CHECK(s.line == 17);
  CHECK(s.over_line == 17);
  CHECK(s.g != s.over_g);
  const std::regex shape(
      R"(data race on main\.balance: G\d+'s (read|write) at line 17, G\d+'s (read|write) at line 17, not ordered)");
  CHECK(std::regex_match(s.text, shape));
  // The event log lists it in its race layer, with both goroutines.
  EventLogView log;
  log.sync(m.machine()->runtime(), nullptr, &m.lines());
  bool found = false;
  for (const LogEvent& e : log.events()) {
    if (e.layer != EventLayer::Race) continue;
    found = true;
    CHECK(log.text(e) == s.text);
    CHECK(e.involves(s.g));
    CHECK(e.involves(s.over_g));
  }
  CHECK(found);
  CHECK(layer_name(EventLayer::Race) == "race");
}

TEST_CASE("race spotlight: the mutex example plays to its end with no race") {
  StudioModel m = open_with_race("pingpong.go");
  play(m, 2000);
  CHECK(m.finished());
  CHECK(m.races() == 0);
}
