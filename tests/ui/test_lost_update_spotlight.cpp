// A lost update stops play with a spotlight (the event, its goroutines and both stores' lines), and the
// studio's words for transactions carry their causes.
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "ui/bus_view.h"
#include "ui/examples.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioModel open_example(const char* file) {
  const Example* e = find_example(file);
  REQUIRE(e != nullptr);
  return StudioModel(std::string(e->file), std::string(e->text));
}

// Plays by instructions until play stops (at most `ticks` frames).
void play(StudioModel& m, int ticks = 400) {
  m.set_play_kind(StepKind::Instruction);
  m.set_speed(1e6);
  m.set_playing(true);
  for (int i = 0; i < ticks && m.playing(); ++i) m.tick(1.0, {}, 5'000);
}

}  // namespace

TEST_CASE("lost update spotlight: play stops at each lost update with its lines and goroutines") {
  StudioModel m = open_example("lost_update.go");
  REQUIRE(m.loaded());
  play(m);
  REQUIRE_FALSE(m.playing());
  REQUIRE_FALSE(m.finished());
  REQUIRE(m.spotlight());
  const EventSpotlight first = *m.spotlight();
  CHECK(m.lost_updates() == 1);
  CHECK(first.index == 0);
  CHECK(first.line == 17);
  CHECK(first.over_line == 17);
  CHECK(first.g != first.over_g);
  const std::regex shape(R"(lost update on main\.balance: G\d+ stored \d+ over G\d+'s \d+, lines 17/17)");
  CHECK(std::regex_match(first.text, shape));
  REQUIRE(m.last_step());
  CHECK(m.last_step()->note == first.text);
  // Play again: it stops at the next one; a step back clears the spotlight.
  play(m);
  REQUIRE(m.spotlight());
  CHECK(m.lost_updates() == 2);
  CHECK(m.spotlight()->index == 1);
  m.step_back(StepKind::Instruction);
  CHECK_FALSE(m.spotlight());
}

TEST_CASE("lost update spotlight: the mutex example plays to its end with none") {
  StudioModel m = open_example("pingpong.go");
  play(m, 2000);
  CHECK(m.finished());
  CHECK(m.lost_updates() == 0);
  CHECK_FALSE(m.spotlight());
}

TEST_CASE("bus view: the latest transaction's cause names the goroutine, line, operation and variable") {
  StudioModel m = open_example("lost_update.go");
  for (int i = 0; i < 400; ++i) m.step(StepKind::BusTransaction);
  const std::optional<BusTransaction> t = latest_transaction(m);
  REQUIRE(t);
  INFO(t->cause);
  const std::regex shape(R"(G\d+ main\.deposit:17 (load|store) main\.balance)");
  CHECK(std::regex_match(t->cause, shape));
  const std::string on_line = last_transaction_on_line(m, t->line_address);
  CHECK(on_line.find(" <- " + t->cause) != std::string::npos);
}
