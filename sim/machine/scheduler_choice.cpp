// The student's scheduling choices (scheduler_choice.h): the alternatives on offer and the schedule of those
// taken.
#include "sim/machine/scheduler_choice.h"

#include <algorithm>

#include "sim/inspect/goroutine_location.h"

namespace gb {

std::vector<CoreChoice> core_choices(const Machine& machine) {
  std::vector<CoreChoice> out;
  const vm::Vm& vm = machine.runtime();
  if (vm.finished()) return out;
  const auto& cores = vm.cores();
  for (std::size_t c = 0; c < cores.size(); ++c) {
    const int m = cores[c].thread;
    if (m < 0) continue;
    const int p = vm.scheduler().m(m).p;
    if (p < 0 || p >= vm.scheduler().gomaxprocs()) continue;
    const GId g = vm.scheduler().p(p).current;
    if (g == kNoG) continue;
    CoreChoice choice;
    choice.core = static_cast<int>(c);
    choice.m = m;
    choice.p = p;
    choice.g = g;
    const inspect::GoroutineLocation at = inspect::goroutine_location(vm, g);
    choice.func = at.func;
    choice.line = at.line;
    choice.in_main = at.in_main;
    choice.pending = vm.pending_burst_core() == static_cast<int>(c);
    out.push_back(choice);
  }
  return out;
}

int ChoiceSchedule::core_at(std::uint64_t position, std::uint64_t& until) const {
  // The first stretch that ends after `position`: it holds the instruction position+1, or is the next one.
  const auto it = std::upper_bound(stretches_.begin(), stretches_.end(), position,
                                   [](std::uint64_t p, const ForcedStretch& s) { return p < s.to; });
  if (it == stretches_.end()) {
    until = UINT64_MAX;
    return -1;
  }
  if (it->from <= position) {
    until = it->to;
    return it->core;
  }
  until = it->from;
  return -1;
}

void ChoiceSchedule::truncate(std::uint64_t position) {
  while (!stretches_.empty() && stretches_.back().from >= position) stretches_.pop_back();
  if (!stretches_.empty() && stretches_.back().to > position) stretches_.back().to = position;
}

void ChoiceSchedule::open(std::uint64_t from, int core) {
  truncate(from);
  stretches_.push_back(ForcedStretch{from, UINT64_MAX, core});
}

void ChoiceSchedule::close(std::uint64_t to) {
  if (stretches_.empty()) return;
  ForcedStretch& s = stretches_.back();
  s.to = to;
  if (s.to <= s.from) {
    stretches_.pop_back();
    return;
  }
  if (stretches_.size() >= 2) {
    ForcedStretch& before = stretches_[stretches_.size() - 2];
    if (before.to == s.from && before.core == s.core) {
      before.to = s.to;
      stretches_.pop_back();
    }
  }
}

}  // namespace gb
