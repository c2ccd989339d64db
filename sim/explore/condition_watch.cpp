// --until and --check for the explorer (condition_watch.h).
#include "sim/explore/condition_watch.h"

#include "sim/inspect/condition_eval.h"

namespace gb::explore {

namespace {

class ConditionWatch final : public RunWatch {
 public:
  ConditionWatch(const Machine& m, std::optional<inspect::BoundCondition> until, bool check)
      : until_(std::move(until)), check_(check) {
    if (until_) until_->observe(m, before_, nullptr);
  }
  std::optional<std::string> after_instruction(const Machine& m) override {
    const vm::Vm& vm = m.runtime();
    if (check_) {
      if (auto bad = vm.scheduler().check_invariants()) return "invariant broken: scheduler: " + *bad;
      if (const auto& v = vm.memory().system().violation()) return "invariant broken: coherence: " + v->message();
    }
    if (until_) {
      until_->observe(m, after_, &before_);
      if (until_->fires(m, before_, after_)) return "until " + until_->text() + " fired";
      std::swap(before_, after_);
    }
    return std::nullopt;
  }

 private:
  std::optional<inspect::BoundCondition> until_;
  bool check_;
  inspect::Observation before_, after_;
};

}  // namespace

std::function<std::unique_ptr<RunWatch>(const Machine&)> condition_watch(std::optional<inspect::Condition> until,
                                                                         bool check,
                                                                         const std::vector<std::string>* source) {
  return [until = std::move(until), check, source](const Machine& m) -> std::unique_ptr<RunWatch> {
    std::optional<inspect::BoundCondition> bound;
    if (until) {
      std::string error;
      bound = inspect::BoundCondition::bind(*until, m, source, error);  // bound once before by the caller
    }
    return std::make_unique<ConditionWatch>(m, std::move(bound), check);
  };
}

}  // namespace gb::explore
