// The studio's model: a Go program on the Machine (sim/machine), stepped at any granularity, and the plain
// views of it the studio's panels draw (goroutine rows, run queues, cores and their cache lines, output). No
// ImGui.
#pragma once

#include <cstdint>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/protocol.h"
#include "layout.h"
#include "lessons/knobs.h"
#include "sim/inspect/step_captions.h"
#include "sim/machine/machine.h"
#include "sim/machine/session.h"
#include "step_kind_names.h"

namespace gb::ui {

// The knobs of a run (the names match `gopherbus-cli run`'s options). Changing one restarts the program.
struct StudioConfig {
  int cores = 2;
  int gomaxprocs = 2;
  ProtocolKind protocol = ProtocolKind::MESI;
  std::uint64_t seed = 1;
  double time_scale = 1.0;
  int store_buffers = 0;  // x86-TSO store buffer entries per core (0: off)
  double jitter = 1.0;    // timing noise as a multiple of real hardware's (0: fully regular timing)
  std::string bug;        // a planted protocol bug (coherence/bugs.h), empty: none; it turns checking on
  bool check = false;     // check the coherence and scheduler invariants after every access (slower)
  // Requests the outside world's payment clients send in all (gopherbus/clients, the payment workload); a
  // program that never asks for one never sees them.
  std::uint64_t payments = 200;
  // The race detector (`gopherbus-cli run --race`): a race stops play and is spotlit like a lost update.
  bool race = false;
  // A schedule the explorer found (sim/explore/schedule_file.h): the machine runs controlled, its choices from it.
  std::shared_ptr<const std::vector<std::uint32_t>> schedule;
  // Keep the bus log and the run's records (a lesson's queries read them: `bus BusRdX on balance`).
  bool record = false;
  bool operator==(const StudioConfig&) const = default;
  MachineConfig machine_config() const;
};

// One goroutine as the G table shows it.
struct GRow {
  GId id = kNoG;
  GStatus status = GStatus::Idle;
  std::string_view wait_reason;  // Go's words ("chan receive", "sync.Mutex.Lock"), empty unless waiting
  std::string function;    // where it executes next: the innermost frame of package main, else the top one
  std::uint32_t line = 0;  // that frame's source line (0: none, e.g. not started or finished)
  bool in_main = false;    // the line is in the user's file (package main)
  std::string inside;      // the top frame's function when it is not `function` (e.g. sync.(*Mutex).lockSlow)
  int p = -1;              // the P running it, -1 when not running
  bool system = false;     // a runtime goroutine (the finalizer), hidden by Go's tracebacks
  GId created_by = kNoG;   // the G whose `go` statement made it (kNoG: main, or the runtime made it)
  std::string created_in;  // ... in this function, at created_line (empty when unknown)
  std::uint32_t created_line = 0;
};

// One P of the scheduler board.
struct PView {
  int id = 0;
  PStatus status = PStatus::Idle;
  GId current = kNoG;
  GId runnext = kNoG;
  std::vector<GId> runq;  // head first
  std::uint32_t schedtick = 0;
  int m = -1;     // the M holding it, -1 when idle or in _Psyscall
  int core = -1;  // the core its M runs on now, -1 when the M is off-core
};

// One M (OS thread) of the scheduler board.
struct MView {
  int id = 0;
  MStatus status = MStatus::Idle;
  int p = -1;      // the P it holds (running, spinning)
  GId g = kNoG;    // the G it runs, or the G blocked in its syscall
  int core = -1;   // the core the OS has it on, -1 off-core
};

// One valid line of a core's L1.
struct LineView {
  std::uint32_t set = 0, way = 0;
  Addr address = 0;  // the line's first byte
  LineState state = LineState::I;
  std::uint64_t lru = 0;
  std::vector<Word> words;
  bool stale_memory = false;  // memory's copy is older than this dirty line
};

struct CoreView {
  int id = 0;
  int m = -1;  // the M (thread) the OS runs here, -1 idle
  int p = -1;  // the P that M holds, -1 when none
  GId g = kNoG;
  std::int64_t clock_ns = 0;
  std::uint64_t instructions = 0;
  std::uint64_t stall_cycles = 0;
  CacheStats stats;
  // Its store buffer, oldest first (empty when off or drained): the address written and the value.
  std::vector<std::pair<Addr, Word>> buffered;
};

// The latest bus transaction, for the caches panel's headline and row highlight.
struct BusView {
  vm::BusRecord record;
  Addr line_address = 0;      // the first byte of the line it moved
  bool in_last_step = false;  // the last step made it (so the rows it changed are news)
};

// A goroutine's current line in the user's file, for the source panel's markers.
struct SourceMarker {
  std::uint32_t line = 0;
  GId g = kNoG;
  bool running = false;
};

// What the last step did, in words for the controls panel.
struct LastStep {
  StepKind kind = StepKind::Instruction;
  StepReport report;
  std::string note;  // e.g. "breakpoint at line 16" or "no breakpoint within 50000000 instructions"
  std::vector<inspect::Caption> captions;  // every change the step made, in words (forward steps)
};

// A lost update (scheduler/vm/lost_updates.h) or a data race (--race) the last step made, spotlit: play stops on
// it, the event log selects it and the source panel lights both accesses' lines.
struct EventSpotlight {
  enum class Kind : std::uint8_t { LostUpdate, Race };
  Kind kind = Kind::LostUpdate;
  std::size_t index = 0;  // in the memory's lost_updates() or the runtime's races()
  std::string text;       // "lost update on main.balance: G7 stored 121 over G6's 121, lines 17/17"
  GId g = kNoG, over_g = kNoG;
  // The losing store's line and the overwritten store's; for a race, the access that found it and the earlier
  // one ("read", "write" in `what` and `over_what`).
  std::uint32_t line = 0, over_line = 0;
  std::string what, over_what;
};

class StudioModel {
 public:
  // The instruction budget of one step (a scheduler event or run-to-breakpoint may never come).
  // A few million instructions are a second or two of host time: the window must not freeze longer on one
  // click.
  static constexpr std::uint64_t kStepLimit = 5'000'000;
  static constexpr int kMaxCores = 8;  // the panels show every core side by side
  static constexpr int kMaxProcs = 8;
  static constexpr int kMaxStoreBuffer = 64;
  static constexpr double kMaxJitter = 10.0;

