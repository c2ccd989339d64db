// The schedule explorer: runs a program on the machine under every schedule that matters, in the manner of CHESS
// (preemption bounding) with dynamic partial-order reduction and sleep sets (Flanagan and Godefroid), until one
// goes wrong. The machine runs controlled (vm::MachineOptions::controlled): after each step that touches shared
// memory, writes output or changes the scheduler's state, which core runs next is a choice, and every other
// choice (select's poll order, a map's iteration start, the first victim of a steal) is one as well. A run is a
// path of choices; the search re-runs the program from its start along a prefix of the last path and branches at
// the deepest choice with an alternative left.
//
// Reduction: two steps of different cores are dependent when they touch a word in common and one of them stores
// it, when both change the scheduler's state, or when both write output. After each run, every pair of dependent
// steps not ordered by happens-before gets the later step's core tried at the earlier step's choice point
// (backtracking), and a core whose step was explored at a choice point sleeps in the branches after it until a
// dependent step wakes it. Bounding: switching away from a core that could have gone on is a preemption; bound K
// explores the schedules with at most K of them, bounds 0, 1 ... K in turn, as CHESS does. Where the bound refuses
// a backtracking point, the latest earlier point where that core can be taken without a preemption gets it
// (bounded partial-order reduction, Coons, Musuvathi and McKinley).
//
// Simplified: the allocator's and the collector's state and the clocks are not part of the dependency relation
// (two allocations commute even though the addresses they give out differ), and an instruction is never split
// (a channel operation or an atomic is one step).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/explore/schedule_file.h"
#include "sim/machine/machine.h"

namespace gb::explore {

// What went wrong after an instruction, checked by a run watch (--until, --check): text, or nullopt.
class RunWatch {
 public:
  virtual ~RunWatch() = default;
  virtual std::optional<std::string> after_instruction(const Machine& machine) = 0;
};

struct ExploreProgress {
  std::uint64_t schedules = 0;  // runs ended
  std::uint64_t pruned = 0;     // runs cut short as redundant (every core asleep) or over the bound
  int bound = 0;                // the preemption bound being explored
  double seconds = 0;
};

struct ExploreOptions {
  MachineConfig config;  // cores, GOMAXPROCS, protocol, seed, the outside world (controlled and record are set here)
  int preemption_bound = 2;
  std::uint64_t max_schedules = 200'000;     // over all bounds (the CLI's default: sim/cli/commands.h)
  std::uint64_t max_instructions = 5'000'000;  // per run; a run that goes on is cut there (not a failure)
  bool reduction = true;                     // false: every alternative at every choice, within the bound
  bool all_outputs = false;                  // go on after a failure, gathering each distinct output
  // Per run, a watch checked after every instruction; absent: each run goes in one piece (much faster).
  std::function<std::unique_ptr<RunWatch>(const Machine&)> watch;
  std::function<void(const ExploreProgress&)> progress;  // about twice a second
  // Asked between runs: true stops the search (the studio's Cancel).
  std::function<bool()> cancelled;
};

// A schedule and what its run did.
struct ScheduleRun {
  std::vector<std::uint32_t> choices;  // the choices of more than one alternative, in order (schedule_file.h)
  std::string what;                    // what went wrong ("" when nothing did)
  std::uint64_t instructions = 0;      // where the run stopped
  std::uint64_t at = 0;                // where it went wrong: the first race's instruction, else where it stopped
  bool finished = false;
  int exit_code = 0;
  std::string stdout_text, stderr_text;
  int preemptions = 0;
  int bound = 0;                       // the bound it was found under
};

struct OutputClass {
  std::string stdout_text, stderr_text;
  int exit_code = 0;
  bool finished = true;
  std::uint64_t count = 0;
  ScheduleRun first;  // one schedule that gives it
};

struct ExploreResult {
  std::uint64_t schedules = 0;  // runs that ended (the program's end, a failure or the instruction limit)
  std::uint64_t pruned = 0;
  std::uint64_t cut = 0;        // runs that reached max_instructions
  int bound = 0;                // the last bound explored
  bool complete = false;        // every bound up to the asked one explored to its end
  bool cancelled = false;
  std::vector<std::uint64_t> schedules_per_bound;
  std::optional<ScheduleRun> found;  // the first run that went wrong
  std::vector<OutputClass> outputs;  // all_outputs: each distinct output, in the order found
  double seconds = 0;
  std::string error;                 // the search itself failed (a run did not replay its prefix)
};

ExploreResult explore_schedules(std::shared_ptr<const vm::Program> program, const ExploreOptions& options);

// The file for a schedule `run` found on the machine `config` describes, for the program `source` named `file`.
ScheduleFile schedule_file_of(const ScheduleRun& run, std::string_view source, std::string file,
                              const MachineConfig& config);

}  // namespace gb::explore
