// The studio's event log as plain data: every recorded event of the run (bus transactions with their causes,
// goroutines' run stretches, wake-ups, lost updates) in time order with its layer and the goroutines involved,
// kept incrementally as the machine moves (logs can be millions long), filtered by layer, G and text, and the
// "jump to this moment" that moves the whole machine to the position where an event has just happened. No ImGui.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/vm.h"
#include "sim/inspect/causes.h"
#include "studio_model.h"

namespace gb::ui {

enum class EventLayer : std::uint8_t {
  Wake,       // who made whom runnable (a channel send, an unlock, a timer)
  Scheduler,  // a goroutine's stretch on a P's M on a core, and why it ended
  Bus,        // a bus transaction and the cache-state changes it caused, with the access that caused it
  Lost,       // a lost update (scheduler/vm/lost_updates.h): a store over another G's, from a stale load
  Race,       // a data race the detector reported (--race): two accesses no synchronisation orders
};
inline constexpr std::size_t kEventLayers = 5;
std::string_view layer_name(EventLayer l);  // "wake", "sched", "bus", "lost", "race"

struct LogEvent {
  std::int64_t ns = 0;      // when it happened (a core's clock)
  std::uint64_t instr = 0;  // the record's stamp: the event shows at a later position, within one burst
  std::uint32_t index = 0;  // in its log: bus_log(), run_slices(), wakes() or the memory's lost_updates()
  EventLayer layer = EventLayer::Bus;
  GId g = kNoG;   // bus: the G whose burst issued it; sched: the G that ran; wake: the waker (kNoG: a timer)
  GId g2 = kNoG;  // wake: the woken G; lost: the G whose update was lost; race: the earlier access's G
  // sched: the event is the stretch's end (the event log lists a stretch when it is over, at its end, as
  // run_events does); false: its beginning (the timeline's click on a stretch goes there).
  bool at_end = false;
  bool involves(GId x) const { return g == x || g2 == x; }
};

struct EventFilter {
  std::array<bool, kEventLayers> layers{true, true, true, true, true};
  GId g = kNoG;      // kNoG: every goroutine
  std::string text;  // a case-insensitive part of the event's words; empty: any
  bool operator==(const EventFilter&) const = default;
};

class EventLogView {
 public:
  // Brings the list up to date with `vm`. New records are merged in time order (ties: wake, bus, a stretch's
  // end, lost update, as run_events orders them; a stretch is listed once it is over, at its end); when the
  // machine has gone back, the events it no longer has stay listed (the run is deterministic: they are its
  // future, and a click goes forward to them); another program or run starts the list over: a run is known by
  // `run` when given (the StudioModel's session: a restart or a changed knob makes a new one) and by its
  // records. Costs the new records only (plus a copy of each log's open tail). `source` (the program's lines)
  // names local channels in causes after their make.
  void sync(const vm::Vm& vm, const void* run = nullptr, const std::vector<std::string>* source = nullptr);
  const std::vector<LogEvent>& events() const { return events_; }
  // Indices into events() that pass `f`, maintained between calls: a changed filter rescans, otherwise only
  // the events added since are looked at. At most `budget` events are examined per call; complete() says
  // whether the result covers every event.
  const std::vector<std::size_t>& filtered(const EventFilter& f, std::size_t budget = SIZE_MAX);
  bool complete() const { return scanned_ == events_.size(); }
  // The event in words (from the furthest state seen, so events after the present can be described too).
  std::string text(const LogEvent& e) const;
  // Every goroutine that appears in an event, for the G filter.
  const std::set<GId>& goroutines() const { return gs_; }
  // The event's record exists in `vm`'s state: it has happened by now.
  static bool happened(const vm::Vm& vm, const LogEvent& e);
  // The position in events() of the last event that has happened in `vm` (events_.size() when none). Events
  // are in time order and the machine moves by position, so this is a search, not a scan, when possible.
  std::size_t latest_happened(const vm::Vm& vm) const;

 private:
  bool same_run(const vm::Vm& vm) const;
  void reset();

  const vm::Program* program_ = nullptr;
  const void* run_ = nullptr;
  std::uint64_t furthest_ = 0;        // the furthest position seen: its logs are the ones kept
  std::vector<std::uint32_t> open_;   // stretches seen still running (listed once over)
  vm::AppendLog<vm::BusRecord> bus_;  // the furthest state's logs (copies share their full chunks)
  vm::AppendLog<vm::RunSlice> slices_;
  vm::AppendLog<vm::WakeRecord> wakes_;
  vm::AppendLog<vm::LostUpdateRecord> lost_;
  vm::AppendLog<vm::Vm::RaceRecord> races_;
  std::vector<std::string> race_text_;  // each race in words, made by sync while its Vm was at hand
  mutable inspect::CauseNamer namer_;  // names the records' variables (filled by sync while a Vm is at hand)
  std::vector<LogEvent> events_;
  std::set<GId> gs_;
  EventFilter filter_;
  std::vector<std::size_t> filtered_;
  std::size_t scanned_ = 0;  // events_[0, scanned_) have been tested against filter_
};

// Moves the model to the first position at which `e`'s record exists: the moment the event has just
// happened (a bus event: the instruction that made the transaction; a run stretch: the end of its first
// burst; a wake-up: the instruction that readied the G). False when the model has no run or it was not found
// within the step limit.
bool jump_to_event(StudioModel& model, const LogEvent& e);

}  // namespace gb::ui