  StudioModel(std::string file, std::string text, StudioConfig config = {});

  // [SECTION] Program and knobs
  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }
  const std::vector<std::string>& lines() const { return lines_; }
  // Replaces the program. On a compile error the diagnostics are kept and the previous machine (if any)
  // stays.
  bool load(std::string file, std::string text);
  // gc-style "file:line:col: message" lines of the last failed load; empty when the shown program compiled.
  const std::string& diagnostics() const { return diagnostics_; }
  // The editor went back to the running program's text (Revert, Cancel): the errors of the edit that did not
  // compile no longer describe any text on screen. Kept when nothing compiled yet (they are about text_).
  void discard_failed_edit() {
    if (machine_) diagnostics_.clear();
  }
  // The line numbers the diagnostics name in this file (for markers in the source panel).
  std::vector<std::uint32_t> error_lines() const;
  // The program's knobs (`const padded = false // knob: ...`, lessons/knobs.h), and one set to a new Go literal:
  // the run restarts on the changed program, breakpoints kept (no line moves). False with the compiler's
  // messages in diagnostics() when the value does not compile.
  std::vector<lessons::Knob> knobs() const { return lessons::find_knobs(text_); }
  bool set_knob(const std::string& name, const std::string& value);
  const StudioConfig& config() const { return config_; }
  // Restarts the run with new knobs (the program stays).
  void set_config(const StudioConfig& config);
  void restart();
  // Called with this model just before a run that has taken a step is replaced (restart, set_config, set_knob,
  // load), while the machine, config and text are still that run's: the studio's run history records it then.
  void set_on_replace(std::function<void(const StudioModel&)> f) { on_replace_ = std::move(f); }
  bool loaded() const { return machine_ != nullptr; }
  // Statement steps (into, over, out) stop only in package main when on (the default), else in the standard
  // library's Go code too. Kept across restarts.
  void set_just_my_code(bool on);
  bool just_my_code() const { return just_my_code_; }
  // What the program uses of the machine (presentation mode folds the other panels away): the bus with more
  // than one core, the channels-and-locks panel when its source makes a channel or uses package sync, the
  // output when it can print. Read from the configuration and the source, so it does not change mid-run.
  ProgramUse program_use() const;
  const Machine* machine() const { return machine_; }
  // The compiled program (shared, immutable: the explorer's thread runs it too).
  std::shared_ptr<const vm::Program> program() const { return program_; }

