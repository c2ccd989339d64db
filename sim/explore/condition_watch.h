// The explorer's watch for `--until COND` and `--check` (schedule_explorer.h's RunWatch): a condition of the
// language of `run --until` (sim/inspect/condition.h) bound on each run's machine, and the scheduler's and the
// caches' invariants, after every instruction.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/explore/schedule_explorer.h"
#include "sim/inspect/condition.h"

namespace gb::explore {

// A factory for ExploreOptions::watch; `until` may be absent. `source`: the program's lines (conditions name
// lines and variables), kept by the caller for as long as the search runs.
std::function<std::unique_ptr<RunWatch>(const Machine&)> condition_watch(std::optional<inspect::Condition> until,
                                                                         bool check,
                                                                         const std::vector<std::string>* source);

}  // namespace gb::explore
