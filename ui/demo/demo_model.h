// The interactive coherence demo as plain data: a knob set, a timeline of core actions, and the real engine
// replayed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/memory_system.h"
#include "coherence/protocol.h"

namespace gb::ui {

// The knobs an interviewer turns one at a time.
struct DemoConfig {
  int cores = 2;  // 2..4
  ProtocolKind protocol = ProtocolKind::MESI;
  std::string bug;  // a planted bug's name; empty = the correct protocol
  int ways = 1;     // 1 (direct-mapped, like Vivio's caches) or 2
  bool operator==(const DemoConfig&) const = default;
};

enum class ActionKind : std::uint8_t { Read, Write, Evict };

// One thing a student asks a core to do. A write's value is not stored: the n-th write of the run stores n,
// so a value names the write that produced it, like the Vivio animations.
struct Action {
  ActionKind kind = ActionKind::Read;
  CoreId core = 0;
  int slot = 0;  // which of the demo's addresses (a0..a3)
  bool operator==(const Action&) const = default;
};

// What one applied action did, for the log, the bus drawing and the protocol-table highlight.
struct StepRecord {
  Action action;
  Word value = 0;               // the word read or written
  AccessResult result;          // empty for an eviction
  bool had_line = false;        // the core held the line before the action
  std::size_t first_event = 0;  // its events are events()[first_event, first_event + event_count)
  std::size_t event_count = 0;
  std::vector<short> proc_rows;   // processor-table rows that fired (the hit row too, which has no event)
  std::vector<short> snoop_rows;  // snoop-table rows that fired in other caches
  std::optional<std::string> violation;  // set on the step where the checker first fired
};

class DemoModel {
 public:
  static constexpr int kSlots = 4;
  static constexpr int kMinCores = 2;
  static constexpr int kMaxCores = 4;
  static constexpr std::uint32_t kBlockBytes = 16;  // two 8-byte words per line
  static constexpr std::uint32_t kSets = 2;

  // The default scripted demo: two cores ping-ponging reads and writes on one line, then a conflict eviction.
  static std::vector<Action> demo_script();
  // How many demo steps are applied when the app opens, so the first frame already shows a dirty line.
  static constexpr std::size_t kOpeningSteps = 4;

  explicit DemoModel(DemoConfig config = {}, std::vector<Action> timeline = demo_script(),
                     std::size_t applied = 0);

  const DemoConfig& config() const { return config_; }
  // Rebuilds the machine with new knobs and replays the applied actions (those of removed cores are dropped).
  // On a bad config (a bug that does not apply to the protocol) returns why and changes nothing.
  std::optional<std::string> set_config(const DemoConfig& config);
  // The planted bugs that apply to `protocol`.
  static std::vector<std::string_view> bugs_for(ProtocolKind protocol);

  // Applies a new action at the cursor; the steps after the cursor are forgotten (like typing after an undo).
  void perform(const Action& action);
  void read(CoreId core, int slot) { perform({ActionKind::Read, core, slot}); }
  void write(CoreId core, int slot) { perform({ActionKind::Write, core, slot}); }
  void evict(CoreId core, int slot) { perform({ActionKind::Evict, core, slot}); }
  // Forward applies the next timeline action; back rebuilds from scratch and replays all but the last one.
  bool step_forward();
  bool step_back();
  void seek(std::size_t applied);
  void rewind() { seek(0); }
  void load_script(std::vector<Action> timeline);  // replaces the timeline, cursor at 0

  const std::vector<Action>& timeline() const { return timeline_; }
  std::size_t cursor() const { return steps_.size(); }
  bool at_end() const { return cursor() >= timeline_.size(); }
  std::optional<Action> next_action() const;

  const MemorySystem& system() const { return system_; }
  const std::vector<StepRecord>& steps() const { return steps_; }
  const std::vector<CoherenceEvent>& events() const { return events_; }
  const StepRecord* last_step() const { return steps_.empty() ? nullptr : &steps_.back(); }
  // Index of the step where the checker first fired, if it has.
  std::optional<std::size_t> violation_step() const { return violation_step_; }
  Word next_write_value() const { return writes_ + 1; }

  // The demo's addresses and lines: a0 = 0x1000, a1 = 0x1010, ... (consecutive lines, alternating sets).
  static Addr slot_addr(int slot) { return kBase + static_cast<Addr>(slot) * kBlockBytes; }
  static Addr slot_line(int slot) { return slot_addr(slot) / kBlockBytes; }
  static int slot_of_line(Addr line);  // -1 if the line is not one of the demo's
  // Memory is stale for `line` when a dirty owner holds data memory does not have.
  bool memory_stale(Addr line) const;
  // The core owning `line` in a dirty state, if any.
  std::optional<CoreId> owner_of(Addr line) const;

  std::uint64_t state_hash() const { return system_.state_hash(); }

 private:
  static constexpr Addr kBase = 0x1000;
  static MemorySystem build(const DemoConfig& config);
  void replay(std::size_t applied);
  void apply(const Action& action);

  DemoConfig config_;
  std::vector<Action> timeline_;
  MemorySystem system_;
  std::vector<StepRecord> steps_;
  std::vector<CoherenceEvent> events_;
  std::optional<std::size_t> violation_step_;
  Word writes_ = 0;
};

// "core 1 writes a0 = 2", "core 0 reads a2", "core 0 evicts a1".
std::string describe_action(const Action& action, Word value);
std::string slot_name(int slot);  // "a0"

}  // namespace gb::ui
