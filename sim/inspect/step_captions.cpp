// Step captions (step_captions.h): read from the run's records and the scheduler after a step.
#include "sim/inspect/step_captions.h"

#include <fmt/format.h>

#include "sim/inspect/causes.h"

namespace gb::inspect {

std::string bus_caption(const vm::BusRecord& b) {
  std::string s = fmt::format("core {} {} 0x{:x}", b.core, name(b.op), b.addr);
  if (b.then_op != BusOp::None) s += fmt::format(" then {}", name(b.then_op));
  for (std::size_t i = 0; i < b.change_count && i < b.changes.size(); ++i) {
    const StateChange& c = b.changes[i];
    s += fmt::format("{} core {} {}->{}", i == 0 ? ":" : ",", c.core, name(c.from), name(c.to));
  }
  return s;
}

std::vector<Caption> step_captions(const Machine& machine, const StepReport& r, std::size_t limit) {
  std::vector<Caption> out;
  const vm::Vm& vm = machine.runtime();
  const auto& bus = vm.memory().bus_log();
  const std::size_t bus_to = std::min(r.bus_to, bus.size());
  const std::size_t bus_from = std::min(r.bus_from, bus_to);
  const std::size_t shown_from = bus_to - bus_from > limit ? bus_to - limit : bus_from;
  if (shown_from > bus_from)
    out.push_back({Caption::Kind::More, fmt::format("{} earlier bus transactions in this step", shown_from - bus_from)});
  if (shown_from < bus_to) {
    // Each with the access that caused it (causes.h): "... <- G6 main.deposit:17 store main.balance".
    CauseNamer namer(vm);
    for (std::size_t i = shown_from; i < bus_to; ++i)
      out.push_back({Caption::Kind::Bus, bus_caption(bus[i]) + " <- " + namer.describe(bus[i].cause, bus[i].at)});
  }

  // Changes of state without the bus: a write to an E line makes it M silently (MESI, MOESI).
  const auto& silent = vm.memory().silent_log();
  for (std::size_t i = std::min(r.silent_from, silent.size()); i < std::min(r.silent_to, silent.size()); ++i) {
    const vm::BusRecord& b = silent[i];
    for (std::size_t k = 0; k < b.change_count && k < b.changes.size(); ++k)
      out.push_back({Caption::Kind::Silent,
                     fmt::format("core {} {}->{} on 0x{:x}, no bus transaction (a silent upgrade)", b.changes[k].core,
                                 name(b.changes[k].from), name(b.changes[k].to), b.addr)});
  }

  const auto& wakes = vm.wakes();
  for (std::size_t i = std::min(r.wakes_from, wakes.size()); i < std::min(r.wakes_to, wakes.size()); ++i) {
    const vm::WakeRecord& w = wakes[i];
    const std::string who = w.waker == kNoG ? std::string("a timer") : fmt::format("G{}", w.waker);
    out.push_back({Caption::Kind::Wake, fmt::format("{} woke G{} into P{}'s runnext", who, w.woken, w.waker_p)});
  }

  // How the goroutine that ran last stands now, when it no longer runs.
  const GId g = r.last_g;
  if (g != kNoG && r.instructions != 0 && static_cast<std::size_t>(g) <= vm.scheduler().goroutine_count()) {
    const Goroutine& gr = vm.scheduler().g(g);
    switch (gr.status) {
      case GStatus::Waiting:
        out.push_back({Caption::Kind::Park, fmt::format("G{} parked: {}", g, gr.wait_reason)});
        break;
      case GStatus::Runnable:
        out.push_back({Caption::Kind::Yield, fmt::format("G{} gave up its P and waits in a run queue", g)});
        break;
      case GStatus::Syscall:
        out.push_back({Caption::Kind::Syscall, fmt::format("G{} entered a system call", g)});
        break;
      case GStatus::Dead:
        out.push_back({Caption::Kind::Exit, fmt::format("G{} exited", g)});
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace gb::inspect
