// The studio's event log view: built incrementally it lists exactly the run's records in time order; filters
// by layer, goroutine and text return only (and all) the matching events; events after a step back stay
// listed as the future; and jumping to an event puts the whole machine at the moment it has just happened.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "sim/machine/run_events.h"
#include "ui/event_log_view.h"
#include "ui/studio_example.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioModel example() {
  return StudioModel(std::string(kExampleFile), std::string(example_program()));
}

// The run stretches that are events: those over (or ended with the program), by index.
std::vector<std::uint32_t> listed_stretches(const vm::Vm& vm) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < vm.run_slices().size(); ++i)
    if (stretch_listed(vm, vm.run_slices()[i])) out.push_back(static_cast<std::uint32_t>(i));
  return out;
}

std::size_t total_records(const vm::Vm& vm) {
  return vm.memory().bus_log().size() + listed_stretches(vm).size() + vm.wakes().size() +
         vm.memory().lost_updates().size() + vm.races().size();
}

std::size_t log_size(const vm::Vm& vm, EventLayer l) {
  switch (l) {
    case EventLayer::Wake:
      return vm.wakes().size();
    case EventLayer::Scheduler:
      return listed_stretches(vm).size();
    case EventLayer::Bus:
      return vm.memory().bus_log().size();
    case EventLayer::Lost:
      return vm.memory().lost_updates().size();
    case EventLayer::Race:
      return vm.races().size();
  }
  return 0;
}

int rank(EventLayer l) {
  return l == EventLayer::Wake        ? 0
         : l == EventLayer::Bus       ? 1
         : l == EventLayer::Scheduler ? 2
         : l == EventLayer::Lost      ? 3
                                      : 4;
}

// Every record once, in time order (ties: wake, bus, the stretch that ended, lost update, race), a stretch at its end
// once over.
void check_complete(const EventLogView& v, const vm::Vm& vm) {
  const std::vector<LogEvent>& es = v.events();
  REQUIRE(es.size() == total_records(vm));
  std::map<EventLayer, std::vector<std::uint32_t>> seen;
  for (std::size_t i = 0; i < es.size(); ++i) {
    seen[es[i].layer].push_back(es[i].index);
    if (es[i].layer == EventLayer::Scheduler) {
      CHECK(es[i].at_end);
      CHECK(es[i].ns == vm.run_slices()[es[i].index].end_ns);
    }
    if (i > 0) {
      const LogEvent& a = es[i - 1];
      const LogEvent& b = es[i];
      CHECK((a.ns < b.ns || (a.ns == b.ns && rank(a.layer) <= rank(b.layer))));
    }
  }
  for (auto& [layer, idx] : seen) {
    std::sort(idx.begin(), idx.end());
    REQUIRE(idx.size() == log_size(vm, layer));
    if (layer == EventLayer::Scheduler) {
      CHECK(idx == listed_stretches(vm));
      continue;
    }
    for (std::size_t i = 0; i < idx.size(); ++i) CHECK(idx[i] == i);
  }
  // The words are run_events' words, in the same order.
  const std::vector<RunEvent> words = run_events(vm);
  REQUIRE(words.size() == es.size());
  for (std::size_t i = 0; i < es.size(); ++i) CHECK(v.text(es[i]) == words[i].text);
}

}  // namespace

TEST_CASE("event log view: kept incrementally it lists every record of the run once, in time order") {
  StudioModel m = example();
  EventLogView v;
  v.sync(m.machine()->runtime());
  CHECK(v.events().size() == total_records(m.machine()->runtime()));
  for (int i = 0; i < 60; ++i) {
    m.step(i % 3 == 0 ? StepKind::Statement : StepKind::BusTransaction);
    v.sync(m.machine()->runtime());
  }
  check_complete(v, m.machine()->runtime());
  // A view made in one go at the end agrees with the incremental one.
  EventLogView once;
  once.sync(m.machine()->runtime());
  REQUIRE(once.events().size() == v.events().size());
  for (std::size_t i = 0; i < v.events().size(); ++i) {
    CHECK(once.events()[i].layer == v.events()[i].layer);
    CHECK(once.events()[i].index == v.events()[i].index);
  }
}

