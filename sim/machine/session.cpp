// The Session (session.h): forward and back at every granularity over checkpoints and deterministic replay.
#include "sim/machine/session.h"

#include "sim/machine/breakpoint_arrivals.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace gb {

namespace {

// Going back searches windows of positions ending just before the current one, single-stepping each from a
// state reached in bursts; a window twice as wide as the last follows while none holds a boundary. The first
// holds a boundary of the common kinds (bus transactions, statements, scheduler events) nearly always, and
// single-stepping it costs little beside the restore and the burst that precede it.
constexpr std::uint64_t kFirstWindow = 4096;
// Bursts run about three times as many instructions a second as single steps (bench_session), so a window
// starts at the checkpoint below it instead whenever the burst would be longer than this many widths.
constexpr std::uint64_t kBurstWidths = 3;
// A fresh copy of a long run's state costs about 4 ns a byte (nearly all of it the bus log, copied into newly
// faulted pages) and the machine runs about 15 M instructions a second (bench_session): one checkpoint per
// instruction for every 4 bytes of state keeps the copies near a quarter of the time spent running.
constexpr std::size_t kBytesPerInstruction = 4;

using vm::in_package_main;

}  // namespace

Session::Session(const Machine& start, SessionOptions options)
    : options_(options),
      interval_(options.checkpoint_interval != 0 ? options.checkpoint_interval : kDefaultCheckpointInterval),
      start_(start.runtime().instructions()),
      live_(start) {
  // Thinning keeps at least the start, the checkpoint behind the current position and one more.
  options_.max_checkpoints = std::max<std::size_t>(options_.max_checkpoints, 3);
  checkpoints_.push_back(Checkpoint{start_, std::make_unique<Machine>(start), estimate_bytes(start)});
  bytes_ = checkpoints_.back().bytes;
}

// [SECTION] Boundaries

Session::Before Session::observe() const {
  const vm::Vm& vm = live_.runtime();
  Before b;
  b.bus = vm.memory().bus_log().size();
  b.accesses = vm.memory().accesses();
  b.time = vm.machine_time();
  b.ran_last = vm.current_goroutine();
  b.readies = vm.readies();
  return b;
}

// The goroutine that ran last and its depth, fixed for the whole step; none when it has exited (it will not
// run again).
StatementFollow Session::statement_follows() const {
  return statement_follow(live_.runtime(), just_my_code_);
}

bool Session::boundary(StepKind kind, std::uint32_t line, const StatementFollow& followed,
                       const Before& before) const {
  const vm::Vm& vm = live_.runtime();
  const GId g = vm.current_goroutine();
  switch (kind) {
    case StepKind::Instruction:
      return true;
    case StepKind::BusTransaction:
      return vm.memory().bus_log().size() > before.bus;
    case StepKind::Line: {
      const vm::Vm::Location at = vm.next_location(g);
      return at.line == line && in_package_main(vm.program(), at.func);
    }
    case StepKind::MemoryAccess:
      return vm.memory().accesses() > before.accesses;
    case StepKind::MachineCycle:
      return vm.machine_time() > before.time;
    case StepKind::BusOp: {
      const auto& log = vm.memory().bus_log();
      for (std::size_t i = before.bus; i < log.size(); ++i)
        if (static_cast<std::uint32_t>(log[i].op) == line) return true;
      return false;
    }
    case StepKind::SchedulerEvent:
      return g != before.ran_last || g == kNoG || vm.scheduler().g(g).status != GStatus::Running ||
             vm.readies() > before.readies;
    case StepKind::Statement:
    case StepKind::StatementOver:
    case StepKind::StatementOut:
      return statement_step_over(vm, kind, followed);
    case StepKind::Continue:
      return false;  // only a breakpoint stops it (forward), and back() looks for arrivals
  }
  return true;
}

// [SECTION] Stops

