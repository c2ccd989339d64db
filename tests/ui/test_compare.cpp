// Run summaries, the run history kept across restarts, and Compare: one program on two configurations stepped
// to the same point, their counters side by side.
#include <algorithm>

#include <catch2/catch.hpp>

#include "ui/compare_model.h"
#include "ui/examples.h"
#include "ui/run_summary.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

std::string example(const char* file) {
  return std::string(find_example(file)->text);
}

// Four workers add to one counter with a mutex or an atomic add (lessons/23-counter-modes, shortened).
const char* kCounterModes = R"(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const mode = "mutex" // knob: "atomic" or "mutex"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var counter int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if mode == "atomic" {
					atomic.AddInt64(&counter, 1)
				} else {
					mu.Lock()
					counter++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
)";

const CompareRow& row(const std::vector<CompareRow>& rows, CompareMetric m) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const CompareRow& r) { return r.metric == m; });
  REQUIRE(it != rows.end());
  return *it;
}

}  // namespace

TEST_CASE("run summary: the counters, the knobs in words and how the run ended") {
  StudioModel m("false_sharing.go", example("false_sharing.go"));
  StatsCache cache;
  const RunSummary start = summarize_run(m, cache);
  CHECK(start.instructions == 0);
  CHECK(start.ending() == "running");
  REQUIRE(m.run_to_end());
  const RunSummary end = summarize_run(m, cache);
  CHECK(end.finished);
  CHECK(end.exit_code == 0);
  CHECK(end.last_output == "500 500");
  CHECK(end.ending() == "exit 0: 500 500");
  CHECK(end.bus_rdx + end.bus_upgr > 0);
  CHECK(end.bus_transactions >= end.bus_rd + end.bus_rdx + end.bus_upgr);
  CHECK(end.time_ns > 0);
  CHECK(end.sema_wait_ns > 0);  // main parks in wg.Wait while the workers count
  CHECK(end.config_words() == "2 cores, GOMAXPROCS 2, MESI, seed 1, padded=false");
  RunSummary padded = end;
  padded.knobs = {{"padded", "true"}};
  padded.config.protocol = ProtocolKind::MSI;
  CHECK(config_change(end, padded) == "MSI, padded=true");
  CHECK(config_change(end, end).empty());
}

TEST_CASE("run history: a row per run replaced (restart, knob, config, program), the old rows kept") {
  StudioModel m("false_sharing.go", example("false_sharing.go"));
  RunHistory h;
  h.attach(m);
  m.restart();  // nothing ran: no row
  CHECK(h.rows().empty());
  REQUIRE(m.run_to_end());
  const std::uint64_t unpadded_bus = h.live(m).invalidating();
  REQUIRE(m.set_knob("padded", "true"));
  REQUIRE(h.rows().size() == 1);
  CHECK(h.rows()[0].knobs == std::vector<std::pair<std::string, std::string>>{{"padded", "false"}});
  CHECK(h.rows()[0].finished);
  CHECK(h.rows()[0].invalidating() == unpadded_bus);
  REQUIRE(m.run_to_end());
  CHECK(h.live(m).knobs[0].second == "true");
  StudioConfig c = m.config();
  c.protocol = ProtocolKind::MSI;
  m.set_config(c);  // the row recorded has the config the run had
  REQUIRE(h.rows().size() == 2);
  CHECK(h.rows()[1].config.protocol == ProtocolKind::MESI);
  CHECK(h.rows()[1].knobs[0].second == "true");
  CHECK(h.rows()[1].invalidating() < h.rows()[0].invalidating());  // padded: no more line stealing
  m.step(StepKind::Statement);
  m.restart();  // a restart mid-run keeps that run too
  REQUIRE(h.rows().size() == 3);
  CHECK_FALSE(h.rows()[2].finished);
  CHECK(h.rows()[2].config.protocol == ProtocolKind::MSI);
  m.step(StepKind::Statement);
  m.restart();  // the same run again, to the same place: one row is enough
  CHECK(h.rows().size() == 3);
  m.step(StepKind::Statement);
  m.step(StepKind::Statement);
  REQUIRE(m.load("pingpong.go", example("pingpong.go")));
  REQUIRE(h.rows().size() == 4);
  CHECK(h.rows()[3].file == "false_sharing.go");
  // Bounded: the oldest go.
  for (int i = 0; i < 10; ++i) {
    for (int s = 0; s <= i; ++s) m.step(StepKind::Instruction);
    m.restart();
  }
  CHECK(h.rows().size() == RunHistory::kMaxRows);
  CHECK(h.rows().front().file == "pingpong.go");
  h.clear();
  CHECK(h.rows().empty());
}