TEST_CASE("event log view: filters by layer, goroutine and text return only and all the matching events") {
  // The regular run (jitter 0): its two workers overlap for most of the program, so 300 bus steps make a long
  // log of every layer (with timing noise seed 1's workers overlap less and the program ends sooner).
  StudioConfig regular;
  regular.jitter = 0;
  StudioModel m(std::string(kExampleFile), std::string(example_program()), regular);
  for (int i = 0; i < 300; ++i) m.step(StepKind::BusTransaction);
  const vm::Vm& vm = m.machine()->runtime();
  EventLogView v;
  v.sync(vm);
  REQUIRE(v.events().size() > 150);
  REQUIRE(v.goroutines().count(6) == 1);
  REQUIRE(v.goroutines().count(7) == 1);

  EventFilter bus_only;
  bus_only.layers = {false, false, true};
  const std::vector<std::size_t> bus = v.filtered(bus_only);
  CHECK(bus.size() == vm.memory().bus_log().size());
  for (std::size_t i : bus) CHECK(v.events()[i].layer == EventLayer::Bus);

  EventFilter g7;
  g7.g = 7;
  const std::vector<std::size_t> of7 = v.filtered(g7);
  std::size_t expected = 0;
  for (std::size_t i = 0; i < vm.memory().bus_log().size(); ++i) expected += vm.memory().bus_log()[i].g == 7;
  for (std::uint32_t i : listed_stretches(vm)) expected += vm.run_slices()[i].g == 7;
  for (std::size_t i = 0; i < vm.wakes().size(); ++i)
    expected += vm.wakes()[i].waker == 7 || vm.wakes()[i].woken == 7;
  CHECK(of7.size() == expected);
  CHECK(of7.size() > 10);
  for (std::size_t i : of7) CHECK(v.events()[i].involves(7));
  // The bus transactions a G's bursts made happened on the core that G's run stretch was on.
  for (std::size_t i : of7) {
    const LogEvent& e = v.events()[i];
    if (e.layer != EventLayer::Bus) continue;
    const vm::BusRecord& b = vm.memory().bus_log()[e.index];
    bool on_core = false;
    for (std::size_t k = 0; k < vm.run_slices().size() && !on_core; ++k) {
      const vm::RunSlice& s = vm.run_slices()[k];
      on_core = s.g == 7 && s.core == b.core && s.start_ns <= b.start_ns && b.start_ns <= s.end_ns;
    }
    CHECK(on_core);
  }

  EventFilter wakes_of6;
  wakes_of6.layers = {true, false, false};
  wakes_of6.g = 6;
  for (std::size_t i : v.filtered(wakes_of6)) {
    CHECK(v.events()[i].layer == EventLayer::Wake);
    CHECK(v.events()[i].involves(6));
  }

  EventFilter text;
  text.text = "busrdx";  // case-insensitive
  const std::vector<std::size_t> rdx = v.filtered(text);
  CHECK_FALSE(rdx.empty());
  std::size_t count = 0;
  for (const LogEvent& e : v.events()) count += v.text(e).find("BusRdX") != std::string::npos;
  CHECK(rdx.size() == count);

  // A budget spreads the scan over calls and reaches the same result.
  EventFilter none;
  none.g = 7;
  none.layers = {true, true, false};
  std::vector<std::size_t> slow;
  for (int guard = 0; guard < 10'000; ++guard) {
    slow = v.filtered(none, 7);
    if (v.complete()) break;
  }
  CHECK(v.complete());
  for (std::size_t i : slow) CHECK((v.events()[i].involves(7) && v.events()[i].layer != EventLayer::Bus));
}

TEST_CASE("event log view: after a step back the later events stay listed as not yet happened") {
  StudioModel m = example();
  for (int i = 0; i < 40; ++i) m.step(StepKind::BusTransaction);
  EventLogView v;
  v.sync(m.machine()->runtime());
  const std::size_t all = v.events().size();
  for (int i = 0; i < 10; ++i) m.step_back(StepKind::BusTransaction);
  v.sync(m.machine()->runtime());
  CHECK(v.events().size() == all);
  const vm::Vm& vm = m.machine()->runtime();
  std::size_t ahead = 0;
  for (const LogEvent& e : v.events()) ahead += !EventLogView::happened(vm, e);
  CHECK(ahead == all - total_records(vm));
  CHECK(ahead >= 10);
  const std::size_t latest = v.latest_happened(vm);
  REQUIRE(latest < v.events().size());
  CHECK(EventLogView::happened(vm, v.events()[latest]));
  // Forward again: nothing is listed twice.
  for (int i = 0; i < 15; ++i) m.step(StepKind::BusTransaction);
  v.sync(m.machine()->runtime());
  check_complete(v, m.machine()->runtime());
  // Another run (a knob changed) starts the list over.
  StudioConfig c = m.config();
  c.protocol = ProtocolKind::MSI;
  m.set_config(c);
  for (int i = 0; i < 5; ++i) m.step(StepKind::BusTransaction);
  v.sync(m.machine()->runtime(), m.session());
  check_complete(v, m.machine()->runtime());
}