// What ends a step, tested after each single instruction: the step kind's own boundary (or, for the condition
// steps, the condition's firing), and with `breakpoints` the arrivals at breakpoint lines and the conditional
// breakpoints. start() on the state a walk begins from, then before_instruction() and after_instruction()
// around each instruction.
class Session::Stops {
 public:
  Stops(Session& s, StepKind kind, std::uint32_t line, const StatementFollow& followed,
        const inspect::BoundCondition* until, bool breakpoints)
      : s_(s),
        kind_(kind),
        line_(line),
        followed_(followed),
        until_(until),
        breakpoints_(breakpoints),
        arrivals_(s.live_.runtime(), breakpoints ? s.breakpoints_ : std::vector<std::uint32_t>{}) {}

  void start() {
    if (until_) until_->observe(s_.live_, until_before_, nullptr);
    if (!breakpoints_) return;
    const auto& bps = s_.condition_breakpoints_;
    bp_before_.resize(bps.size());
    bp_after_.resize(bps.size());
    for (std::size_t i = 0; i < bps.size(); ++i)
      if (bps[i].condition) bps[i].condition->observe(s_.live_, bp_before_[i], nullptr);
  }
  void before_instruction() { before_ = s_.observe(); }
  // Whether the step stops after the instruction just run; at_boundary, arrival and condition_breakpoint say
  // why.
  bool after_instruction() {
    const Machine& m = s_.live_;
    any_arrival_.reset();
    if (until_) {
      until_->observe(m, until_after_, &until_before_);
      at_boundary = until_->fires(m, until_before_, until_after_);
      std::swap(until_before_, until_after_);
    } else {
      at_boundary = s_.boundary(kind_, line_, followed_, before_);
    }
    arrival = arrivals_.after_instruction(m.runtime());
    condition_breakpoint = -1;
    const auto& bps = s_.condition_breakpoints_;
    for (std::size_t i = 0; breakpoints_ && i < bps.size(); ++i) {
      const ConditionBreakpoint& bp = bps[i];
      bool holds = bp.line != 0 || bp.condition;
      if (bp.line != 0) holds = arrival_line() == bp.line;
      if (bp.condition) {
        const inspect::BoundCondition& c = *bp.condition;
        c.observe(m, bp_after_[i], &bp_before_[i]);
        // With a line it guards the arrival (`line L and C`); alone it fires.
        if (holds)
          holds = bp.line == 0 || c.is_event() ? c.fires(m, bp_before_[i], bp_after_[i]) : c.holds(bp_after_[i]);
        std::swap(bp_before_[i], bp_after_[i]);
      }
      if (holds && condition_breakpoint < 0) condition_breakpoint = static_cast<std::int32_t>(i);
    }
    return at_boundary || arrival.line != 0 || condition_breakpoint >= 0;
  }

  bool at_boundary = false;
  BreakpointArrival arrival;
  std::int32_t condition_breakpoint = -1;

 private:
  // The line any goroutine arrived at with the instruction (whether a line breakpoint is set there or not).
  std::uint32_t arrival_line() {
    if (!any_arrival_) any_arrival_ = arrival_after_instruction(s_.live_.runtime());
    return any_arrival_->line;
  }

  Session& s_;
  StepKind kind_;
  std::uint32_t line_;
  StatementFollow followed_;
  const inspect::BoundCondition* until_;
  bool breakpoints_;
  BreakpointArrivals arrivals_;
  Before before_;
  std::optional<BreakpointArrival> any_arrival_;
  inspect::Observation until_before_, until_after_;
  std::vector<inspect::Observation> bp_before_, bp_after_;
};

// [SECTION] Forward

StepReport Session::forward(StepKind kind, std::uint32_t line) {
  const StatementFollow followed = is_statement_step(kind) ? statement_follows() : StatementFollow{};
  Stops stops(*this, kind, line, followed, nullptr, true);
  return forward_to(stops);
}

StepReport Session::forward_until(const inspect::BoundCondition& condition) {
  Stops stops(*this, StepKind::Continue, 0, StatementFollow{}, &condition, true);
  return forward_to(stops);
}

