// Breakpoint arrivals (breakpoint_arrivals.h).
#include "sim/machine/breakpoint_arrivals.h"

#include <algorithm>

namespace gb {

BreakpointArrivals::BreakpointArrivals(const vm::Vm& vm, std::vector<std::uint32_t> lines) : lines_(std::move(lines)) {
  if (lines_.empty()) return;
  const auto n = static_cast<GId>(vm.scheduler().goroutine_count());
  known_.resize(static_cast<std::size_t>(n) + 1);
  for (GId g = 1; g <= n; ++g) {
    const auto& frames = vm.goroutine(g).frames;
    std::vector<Known>& k = known_[static_cast<std::size_t>(g)];
    k.reserve(frames.size());
    for (const vm::Frame& f : frames) k.push_back({f.func, vm.statement_begin(f.func, f.pc)});
  }
}

bool BreakpointArrivals::is_breakpoint(std::uint32_t line) const {
  return line != 0 && std::find(lines_.begin(), lines_.end(), line) != lines_.end();
}

BreakpointArrival BreakpointArrivals::after_instruction(const vm::Vm& vm) {
  const GId g = vm.current_goroutine();
  if (lines_.empty() || g == kNoG) return {};
  const auto& frames = vm.goroutine(g).frames;
  if (frames.empty()) return {};
  const vm::Frame& top = frames.back();
  const vm::Program& prog = vm.program();
  // Cheap tests first: most instructions are not on a breakpoint line at all.
  const vm::Function& fn = prog.functions[top.func];
  if (top.pc >= fn.lines.size() || !is_breakpoint(fn.lines[top.pc]) || !vm::in_package_main(prog, top.func))
    return {};
  const std::uint32_t begin = vm.statement_begin(top.func, top.pc);
  // The statement must begin on the breakpoint line (not merely continue onto it).
  if (begin >= fn.lines.size() || !is_breakpoint(fn.lines[begin]) || begin >= fn.stmt_start.size() ||
      fn.stmt_start[begin] == 0) {
    return {};
  }
  const auto gi = static_cast<std::size_t>(g);
  if (known_.size() <= gi) known_.resize(gi + 1);
  std::vector<Known>& k = known_[gi];
  const std::size_t depth = frames.size() - 1;
  const Known here{top.func, begin};
  if (top.pc != begin && depth < k.size() && k[depth] == here) return {};
  // Arrived: deeper frames' records are gone (their calls returned), and this depth is now in S.
  k.resize(depth + 1);
  k[depth] = here;
  return {g, fn.lines[begin], top.func, begin};
}

}  // namespace gb
