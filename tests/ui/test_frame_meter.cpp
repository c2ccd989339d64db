// --measure's statistics and the play budget that keeps a playing window at 30 frames/s or more.
#include <catch2/catch.hpp>

#include "ui/frame_meter.h"

using namespace gb::ui;

TEST_CASE("frame meter: frames per second, quantiles and the simulation's rate") {
  FrameMeter m;
  CHECK(m.fps() == 0);
  CHECK(m.quantile(0.5) == 0);
  for (int i = 0; i < 90; ++i) m.add_frame(0.010);
  for (int i = 0; i < 10; ++i) m.add_frame(0.030);
  m.set_simulation(1'000, 1'201'000, 50, 2'400'050);
  CHECK(m.frames() == 100);
  CHECK(m.total_seconds() == Approx(1.2));
  CHECK(m.fps() == Approx(100 / 1.2));
  CHECK(m.quantile(0.5) == Approx(0.010));
  CHECK(m.quantile(0.95) == Approx(0.030));
  CHECK(m.cycles_per_second() == Approx(1e6));
  CHECK(m.instructions_per_second() == Approx(2e6));
  CHECK_THAT(m.summary(), Catch::Contains("100 in 1.2 s") && Catch::Contains("1.00M cycles/s"));
}

TEST_CASE("play budget: what a 30 frames/s frame leaves after drawing, within 2 and 12 ms") {
  CHECK(play_budget_seconds(0.001) == Approx(0.012));   // a fast renderer: 12 ms of simulation, ~60 fps
  CHECK(play_budget_seconds(0.020) == Approx(1.0 / 30 - 0.022));
  CHECK(play_budget_seconds(0.050) == Approx(0.002));   // a renderer slower than 30 fps still plays
  for (double draw = 0.0; draw < 0.031; draw += 0.001)
    CHECK(draw + play_budget_seconds(draw) <= 1.0 / 30 + 1e-9);
}
