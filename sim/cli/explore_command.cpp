// `gopherbus-cli explore`: exhaustive state-space search of the one-block model for a protocol table, or, given a Go
// program, the search of its schedules (explore_program.cpp).
#include <cstdio>

#include <fmt/format.h>

#include "coherence/bugs.h"
#include "coherence/explorer.h"
#include "commands.h"

namespace gb::cli {

ExploreCommand::ExploreCommand(CLI::App& app) {
  sub_ = app.add_subcommand("explore",
                            "Given a Go program: run it under every schedule that matters (which core goes next at "
                            "each shared access, select's order, steal victims), with partial-order reduction and "
                            "preemption bounding, until one panics, deadlocks, exits non-zero, races (--race) or meets --until; "
                            "its schedule is written for `run --schedule`. Without one: explore every reachable "
                            "state of one block in N caches (1-bit data, atomic bus), checking SWMR and data-value");
  sub_->add_option("file", file_, "A Go program (package main) whose schedules to explore");
  sub_->add_option("--protocol", protocol_, "msi, mesi, moesi or dragon")->capture_default_str();
  sub_->add_option("--caches", caches_, "Without a program: the cache counts to explore (several: --caches 2 3 4)")
      ->capture_default_str();
  sub_->add_option("--inject-bug", bugs_, "Without a program: plant a protocol bug first (see `gopherbus-cli bugs`)")
      ->allow_extra_args(false);
  sub_->add_option("--cores", cores_, "Simulated cores")->capture_default_str();
  sub_->add_option("--gomaxprocs", gomaxprocs_, "Number of Ps (default: as many as cores)");
  sub_->add_option("--preemption-bound", bound_,
                   "Most preemptions (switches away from a core that could go on) per schedule; bounds 0, 1 ... K "
                   "are explored in turn")
      ->capture_default_str();
  sub_->add_option("--max-schedules", max_schedules_, "Stop after this many schedules")->capture_default_str();
  sub_->add_option("--max-instructions", max_instructions_, "Cut a schedule's run after this many instructions")
      ->capture_default_str();
  sub_->add_option("--seed", seed_, "Seed for the choices made before the program starts")->capture_default_str();
  sub_->add_option("--until", until_,
                   "Also stop at a schedule where this condition fires (the language of `run --until`, e.g. "
                   "'lost update', 'output \"5\"')");
  sub_->add_flag("--check", check_, "Also stop where a scheduler or coherence invariant breaks");
  sub_->add_flag("--race", race_, "Also stop at a schedule with a data race (the detector of `run --race`)");
  sub_->add_option("--schedule-out", schedule_out_,
                   "Where to write the schedule found (default: the program's name with .schedule, here)");
  sub_->add_flag("--all-outputs", all_outputs_,
                 "Explore to the end and list every distinct output with its count and one schedule each");
  sub_->add_flag("--no-reduction", no_reduction_, "Try every alternative at every choice (within the bound)");
  sub_->add_flag("--compare", compare_,
                 "When nothing goes wrong, explore again without reduction and give both counts");
  sub_->add_flag("--json", json_, "Print the result as JSON");
  sub_->add_flag("--quiet", quiet_, "No progress on stderr");
  sub_->footer("Exit status: 0 when no schedule goes wrong within the bounds, 1 when one does, 2 for bad input.\n"
               "For MESI the reachable-state count is 2^(N+1)+6N (reference/coherence.md section 7).");
}

int ExploreCommand::run() { return file_.empty() ? explore_protocol() : explore_program(); }

int ExploreCommand::explore_protocol() {
  const auto kind = parse_protocol(protocol_);
  if (!kind) {
    std::fprintf(stderr, "gopherbus-cli explore: unknown protocol '%s'\n", protocol_.c_str());
    return 2;
  }
  Protocol p = make_protocol(*kind);
  for (const std::string& bug : bugs_) {
    if (auto err = inject_bug(p, bug)) {
      std::fprintf(stderr, "gopherbus-cli explore: %s\n", err->c_str());
      return 2;
    }
  }
  int status = 0;
  for (int n : caches_) {
    if (n < 1 || n > kMaxCores) {
      std::fprintf(stderr, "gopherbus-cli explore: %d caches is outside 1..%d\n", n, kMaxCores);
      return 2;
    }
    const ExplorerResult r = explore_one_block(p, n);
    fmt::print("{} N={}: {} states, {} transitions", p.name, n, r.states, r.transitions);
    if (r.violation) {
      fmt::print(", VIOLATION: {}\n  path:", r.violation->message());
      for (const std::string& step : r.path) fmt::print(" {};", step);
      fmt::print("\n");
      status = 1;
    } else {
      fmt::print(", invariants hold\n");
    }
  }
  return status;
}

}  // namespace gb::cli
