// The step kinds' names (step_kind_names.h).
#include "step_kind_names.h"

namespace gb::ui {

std::string_view step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::Instruction:
      return "instruction";
    case StepKind::Statement:
      return "statement";
    case StepKind::BusTransaction:
      return "bus";
    case StepKind::SchedulerEvent:
      return "sched";
    case StepKind::Line:
      return "line";
    case StepKind::MemoryAccess:
      return "access";
    case StepKind::MachineCycle:
      return "cycle";
    case StepKind::BusOp:
      return "busop";
    case StepKind::StatementOver:
      return "over";
    case StepKind::StatementOut:
      return "out";
    case StepKind::Continue:
      return "continue";
  }
  return "?";
}

std::optional<StepKind> parse_step_kind(std::string_view text) {
  for (StepKind k :
       {StepKind::Instruction, StepKind::Statement, StepKind::BusTransaction, StepKind::SchedulerEvent,
        StepKind::MemoryAccess, StepKind::MachineCycle, StepKind::StatementOver, StepKind::StatementOut})
    if (text == step_kind_name(k)) return k;
  if (text == "instr") return StepKind::Instruction;
  if (text == "stmt" || text == "into") return StepKind::Statement;
  if (text == "scheduler") return StepKind::SchedulerEvent;
  return std::nullopt;
}

}  // namespace gb::ui
