// The granularities the studio steps by, in the order its controls list them, with the key that steps forward
// (Shift+key steps back): one table for the buttons, the shortcuts and --help.
#pragma once

#include <array>
#include <string>

#include "sim/machine/machine.h"

namespace gb::ui {

struct StepChoice {
  StepKind kind;
  const char* label;  // the controls' row name
  char key;           // the letter key (an sf::Keyboard letter; Shift+it steps back), 0: none
  const char* fkey;   // a debugger's function key for it, or nullptr (studio_frame.cpp binds them)
  const char* tip;    // what one step forward does
};

// Line (run to breakpoint) has its own control: it needs the breakpoints. The three statement steps are a
// debugger's: into (S, F11), over (F10, Shift+F10 back) and out (Shift+F11); "just my code" (Run menu) keeps
// them in package main.
inline constexpr std::array<StepChoice, 9> kStepChoices{{
    {StepKind::Instruction, "Instruction", 'I', nullptr, "one bytecode instruction of one goroutine"},
    {StepKind::Statement, "Step into", 'S', "F11",
     "to the next statement the goroutine that ran last begins, into the program's own calls (fmt and the "
     "runtime run through unless Run > Just my code is off)"},
    {StepKind::StatementOver, "Step over", 0, "F10",
     "to its next statement at this call depth or shallower: calls run to their end"},
    {StepKind::StatementOut, "Step out", 0, "Shift+F11", "until its function returns: the caller's next statement"},
    {StepKind::MemoryAccess, "Memory access", 'A', nullptr, "until a goroutine loads or stores simulated memory"},
    {StepKind::BusTransaction, "Bus transaction", 'B', nullptr, "until the bus carries one more transaction"},
    {StepKind::BusOp, "Bus op", 'O', nullptr, "until the bus carries a transaction of the chosen kind"},
    {StepKind::MachineCycle, "Machine cycle", 'Y', nullptr,
     "until the machine's clock (the earliest core's) moves on"},
    {StepKind::SchedulerEvent, "Scheduler event", 'E', nullptr,
     "until a goroutine stops running on a core or one is woken: one event a step"},
}};

// The keys that step forward by a choice, as the controls show them: "S, F11", "F10", "I".
inline std::string step_keys(const StepChoice& c) {
  std::string s;
  if (c.key != 0) s += c.key;
  if (c.fkey != nullptr) s += (s.empty() ? "" : ", ") + std::string(c.fkey);
  return s;
}

// A compact button's word: the letter key, else "Over" or "Out" (their function keys are in the tooltip).
inline std::string step_key_short(const StepChoice& c) {
  if (c.key != 0) return std::string(1, c.key);
  return c.kind == StepKind::StatementOver ? "Over" : c.kind == StepKind::StatementOut ? "Out" : "?";
}

}  // namespace gb::ui
