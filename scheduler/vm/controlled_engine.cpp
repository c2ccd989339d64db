// The explorer's mode of the machine engine (MachineOptions::controlled): a core runs on until its step does
// something another core could see or be affected by (a load or store of shared memory, output, a change of the
// scheduler's state); then which core runs next is a choice of the Chooser over the cores that can run.
#include <algorithm>

#include "scheduler/vm/vm.h"

namespace gb::vm {

// The cores that can take a step: a thread on the core whose P runs a goroutine or is in the middle of a spin,
// or whose search for work may find some (there is work, and the scheduler changed since its last search came
// back empty: a search that found nothing would find nothing again).
std::vector<int> Vm::controlled_candidates() const {
  std::vector<int> out;
  const bool work = work_visible();
  for (std::size_t c = 0; c < cores_.size(); ++c) {
    const CoreRun& core = cores_[c];
    if (core.thread < 0) continue;
    const int p = sched_.m(core.thread).p;
    if (p < 0) continue;
    const bool searched_in_vain = c < search_failed_at_.size() && search_failed_at_[c] == sched_version_;
    if (sched_.p(p).current != kNoG || core.spin_until >= 0 || (work && !searched_in_vain))
      out.push_back(static_cast<int>(c));
  }
  return out;
}

// The step in flight is over once it touched shared memory, wrote output or changed the scheduler's state, or
// its core can no longer run it.
bool Vm::step_in_flight_ended() {
  if (step_.core < 0) return true;
  if (!mem_.access_trace().empty() || readies_ != step_.readies || gs_.size() != step_.goroutines ||
      output_bytes_ != step_.output)
    return true;
  const CoreRun& core = cores_[static_cast<std::size_t>(step_.core)];
  if (core.thread < 0) return true;
  const int p = sched_.m(core.thread).p;
  return p < 0 || sched_.p(p).current != step_.g;
}

// The step's record goes into control_point(). A record no choice has read yet (the step ended with no core able
// to run, and the engine went on as the clocks say) takes the next step's too, so nothing is lost.
void Vm::close_step() {
  if (point_read_) {
    point_ = ControlPoint{};
    point_.previous = step_.core;
    point_.previous_g = step_.g;
    point_.searched = step_.searching;
    point_read_ = false;
  }
  point_.cores.clear();
  std::vector<Memory::TracedAccess> more;
  mem_.take_access_trace(more);
  point_.accesses.insert(point_.accesses.end(), more.begin(), more.end());
  point_.output = point_.output || output_bytes_ != step_.output;
  bool sched = readies_ != step_.readies || gs_.size() != step_.goroutines;
  GId now = kNoG;
  if (step_.core >= 0) {
    const CoreRun& core = cores_[static_cast<std::size_t>(step_.core)];
    const int p = core.thread >= 0 ? sched_.m(core.thread).p : -1;
    now = p >= 0 ? sched_.p(p).current : kNoG;
    if (now != step_.g) {
      sched = true;
      if (point_.previous_g == kNoG) point_.previous_g = now;  // it found this goroutine and ran it
    }
  }
  if (sched) {
    point_.scheduler = true;
    ++sched_version_;
  }
  step_ = ControlledStep{step_.core, now, readies_, gs_.size(), output_bytes_, now == kNoG};
}

int Vm::controlled_pick() {
  std::vector<int> candidates = controlled_candidates();
  if (candidates.empty()) return -1;
  if (!step_in_flight_ended() && std::find(candidates.begin(), candidates.end(), step_.core) != candidates.end())
    return step_.core;
  close_step();
  // The step's scheduler change may have made other cores' searches worth repeating.
  candidates = controlled_candidates();
  if (candidates.empty()) return -1;
  point_.cores = std::move(candidates);
  point_.searching.clear();
  for (const int c : point_.cores) {
    const int p = sched_.m(cores_[static_cast<std::size_t>(c)].thread).p;
    point_.searching.push_back(sched_.p(p).current == kNoG ? 1 : 0);
  }
  const std::size_t i = chooser_.choose(point_.cores.size(), ChoiceKind::Interleaving);
  point_read_ = true;
  const int c = point_.cores[std::min(i, point_.cores.size() - 1)];
  const CoreRun& core = cores_[static_cast<std::size_t>(c)];
  const int p = sched_.m(core.thread).p;
  step_ = ControlledStep{c, sched_.p(p).current, readies_, gs_.size(), output_bytes_, sched_.p(p).current == kNoG};
  return c;
}

}  // namespace gb::vm
