// The Vm's one Chooser (DESIGN.md, principle 1). Seeded by default. A recorded schedule (an explorer's find, replayed
// by `run --schedule` or the studio) is followed first, one entry per choice of more than one alternative, then
// the seed takes over. An explorer (sim/explore) may take every choice itself, the single-alternative ones too,
// since they mark where a step of the machine ends.
//
// Plain data but for the explorer: a copy (a studio snapshot) has none, so it can never reach back into a
// search that made the original.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "coherence/chooser.h"

namespace gb::vm {

class RunChooser final : public Chooser {
 public:
  explicit RunChooser(std::uint64_t seed) : seeded_(seed) {}
  RunChooser(const RunChooser& o) : Chooser(), seeded_(o.seeded_), schedule_(o.schedule_), next_(o.next_), diverged_(o.diverged_) {}
  RunChooser& operator=(const RunChooser& o) {
    seeded_ = o.seeded_;
    schedule_ = o.schedule_;
    next_ = o.next_;
    diverged_ = o.diverged_;
    explorer_ = nullptr;
    return *this;
  }

  std::size_t choose(std::size_t n, ChoiceKind kind) override {
    if (explorer_ != nullptr) return explorer_->choose(n, kind);
    if (n <= 1) return 0;
    if (schedule_ && next_ < schedule_->size()) {
      const std::uint32_t pick = (*schedule_)[next_++];
      if (pick < n) return pick;
      diverged_ = true;  // the schedule was made for another program or other options
      return n - 1;
    }
    return seeded_.choose(n, kind);
  }

  void set_schedule(std::shared_ptr<const std::vector<std::uint32_t>> schedule) {
    schedule_ = std::move(schedule);
    next_ = 0;
  }
  void set_explorer(Chooser* explorer) { explorer_ = explorer; }
  // Entries of the schedule used so far, and whether one of them named an alternative that did not exist.
  std::size_t schedule_used() const { return next_; }
  bool schedule_diverged() const { return diverged_; }

 private:
  SeededChooser seeded_;
  std::shared_ptr<const std::vector<std::uint32_t>> schedule_;
  std::size_t next_ = 0;
  bool diverged_ = false;
  Chooser* explorer_ = nullptr;
};

}  // namespace gb::vm
