// The collector on the machine (scheduler/vm/gc.cpp): cycles recorded for the timeline, the mark worker as a
// goroutine, and the run the same whether or not it is recorded.
#include <catch2/catch.hpp>

#include "scheduler/vm/vm.h"
#include "sim/go/run_program.h"

namespace {

using gb::vm::GcEvent;
using gb::vm::Vm;
using gb::vm::VmOptions;

// Garbage in a loop on two goroutines: the heap passes the 4 MB goal several times.
std::shared_ptr<const gb::vm::Program> churn() {
  static const auto p = [] {
    std::string diags;
    auto prog = gb::go::compile_go("churn.go", R"(package main

import (
	"fmt"
	"runtime"
	"sync"
)

type node struct {
	next *node
	v    [6]int
}

var sink *node

func work(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head}
		head.v[0] = i
		if i%500 == 0 {
			sink, head = head, nil
		}
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go work(60000, &wg)
	go work(60000, &wg)
	wg.Wait()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(m.NumGC > 1, m.Frees > 0)
}
)",
                                   diags);
    INFO(diags);
    REQUIRE(prog);
    return prog;
  }();
  return p;
}

VmOptions two_cores(bool record) {
  VmOptions o;
  o.gomaxprocs = 2;
  gb::vm::MachineOptions mo;
  mo.memory.cores = 2;
  mo.record = record;
  o.machine = mo;
  return o;
}

}  // namespace

TEST_CASE("gc: recorded cycles alternate start and termination, in time order, one per cycle", "[vm][gc]") {
  Vm v(churn(), two_cores(true));
  v.run();
  REQUIRE(v.finished());
  CHECK(v.stdout_text() == "true true\n");
  const auto& events = v.gc_events();
  REQUIRE(events.size() >= 4);
  REQUIRE(events.size() % 2 == 0);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const GcEvent& e = events[i];
    INFO("event " << i);
    CHECK(e.kind == (i % 2 == 0 ? GcEvent::Kind::Start : GcEvent::Kind::Termination));
    CHECK(e.cycle == i / 2);
    if (i != 0) CHECK(e.ns >= events[i - 1].ns);
  }
  // The mark phase ran beside the program: some cycle's termination came after its start in time.
  bool concurrent = false;
  for (std::size_t i = 0; i + 1 < events.size(); i += 2) concurrent = concurrent || events[i + 1].ns > events[i].ns;
  CHECK(concurrent);
}

TEST_CASE("gc: recording does not change the run", "[vm][gc]") {
  Vm plain(churn(), two_cores(false));
  plain.run();
  Vm recorded(churn(), two_cores(true));
  recorded.run();
  CHECK(plain.stdout_text() == recorded.stdout_text());
  CHECK(plain.state_hash() == recorded.state_hash());
  CHECK(plain.gc_events().empty());
}

TEST_CASE("gc: on the machine, memory keeps only the lines of pages in use and of what the caches hold",
          "[vm][gc]") {
  Vm v(churn(), two_cores(false));
  v.run();
  REQUIRE(v.finished());
  const gb::vm::Memory& mem = v.memory();
  const gb::MemorySystem& sys = mem.system();
  const std::uint64_t heap_first_byte = mem.heap_first_byte();
  REQUIRE(heap_first_byte != 0);
  const std::uint32_t line_bytes = 64;
  std::uint64_t heap_lines = 0;
  for (const auto& entry : sys.memory().written_lines())
    if (entry.first * line_bytes >= heap_first_byte) ++heap_lines;
  // Every heap line main memory holds is in a span in use, or one a cache holds (32 KiB each).
  const std::uint64_t in_spans = mem.heap().span_words() * 8 / line_bytes;
  const std::uint64_t cached = 2 * 32768 / line_bytes;
  INFO("heap lines " << heap_lines << ", span lines " << in_spans);
  CHECK(heap_lines <= in_spans + cached);
  // Far below what the run touched: its heap passed 4 MB (65 536 lines) several times.
  CHECK(heap_lines < 65536 / 2);
}

TEST_CASE("gc: a stop-the-world pause takes time, and no goroutine starts running on any core inside it",
          "[vm][gc]") {
  Vm v(churn(), two_cores(true));
  v.run();
  REQUIRE(v.finished());
  const auto& events = v.gc_events();
  REQUIRE(events.size() >= 4);
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const GcEvent& e = events[i];
    INFO("event " << i);
    CHECK(e.pause_ns > 0);
    total += e.pause_ns;
    if (i + 1 < events.size()) CHECK(events[i + 1].ns >= e.ns + static_cast<std::int64_t>(e.pause_ns));
  }
  CHECK(total == v.gc_state().pause_total_ns);
  const auto& slices = v.run_slices();
  for (std::size_t k = 0; k < slices.size(); ++k)
    for (std::size_t i = 0; i < events.size(); ++i) {
      const GcEvent& e = events[i];
      INFO("slice " << k << " of G" << slices[k].g << " at " << slices[k].start_ns << ", pause at " << e.ns);
      CHECK_FALSE((slices[k].start_ns > e.ns && slices[k].start_ns < e.ns + static_cast<std::int64_t>(e.pause_ns)));
    }
}

TEST_CASE("gc: with every P busy, a dedicated mark worker runs on another P as soon as the world starts again",
          "[vm][gc]") {
  Vm v(churn(), two_cores(true));
  v.run();
  REQUIRE(v.finished());
  const auto& workers = v.gc_state().workers;
  REQUIRE(workers.size() == 1);  // a quarter of 2 Ps, rounded: one dedicated worker
  const auto& events = v.gc_events();
  const auto& slices = v.run_slices();
  std::size_t prompt = 0, cycles = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const GcEvent& e = events[i];
    if (e.kind != GcEvent::Kind::Start) continue;
    ++cycles;
    const std::int64_t resumed = e.ns + static_cast<std::int64_t>(e.pause_ns);
    for (std::size_t k = 0; k < slices.size(); ++k)
      if (slices[k].g == workers[0] && slices[k].start_ns >= e.ns && slices[k].start_ns <= resumed + 10'000) {
        ++prompt;
        break;
      }
  }
  INFO(prompt << " of " << cycles << " cycles had their worker running within 10 us of the restart");
  REQUIRE(cycles >= 2);
  CHECK(prompt == cycles);
}
