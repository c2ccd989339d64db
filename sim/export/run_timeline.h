// A simulated run as plain data for the exporters: G, core and bus slices, instants, flows, counters.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gb {

// The timeline is filled while a simulation runs and read by writers (chrome_trace.h) afterwards, so it holds
// values only: no pointers into the simulator, and every time is simulated nanoseconds since the run began.
// Integral nanoseconds keep two runs of the same program byte-identical; writers convert to microseconds.

// The three sections of the picture: one row per P, one per core, one for the bus.
enum class RowKind : std::uint8_t { P, Core, Bus };

// A point on one row: where a flow arrow starts or ends.
struct RowPoint {
  RowKind row = RowKind::P;
  int index = 0;  // P id, core id, or 0 for the bus
  std::int64_t ts_ns = 0;
};

// A G running on a P (on some core) from start to end; end_reason says why it stopped ("chan receive",
// "preempted", "exit"...), which is what a student asks first when a slice ends.
struct GSlice {
  int p = 0;
  int core = 0;
  std::int64_t goid = 0;
  std::string name;  // the G's function, "main.worker"
  std::int64_t start_ns = 0;
  std::int64_t end_ns = 0;
  std::string end_reason;
};

// The OS view: which M (thread) ran on a core, holding which P (-1 while it holds none, e.g. in a syscall).
struct CoreSlice {
  int core = 0;
  int m = 0;
  int p = -1;
  std::int64_t start_ns = 0;
  std::int64_t end_ns = 0;
};

// One transaction on the snooping bus, with the cache state changes it caused in every core.
struct BusTransaction {
  std::int64_t start_ns = 0;
  std::int64_t dur_ns = 0;
  int core = 0;    // the requester
  std::string op;  // "BusRd", "BusRdX", "BusUpgr", "BusUpd"
  std::uint64_t addr = 0;
  std::string changes;  // "c1 S->M, c0 S->I"
  // Its cause (sim/inspect/causes.h), when known: the goroutine (0: none), the line, the operation, the variable
  // and all of it in words ("G6 main.deposit:17 store main.balance").
  int g = 0;
  std::string site, access, variable, cause;
};

// A moment worth marking on a row: steal, preempt, handoff, a cache line changing state.
struct Instant {
  RowKind row = RowKind::P;
  int index = 0;
  std::int64_t ts_ns = 0;
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;  // kept in this order when written
};

// An arrow from the waker to the woken (send -> receiver, unlock -> waiter, timer -> sleeper). Each end
// should fall inside a slice on its row; writers move an end that does not (see chrome_trace.h).
struct Flow {
  std::uint64_t id = 0;  // unique within the timeline
  RowPoint from;
  RowPoint to;
  std::string name = "wake";
};

// One sample of a named quantity ("Goroutines", "RunQueue P0"); the series is a step function between
// samples.
struct Counter {
  std::int64_t ts_ns = 0;
  std::string name;
  double value = 0;
};

struct RunTimeline {
  int procs = 0;  // GOMAXPROCS: rows Proc 0 .. procs-1 exist even if nothing ran on them
  int cores = 0;
  std::vector<GSlice> g_slices;
  std::vector<CoreSlice> core_slices;
  std::vector<BusTransaction> bus;
  std::vector<Instant> instants;
  std::vector<Flow> flows;
  std::vector<Counter> counters;
  std::uint64_t next_flow_id = 1;  // kept above every id in flows, so add_flow never reuses one

  void add(GSlice s) { g_slices.push_back(std::move(s)); }
  void add(CoreSlice s) { core_slices.push_back(std::move(s)); }
  void add(BusTransaction t) { bus.push_back(std::move(t)); }
  void add(Instant i) { instants.push_back(std::move(i)); }
  void add(Flow f) {
    if (f.id >= next_flow_id) next_flow_id = f.id + 1;
    flows.push_back(std::move(f));
  }
  void add(Counter c) { counters.push_back(std::move(c)); }

  // Adds a flow with a fresh id and returns it, so a simulation need not keep its own counter.
  std::uint64_t add_flow(RowPoint from, RowPoint to, std::string name = "wake") {
    const std::uint64_t id = next_flow_id++;
    flows.push_back(Flow{id, from, to, std::move(name)});
    return id;
  }
};

}  // namespace gb
