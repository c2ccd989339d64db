// Statement steps (statement_steps.h): into, over and out, tested after every instruction.
#include "sim/machine/statement_steps.h"

namespace gb {

namespace {

using vm::in_package_main;

std::uint32_t depth_of(const vm::Vm& vm, GId g) {
  return static_cast<std::uint32_t>(vm.goroutine(g).frames.size());
}

}  // namespace

StatementFollow statement_follow(const vm::Vm& vm, bool just_my_code) {
  StatementFollow f;
  f.just_my_code = just_my_code;
  const GId g = vm.current_goroutine();
  if (g == kNoG || vm.scheduler().g(g).status == GStatus::Dead) return f;
  f.g = g;
  f.depth = follow_depth(vm, g, just_my_code);
  return f;
}

std::uint32_t follow_depth(const vm::Vm& vm, GId g, bool just_my_code) {
  const auto& frames = vm.goroutine(g).frames;
  // Over and out from code that is not the user's (the runtime before main.main, a G blocked inside sync) go to
  // the next statement of user code at any depth, as a debugger's "just my code" does: else "over" from
  // runtime.main would run the whole program.
  if (frames.empty() || (just_my_code && !in_package_main(vm.program(), frames.back().func))) return UINT32_MAX;
  return static_cast<std::uint32_t>(frames.size());
}

bool at_statement_start(const vm::Vm& vm, GId g, bool just_my_code) {
  if (g == kNoG) return false;
  const auto& frames = vm.goroutine(g).frames;
  if (frames.empty()) return false;
  const vm::Frame& top = frames.back();
  const vm::Program& prog = vm.program();
  if (top.func >= prog.functions.size()) return false;
  if (just_my_code && !in_package_main(prog, top.func)) return false;
  const std::vector<std::uint8_t>& starts = prog.functions[top.func].stmt_start;
  return top.pc < starts.size() && starts[top.pc] != 0;
}

bool statement_step_over(const vm::Vm& vm, StepKind kind, const StatementFollow& f) {
  if (f.g == kNoG) return true;
  if (vm.current_goroutine() != f.g) return false;
  const GStatus s = vm.scheduler().g(f.g).status;
  if (s != GStatus::Running && s != GStatus::Runnable) return true;
  if (!at_statement_start(vm, f.g, f.just_my_code)) return false;
  const std::uint32_t depth = depth_of(vm, f.g);
  switch (kind) {
    case StepKind::StatementOver: return depth <= f.depth;
    case StepKind::StatementOut: return depth < f.depth;
    default: return true;
  }
}

}  // namespace gb
