// Where a goroutine is (goroutine_location.h): its frames read innermost first.
#include "sim/inspect/goroutine_location.h"

namespace gb::inspect {

GoroutineLocation goroutine_location(const vm::Vm& vm, GId id) {
  const vm::GState& g = vm.goroutine(id);
  const vm::Program& prog = vm.program();
  auto in_main = [&](std::uint32_t func) { return vm::in_package_main(prog, func); };
  // A G that blocked (a channel operation, a semaphore, a system call) is inside the instruction that blocked
  // it, and its pc has already moved past it: it waits at that instruction's line, not the next one.
  const GStatus status = vm.scheduler().g(id).status;
  const bool blocked = status == GStatus::Waiting || status == GStatus::Syscall;
  GoroutineLocation top;
  for (std::size_t i = g.frames.size(); i-- > 0;) {
    const vm::Frame& f = g.frames[i];
    const vm::Function& fn = prog.functions[f.func];
    // The top frame's pc is the next instruction (unless blocked); a caller's pc is past its call instruction.
    const bool is_top = i + 1 == g.frames.size();
    const std::uint32_t pc = (is_top && !blocked) || f.pc == 0 ? f.pc : f.pc - 1;
    const GoroutineLocation w{f.func, pc < fn.lines.size() ? fn.lines[pc] : 0, in_main(f.func), UINT32_MAX};
    if (is_top) top = w;
    if (w.in_main) return {w.func, w.line, true, top.func};
  }
  top.top_func = top.func;
  return top;
}

}  // namespace gb::inspect
