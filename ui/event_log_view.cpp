// The studio's event log (event_log_view.h): an incremental, time-ordered index over the run's three record
// logs.
#include "event_log_view.h"

#include <algorithm>
#include <cctype>

#include "sim/inspect/races.h"
#include "sim/machine/run_events.h"

namespace gb::ui {

namespace {

// At equal times: a wake-up, then bus transactions, then the stretch that ended then (run_events' order).
int tie_rank(EventLayer l) {
  switch (l) {
    case EventLayer::Wake: return 0;
    case EventLayer::Bus: return 1;
    case EventLayer::Scheduler: return 2;
    case EventLayer::Lost: return 3;
    case EventLayer::Race: return 4;
  }
  return 5;
}

bool key_less(const LogEvent& a, const LogEvent& b) {
  if (a.ns != b.ns) return a.ns < b.ns;
  return tie_rank(a.layer) < tie_rank(b.layer);
}

std::size_t log_size(const vm::Vm& vm, EventLayer l) {
  switch (l) {
    case EventLayer::Wake:
      return vm.wakes().size();
    case EventLayer::Scheduler:
      return vm.run_slices().size();
    case EventLayer::Bus:
      return vm.memory().bus_log().size();
    case EventLayer::Lost:
      return vm.memory().lost_updates().size();
    case EventLayer::Race:
      return vm.races().size();
  }
  return 0;
}

bool contains_nocase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  const auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

bool same_bus(const vm::BusRecord& a, const vm::BusRecord& b) {
  return a.start_ns == b.start_ns && a.core == b.core && a.op == b.op && a.addr == b.addr &&
         a.instr == b.instr && a.g == b.g;
}

bool same_slice(const vm::RunSlice& a, const vm::RunSlice& b) {
  return a.start_ns == b.start_ns && a.core == b.core && a.g == b.g && a.instr == b.instr;
}

}  // namespace

std::string_view layer_name(EventLayer l) {
  switch (l) {
    case EventLayer::Wake:
      return "wake";
    case EventLayer::Scheduler:
      return "sched";
    case EventLayer::Bus:
      return "bus";
    case EventLayer::Lost:
      return "lost";
    case EventLayer::Race:
      return "race";
  }
  return "?";
}

void EventLogView::reset() {
  bus_.clear();
  slices_.clear();
  wakes_.clear();
  lost_.clear();
  races_.clear();
  race_text_.clear();
  namer_ = inspect::CauseNamer();
  events_.clear();
  open_.clear();
  furthest_ = 0;
  gs_.clear();
  filtered_.clear();
  scanned_ = 0;
}

// The same run when the records both sides have agree at their first and last common index (another seed,
// config or program gives other records almost at once).
bool EventLogView::same_run(const vm::Vm& vm) const {
  if (&vm.program() != program_) return false;
  const auto& b = vm.memory().bus_log();
  const std::size_t nb = std::min(b.size(), bus_.size());
  if (nb > 0 && (!same_bus(b[0], bus_[0]) || !same_bus(b[nb - 1], bus_[nb - 1]))) return false;
  const auto& s = vm.run_slices();
  const std::size_t ns = std::min(s.size(), slices_.size());
  if (ns > 0 && (!same_slice(s[0], slices_[0]) || !same_slice(s[ns - 1], slices_[ns - 1]))) return false;
  return true;
}

void EventLogView::sync(const vm::Vm& vm, const void* run, const std::vector<std::string>* source) {
  if (!same_run(vm) || run != run_) {
    reset();
    program_ = &vm.program();
    run_ = run;
  }
  const std::size_t old_bus = bus_.size(), old_slices = slices_.size(), old_wakes = wakes_.size();
  const std::size_t old_lost = lost_.size(), old_races = races_.size();
  const auto& bus = vm.memory().bus_log();
  const auto& slices = vm.run_slices();
  const auto& wakes = vm.wakes();
  const auto& lost = vm.memory().lost_updates();
  const auto& races = vm.races();
  // At or beyond the furthest state seen (the run is deterministic: a later position has every record an
  // earlier one has): take its logs (a growing run slice's end is updated too).
  const bool furthest = vm.instructions() >= furthest_ && bus.size() >= old_bus &&
                        slices.size() >= old_slices && wakes.size() >= old_wakes && lost.size() >= old_lost &&
                        races.size() >= old_races;
  if (furthest) {
    furthest_ = vm.instructions();
    bus_ = bus;
    slices_ = slices;
    wakes_ = wakes;
    lost_ = lost;
    races_ = races;
  }
  // Name the new records' variables now, while a Vm is at hand (text() has only the logs).
  if (bus_.size() > old_bus || lost_.size() > old_lost || races_.size() > old_races) {
    namer_.attach(&vm, source);
    for (std::size_t i = old_bus; i < bus_.size(); ++i) namer_.variable(bus_[i].at);
    for (std::size_t i = old_lost; i < lost_.size(); ++i) namer_.variable(lost_[i].at);
    for (std::size_t i = old_races; i < races_.size(); ++i)
      race_text_.push_back(inspect::race_view(vm, races_[i], namer_).text);
    namer_.attach(nullptr);
  }
  std::vector<LogEvent> fresh;
  for (std::size_t i = old_wakes; i < wakes_.size(); ++i) {
    const vm::WakeRecord& w = wakes_[i];
    fresh.push_back({w.ts_ns, w.instr, static_cast<std::uint32_t>(i), EventLayer::Wake, w.waker, w.woken});
  }
  // A stretch is listed when it is over, at its end (its words say how it ended); until then it is open.
  for (std::size_t i = old_slices; i < slices_.size(); ++i) open_.push_back(static_cast<std::uint32_t>(i));
  if (furthest) {
    std::erase_if(open_, [&](std::uint32_t i) {
      const vm::RunSlice& s = slices_[i];
      if (!stretch_listed(vm, s)) return false;
      fresh.push_back({s.end_ns, s.instr, i, EventLayer::Scheduler, s.g, kNoG, true});
      return true;
    });
  }
  for (std::size_t i = old_bus; i < bus_.size(); ++i) {
    const vm::BusRecord& b = bus_[i];
    fresh.push_back({b.start_ns, b.instr, static_cast<std::uint32_t>(i), EventLayer::Bus, b.g, kNoG});
  }
  for (std::size_t i = old_lost; i < lost_.size(); ++i) {
    const vm::LostUpdateRecord& l = lost_[i];
    fresh.push_back({l.ns, l.instr, static_cast<std::uint32_t>(i), EventLayer::Lost, l.g, l.over_g, false});
  }
  for (std::size_t i = old_races; i < races_.size(); ++i) {
    const vm::RaceDetector::Report& r = races_[i].report;
    fresh.push_back({races_[i].ns, races_[i].instr, static_cast<std::uint32_t>(i), EventLayer::Race, r.current.g,
                     r.previous.g, false});
  }
  if (fresh.empty()) return;
  std::stable_sort(fresh.begin(), fresh.end(), key_less);
  for (const LogEvent& e : fresh) {
    if (e.g != kNoG) gs_.insert(e.g);
    if (e.g2 != kNoG) gs_.insert(e.g2);
  }
  // Cores' clocks differ a little, so new events may belong a little before the newest listed ones: merge the
  // tail from the first listed event that comes after the earliest new one.
  const std::size_t from = static_cast<std::size_t>(
      std::upper_bound(events_.begin(), events_.end(), fresh.front(), key_less) - events_.begin());
  const std::size_t mid = events_.size();
  events_.insert(events_.end(), fresh.begin(), fresh.end());
  std::inplace_merge(events_.begin() + static_cast<std::ptrdiff_t>(from),
                     events_.begin() + static_cast<std::ptrdiff_t>(mid), events_.end(), key_less);
  // Filter results at or after the merge point are stale.
  if (scanned_ > from) {
    scanned_ = from;
    filtered_.erase(std::lower_bound(filtered_.begin(), filtered_.end(), from), filtered_.end());
  }
}

std::string EventLogView::text(const LogEvent& e) const {
  switch (e.layer) {
    case EventLayer::Wake:
      if (e.index < wakes_.size()) return describe(wakes_[e.index]);
      break;
    case EventLayer::Scheduler:
      if (e.index < slices_.size() && program_ != nullptr) return describe(slices_[e.index], *program_);
      break;
    case EventLayer::Bus:
      if (e.index < bus_.size()) {
        const vm::BusRecord& b = bus_[e.index];
        return describe(b) + " <- " + namer_.describe(b.cause, b.at);
      }
      break;
    case EventLayer::Lost:
      if (e.index < lost_.size()) return namer_.describe(lost_[e.index]);
      break;
    case EventLayer::Race:
      if (e.index < race_text_.size()) return race_text_[e.index];
      break;
  }
  return "?";
}

const std::vector<std::size_t>& EventLogView::filtered(const EventFilter& f, std::size_t budget) {
  if (!(f == filter_)) {
    filter_ = f;
    filtered_.clear();
    scanned_ = 0;
  }
  std::size_t looked = 0;
  while (scanned_ < events_.size() && looked < budget) {
    const LogEvent& e = events_[scanned_];
    ++looked;
    const bool pass = filter_.layers[static_cast<std::size_t>(e.layer)] &&
                      (filter_.g == kNoG || e.involves(filter_.g)) &&
                      (filter_.text.empty() || contains_nocase(text(e), filter_.text));
    if (pass) filtered_.push_back(scanned_);
    ++scanned_;
  }
  return filtered_;
}

bool EventLogView::happened(const vm::Vm& vm, const LogEvent& e) {
  if (e.layer == EventLayer::Scheduler && e.at_end)
    return e.index < vm.run_slices().size() && stretch_listed(vm, vm.run_slices()[e.index]);
  return e.index < log_size(vm, e.layer);
}

std::size_t EventLogView::latest_happened(const vm::Vm& vm) const {
  // The events that have happened are, but for a few at the boundary, a prefix of the time order.
  std::size_t lo = 0, hi = events_.size();
  while (lo < hi) {
    const std::size_t m = lo + (hi - lo) / 2;
    if (happened(vm, events_[m]))
      lo = m + 1;
    else
      hi = m;
  }
  std::size_t i = lo;
  for (std::size_t k = 0; k < 64 && i < events_.size() && happened(vm, events_[i]); ++k) ++i;
  while (i > 0 && !happened(vm, events_[i - 1])) --i;
  return i == 0 ? events_.size() : i - 1;
}

bool jump_to_event(StudioModel& model, const LogEvent& e) {
  if (!model.loaded()) return false;
  model.seek(e.instr);
  // The stamp is at or before the position where the record first exists; step forward to it (a bus event by
  // bus transactions, which stop exactly where the bus log grows; the others by instructions: within one
  // burst of the stamp).
  const auto happened = [&] { return EventLogView::happened(model.machine()->runtime(), e); };
  if (e.layer == EventLayer::Scheduler && e.at_end) {
    // A stretch's end can be far from its start's stamp: go from boundary to boundary of scheduler events (a
    // G stops running at one), then by instructions from the last one before it ended.
    std::uint64_t before = model.instructions();
    for (int i = 0; i < 1'000'000 && !happened(); ++i) {
      before = model.instructions();
      const StepReport r = model.step(StepKind::SchedulerEvent);
      if (r.instructions == 0) break;
    }
    if (!happened()) return false;
    model.seek(before);
  }
  const StepKind kind = e.layer == EventLayer::Bus ? StepKind::BusTransaction : StepKind::Instruction;
  for (int i = 0; i < 1'000'000 && !happened(); ++i) {
    const StepReport r = model.step(kind);
    if (r.finished && !happened()) return false;
    if (r.instructions == 0) return false;
  }
  return happened();
}

}  // namespace gb::ui
