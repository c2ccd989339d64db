// The granularities the studio steps by, in the order its controls list them, with the key that steps forward
// (Shift+key steps back): one table for the buttons, the shortcuts and --help.
#pragma once

#include <array>

#include "sim/machine/machine.h"

namespace gb::ui {

struct StepChoice {
  StepKind kind;
  const char* label;  // the controls' row name
  char key;           // the letter key (an sf::Keyboard letter)
  const char* tip;    // what one step forward does
};

// Line (run to breakpoint) has its own control: it needs the breakpoints.
inline constexpr std::array<StepChoice, 7> kStepChoices{{
    {StepKind::Instruction, "Instruction", 'I', "one bytecode instruction of one goroutine"},
    {StepKind::Statement, "Statement", 'S', "until the goroutine that ran last reaches another line"},
    {StepKind::MemoryAccess, "Memory access", 'A', "until a goroutine loads or stores simulated memory"},
    {StepKind::BusTransaction, "Bus transaction", 'B', "until the bus carries one more transaction"},
    {StepKind::BusOp, "Bus op", 'O', "until the bus carries a transaction of the chosen kind"},
    {StepKind::MachineCycle, "Machine cycle", 'Y',
     "until the machine's clock (the earliest core's) moves on"},
    {StepKind::SchedulerEvent, "Scheduler event", 'E', "until a goroutine stops running on a core"},
}};

}  // namespace gb::ui
