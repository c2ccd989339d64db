// The timeline's view window (zoom about the cursor, pan, clamp, follow) and its visible query on the
// built-in example stepped for a while: items overlap the window and sit on their slice's row, merging bounds
// the count at any zoom, wake arrows join the right Gs, and stepping back re-indexes a prefix.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "ui/studio_example.h"
#include "ui/studio_model.h"
#include "ui/timeline_view.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioConfig four_cores() {
  StudioConfig c;
  c.cores = 4;
  c.gomaxprocs = 4;
  return c;
}

// A longer run: a channel ping-pong (a park and a wake-up per message) beside four goroutines hammering one
// mutex, thousands of slices and bus transactions.
const char* kLong = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var counter int

func main() {
	var wg sync.WaitGroup
	ping := make(chan int)
	pong := make(chan int)
	wg.Add(6)
	go func() {
		defer wg.Done()
		for i := 0; i < 3000; i++ {
			ping <- i
			<-pong
		}
		close(ping)
	}()
	go func() {
		defer wg.Done()
		for v := range ping {
			pong <- v
		}
	}()
	for w := 0; w < 4; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
)";

StudioModel long_run(StudioConfig c) {
  return StudioModel("long.go", kLong, c);
}

StudioModel example(StudioConfig c = {}) {
  return StudioModel(std::string(kExampleFile), std::string(example_program()), c);
}

// Every item of a query lies (at least partly) in its window and on the row of the slices it stands for.
void check_frame(const StudioModel& m, const TimelineFrame& f) {
  const vm::Vm& rt = m.machine()->runtime();
  const auto& sl = rt.run_slices();
  for (std::size_t c = 0; c < f.cores.size(); ++c) {
    double last_end = -1e300;
    for (const TimelineItem& it : f.cores[c]) {
      CHECK(it.end_ns >= f.t0);
      CHECK(it.start_ns <= f.t1);
      CHECK(it.start_ns >= last_end - 1e-9);  // a core's items are in time order and do not overlap
      last_end = it.end_ns;
      CHECK(sl[it.first].core == static_cast<int>(c));
      CHECK(sl[it.first].g == it.g);
      if (it.count == 1 && !it.live) CHECK(it.end_ns == Approx(static_cast<double>(sl[it.first].end_ns)));
    }
  }
  for (std::size_t p = 0; p < f.procs.size(); ++p) {
    for (const TimelineItem& it : f.procs[p]) {
      CHECK(it.end_ns >= f.t0);
      CHECK(it.start_ns <= f.t1);
      CHECK(sl[it.first].p == static_cast<int>(p));
    }
  }
  const auto& bl = rt.memory().bus_log();
  for (std::size_t c = 0; c < f.bus.size(); ++c) {
    for (const TimelineBusTick& t : f.bus[c]) {
      CHECK(static_cast<std::size_t>(bl[t.first].core) == c);
      CHECK(t.end_ns >= f.t0);
      CHECK(t.start_ns <= f.t1);
    }
  }
}

std::size_t items(const TimelineFrame& f) {
  std::size_t n = 0;
  for (const auto& r : f.cores) n += r.size();
  for (const auto& r : f.procs) n += r.size();
  return n;
}

}  // namespace

TEST_CASE("timeline view: zoom keeps the time under the cursor, pan moves by pixels") {
  TimelineView v;
  v.start_ns = 1000;
  v.ns_per_px = 10;
  const double before = time_at(v, 300);
  zoom_at(v, 300, 2.0);
  CHECK(v.ns_per_px == Approx(5));
  CHECK(time_at(v, 300) == Approx(before));
  zoom_at(v, 123, 0.25);
  CHECK(v.ns_per_px == Approx(20));
  CHECK(time_at(v, 300) != Approx(before));
  const double under = time_at(v, 123);
  zoom_at(v, 123, 1e9);  // no deeper than the floor, and still about the cursor
  CHECK(v.ns_per_px == Approx(TimelineView::kMinNsPerPx));
  CHECK(time_at(v, 123) == Approx(under));
  CHECK(px_at(v, time_at(v, 77.5)) == Approx(77.5));

  v.ns_per_px = 10;
  v.start_ns = 5000;
  v.follow = true;
  pan_px(v, 40);  // dragging right brings earlier times into view
  CHECK(v.start_ns == Approx(4600));
  CHECK_FALSE(v.follow);
  pan_px(v, -100);
  CHECK(v.start_ns == Approx(5600));
}

