// The granularities the studio steps by, in the order its controls list them, with the key that steps forward
// (Shift+key steps back): one table for the buttons, the shortcuts and --help.
#pragma once

#include <array>
#include <string>

#include "sim/machine/machine.h"
#include "strings.h"

namespace gb::ui {

struct StepChoice {
  StepKind kind;
  Str label;          // the controls' row name
  char key;           // the letter key (an sf::Keyboard letter; Shift+it steps back), 0: none
  const char* fkey;   // a debugger's function key for it, or nullptr (studio_frame.cpp binds them)
  Str tip;            // what one step forward does
};

// Line (run to breakpoint) has its own control: it needs the breakpoints. The three statement steps are a
// debugger's: into (S, F11), over (F10, Shift+F10 back) and out (Shift+F11); "just my code" (Run menu) keeps
// them in package main.
inline constexpr std::array<StepChoice, 9> kStepChoices{{
    {StepKind::Instruction, Str::StepInstruction, 'I', nullptr, Str::TipInstruction},
    {StepKind::Statement, Str::StepInto, 'S', "F11", Str::TipInto},
    {StepKind::StatementOver, Str::StepOver, 0, "F10", Str::TipOver},
    {StepKind::StatementOut, Str::StepOut, 0, "Shift+F11", Str::TipOut},
    {StepKind::MemoryAccess, Str::StepMemoryAccess, 'A', nullptr, Str::TipMemoryAccess},
    {StepKind::BusTransaction, Str::StepBusTransaction, 'B', nullptr, Str::TipBusTransaction},
    {StepKind::BusOp, Str::StepBusOp, 'O', nullptr, Str::TipBusOp},
    {StepKind::MachineCycle, Str::StepMachineCycle, 'Y', nullptr, Str::TipMachineCycle},
    {StepKind::SchedulerEvent, Str::StepSchedulerEvent, 'E', nullptr, Str::TipSchedulerEvent},
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
  return c.kind == StepKind::StatementOver ? tr(Str::CompactOver)
         : c.kind == StepKind::StatementOut ? tr(Str::CompactOut)
                                            : "?";
}

}  // namespace gb::ui