TEST_CASE("event log view: a record's stamp is before it exists, and a jump lands just after it happened") {
  StudioModel m = example();
  for (int i = 0; i < 120; ++i) m.step(StepKind::BusTransaction);
  EventLogView v;
  v.sync(m.machine()->runtime());
  const std::vector<LogEvent> events = v.events();
  REQUIRE(events.size() > 100);
  std::size_t exact_bus = 0, bus_jumps = 0, wakes_at_stamp = 0, sampled = 0;
  for (std::size_t k = 0; k < events.size(); k += 7) {
    const LogEvent& e = events[k];
    ++sampled;
    INFO("event " << k << " " << layer_name(e.layer) << " #" << e.index << ": " << v.text(e));
    m.seek(e.instr);
    // A wake-up's stamp is "at or before" the position it shows at (vm.h): one made while scheduling shows at
    // its stamp already; the rest must not have happened yet.
    if (e.layer == EventLayer::Wake && EventLogView::happened(m.machine()->runtime(), e)) {
      ++wakes_at_stamp;
      continue;
    }
    CHECK_FALSE(EventLogView::happened(m.machine()->runtime(), e));
    REQUIRE(jump_to_event(m, e));
    const vm::Vm& vm = m.machine()->runtime();
    const std::uint64_t at = vm.instructions();
    CHECK(EventLogView::happened(vm, e));
    CHECK(at > e.instr);
    if (e.layer == EventLayer::Bus) {
      // The machine's state shows the transaction just happened: it is the newest (or one instruction made it
      // and a few more, as an hchan operation's lock, stores and unlock).
      const std::size_t size = vm.memory().bus_log().size();
      CHECK(size > e.index);
      ++bus_jumps;
      exact_bus += size == e.index + 1;
      const vm::BusRecord& b = vm.memory().bus_log()[e.index];
      CHECK(b.start_ns == e.ns);
    }
    // One instruction earlier it had not happened.
    m.seek(at - 1);
    CHECK_FALSE(EventLogView::happened(m.machine()->runtime(), e));
    m.seek(at);
    CHECK(EventLogView::happened(m.machine()->runtime(), e));
  }
  CHECK(wakes_at_stamp * 10 < sampled);
  CHECK(bus_jumps > 10);
  CHECK(exact_bus * 10 >= bus_jumps * 9);  // almost every instruction makes at most one transaction
}

TEST_CASE("event log view: nothing a G did is listed after the stretch that ended it (G1's exit)") {
  // Regression: stretches were listed at their start with words of their end ("then: exit"), so G1's own bus
  // transactions during its last stretch came after "G1 runtime.main ... then: exit".
  StudioModel m = example();
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  const vm::Vm& vm = m.machine()->runtime();
  EventLogView v;
  v.sync(vm);
  check_complete(v, vm);
  const std::vector<LogEvent>& es = v.events();
  std::size_t exit_at = es.size();
  for (std::size_t i = 0; i < es.size(); ++i)
    if (es[i].layer == EventLayer::Scheduler && es[i].g == 1 &&
        v.text(es[i]).find("then: exit") != std::string::npos)
      exit_at = i;
  REQUIRE(exit_at < es.size());
  for (std::size_t i = exit_at + 1; i < es.size(); ++i) {
    INFO(v.text(es[i]));
    CHECK_FALSE(es[i].involves(1));
  }
  // The words the CLI prints agree, in the same order.
  const std::vector<RunEvent> words = run_events(vm);
  std::size_t cli_exit = words.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].text.find("G1 runtime.main") != std::string::npos &&
        words[i].text.find("then: exit") != std::string::npos)
      cli_exit = i;
  CHECK(cli_exit == exit_at);
}