  // [SECTION] Stepping (every move of the machine goes through the Session: checkpoints and replay)
  // `arg` is the BusOp value for StepKind::BusOp and the source line for StepKind::Line.
  StepReport step(StepKind kind, std::uint32_t arg = 0);
  // "You are the scheduler" (sim/machine/scheduler_choice.h): the cores with a goroutine to run now, and a step
  // of `kind` with `core` chosen to run (the others held). The choice is part of the run from then on: stepping
  // back and forward replays it; a choice made after stepping back replaces what came after. A core not on
  // offer does not move the machine.
  std::vector<CoreChoice> scheduler_choices() const;
  StepReport step_on(int core, StepKind kind, std::uint32_t arg = 0);
  // Back to the machine's own scheduling for the whole run (the choices made are dropped; the machine goes to
  // the start of the run): a lesson does so before moving to a checkpoint found without them.
  void forget_choices();
  // Back to the most recent earlier moment a forward step of `kind` would have stopped at. False at the start.
  bool step_back(StepKind kind, std::uint32_t arg = 0);
  bool at_start() const { return !session_ || session_->position() == session_->start_position(); }
  // Goes to the state after `instructions` instructions of this run (the event log's "jump to this moment").
  void seek(std::uint64_t instructions);
  const Session* session() const { return session_.get(); }
  // Runs until a goroutine arrives at a line with a breakpoint (the Session's StepKind::Continue), leaving the
  // one it is on first. False when there is no breakpoint or none was reached.
  bool run_to_breakpoint();
  // Runs the program to its end (End): through the Session, stopping at a breakpoint as run_to_breakpoint
  // does (the note says so), and after kRunToEndLimit instructions at most (a program that never ends). True
  // when the program has ended.
  static constexpr std::uint64_t kRunToEndLimit = 10 * kStepLimit;
  bool run_to_end();
  void toggle_breakpoint(std::uint32_t line);
  // [SECTION] Conditions (sim/inspect/condition.h), as `gopherbus-cli run --until` takes them
  // A conditional breakpoint: at `line` (a goroutine arrives there while the condition holds), or with line 0
  // wherever the condition fires. False with `error` (the column of a syntax error, a name that names nothing).
  struct ConditionBreakpointView {
    std::uint32_t line = 0;
    std::string condition;
  };
  bool add_condition_breakpoint(std::uint32_t line, const std::string& condition, std::string& error);
  void remove_condition_breakpoint(std::size_t index);
  const std::vector<ConditionBreakpointView>& condition_breakpoints() const { return condition_breakpoints_; }
  bool has_breakpoints() const { return !breakpoints_.empty() || !condition_breakpoints_.empty(); }
  // Forward until `condition` fires (a breakpoint on the way stops first), or back to where it last fired.
  // False with `error` when the condition is bad; the last step's note says where it stopped.
  bool run_until(const std::string& condition, std::string& error);
  bool back_until(const std::string& condition, std::string& error);
  const std::set<std::uint32_t>& breakpoints() const { return breakpoints_; }
  const std::optional<LastStep>& last_step() const { return last_; }
  std::uint64_t steps_taken() const { return steps_taken_; }
  bool finished() const { return machine_ == nullptr || machine_->runtime().finished(); }