StepReport Session::forward_to(Stops& stops) {
  const vm::Vm& vm = live_.runtime();
  StepReport r;
  r.bus_from = vm.memory().bus_log().size();
  r.slices_from = vm.run_slices().size();
  r.wakes_from = vm.wakes().size();
  r.silent_from = vm.memory().silent_log().size();
  const std::uint64_t from = position();
  // One instruction at a time, testing the same predicate back() tests, so the two mirror each other exactly.
  // Breakpoints stop whatever is stepping: a goroutine arriving at one (breakpoint_arrivals.h), a conditional
  // breakpoint holding.
  bool stopped = false;
  stops.start();
  while (!vm.finished() && position() - from < options_.step_limit) {
    stops.before_instruction();
    apply_schedule();
    live_.step(StepKind::Instruction);
    maybe_checkpoint();
    if (stops.after_instruction()) {
      stopped = true;
      break;
    }
  }
  r.at_boundary = stopped && stops.at_boundary;
  if (stopped && stops.arrival.line != 0) {
    r.breakpoint_line = stops.arrival.line;
    r.breakpoint_g = stops.arrival.g;
  }
  if (stopped && stops.condition_breakpoint >= 0) {
    r.condition_breakpoint = stops.condition_breakpoint;
    const ConditionBreakpoint& bp = condition_breakpoints_[static_cast<std::size_t>(stops.condition_breakpoint)];
    if (r.breakpoint_line == 0) {
      r.breakpoint_line = bp.line;
      r.breakpoint_g = vm.current_goroutine();
    }
  }
  r.hit_limit = !stopped && !vm.finished();
  reach(position(), true);  // after a long step, leave a checkpoint near here for the back() that may follow
  r.instructions = position() - from;
  r.bus_to = vm.memory().bus_log().size();
  r.slices_to = vm.run_slices().size();
  r.wakes_to = vm.wakes().size();
  r.silent_to = vm.memory().silent_log().size();
  r.last_g = vm.current_goroutine();
  r.finished = vm.finished();
  return r;
}

// [SECTION] Back

bool Session::back(StepKind kind, std::uint32_t line) {
  const std::uint64_t here = position();
  if (here <= start_) return false;
  if (kind == StepKind::Instruction) {
    reach(here - 1, true);
    return true;
  }
  // Statement steps follow the goroutine that ran the last instruction, even when that instruction was its
  // exit (then at any depth).
  StatementFollow followed;
  if (is_statement_step(kind)) {
    followed.g = live_.runtime().current_goroutine();
    followed.just_my_code = just_my_code_;
    if (followed.g != kNoG) followed.depth = follow_depth(live_.runtime(), followed.g, just_my_code_);
  }
  // Continue's stops are the breakpoints'; the other kinds' are their own boundaries.
  Stops stops(*this, kind, line, followed, nullptr, kind == StepKind::Continue);
  return back_to(stops, is_statement_step(kind));
}

bool Session::back_until(const inspect::BoundCondition& condition) {
  if (position() <= start_) return false;
  Stops stops(*this, StepKind::Continue, 0, StatementFollow{}, &condition, false);
  return back_to(stops, false);
}

bool Session::back_to(Stops& stops, bool statement_step) {
  const std::uint64_t here = position();
  if (here <= start_) return false;
  // Search (lo, hi] for the last stop, moving the window back and widening it until one is found.
  // Position here-1 is the first candidate: the stop must be strictly earlier than where we are.
  std::uint64_t hi = here - 1;
  bool first = true;
  std::uint64_t width = kFirstWindow;
  for (;;) {
    std::uint64_t lo = hi - start_ > width ? hi - width : start_;
    // A window that nearly reaches a checkpoint starts there: single-stepping from it costs about what the
    // burst to a later start would, and covers more.
    const std::uint64_t c = checkpoints_[nearest_at_or_before(lo)].position;
    if (lo - c <= kBurstWidths * width) lo = c;
    std::uint64_t found = last_stop(lo, hi, stops);
    // A Statement step that begins just after its goroutine's exit follows nobody and takes one instruction
    // (forward()), so the step that ended here may have begun at here-1, where the first window ends.
    if (first && statement_step && position() == here - 1 && statement_follows().g == kNoG) found = here - 1;
    first = false;
    if (found != 0 || lo == start_) {
      reach(found != 0 ? found : start_, true);
      return true;
    }
    hi = lo;
    width *= 2;
  }
}