TEST_CASE("timeline view: clamp keeps the run on screen, fit shows all of it, follow keeps now in view") {
  TimelineView v;
  v.ns_per_px = 1e9;  // far out: clamped to the whole run plus a margin
  clamp_view(v, 100'000, 1000);
  CHECK(v.ns_per_px * 1000 >= 100'000);
  CHECK(v.ns_per_px * 1000 < 120'000);
  v.start_ns = -1e9;
  clamp_view(v, 100'000, 1000);
  CHECK(v.start_ns <= 0);
  CHECK(v.start_ns > -0.05 * v.ns_per_px * 1000);
  v.ns_per_px = 1;
  v.start_ns = 1e9;  // past the end: part of the run stays in view
  clamp_view(v, 100'000, 1000);
  CHECK(v.start_ns < 100'000);

  fit_view(v, 100'000, 1000);
  CHECK(v.fitted);
  CHECK(time_at(v, 0) <= 0);
  CHECK(time_at(v, 1000) >= 100'000);
  // Fitting then following leaves a fitted view alone while now is at the end.
  const double start = v.start_ns;
  follow_now(v, 100'000, 1000);
  CHECK(v.start_ns == start);

  v.ns_per_px = 10;
  v.start_ns = 0;
  v.follow = true;
  follow_now(v, 5000, 1000);  // in view: no move
  CHECK(v.start_ns == 0);
  follow_now(v, 50'000, 1000);  // out of view: brought back, with room to the right
  CHECK(px_at(v, 50'000) > 500);
  CHECK(px_at(v, 50'000) < 1000);
  v.follow = false;
  follow_now(v, 500'000, 1000);
  CHECK(px_at(v, 500'000) > 1000);
}

TEST_CASE("timeline query: what it returns overlaps the window and sits on the right rows") {
  StudioModel m = example();
  TimelineIndex index;
  TimelineView v;
  for (int i = 0; i < 40; ++i) m.step(StepKind::Statement);
  const vm::Vm& rt = m.machine()->runtime();
  REQUIRE(rt.run_slices().size() > 2);
  const double end = timeline_end_ns(m);
  fit_view(v, end, 800);
  TimelineFrame f = timeline_query(m, index, v, 800);
  REQUIRE(f.cores.size() == 2);
  REQUIRE(f.procs.size() == 2);
  check_frame(m, f);
  // Whole run in view and zoomed far enough that nothing merges: every slice appears once per row kind.
  v.ns_per_px = 0.05;
  v.start_ns = 0;
  std::size_t seen = 0;
  for (double t0 = -10; t0 < end; t0 += 800 * v.ns_per_px) {
    v.start_ns = t0;
    const TimelineFrame g = timeline_query(m, index, v, 800);
    check_frame(m, g);
    for (const auto& row : g.cores)
      // Windows share their edge: a slice starting exactly there belongs to the later one.
      for (const TimelineItem& it : row) seen += it.start_ns >= t0 && it.start_ns < t0 + 800 * v.ns_per_px ? it.count : 0;
  }
  CHECK(seen == rt.run_slices().size());
  // A window in the middle of the run.
  v.start_ns = end * 0.3;
  v.ns_per_px = end * 0.2 / 800;
  check_frame(m, timeline_query(m, index, v, 800));
}

TEST_CASE("timeline index: a core's slices do not overlap and its bus transactions are in time order") {
  StudioModel m = example(four_cores());
  for (int i = 0; i < 400; ++i) m.step(StepKind::Statement);
  const vm::Vm& rt = m.machine()->runtime();
  TimelineIndex index;
  index.update(rt);
  const auto& sl = rt.run_slices();
  for (const auto& row : index.core_slices)
    for (std::size_t k = 1; k < row.size(); ++k) {
      CHECK(sl[row[k]].start_ns >= sl[row[k - 1]].end_ns);  // a core's slices do not overlap
    }
  const auto& bl = rt.memory().bus_log();
  for (const auto& row : index.core_bus)
    for (std::size_t k = 1; k < row.size(); ++k) CHECK(bl[row[k]].start_ns >= bl[row[k - 1]].start_ns);
}

TEST_CASE("timeline query: level of detail bounds the work of a long run at any zoom") {
  StudioModel m = long_run(four_cores());
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  REQUIRE(m.exit_code() == 0);
  const vm::Vm& rt = m.machine()->runtime();
  const std::size_t slices = rt.run_slices().size();
  const std::size_t bus = rt.memory().bus_log().size();
  INFO("slices " << slices << ", bus " << bus);
  REQUIRE(bus > 20000);
  REQUIRE(slices > 2000);
  TimelineIndex index;
  TimelineView v;
  const double end = timeline_end_ns(m);
  fit_view(v, end, 800);
  const TimelineFrame f = timeline_query(m, index, v, 800);
  check_frame(m, f);
  // At most about two items per pixel per row (a wide one and a merged one alternate at worst).
  for (const auto& row : f.cores) CHECK(row.size() <= 1600);
  for (const auto& row : f.procs) CHECK(row.size() <= 1600);
  std::size_t ticks = 0, covered = 0;
  for (const auto& row : f.bus) {
    CHECK(row.size() <= 800);
    ticks += row.size();
    for (const TimelineBusTick& t : row) covered += t.count;
  }
  CHECK(ticks < bus);     // merged
  CHECK(covered == bus);  // but every transaction is in some tick
  CHECK(f.arrows_hidden == (f.wakes_in_view > 200));
  // Zoomed in on one microsecond in the middle: few items, each overlapping the window.
  v.ns_per_px = 1000.0 / 800;
  v.start_ns = end / 2;
  const TimelineFrame z = timeline_query(m, index, v, 800);
  check_frame(m, z);
  CHECK(items(z) < 40);
}

TEST_CASE("timeline query: wake arrows join the waker's slice to the woken G's next one") {
  StudioModel m = example();
  for (int i = 0; i < 400; ++i) m.step(StepKind::Statement);
  const vm::Vm& rt = m.machine()->runtime();
  REQUIRE(!rt.wakes().empty());
  TimelineIndex index;
  TimelineView v;
  fit_view(v, timeline_end_ns(m), 4000);
  const TimelineFrame f = timeline_query(m, index, v, 4000, 1.0, 100000);
  REQUIRE(!f.arrows.empty());
  const auto& sl = rt.run_slices();
  int joined = 0;
  for (const TimelineArrow& a : f.arrows) {
    const vm::WakeRecord& w = rt.wakes()[a.wake];
    CHECK(a.waker == w.waker);
    CHECK(a.woken == w.woken);
    if (a.to_ns < 0) continue;
    ++joined;
    const vm::RunSlice& s = sl[a.to_slice];
    CHECK(s.g == w.woken);
    CHECK(a.to_slice >= w.slices_before);
    CHECK(a.to_p == s.p);
    CHECK(a.to_core == s.core);
    // No slice of the woken G between the wake and the one the arrow points to.
    for (std::size_t i = w.slices_before; i < a.to_slice; ++i) CHECK(sl[i].g != w.woken);
  }
  CHECK(joined > 0);
}

TEST_CASE("timeline index: stepping back drops what the log lost, a restart is indexed afresh") {
  StudioModel m = example();
  TimelineIndex index;
  TimelineView v;
  for (int i = 0; i < 100; ++i) m.step(StepKind::Statement);
  fit_view(v, timeline_end_ns(m), 800);
  timeline_query(m, index, v, 800);
  const std::size_t before = index.slices;
  for (int i = 0; i < 60; ++i) m.step_back(StepKind::Statement);
  const TimelineFrame f = timeline_query(m, index, v, 800);
  CHECK(index.slices == m.machine()->runtime().run_slices().size());
  CHECK(index.slices <= before);
  check_frame(m, f);
  m.set_config(four_cores());
  for (int i = 0; i < 50; ++i) m.step(StepKind::Statement);
  const TimelineFrame g = timeline_query(m, index, v, 800);
  CHECK(g.cores.size() == 4);
  CHECK(g.procs.size() == 4);
  check_frame(m, g);
  std::size_t indexed = 0;
  for (const auto& row : index.core_slices) indexed += row.size();
  CHECK(indexed == m.machine()->runtime().run_slices().size());
}

TEST_CASE("timeline query: the running slice reaches its core's clock") {
  StudioModel m = example();
  for (int i = 0; i < 300; ++i) m.step(StepKind::Instruction);
  const vm::Vm& rt = m.machine()->runtime();
  TimelineIndex index;
  TimelineView v;
  fit_view(v, timeline_end_ns(m), 800);
  const TimelineFrame f = timeline_query(m, index, v, 800);
  int live = 0;
  for (std::size_t c = 0; c < f.cores.size(); ++c) {
    if (f.cores[c].empty() || !f.cores[c].back().live) continue;
    ++live;
    CHECK(f.cores[c].back().end_ns >= static_cast<double>(rt.cores()[c].clock));
  }
  CHECK(live > 0);
}

TEST_CASE("timeline query: each core's row has its own present, where its running stretch ends") {
  // Regression: one present line for all rows drew a core's bar past it (each core keeps its own clock).
  StudioModel m = example();
  for (int i = 0; i < 2000; ++i) m.step(StepKind::Instruction);
  TimelineIndex index;
  TimelineView v;
  fit_view(v, timeline_end_ns(m), 800);
  const TimelineFrame f = timeline_query(m, index, v, 800);
  REQUIRE(f.core_now.size() == f.cores.size());
  REQUIRE(f.proc_now.size() == f.procs.size());
  bool clocks_differ = false;
  for (std::size_t c = 0; c < f.cores.size(); ++c) {
    clocks_differ = clocks_differ || f.core_now[c] != f.now_ns;
    for (const TimelineItem& it : f.cores[c]) CHECK(it.end_ns <= f.core_now[c]);
    if (!f.cores[c].empty() && f.cores[c].back().live) CHECK(f.cores[c].back().end_ns == f.core_now[c]);
  }
  CHECK(clocks_differ);  // otherwise this test would not tell one line from many
}

TEST_CASE("timeline view: Fit stays on across a restart, a locked axis keeps its zoom and pan") {
  TimelineView v;
  v.fit = true;
  settle_view(v, 2'000'000, 2'000'000, 1000);
  CHECK(time_at(v, 1000) >= 2'000'000);
  // A restart: the run is short again, then grows; Fit keeps the whole of it in view each time.
  settle_view(v, 5'000, 5'000, 1000);
  CHECK(v.fit);
  CHECK(time_at(v, 1000) >= 5'000);
  CHECK(time_at(v, 1000) < 10'000);
  settle_view(v, 900'000, 900'000, 1000);
  CHECK(time_at(v, 1000) >= 900'000);
  // The user zooms: Fit ends.
  zoom_at(v, 500, 2.0);
  CHECK_FALSE(v.fit);

  TimelineView locked;
  locked.lock_axis = true;
  locked.start_ns = 100'000;
  locked.ns_per_px = 500;
  settle_view(locked, 2'000'000, 1'500'000, 1000);
  settle_view(locked, 3'000, 3'000, 1000);  // a restart with another knob: a short run so far
  CHECK(locked.start_ns == 100'000);
  CHECK(locked.ns_per_px == 500);
  // Unlocked, the same short run pulls the view back onto it.
  locked.lock_axis = false;
  settle_view(locked, 3'000, 3'000, 1000);
  CHECK(locked.ns_per_px < 500);
}