  // [SECTION] Play
  // Playing takes `speed` steps of `play_kind` per second of wall time, fed by tick() once a frame.
  void set_playing(bool on) { playing_ = on && !finished(); }
  bool playing() const { return playing_; }
  void set_speed(double steps_per_second) { speed_ = steps_per_second; }
  double speed() const { return speed_; }
  void set_play_kind(StepKind k) { play_kind_ = k; }
  StepKind play_kind() const { return play_kind_; }
  // Playing by machine time instead of by steps: `ns_per_second` simulated nanoseconds (= cycles at 1 GHz) per
  // second of wall time, in bursts of instructions (a breakpoint still stops it: with breakpoints set it moves
  // by statements, which stop at them).
  void set_play_by_time(bool on) { play_by_time_ = on; }
  bool play_by_time() const { return play_by_time_; }
  void set_time_rate(double ns_per_second) { time_rate_ = std::max(1.0, ns_per_second); }
  double time_rate() const { return time_rate_; }
  static constexpr std::uint64_t kTimeBurst = 4096;  // instructions per burst when playing by time
  // Advances by the steps due after `seconds`, at most `max_steps`, and stops early once `out_of_time` says
  // so (the app's frame budget; the model itself reads no clock). Stops playing at the end or on a
  // breakpoint. Returns the steps taken.
  std::uint64_t tick(double seconds, const std::function<bool()>& out_of_time = {},
                     std::uint64_t max_steps = 20'000);

  // [SECTION] Views
  std::vector<GRow> goroutines() const;
  std::vector<PView> processors() const;
  // What a G badge's tooltip says, a line each: the G, its function and line, its state (and Go's wait
  // reason), where it sits (running on a P, in a runnext slot and why, a run queue), who created it and
  // where, and for the runtime's own goroutines what they are for.
  std::vector<std::string> describe_g(GId id) const;
  std::vector<GId> global_queue() const;
  std::vector<CoreView> cores() const;
  std::vector<MView> threads() const;
  // The valid lines of `core`'s cache in set and way order.
  std::vector<LineView> cache_lines(int core) const;
  std::vector<SourceMarker> markers() const;
  std::optional<BusView> last_bus() const;
  // The goroutine that ran last and its line in the user's file (0 when none).
  GId current_g() const;
  std::uint32_t current_line() const;
  std::string_view stdout_text() const;
  std::string_view stderr_text() const;
  std::int64_t now_ns() const;
  std::uint64_t instructions() const;
  std::uint64_t bus_transactions() const;
  std::optional<int> exit_code() const;
  std::string status_line() const;  // "running", "exited with status 0", "does not compile"
  // The first invariant the run broke (coherence: SWMR or data-value, checked when config().check or a bug is
  // on; scheduler: a G in one place, run queue bounds), in words; nullopt while all hold.
  std::optional<std::string> violation() const;
  // Lost updates so far in this run, and the one the last step made (the first, when it made several); a step
  // that makes one stops play, as a broken invariant does.
  std::size_t lost_updates() const;
  std::size_t races() const;
  const std::optional<EventSpotlight>& spotlight() const { return spotlight_; }

 private:
  // The one place the machine moves forward: through the Session, which keeps the checkpoints step_back uses.
  StepReport advance(StepKind kind, std::uint32_t line = 0, int core = -1);
  void rebuild();
  void replacing();  // calls on_replace_ about the run going away
  std::function<void(const StudioModel&)> on_replace_;

  std::string file_;
  std::string text_;
  std::vector<std::string> lines_;
  std::string diagnostics_;
  StudioConfig config_;
  std::shared_ptr<const vm::Program> program_;
  std::unique_ptr<Session> session_;
  const Machine* machine_ = nullptr;  // the session's live machine (a stable address while the session lives)
  std::set<std::uint32_t> breakpoints_;
  std::vector<ConditionBreakpointView> condition_breakpoints_;
  void bind_condition_breakpoints();
  // "G6 at the breakpoint on line 17", "`mutex mu starving` fired (G7, line 22)"; empty when none stopped `r`.
  std::string breakpoint_hit(const StepReport& r) const;
  bool just_my_code_ = true;
  std::optional<LastStep> last_;
  std::optional<EventSpotlight> spotlight_;
  // After a move forward from a state with `before` lost updates: spotlights the first new one and stops play.
  // What a step is compared against to find the lost update or race it made (spot_events spotlights it).
  struct SpotMark {
    std::size_t lost = 0, races = 0;
  };
  SpotMark spot_mark() const { return SpotMark{lost_updates(), races()}; }
  void spot_events(SpotMark before);
  std::uint64_t steps_taken_ = 0;
  bool playing_ = false;
  double speed_ = 20.0;
  double owed_ = 0.0;  // fractional steps carried between ticks
  StepKind play_kind_ = StepKind::Statement;
  bool play_by_time_ = false;
  double time_rate_ = 1'000'000.0;
  double time_owed_ = 0.0;  // simulated ns owed to the next tick
  std::uint64_t tick_by_time(double seconds, const std::function<bool()>& out_of_time);
};

// "core 1 BusRdX 0xc000000008, core 0 M->I, core 1 I->M"
std::string describe_bus(const vm::BusRecord& b);

}  // namespace gb::ui
