// The run's records in words (run_events.h).
#include "sim/machine/run_events.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/inspect/causes.h"

namespace gb {

std::string describe(const vm::BusRecord& b) {
  std::string s = fmt::format("core {} {}", b.core, name(b.op));
  if (b.then_op != BusOp::None) s += fmt::format(" + {}", name(b.then_op));
  s += fmt::format(" {:#x}", b.addr);
  for (std::uint8_t i = 0; i < b.change_count; ++i) {
    const StateChange& c = b.changes[i];
    s += fmt::format(", core {} {}->{}", c.core, name(c.from), name(c.to));
  }
  return s;
}

std::string describe(const vm::RunSlice& s, const vm::Program& program) {
  const std::string fn = s.func < program.functions.size() ? " " + program.functions[s.func].name : std::string();
  std::string text = fmt::format("G{}{} ran on P{} (M{}, core {}) for {} ns", s.g, fn, s.p, s.m, s.core,
                                 s.end_ns - s.start_ns);
  if (!s.end_reason.empty()) text += ", then: " + s.end_reason;
  return text;
}

std::string describe(const vm::WakeRecord& w) {
  if (w.waker == kNoG) return fmt::format("a timer woke G{} (into P{}'s runnext)", w.woken, w.waker_p);
  return fmt::format("G{} woke G{} (into P{}'s runnext)", w.waker, w.woken, w.waker_p);
}

bool stretch_listed(const vm::Vm& vm, const vm::RunSlice& s) {
  return !s.end_reason.empty() || vm.finished();
}

std::vector<RunEvent> run_events(const vm::Vm& vm, const std::vector<std::string>* source) {
  struct Keyed {
    std::int64_t ns;
    int kind;
    std::size_t index;
  };
  std::vector<Keyed> keys;
  const auto& bus = vm.memory().bus_log();
  const auto& slices = vm.run_slices();
  const auto& wakes = vm.wakes();
  const auto& lost = vm.memory().lost_updates();
  // A stretch is told when it is over ("ran ... for N ns, then: exit"), so it is listed at its end, after the
  // bus transactions its bursts made (listed at its start, everything the G did in it came after its "then:
  // exit"). One still running is not over yet and not listed, unless the program has ended (then it ends
  // there too). At equal times a wake-up comes first, then bus transactions, then the stretch that ended, then
  // a lost update.
  for (std::size_t i = 0; i < wakes.size(); ++i) keys.push_back({wakes[i].ts_ns, 0, i});
  for (std::size_t i = 0; i < bus.size(); ++i) keys.push_back({bus[i].start_ns, 1, i});
  for (std::size_t i = 0; i < slices.size(); ++i)
    if (stretch_listed(vm, slices[i])) keys.push_back({slices[i].end_ns, 2, i});
  for (std::size_t i = 0; i < lost.size(); ++i) keys.push_back({lost[i].ns, 3, i});
  std::stable_sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) {
    return a.ns != b.ns ? a.ns < b.ns : a.kind < b.kind;
  });
  std::vector<RunEvent> out;
  out.reserve(keys.size());
  inspect::CauseNamer namer(vm, source);
  for (const Keyed& k : keys) {
    switch (k.kind) {
      case 0: out.push_back({k.ns, describe(wakes[k.index])}); break;
      case 1: {
        const vm::BusRecord& b = bus[k.index];
        out.push_back({k.ns, describe(b) + " <- " + namer.describe(b.cause, b.at)});
        break;
      }
      case 2: out.push_back({k.ns, describe(slices[k.index], vm.program())}); break;
      default: out.push_back({k.ns, namer.describe(lost[k.index]), true}); break;
    }
  }
  return out;
}

}  // namespace gb
