// The studio's stats panel as plain data: cache and bus counters per core and in total, time lost waiting,
// payments per second, and series over simulated time (bus transactions, misses, invalidations, runnable Gs)
// bucketed from the run's logs, kept up to date incrementally. No ImGui.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "coherence/stats.h"
#include "studio_model.h"

namespace gb::ui {

// Counters read from the machine as it stands (cheap: per-core counters the memory system keeps).
struct StatsTotals {
  std::vector<CacheStats> per_core;
  CacheStats total;  // the sum of per_core
  std::uint64_t hits() const { return total.accesses() - total.misses(); }
  std::uint64_t bus_transactions = 0;  // the memory system's count (every request on the bus)
  std::uint64_t bus_wait_ns = 0;       // cores waiting for the bus while another transaction held it
  std::size_t lost_updates = 0;        // lost updates so far (scheduler/vm/lost_updates.h)
  std::int64_t now_ns = 0;
  std::uint64_t instructions = 0;
  // The payment workload's clients (sim/world): requests sent so far and per simulated second; nullopt when
  // the run has no payment clients.
  std::optional<std::uint64_t> payments;
  std::optional<double> payments_per_second;
  // The collector (scheduler/vm/gc_state.h): cycles finished, their stop-the-world time, the heap now (Go's
  // sizes) and the pacer's goal.
  std::uint32_t gc_cycles = 0;
  std::uint64_t gc_pause_ns = 0;
  std::uint64_t heap_live_bytes = 0;
  std::uint64_t heap_goal_bytes = 0;
};

StatsTotals stats_totals(const StudioModel& model);

// Series over simulated time, `bucket_ns` per bucket, at most kMaxBuckets buckets: when the run outgrows them
// the width doubles and neighbours merge, so the work per new record stays constant.
struct StatsSeries {
  static constexpr std::size_t kMaxBuckets = 120;
  std::int64_t bucket_ns = 0;
  std::vector<float> bus;            // bus transactions started in the bucket
  std::vector<float> misses;         // line fills requested (BusRd, BusRdX): the read and write misses
  std::vector<float> invalidations;  // snooping caches whose valid copy went to I
  std::vector<float> runnable;       // the most runnable Gs (run queues, runnext, global queue) in the bucket
  std::vector<float> running;        // the most Gs on a P in the bucket
  // From bucket `load_from` on, the last load sample still holds (up to the present): to_present() fills it
  // in.
  std::size_t load_from = 0;
  float last_runnable = 0, last_running = 0;
  std::vector<float> to_present(const std::vector<float>& v, float last) const;
};

// Keeps the series and the semaphore waits of one run up to date from its logs: each update reads only the
// records added since the last (at most `budget` of them, so a jump far ahead catches up over a few frames),
// and starts over when the run's history changed (a step back, a restart, a new program).
class StatsCache {
 public:
  static constexpr std::size_t kDefaultBudget = 400'000;

  void update(const StudioModel& model, std::size_t budget = kDefaultBudget);
  const StatsSeries& series() const { return series_; }
  // Every record read: false while catching up after a jump.
  bool complete() const { return complete_; }
  // Time goroutines spent parked in semacquire (sync.Mutex's slow path, and also WaitGroup.Wait: Go 1.19
  // calls both waits "semacquire"), including waits still going on now; and how many such parks.
  std::int64_t sema_wait_ns() const { return sema_wait_ns_ + open_sema_ns_; }
  std::uint64_t sema_parks() const { return sema_parks_; }
  std::size_t bus_records_seen() const { return bus_seen_; }

 private:
  void reset();
  std::size_t bucket(std::int64_t ns);  // the index for `ns`, widening the buckets as needed
  void widen();
  void carry_load(std::size_t to);  // the last load holds in the buckets up to `to`

  // What identifies the history read so far: the session, the knobs, and the last bus record read.
  const Session* session_ = nullptr;
  StudioConfig config_;
  vm::BusRecord last_bus_{};
  std::size_t bus_seen_ = 0;
  std::size_t load_seen_ = 0;
  std::size_t slices_seen_ = 0;
  std::vector<std::size_t> open_slices_;          // slices read while still growing
  std::unordered_map<GId, std::int64_t> parked_;  // Gs parked in semacquire, since when
  vm::LoadSample last_load_{};                    // the load in effect after the last sample read
  std::size_t filled_to_ = 0;  // buckets before this have had the load carried in; this one has the last
  StatsSeries series_;
  std::int64_t sema_wait_ns_ = 0;
  std::int64_t open_sema_ns_ = 0;
  std::uint64_t sema_parks_ = 0;
  bool complete_ = true;
};

}  // namespace gb::ui
