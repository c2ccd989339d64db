// What a finished (or stopped) run did, for `gopherbus-cli run --stats`: instructions, host time, and in machine
// mode the simulated time and, per core, instructions, stalls, context switches and cache and bus traffic.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "scheduler/vm/vm.h"

namespace gb {

nlohmann::json run_stats_json(const vm::Vm& vm, double host_seconds);
std::string run_stats_text(const vm::Vm& vm, double host_seconds);

}  // namespace gb