TEST_CASE("compare presets: from the config and the program's knobs, never from its name") {
  const std::vector<lessons::Knob> fs = lessons::find_knobs(example("false_sharing.go"));
  const std::vector<ComparePreset> p = compare_presets(StudioConfig{}, fs);
  REQUIRE(p.size() == 3);
  CHECK(p[0].title() == "MSI vs MESI");
  CHECK(p[1].title() == "1 core vs 4 cores");
  CHECK(p[1].a.config.gomaxprocs == 1);
  CHECK(p[1].b.config.gomaxprocs == 4);
  CHECK(p[2].id == "padded");
  CHECK(p[2].title() == "padded=false vs padded=true");
  const std::vector<ComparePreset> modes =
      compare_presets(StudioConfig{}, lessons::find_knobs(kCounterModes));
  REQUIRE(modes.size() == 3);
  CHECK(modes[2].title() == R"(mode="mutex" vs mode="atomic")");
  CHECK(find_preset(modes, "mode=atomic"));
  CHECK(find_preset(modes, "protocol"));
  CHECK_FALSE(find_preset(modes, "padded"));
}

TEST_CASE("compare: false sharing padded steals no lines, unpadded steals many") {
  const std::string text = example("false_sharing.go");
  const auto preset = find_preset(compare_presets(StudioConfig{}, lessons::find_knobs(text)), "padded");
  REQUIRE(preset);
  CompareModel c("false_sharing.go", text, *preset);
  REQUIRE(c.ok());
  std::string error;
  CHECK(c.run_until("exit", error));
  CHECK(error.empty());
  CHECK(c.side(0).finished());
  CHECK(c.side(1).finished());
  const auto s = c.summaries();
  CHECK(s[1].invalidating() < s[0].invalidating() / 4);
  const std::vector<CompareRow> rows = c.rows();
  CHECK(row(rows, CompareMetric::BusRdX).better == 1);
  CHECK(row(rows, CompareMetric::BusTotal).better == 1);
  REQUIRE(row(rows, CompareMetric::BusTotal).ratio);
  CHECK(*row(rows, CompareMetric::BusTotal).ratio < 0.5);
  CHECK(s[0].last_output == s[1].last_output);
}

TEST_CASE("compare: MSI puts more transactions on the bus than MESI on the same program") {
  for (const char* file : {"false_sharing.go", "private_data.go"}) {
    const std::string text = example(file);
    const auto preset = find_preset(compare_presets(StudioConfig{}, lessons::find_knobs(text)), "protocol");
    CompareModel c(file, text, *preset);
    REQUIRE(c.run_to_end());
    const auto s = c.summaries();
    INFO(file);
    CHECK(s[0].config.protocol == ProtocolKind::MSI);
    CHECK(s[0].bus_transactions > s[1].bus_transactions);
    // Private data: MESI's E state turns a line's read-then-write into one transaction (E -> M is silent);
    // MSI needs a second (this MSI asks with BusRdX, as the textbook's does). Under false sharing the timing
    // moves the interleaving, so only the total is compared there.
    if (std::string(file) == "private_data.go")
      CHECK(s[0].bus_rdx + s[0].bus_upgr > s[1].bus_rdx + s[1].bus_upgr);
  }
}

TEST_CASE("compare: both machines stop at the same condition, a bad condition moves neither") {
  const auto presets = compare_presets(StudioConfig{}, lessons::find_knobs(kCounterModes));
  const auto preset = find_preset(presets, "mode=atomic");
  REQUIRE(preset);
  CompareModel c("modes.go", kCounterModes, *preset);
  REQUIRE(c.ok());
  std::string error;
  CHECK_FALSE(c.run_until("line", error));
  CHECK_FALSE(error.empty());
  CHECK(c.side(0).instructions() == 0);
  CHECK(c.side(1).instructions() == 0);
  error.clear();
  // Line 30 is `wg.Wait()`: main arrives there once in either mode.
  REQUIRE(c.side(0).lines()[29].find("wg.Wait()") != std::string::npos);
  CHECK(c.run_until("line 30", error));
  CHECK(c.same_point());
  for (int i = 0; i < 2; ++i) {
    CHECK(c.arrival(i) == CompareStop::Fired);
    CHECK(c.side(i).current_line() == 30);
  }
  CHECK(c.run_until("exit", error));
  const auto s = c.summaries();
  CHECK(s[0].last_output == "400");
  CHECK(s[1].last_output == "400");
  CHECK(s[0].lost_updates == 0);
  CHECK(s[1].lost_updates == 0);
  c.step(StepKind::Statement, 3);  // both ended: neither moves
  CHECK(c.same_point());
  c.restart();
  CHECK(c.side(0).instructions() == 0);
  c.step(StepKind::Statement, 5);
  CHECK(c.arrival(0) == CompareStop::Stepped);
  CHECK(c.side(0).steps_taken() == 5);
}

TEST_CASE("compare: a knob value the program rejects is an error, not a crash") {
  ComparePreset p{"bad", {StudioConfig{}, {{"padded", "7"}}, "padded=7"}, {StudioConfig{}, {}, "as is"}};
  CompareModel c("false_sharing.go", example("false_sharing.go"), p);
  CHECK_FALSE(c.ok());
  std::string error;
  CHECK_FALSE(c.run_until("exit", error));
  CHECK_FALSE(error.empty());
}
