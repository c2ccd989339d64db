// Breakpoint arrivals (breakpoint_arrivals.h).
#include "sim/machine/breakpoint_arrivals.h"

#include <algorithm>

namespace gb {

BreakpointArrival arrival_after_instruction(const vm::Vm& vm) {
  const vm::Vm::BurstOrigin& o = vm.burst_origin();
  if (o.g == kNoG) return {};
  const auto& frames = vm.goroutine(o.g).frames;
  if (frames.empty()) return {};
  const vm::Frame& top = frames.back();
  const vm::Program& prog = vm.program();
  const vm::Function& fn = prog.functions[top.func];
  if (top.pc >= fn.lines.size() || fn.lines[top.pc] == 0 || !vm::in_package_main(prog, top.func)) return {};
  const std::uint32_t begin = vm.statement_begin(top.func, top.pc);
  // The statement must begin on the line the goroutine is on (not merely continue onto it).
  if (begin >= fn.lines.size() || fn.lines[begin] != fn.lines[top.pc] || begin >= fn.stmt_start.size() ||
      fn.stmt_start[begin] == 0) {
    return {};
  }
  const bool starts = top.pc == begin;
  const bool first = o.first && o.func == top.func && o.pc == begin && o.depth == frames.size();
  if (!starts && !first) return {};
  return {o.g, fn.lines[begin], top.func, begin};
}

BreakpointArrivals::BreakpointArrivals(const vm::Vm&, std::vector<std::uint32_t> lines) : lines_(std::move(lines)) {}

BreakpointArrival BreakpointArrivals::after_instruction(const vm::Vm& vm) const {
  if (lines_.empty()) return {};
  const BreakpointArrival a = arrival_after_instruction(vm);
  if (a.line == 0 || std::find(lines_.begin(), lines_.end(), a.line) == lines_.end()) return {};
  return a;
}

}  // namespace gb