std::uint64_t Session::last_stop(std::uint64_t from, std::uint64_t to, Stops& stops) {
  reach(from);
  std::uint64_t found = 0;
  const vm::Vm& vm = live_.runtime();
  // Every stop is decided over its one instruction (arrivals and conditions included), so a walk begun at
  // `from` sees the ones a walk begun earlier would.
  stops.start();
  while (position() < to && !vm.finished()) {
    stops.before_instruction();
    apply_schedule();
    live_.step(StepKind::Instruction);
    if (stops.after_instruction()) found = position();
  }
  live_.force_core(-1);
  return found;
}

// [SECTION] Seeking and checkpoints

void Session::seek(std::uint64_t target) {
  reach(target, true);
}

void Session::restart() {
  reach(start_);
}

std::size_t Session::nearest_at_or_before(std::uint64_t target) const {
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), target,
                                   [](std::uint64_t p, const Checkpoint& c) { return p < c.position; });
  return it == checkpoints_.begin() ? 0 : static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
}

void Session::reach(std::uint64_t target, bool settle) {
  target = std::max(target, start_);
  // Where a public call stops is where the next back() starts, and that back() needs a checkpoint before it:
  // one a little behind the target, when the nearest is more than two intervals behind, keeps it within the
  // replay budget whatever the size of the state.
  const std::uint64_t lead = std::max<std::uint64_t>(interval_ / 4, 1);
  if (settle && target - start_ > lead &&
      target - checkpoints_[nearest_at_or_before(target - 1)].position > 2 * interval_) {
    reach(target - lead, false);
    if (position() == target - lead) add_checkpoint();
  }
  const std::size_t i = nearest_at_or_before(target);
  const std::uint64_t here = position();
  // Running on from the live state is cheapest when it is between that checkpoint and the target.
  if (here > target || here < checkpoints_[i].position) {
    live_ = *checkpoints_[i].machine;
    ++restores_;
    replayed_ += target - checkpoints_[i].position;
  }
  advance_to(target);
}

void Session::advance_to(std::uint64_t target) {
  const vm::Vm& vm = live_.runtime();
  while (position() < target && !vm.finished()) {
    const std::uint64_t next_multiple = (position() / interval_ + 1) * interval_;
    // A run in bursts stops where the schedule changes, so each stretch runs with its own core forced.
    const std::uint64_t stretch_end = apply_schedule();
    live_.run(std::min({target, next_multiple, stretch_end}) - position());
    maybe_checkpoint();
  }
  live_.force_core(-1);  // the machine() others see runs as the machine would
}

// [SECTION] The student's scheduling choices

std::uint64_t Session::apply_schedule() {
  std::uint64_t until = UINT64_MAX;
  live_.force_core(schedule_.core_at(position(), until));
  return until;
}

void Session::discard_future() {
  const std::uint64_t here = position();
  schedule_.truncate(here);
  // The checkpoint at `here` stays: the state at a position does not depend on what is chosen after it.
  while (checkpoints_.size() > 1 && checkpoints_.back().position > here) {
    bytes_ -= checkpoints_.back().bytes;
    spare_ = std::move(checkpoints_.back().machine);
    checkpoints_.pop_back();
  }
}

std::optional<StepReport> Session::forward_on(int core, StepKind kind, std::uint32_t line) {
  const std::vector<CoreChoice> offered = choices();
  const auto it =
      std::find_if(offered.begin(), offered.end(), [&](const CoreChoice& c) { return c.core == core; });
  if (it == offered.end()) return std::nullopt;
  discard_future();
  // A statement step follows the goroutine the student chose, not the one that ran last (which is held).
  StatementFollow followed;
  if (is_statement_step(kind)) {
    followed.g = it->g;
    followed.just_my_code = just_my_code_;
    followed.depth = follow_depth(live_.runtime(), it->g, just_my_code_);
  }
  schedule_.open(position(), core);
  Stops stops(*this, kind, line, followed, nullptr, true);
  StepReport r = forward_to(stops);
  schedule_.close(position());
  live_.force_core(-1);
  return r;
}

