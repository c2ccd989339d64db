// Run statistics as JSON and as text (run_stats.h).
#include "sim/machine/run_stats.h"

#include <algorithm>
#include <cstdio>

#include "coherence/protocol.h"

namespace gb {

namespace {

// The collector's figures (scheduler/vm/gc_state.h): cycles, their pauses, the marking work and the heap.
nlohmann::json gc_json(const vm::Vm& vm) {
  const vm::GcState& gc = vm.gc_state();
  const vm::HeapSpans& heap = vm.memory().heap();
  nlohmann::json j;
  j["cycles"] = gc.cycles;
  j["forced_cycles"] = gc.forced;
  j["pause_total_ns"] = gc.pause_total_ns;
  j["marked_by_assists_words"] = gc.assist_words;
  j["marked_by_workers_words"] = gc.worker_words;
  j["mallocs"] = gc.mallocs;
  j["frees"] = gc.frees;
  j["total_alloc_bytes"] = gc.total_alloc;
  j["heap_live_bytes"] = heap.live_bytes();
  j["heap_objects"] = heap.live_objects();
  if (gc.goal == UINT64_MAX) j["heap_goal_bytes"] = nullptr;  // GOGC=off
  else j["heap_goal_bytes"] = gc.goal;
  return j;
}

}  // namespace

nlohmann::json run_stats_json(const vm::Vm& vm, double host_seconds) {
  nlohmann::json j;
  const double instr = static_cast<double>(vm.instructions());
  j["instructions"] = vm.instructions();
  j["host_seconds"] = host_seconds;
  j["instructions_per_host_second"] = host_seconds > 0 ? instr / host_seconds : 0.0;
  j["simulated_ns"] = vm.now();
  j["gomaxprocs"] = vm.scheduler().gomaxprocs();
  j["gc"] = gc_json(vm);
  if (!vm.memory().machine()) {
    j["machine"] = nullptr;
    return j;
  }
  const MemorySystem& ms = vm.memory().system();
  nlohmann::json m;
  m["cores"] = ms.cores();
  m["protocol"] = ms.protocol().name;
  m["bus_transactions"] = ms.transactions();
  m["memory_accesses"] = vm.memory().accesses();
  m["bus_wait_ns"] = vm.memory().bus_wait_ns();
  m["threads"] = vm.scheduler().ms().size();
  // Lost updates (scheduler/vm/lost_updates.h), when the run watched for them; null when it did not.
  if (vm.memory().watching()) m["lost_updates"] = vm.memory().lost_updates().size();
  else m["lost_updates"] = nullptr;
  std::int64_t end = 0;
  nlohmann::json cores = nlohmann::json::array();
  for (int c = 0; c < ms.cores(); ++c) {
    const vm::CoreRun& run = vm.cores()[static_cast<std::size_t>(c)];
    const CacheStats& s = ms.stats(c);
    end = std::max(end, run.clock);
    cores.push_back({{"core", c},
                     {"clock_ns", run.clock},
                     {"instructions", run.instructions},
                     {"stall_cycles", run.stall_cycles},
                     {"context_switches", run.context_switches},
                     {"reads", s.reads},
                     {"writes", s.writes},
                     {"read_misses", s.read_misses},
                     {"write_misses", s.write_misses},
                     {"bus_rd", s.bus_rd},
                     {"bus_rdx", s.bus_rdx},
                     {"bus_upgr", s.bus_upgr},
                     {"bus_upd", s.bus_upd},
                     {"invalidations", s.invalidations},
                     {"c2c_transfers", s.c2c_transfers},
                     {"writebacks", s.writebacks}});
  }
  m["end_ns"] = end;
  m["per_core"] = cores;
  j["machine"] = m;
  return j;
}

std::string run_stats_text(const vm::Vm& vm, double host_seconds) {
  char buf[256];
  std::string out;
  const double instr = static_cast<double>(vm.instructions());
  std::snprintf(buf, sizeof buf, "instructions: %llu\nhost seconds: %.3f\ninstructions/s: %.1fM\n",
                static_cast<unsigned long long>(vm.instructions()), host_seconds,
                host_seconds > 0 ? instr / host_seconds / 1e6 : 0.0);
  out += buf;
  const vm::GcState& gc = vm.gc_state();
  std::snprintf(buf, sizeof buf,
                "gc: %u cycles (%u forced), %llu ns paused; marked %llu words in assists, %llu by workers; heap "
                "%llu bytes live in %llu objects\n",
                gc.cycles, gc.forced, static_cast<unsigned long long>(gc.pause_total_ns),
                static_cast<unsigned long long>(gc.assist_words), static_cast<unsigned long long>(gc.worker_words),
                static_cast<unsigned long long>(vm.memory().heap().live_bytes()),
                static_cast<unsigned long long>(vm.memory().heap().live_objects()));
  out += buf;
  if (!vm.memory().machine()) return out;
  const MemorySystem& ms = vm.memory().system();
  std::snprintf(buf, sizeof buf,
                "machine: %d cores, %s, %llu bus transactions (%llu ns waiting for the bus), %llu memory accesses, "
                "%zu threads (Ms)\n",
                ms.cores(), ms.protocol().name.c_str(), static_cast<unsigned long long>(ms.transactions()),
                static_cast<unsigned long long>(vm.memory().bus_wait_ns()),
                static_cast<unsigned long long>(vm.memory().accesses()), vm.scheduler().ms().size());
  out += buf;
  if (vm.memory().watching()) {
    std::snprintf(buf, sizeof buf, "lost updates: %zu\n", vm.memory().lost_updates().size());
    out += buf;
  }
  for (int c = 0; c < ms.cores(); ++c) {
    const vm::CoreRun& run = vm.cores()[static_cast<std::size_t>(c)];
    const CacheStats& s = ms.stats(c);
    std::snprintf(buf, sizeof buf,
                  "core %d: clock %lld ns, %llu instructions, %llu stall cycles, %llu misses, BusRd %llu, "
                  "BusRdX %llu, BusUpgr %llu, invalidated %llu\n",
                  c, static_cast<long long>(run.clock), static_cast<unsigned long long>(run.instructions),
                  static_cast<unsigned long long>(run.stall_cycles), static_cast<unsigned long long>(s.misses()),
                  static_cast<unsigned long long>(s.bus_rd), static_cast<unsigned long long>(s.bus_rdx),
                  static_cast<unsigned long long>(s.bus_upgr), static_cast<unsigned long long>(s.invalidations));
    out += buf;
  }
  return out;
}

}  // namespace gb
