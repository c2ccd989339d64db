// The names a step kind has in the settings file, on the command line and in the controls ("instruction",
// "statement", "bus", "sched", ...). A file of its own so that the settings loader links without the studio model.
#pragma once

#include <optional>
#include <string_view>

#include "sim/machine/machine.h"

namespace gb::ui {

std::string_view step_kind_name(StepKind k);  // "instruction", "statement", "bus", "sched", "line"
// The kinds a user may name (not Line, BusOp or Continue, which need an argument or a breakpoint), and the
// short forms "instr", "stmt", "into" and "scheduler".
std::optional<StepKind> parse_step_kind(std::string_view text);

}  // namespace gb::ui