// On the way forward, at interval multiples: a checkpoint when the last one is at least the interval behind,
// and far enough behind that copying the state (which grows with the run: the records) costs a fraction of
// running to it. History stays covered for seeks without copying a large state every interval.
void Session::maybe_checkpoint() {
  const std::uint64_t p = position();
  if (p % interval_ != 0) return;
  const std::uint64_t gap = p - checkpoints_[nearest_at_or_before(p)].position;
  if (gap == 0 || gap < std::max(interval_, estimate_bytes(live_) / kBytesPerInstruction)) return;
  add_checkpoint();
}

void Session::add_checkpoint() {
  const std::uint64_t p = position();
  const std::size_t i = nearest_at_or_before(p);
  if (checkpoints_[i].position == p) return;
  std::unique_ptr<Machine> copy;
  if (spare_) {
    copy = std::move(spare_);
    *copy = live_;
  } else {
    copy = std::make_unique<Machine>(live_);
  }
  const std::size_t bytes = estimate_bytes(*copy);
  checkpoints_.insert(checkpoints_.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      Checkpoint{p, std::move(copy), bytes});
  bytes_ += bytes;
  thin();
}

// Drops the checkpoint whose loss costs least: the one leaving the smallest gap for its distance from the
// current position. Spacing then grows in proportion to distance, so a seek into old history replays a
// fraction of the distance travelled, while the checkpoint behind the current position (the next back()'s)
// stays.
void Session::thin() {
  while (checkpoints_.size() > 3 &&
         (checkpoints_.size() > options_.max_checkpoints || bytes_ > options_.max_bytes)) {
    const std::uint64_t here = position();
    const std::size_t keep = nearest_at_or_before(here);
    std::size_t victim = 0;
    double least = std::numeric_limits<double>::max();
    for (std::size_t i = 1; i < checkpoints_.size(); ++i) {
      if (i == keep) continue;
      const std::uint64_t p = checkpoints_[i].position;
      // The last one has no successor: losing it costs the gap behind it twice over.
      const std::uint64_t gap = i + 1 < checkpoints_.size()
                                    ? checkpoints_[i + 1].position - checkpoints_[i - 1].position
                                    : 2 * (p - checkpoints_[i - 1].position);
      const std::uint64_t distance = (p > here ? p - here : here - p) + interval_;
      const double cost = static_cast<double>(gap) / static_cast<double>(distance);
      if (cost < least) {
        least = cost;
        victim = i;
      }
    }
    if (victim == 0) return;
    bytes_ -= checkpoints_[victim].bytes;
    spare_ = std::move(checkpoints_[victim].machine);
    checkpoints_.erase(checkpoints_.begin() + static_cast<std::ptrdiff_t>(victim));
  }
}

std::size_t Session::estimate_bytes(const Machine& m) {
  const vm::Vm& vm = m.runtime();
  // The records grow with the run and dominate on long ones; memory words (value plus byte address, and the
  // coherence model's copy) and the goroutines are the rest of the state that scales.
  // The records are shared between copies in frozen chunks (append_log.h): a copy owns only their open tails.
  return sizeof(Machine) + vm.memory().bus_log().own_bytes() + vm.run_slices().own_bytes() +
         vm.wakes().own_bytes() + vm.load_samples().own_bytes() + vm.memory().heap_words() * 32 +
         vm.memory().literal_bytes();
}

CheckpointStats Session::checkpoint_stats() const {
  CheckpointStats s;
  s.count = checkpoints_.size();
  s.bytes = bytes_;
  s.interval = interval_;
  s.oldest = checkpoints_.front().position;
  s.newest = checkpoints_.back().position;
  s.restores = restores_;
  s.replayed = replayed_;
  return s;
}

}  // namespace gb
