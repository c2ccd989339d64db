// One run in a row of numbers (its knobs in words, bus transactions by kind, misses, simulated time,
// semaphore wait, lost updates, how it ended), and the studio's history of such rows kept across restarts, so
// a knob changed leaves the run before it on screen beside the new one. No ImGui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stats_view.h"
#include "studio_model.h"

namespace gb::ui {

struct RunSummary {
  // [SECTION] The configuration
  StudioConfig config;
  std::vector<std::pair<std::string, std::string>> knobs;  // the program's knobs: name, Go literal
  std::string file;
  // [SECTION] Where the run stood
  std::uint64_t bus_rd = 0, bus_rdx = 0, bus_upgr = 0, bus_upd = 0;
  std::uint64_t flushes = 0;  // dirty lines a cache put on the bus for another's request
  std::uint64_t bus_transactions = 0;
  std::uint64_t misses = 0;
  std::uint64_t invalidations = 0;
  std::int64_t time_ns = 0;
  std::uint64_t instructions = 0;
  std::int64_t sema_wait_ns = 0;  // parked in semacquire (stats_view.h: mutex slow path and WaitGroup.Wait)
  bool sema_complete = true;      // false: the semaphore wait was still being read (a far jump)
  std::size_t lost_updates = 0;
  bool finished = false;
  std::optional<int> exit_code;
  std::string last_output;  // the last non-empty line of standard output
  bool operator==(const RunSummary&) const = default;

  std::uint64_t invalidating() const { return bus_rdx + bus_upgr; }  // requests that take a line away
  // "2 cores, GOMAXPROCS 2, MESI, seed 1, padded=true" (store buffers, a planted bug and a time scale only
  // when on); the knobs only with `knobs`.
  std::string config_words(bool with_knobs = true) const;
  // "exit 0", "running", or the exit status with the output's last line.
  std::string ending() const;
};

// The row of `model`'s run as it stands now. `cache` reads the run's logs for the semaphore wait (kept across
// calls, so reading the same run again costs only its new records); `budget`: records read per call.
RunSummary summarize_run(const StudioModel& model, StatsCache& cache,
                         std::size_t budget = StatsCache::kDefaultBudget);

// What changed from `before` to `after` in words ("padded=true", "MSI", "4 cores"): the config words that
// differ. Empty when the configuration is the same (a restart).
std::string config_change(const RunSummary& before, const RunSummary& after);

// The runs of this studio session, oldest first, at most kMaxRows: a row is recorded when the run is replaced
// (the model's on_replace hook: restart, knobs, another program) unless nothing ran or it equals the last
// row; live() is the run going on now.
class RunHistory {
 public:
  static constexpr std::size_t kMaxRows = 8;

  // Hooks this history to `model`: each run it replaces becomes a row. The history must outlive the hook (the
  // studio re-attaches it every frame, so a moved history never dangles for long).
  void attach(StudioModel& model);
  void record(const StudioModel& model);
  void add(RunSummary row);  // a row made elsewhere (tests, a lesson)
  const std::deque<RunSummary>& rows() const { return rows_; }
  void clear() { rows_.clear(); }
  // The current run's row, read incrementally from its logs.
  RunSummary live(const StudioModel& model);

 private:
  std::deque<RunSummary> rows_;
  StatsCache cache_;
};

}  // namespace gb::ui
