// The studio model: compiles once, rebuilds the Machine on restart, steps it through advance(), and copies
// out what the panels draw.
#include "studio_model.h"

#include <algorithm>
#include <charconv>
#include <exception>

#include <fmt/format.h>

#include "cache_grid.h"
#include "coherence/bugs.h"
#include "sim/go/run_program.h"
#include "sim/inspect/causes.h"
#include "sim/inspect/condition_eval.h"
#include "sim/inspect/goroutine_location.h"
#include "sim/inspect/races.h"
#include "sim/machine/run_events.h"

namespace gb::ui {

MachineConfig StudioConfig::machine_config() const {
  MachineConfig c;
  c.seed = seed;
  c.gomaxprocs = gomaxprocs;
  c.time_scale = time_scale;
  c.machine.memory.cores = cores;
  c.machine.memory.protocol = protocol;
  c.machine.memory.store_buffer_entries = store_buffers;
  c.machine.jitter = jitter;
  c.machine.memory.bug = bug;
  c.machine.check_coherence = check || !bug.empty();
  c.machine.record = record;
  c.race = race;
  c.schedule = schedule;
  c.machine.controlled = schedule != nullptr;
  // As gopherbus-cli run's defaults: 5000 requests a simulated second over 64 accounts (what the payment
  // workload's ledger holds), the clients and the ledger drawing from the run's seed.
  c.world.payments = payments;
  c.world.clients.rate_per_sec = 5000;
  c.world.clients.accounts = 64;
  c.world.clients.seed = seed;
  c.world.ledger.seed = seed;
  return c;
}

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    std::string line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Tabs are Go's indentation; ImGui draws a tab as nothing, so expand it.
    std::string expanded;
    for (char c : line) {
      if (c == '\t') {
        expanded.append(4 - expanded.size() % 4, ' ');
      } else {
        expanded.push_back(c);
      }
    }
    out.push_back(std::move(expanded));
    at = end + 1;
  }
  return out;
}

}  // namespace

StudioModel::StudioModel(std::string file, std::string text, StudioConfig config) : config_(config) {
  load(std::move(file), std::move(text));
}

bool StudioModel::load(std::string file, std::string text) {
  std::string diags;
  auto program = go::compile_go(file, text, diags);
  if (!program) {
    diagnostics_ = diags.empty() ? std::string("does not compile") : diags;
    // With nothing loaded yet the failed text is what there is to show; otherwise the old run stays.
    if (!machine_) {
      file_ = std::move(file);
      text_ = std::move(text);
      lines_ = split_lines(text_);
    }
    return false;
  }
  replacing();
  diagnostics_.clear();
  file_ = std::move(file);
  text_ = std::move(text);
  lines_ = split_lines(text_);
  program_ = std::move(program);
  breakpoints_.clear();
  condition_breakpoints_.clear();
  rebuild();
  return true;
}

bool StudioModel::set_knob(const std::string& name, const std::string& value) {
  const lessons::KnobResult k = lessons::set_knobs(text_, {{name, value}});
  if (!k.error.empty()) {
    diagnostics_ = k.error;
    return false;
  }
  std::string diags;
  auto program = go::compile_go(file_, k.text, diags);
  if (!program) {
    diagnostics_ = diags.empty() ? std::string("does not compile") : diags;
    return false;
  }
  replacing();
  diagnostics_.clear();
  text_ = k.text;
  lines_ = split_lines(text_);
  program_ = std::move(program);
  rebuild();
  return true;
}

std::vector<std::uint32_t> StudioModel::error_lines() const {
  // Each diagnostic starts "file:line:col: ": take the number after the file name.
  std::vector<std::uint32_t> out;
  const std::string prefix = file_ + ":";
  std::size_t at = 0;
  while (at < diagnostics_.size()) {
    const std::size_t nl = diagnostics_.find('\n', at);
    const std::string_view line(diagnostics_.data() + at,
                                (nl == std::string::npos ? diagnostics_.size() : nl) - at);
    if (line.substr(0, prefix.size()) == prefix) {
      std::uint32_t n = 0;
      const char* first = line.data() + prefix.size();
      auto [ptr, ec] = std::from_chars(first, line.data() + line.size(), n);
      if (ec == std::errc{} && ptr != first) out.push_back(n);
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

void StudioModel::set_config(const StudioConfig& config) {
  replacing();
  config_ = config;
  config_.cores = std::clamp(config_.cores, 1, kMaxCores);
  config_.gomaxprocs = std::clamp(config_.gomaxprocs, 1, kMaxProcs);
  config_.store_buffers = std::clamp(config_.store_buffers, 0, kMaxStoreBuffer);
  config_.jitter = std::clamp(config_.jitter, 0.0, kMaxJitter);
  // A bug that does not apply to the protocol (MSI has no E to enter wrongly) would stop the machine being
  // built: drop it, as the knob's list only offers the bugs of the chosen protocol.
  if (!bug_applies(config_.protocol, config_.bug)) config_.bug.clear();
  if (program_) rebuild();  // not restart(): the old run was reported above, with its own config
}

std::optional<std::string> StudioModel::violation() const {
  if (!machine_) return std::nullopt;
  const vm::Vm& vm = machine_->runtime();
  if (const auto& v = vm.memory().system().violation()) return "coherence: " + v->message();
  if (auto bad = vm.scheduler().check_invariants()) return "scheduler: " + *bad;
  return std::nullopt;
}

void StudioModel::restart() {
  replacing();
  if (program_) rebuild();
}

void StudioModel::replacing() {
  // A run that never moved is not a run to keep.
  if (on_replace_ && machine_ != nullptr && instructions() > 0) on_replace_(*this);
}

void StudioModel::rebuild() {
  SessionOptions so;
  so.step_limit = kStepLimit;
  session_ = std::make_unique<Session>(Machine(program_, config_.machine_config()), so);
  session_->set_just_my_code(just_my_code_);
  machine_ = &session_->machine();
  session_->set_breakpoints({breakpoints_.begin(), breakpoints_.end()});
  bind_condition_breakpoints();
  last_.reset();
  spotlight_.reset();
  steps_taken_ = 0;
  playing_ = false;
  owed_ = 0.0;
  time_owed_ = 0.0;
}

// [SECTION] Stepping

StepReport StudioModel::advance(StepKind kind, std::uint32_t line, int core) {
  if (!machine_) return {};
  ++steps_taken_;
  try {
    if (core >= 0) return session_->forward_on(core, kind, line).value_or(StepReport{});
    return session_->forward(kind, line);
  } catch (const std::exception& e) {
    // The runtime reports Go's failures as program output; anything thrown is a simulator bug. Show it, stop.
    diagnostics_ = fmt::format("internal error while stepping: {}", e.what());
    playing_ = false;
    return {};
  }
}

bool StudioModel::step_back(StepKind kind, std::uint32_t arg) {
  if (!session_) return false;
  playing_ = false;
  if (kind == StepKind::Continue && !has_breakpoints()) {
    // Without breakpoints there is no earlier arrival: the search would rewind to the start.
    last_ = LastStep{kind, {}, "no breakpoints: back to a breakpoint needs one", {}};
    return false;
  }
  spotlight_.reset();
  bool moved = false;
  const std::uint64_t from = instructions();
  try {
    moved = session_->back(kind, arg);
  } catch (const std::exception& e) {
    diagnostics_ = fmt::format("internal error while stepping back: {}", e.what());
    return false;
  }
  ++steps_taken_;
  const std::uint64_t to = instructions();
  StepReport r;
  r.instructions = from - to;
  std::string note = moved ? fmt::format("stepped back {} instruction{} (to instruction {})", from - to,
                                         from - to == 1 ? "" : "s", to)
                           : std::string("at the start: nothing earlier");
  if (moved && kind == StepKind::Continue)
    note = at_start() ? fmt::format("no earlier breakpoint: back {} instructions to the start", from - to)
                      : fmt::format("back {} instructions to G{} arriving at line {}", from - to, current_g(),
                                    current_line());
  last_ = LastStep{kind, r, std::move(note), {}};
  return moved;
}

void StudioModel::seek(std::uint64_t instructions) {
  if (!session_) return;
  playing_ = false;
  spotlight_.reset();
  session_->seek(instructions);
  ++steps_taken_;
  // The program may end before `instructions`, or the position may be inside Go code a native runs whole (a
  // String method fmt calls): say where the machine really is.
  const std::uint64_t at = this->instructions();
  std::string note = fmt::format("at instruction {}", at);
  if (at != instructions && machine_ != nullptr && machine_->runtime().finished())
    note += " (the program ended there)";
  else if (at != instructions)
    note += fmt::format(" (the nearest to {}: a runtime function's call into Go, such as fmt calling a String "
                        "method, runs as one step)", instructions);
  last_ = LastStep{StepKind::Instruction, {}, std::move(note), {}};
}

std::size_t StudioModel::lost_updates() const {
  return machine_ != nullptr ? machine_->runtime().memory().lost_updates().size() : 0;
}

std::size_t StudioModel::races() const { return machine_ != nullptr ? machine_->runtime().races().size() : 0; }

void StudioModel::spot_events(SpotMark mark) {
  spotlight_.reset();
  if (races() > mark.races) {  // a race first: it is what the student turned the detector on for
    const vm::Vm& vm = machine_->runtime();
    inspect::CauseNamer namer(vm, &lines_);
    const inspect::RaceView v = inspect::race_view(vm, vm.races()[mark.races], namer);
    EventSpotlight s;
    s.kind = EventSpotlight::Kind::Race;
    s.index = mark.races;
    s.text = v.text;
    s.g = v.current.g;
    s.over_g = v.previous.g;
    s.line = v.current.line;
    s.over_line = v.previous.line;
    s.what = v.current.write ? "write" : "read";
    s.over_what = v.previous.write ? "write" : "read";
    spotlight_ = std::move(s);
    playing_ = false;
    if (last_) last_->note = spotlight_->text;
    return;
  }
  const std::size_t before = mark.lost;
  if (lost_updates() <= before) return;
  const vm::Vm& vm = machine_->runtime();
  const vm::LostUpdateRecord& l = vm.memory().lost_updates()[before];
  inspect::CauseNamer namer(vm, &lines_);
  EventSpotlight s;
  s.index = before;
  s.text = namer.describe(l);
  s.g = l.g;
  s.over_g = l.over_g;
  s.line = namer.line(l.func, l.pc);
  s.over_line = namer.line(l.over_func, l.over_pc);
  spotlight_ = std::move(s);
  playing_ = false;
  if (last_) last_->note = spotlight_->text;
}

StepReport StudioModel::step(StepKind kind, std::uint32_t arg) {
  return step_on(-1, kind, arg);
}

void StudioModel::forget_choices() {
  if (!session_ || session_->schedule().stretches().empty()) return;
  session_->seek(session_->start_position());
  session_->drop_choices_ahead();
  ++steps_taken_;
}

std::vector<CoreChoice> StudioModel::scheduler_choices() const {
  return session_ ? session_->choices() : std::vector<CoreChoice>{};
}

StepReport StudioModel::step_on(int core, StepKind kind, std::uint32_t arg) {
  const SpotMark lost_before = spot_mark();
  const StepReport r = advance(kind, arg, core);
  // Say why the step ended early: a breakpoint reached on the way, or the step's instruction budget.
  std::string note;
  if (const std::string hit = breakpoint_hit(r); !hit.empty())
    note = r.at_boundary ? hit : "stopped early: " + hit;
  else if (r.hit_limit)
    note = fmt::format("stopped early: no {} boundary within {} instructions", step_kind_name(kind), kStepLimit);
  last_ = LastStep{kind, r, std::move(note), machine_ ? inspect::step_captions(*machine_, r) : std::vector<inspect::Caption>{}};
  if (r.finished) playing_ = false;
  spot_events(lost_before);
  return r;
}

std::string StudioModel::breakpoint_hit(const StepReport& r) const {
  if (r.condition_breakpoint >= 0 && static_cast<std::size_t>(r.condition_breakpoint) < condition_breakpoints_.size()) {
    const ConditionBreakpointView& c = condition_breakpoints_[static_cast<std::size_t>(r.condition_breakpoint)];
    return c.line != 0 ? fmt::format("G{} at line {} with `{}`", current_g(), c.line, c.condition)
                       : fmt::format("`{}` fired (G{}, line {})", c.condition, current_g(), current_line());
  }
  if (r.breakpoint_line != 0) return fmt::format("G{} at the breakpoint on line {}", r.breakpoint_g, r.breakpoint_line);
  return {};
}

bool StudioModel::run_to_breakpoint() {
  if (!machine_ || !has_breakpoints() || finished()) return false;
  // The Session's Continue leaves the breakpoint it starts on and stops at the next arrival at any breakpoint
  // (sim/machine/breakpoint_arrivals.h) or where a conditional one fires, within kStepLimit instructions.
  const SpotMark lost_before = spot_mark();
  const StepReport r = advance(StepKind::Continue);
  const std::string what = breakpoint_hit(r);
  const bool hit = !what.empty();
  last_ = LastStep{StepKind::Continue, r,
                   hit ? what
                       : (r.finished ? std::string("the program ended before a breakpoint")
                                     : fmt::format("no breakpoint within {} instructions", kStepLimit)),
                   inspect::step_captions(*machine_, r)};
  spot_events(lost_before);
  playing_ = false;
  return hit;
}

bool StudioModel::run_to_end() {
  if (!session_ || finished()) return finished();
  playing_ = false;
  const std::uint64_t from = instructions();
  const std::size_t bus_from = machine_->runtime().memory().bus_log().size();
  const std::size_t slices_from = machine_->runtime().run_slices().size();
  std::string note;
  if (has_breakpoints()) {
    // Continue after Continue (each bounded by kStepLimit) until one stops at a breakpoint or the end.
    while (!finished() && instructions() - from < kRunToEndLimit) {
      const StepReport c = advance(StepKind::Continue);
      if (const std::string hit = breakpoint_hit(c); !hit.empty()) {
        note = "stopped before the end: " + hit;
        break;
      }
      if (c.instructions == 0) break;
    }
  } else {
    // No breakpoint can stop it: seek forward in bursts (Session::seek stops at the program's end).
    while (!finished() && instructions() - from < kRunToEndLimit) {
      const std::uint64_t before = instructions();
      session_->seek(before + kStepLimit);
      ++steps_taken_;
      if (instructions() == before) break;
    }
  }
  ++steps_taken_;
  if (note.empty())
    note = finished()
               ? fmt::format("ran to the end ({} instructions)", instructions() - from)
               : fmt::format("not ended within {} instructions: press End again to go on", kRunToEndLimit);
  StepReport r;
  r.instructions = instructions() - from;
  r.bus_from = bus_from;
  r.bus_to = machine_->runtime().memory().bus_log().size();
  r.slices_from = slices_from;
  r.slices_to = machine_->runtime().run_slices().size();
  r.finished = finished();
  last_ = LastStep{StepKind::Continue, r, note, inspect::step_captions(*machine_, r)};
  return finished();
}

// [SECTION] Conditions

bool StudioModel::add_condition_breakpoint(std::uint32_t line, const std::string& condition, std::string& error) {
  if (!machine_) {
    error = "no program";
    return false;
  }
  // Bound once here so a misspelt name is said at once; bound again on every rebuild (the same program).
  if (!inspect::BoundCondition::bind(condition, *machine_, &lines_, error)) return false;
  condition_breakpoints_.push_back({line, condition});
  bind_condition_breakpoints();
  return true;
}

void StudioModel::remove_condition_breakpoint(std::size_t index) {
  if (index >= condition_breakpoints_.size()) return;
  condition_breakpoints_.erase(condition_breakpoints_.begin() + static_cast<std::ptrdiff_t>(index));
  bind_condition_breakpoints();
}

void StudioModel::bind_condition_breakpoints() {
  if (!session_) return;
  std::vector<Session::ConditionBreakpoint> bound;
  for (const ConditionBreakpointView& c : condition_breakpoints_) {
    std::string error;
    Session::ConditionBreakpoint b;
    b.line = c.line;
    b.condition = inspect::BoundCondition::bind(c.condition, session_->machine(), &lines_, error);
    bound.push_back(std::move(b));
  }
  session_->set_condition_breakpoints(std::move(bound));
}

bool StudioModel::run_until(const std::string& condition, std::string& error) {
  if (!session_ || finished()) {
    error = finished() ? "the program has ended" : "no program";
    return false;
  }
  auto bound = inspect::BoundCondition::bind(condition, *machine_, &lines_, error);
  if (!bound) return false;
  playing_ = false;
  ++steps_taken_;
  const SpotMark lost_before = spot_mark();
  StepReport r;
  try {
    r = session_->forward_until(*bound);
  } catch (const std::exception& e) {
    diagnostics_ = fmt::format("internal error while stepping: {}", e.what());
    return false;
  }
  std::string note;
  if (r.at_boundary) note = fmt::format("`{}` fired: G{} at line {}", bound->text(), current_g(), current_line());
  else if (const std::string hit = breakpoint_hit(r); !hit.empty()) note = "stopped early: " + hit;
  else if (r.finished) note = fmt::format("the program ended before `{}` fired", bound->text());
  else note = fmt::format("`{}` did not fire within {} instructions", bound->text(), kStepLimit);
  last_ = LastStep{StepKind::Continue, r, std::move(note), inspect::step_captions(*machine_, r)};
  spot_events(lost_before);
  return r.at_boundary;
}

bool StudioModel::back_until(const std::string& condition, std::string& error) {
  if (!session_) {
    error = "no program";
    return false;
  }
  auto bound = inspect::BoundCondition::bind(condition, *machine_, &lines_, error);
  if (!bound) return false;
  playing_ = false;
  spotlight_.reset();
  const std::uint64_t from = instructions();
  bool moved = false;
  try {
    moved = session_->back_until(*bound);
  } catch (const std::exception& e) {
    diagnostics_ = fmt::format("internal error while stepping back: {}", e.what());
    return false;
  }
  ++steps_taken_;
  StepReport r;
  r.instructions = from - instructions();
  last_ = LastStep{StepKind::Continue, r,
                   !moved ? std::string("at the start: nothing earlier")
                   : at_start() ? fmt::format("`{}` never fired before: back {} instructions to the start",
                                              bound->text(), from - instructions())
                                : fmt::format("back {} instructions to where `{}` fired (G{}, line {})",
                                              from - instructions(), bound->text(), current_g(), current_line()),
                   {}};
  return moved;
}

void StudioModel::toggle_breakpoint(std::uint32_t line) {
  if (!breakpoints_.erase(line)) breakpoints_.insert(line);
  if (session_) session_->set_breakpoints({breakpoints_.begin(), breakpoints_.end()});
}

std::uint64_t StudioModel::tick(double seconds, const std::function<bool()>& out_of_time,
                                std::uint64_t max_steps) {
  if (!playing_) return 0;
  if (play_by_time_) return tick_by_time(seconds, out_of_time);
  owed_ += std::max(0.0, seconds) * speed_;
  std::uint64_t due = static_cast<std::uint64_t>(owed_);
  // A slow frame must not pile up work for the next one: what cannot be done now is dropped.
  if (due > max_steps) {
    due = max_steps;
    owed_ = static_cast<double>(due);
  }
  owed_ -= static_cast<double>(due);
  std::uint64_t n = 0;
  for (; n < due && playing_; ++n) {
    if (out_of_time && out_of_time()) {
      owed_ = 0.0;  // the machine is slower than asked: play as fast as it goes rather than fall behind
      break;
    }
    // A goroutine arriving at a breakpoint (the Session's steps stop there) stops play.
    const StepReport r = step(play_kind_);
    if (machine_->runtime().memory().system().violation() || !breakpoint_hit(r).empty()) playing_ = false;
  }
  if (finished()) playing_ = false;
  return n;
}

std::uint64_t StudioModel::tick_by_time(double seconds, const std::function<bool()>& out_of_time) {
  time_owed_ += std::max(0.0, seconds) * time_rate_;
  const std::int64_t start_ns = now_ns();
  // As with steps: what one tick cannot do is dropped, never piled onto the next frames.
  const double cap = std::max(time_rate_ * 0.25, 1.0);
  if (time_owed_ > cap) time_owed_ = cap;
  const auto target = start_ns + static_cast<std::int64_t>(time_owed_);
  std::uint64_t bursts = 0;
  while (playing_ && now_ns() < target) {
    if (out_of_time && out_of_time()) {
      time_owed_ = 0.0;
      break;
    }
    if (!has_breakpoints()) {
      const vm::Vm& vm = machine_->runtime();
      StepReport r;
      const std::uint64_t before = instructions();
      const SpotMark lost_before = spot_mark();
      r.bus_from = vm.memory().bus_log().size();
      r.slices_from = vm.run_slices().size();
      session_->seek(before + kTimeBurst);
      ++steps_taken_;
      const vm::Vm& after = machine_->runtime();
      r.instructions = instructions() - before;
      r.bus_to = after.memory().bus_log().size();
      r.slices_to = after.run_slices().size();
      r.finished = finished();
      last_ = LastStep{StepKind::Instruction, r, {}, {}};
      spot_events(lost_before);
    } else {
      if (!breakpoint_hit(step(StepKind::Statement)).empty()) playing_ = false;
    }
    ++bursts;
    if (finished() || machine_->runtime().memory().system().violation()) playing_ = false;
  }
  time_owed_ = std::max(0.0, time_owed_ - static_cast<double>(now_ns() - start_ns));
  if (finished()) playing_ = false;
  return bursts;
}

// [SECTION] Views

namespace {

using Where = inspect::GoroutineLocation;  // the frame a person reading the program means (sim/inspect)

Where where_is(const vm::Vm& vm, GId id) {
  return inspect::goroutine_location(vm, id);
}

}  // namespace

std::vector<GRow> StudioModel::goroutines() const {
  std::vector<GRow> rows;
  if (!machine_) return rows;
  const vm::Vm& vm = machine_->runtime();
  const Scheduler& s = vm.scheduler();
  const vm::Program& prog = vm.program();
  for (GId id = 1; id <= static_cast<GId>(s.goroutine_count()); ++id) {
    const Goroutine& g = s.g(id);
    if (g.status == GStatus::Idle) continue;  // an id reserved in a P's goid cache: no goroutine has it yet
    GRow r;
    r.id = id;
    r.status = g.status;
    if (g.status == GStatus::Waiting) r.wait_reason = g.wait_reason;
    r.p = g.status == GStatus::Running ? g.p : -1;
    // os.Exit (and main's return) ends the process: the runtime keeps its last state, but nothing runs on.
    if (vm.finished() && g.status == GStatus::Running) {
      r.status = GStatus::Dead;
      r.p = -1;
    }
    r.system = vm.goroutine(id).system;
    const Where w = where_is(vm, id);
    if (w.func < prog.functions.size()) r.function = prog.functions[w.func].name;
    if (w.top_func != w.func && w.top_func < prog.functions.size())
      r.inside = prog.functions[w.top_func].name;
    r.line = w.line;
    r.in_main = w.in_main;
    r.created_by = g.created_by;
    const vm::GState& gs = vm.goroutine(id);
    if (gs.created_func < prog.functions.size()) {
      r.created_in = prog.functions[gs.created_func].name;
      r.created_line = gs.created_line;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

namespace {

// The runtime's own goroutines, as runtime.main (Go 1.19) makes them before main.main: runtime's init starts
// forcegchelper (proc.go), gcenable starts bgsweep and bgscavenge (mgc.go), and the first SetFinalizer
// (package os's init sets one on each of os.Stdin, Stdout and Stderr) starts runfinq (mfinal.go's
// createfing).
struct RuntimeG {
  const char* function;
  const char* role;
};
constexpr RuntimeG kForceGc{
    "runtime.forcegchelper",
    "the forced-GC helper (proc.go): sysmon wakes it to start a garbage collection when "
    "none has run for 2 minutes; it parks in \"force gc (idle)\" in between"};
constexpr RuntimeG kBgSweep{
    "runtime.bgsweep",
    "the background sweeper (mgcsweep.go): after each GC it sweeps the heap's spans so "
    "their free slots can be reused; it parks in \"GC sweep wait\" in between"};
constexpr RuntimeG kBgScavenge{
    "runtime.bgscavenge",
    "the background scavenger (mgcscavenge.go): it returns unused heap pages to the "
    "OS; it parks in \"GC scavenge wait\" in between"};
constexpr RuntimeG kFinalizer{
    "runtime.runfinq",
    "the finalizer goroutine (mfinal.go): it runs the finalizers of collected objects "
    "(os.File closes its descriptor that way); created by the first "
    "runtime.SetFinalizer, which package os's init makes, so any program using os (fmt "
    "does) has it; the first time it runs it parks in \"finalizer wait\""};

const RuntimeG* runtime_g(const vm::Vm& vm, GId id) {
  if (!vm.goroutine(id).system) return nullptr;
  switch (id) {
    case 2:
      return &kForceGc;
    case 3:
      return &kBgSweep;
    case 4:
      return &kBgScavenge;
    default:
      return &kFinalizer;
  }
}

}  // namespace

std::vector<std::string> StudioModel::describe_g(GId id) const {
  std::vector<std::string> out;
  if (!machine_) return out;
  const vm::Vm& vm = machine_->runtime();
  const std::vector<GRow> rows = goroutines();
  const auto row = std::find_if(rows.begin(), rows.end(), [&](const GRow& r) { return r.id == id; });
  if (row == rows.end()) return out;
  const RuntimeG* rt = runtime_g(vm, id);
  std::string head = fmt::format("G{}", id);
  if (rt != nullptr)
    head += fmt::format(" {}", rt->function);
  else if (id == 1)
    head += " runtime.main, then main.main";
  else if (!row->function.empty())
    head += " " + row->function;
  if (row->line != 0) head += fmt::format(" at line {}", row->line);
  if (!row->inside.empty()) head += fmt::format(" (inside {})", row->inside);
  out.push_back(head);
  std::string state(name(row->status));
  if (!row->wait_reason.empty()) state += fmt::format(": waiting for {}", row->wait_reason);
  if (row->status == GStatus::Dead && finished() && vm.scheduler().g(id).status == GStatus::Running)
    state += " (the program exited while it ran)";
  out.push_back(state);
  for (const PView& p : processors()) {
    if (p.current == id) out.push_back(fmt::format("running on P{}", p.id));
    if (p.runnext == id)
      out.push_back(fmt::format(
          "in P{0}'s runnext: a new or woken G goes to its maker's P's runnext slot (runqput with next=true) "
          "and "
          "runs next there, once P{0}'s running G blocks, yields or is preempted; other Ps steal a runnext "
          "last{1}",
          p.id, finished() ? "; the program ended before that happened" : ""));
    const auto at = std::find(p.runq.begin(), p.runq.end(), id);
    if (at != p.runq.end())
      out.push_back(
          fmt::format("in P{}'s run queue, {} of {}", p.id, at - p.runq.begin() + 1, p.runq.size()));
  }
  const std::vector<GId> global = global_queue();
  if (std::find(global.begin(), global.end(), id) != global.end()) out.push_back("in the global run queue");
  if (rt != nullptr) {
    out.push_back(rt->role);
  } else if (id == 1) {
    out.push_back("the main goroutine: the runtime starts it; the program ends when main.main returns");
  } else if (row->created_by != kNoG) {
    out.push_back(row->created_in.empty() ? fmt::format("created by G{}", row->created_by)
                                          : fmt::format("created by G{} in {} at line {}", row->created_by,
                                                        row->created_in, row->created_line));
  }
  return out;
}

std::vector<PView> StudioModel::processors() const {
  std::vector<PView> out;
  if (!machine_) return out;
  const vm::Vm& vm = machine_->runtime();
  const Scheduler& s = vm.scheduler();
  for (int i = 0; i < s.gomaxprocs(); ++i) {
    const Processor& p = s.p(i);
    PView v;
    v.id = i;
    v.status = p.status;
    v.current = p.current;
    v.runnext = p.runq.runnext();
    v.runq = p.runq.entries();
    v.schedtick = p.schedtick;
    v.m = p.m;
    for (std::size_t c = 0; c < vm.cores().size(); ++c)
      if (p.m >= 0 && vm.cores()[c].thread == p.m) v.core = static_cast<int>(c);
    if (vm.finished()) {
      // The process has exited: no P runs a G or holds an M (what was queued never ran, and stays shown).
      v.status = PStatus::Idle;
      v.current = kNoG;
      v.m = -1;
      v.core = -1;
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<MView> StudioModel::threads() const {
  std::vector<MView> out;
  if (!machine_) return out;
  const vm::Vm& vm = machine_->runtime();
  const Scheduler& s = vm.scheduler();
  for (const Thread& t : s.ms()) {
    MView v;
    v.id = t.id;
    v.status = t.status;
    v.p = t.p;
    v.g = t.status == MStatus::Syscall ? t.syscall_g : (t.p >= 0 ? s.p(t.p).current : kNoG);
    for (std::size_t c = 0; c < vm.cores().size(); ++c)
      if (vm.cores()[c].thread == t.id) v.core = static_cast<int>(c);
    if (vm.finished()) v = MView{t.id, MStatus::Idle, -1, kNoG, -1};  // every thread ended with the process
    out.push_back(v);
  }
  return out;
}

std::vector<GId> StudioModel::global_queue() const {
  if (!machine_) return {};
  const auto& q = machine_->runtime().scheduler().global_queue().entries();
  return {q.begin(), q.end()};
}

std::vector<CoreView> StudioModel::cores() const {
  std::vector<CoreView> out;
  if (!machine_) return out;
  const vm::Vm& vm = machine_->runtime();
  const MemorySystem& sys = vm.memory().system();
  for (std::size_t c = 0; c < vm.cores().size(); ++c) {
    const vm::CoreRun& run = vm.cores()[c];
    CoreView v;
    v.id = static_cast<int>(c);
    v.m = vm.finished() ? -1 : run.thread;
    if (v.m >= 0) {
      v.p = vm.scheduler().m(run.thread).p;
      if (v.p >= 0) v.g = vm.scheduler().p(v.p).current;
    }
    v.clock_ns = run.clock;
    v.instructions = run.instructions;
    v.stall_cycles = run.stall_cycles;
    v.stats = sys.stats(static_cast<CoreId>(c));
    for (const vm::Memory::BufferedStore& b : vm.memory().store_buffer(static_cast<int>(c)))
      v.buffered.emplace_back(b.word, b.value);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<LineView> StudioModel::cache_lines(int core) const {
  std::vector<LineView> out;
  if (!machine_) return out;
  const MemorySystem& sys = machine_->runtime().memory().system();
  if (core < 0 || core >= sys.cores()) return out;
  const Cache& cache = sys.cache(static_cast<CoreId>(core));
  for (std::uint32_t set = 0; set < cache.sets(); ++set)
    for (std::uint32_t way = 0; way < cache.assoc(); ++way)
      if (is_valid(cache.line(static_cast<int>(set * cache.assoc() + way)).state))
        out.push_back(line_view(sys, core, set, way));
  return out;
}

std::vector<SourceMarker> StudioModel::markers() const {
  std::vector<SourceMarker> out;
  for (const GRow& r : goroutines())
    if (r.in_main && r.line != 0 && r.status != GStatus::Dead)
      out.push_back({r.line, r.id, r.status == GStatus::Running});
  return out;
}

std::optional<BusView> StudioModel::last_bus() const {
  if (!machine_) return std::nullopt;
  const vm::Memory& mem = machine_->runtime().memory();
  const auto& log = mem.bus_log();
  if (log.empty()) return std::nullopt;
  BusView v;
  v.record = log.back();
  const std::uint32_t block = mem.system().cache(0).geometry().block_bytes;
  v.line_address = v.record.addr / block * block;
  v.in_last_step =
      last_ && last_->report.bus_to > last_->report.bus_from && last_->report.bus_to == log.size();
  return v;
}

std::string describe_bus(const vm::BusRecord& b) { return describe(b); }

GId StudioModel::current_g() const {
  return machine_ ? machine_->runtime().current_goroutine() : kNoG;
}

std::uint32_t StudioModel::current_line() const {
  const GId g = current_g();
  if (g == kNoG) return 0;
  const Where w = where_is(machine_->runtime(), g);
  return w.in_main ? w.line : 0;
}

std::string_view StudioModel::stdout_text() const {
  return machine_ ? std::string_view(machine_->runtime().stdout_text()) : std::string_view();
}

std::string_view StudioModel::stderr_text() const {
  return machine_ ? std::string_view(machine_->runtime().stderr_text()) : std::string_view();
}

std::int64_t StudioModel::now_ns() const {
  return machine_ ? machine_->runtime().now() : 0;
}

std::uint64_t StudioModel::instructions() const {
  return machine_ ? machine_->runtime().instructions() : 0;
}

std::uint64_t StudioModel::bus_transactions() const {
  return machine_ ? machine_->runtime().memory().system().transactions() : 0;
}

std::optional<int> StudioModel::exit_code() const {
  if (!machine_ || !machine_->runtime().finished()) return std::nullopt;
  return machine_->runtime().exit_code();
}

std::string StudioModel::status_line() const {
  if (!machine_) return "does not compile";
  if (const auto code = exit_code()) return fmt::format("exited with status {}", *code);
  if (playing_) return "playing";
  return steps_taken_ == 0 ? "ready" : "paused";
}

ProgramUse StudioModel::program_use() const {
  ProgramUse u;
  u.bus = config_.cores > 1;
  bool sync = false, output = false;
  for (const std::string& l : lines_) {
    sync = sync || l.find("chan") != std::string::npos || l.find("sync.") != std::string::npos;
    output = output || l.find("fmt.") != std::string::npos || l.find("print") != std::string::npos ||
             l.find("os.") != std::string::npos || l.find("log.") != std::string::npos;
  }
  u.sync = sync;
  u.output = output;
  return u;
}

void StudioModel::set_just_my_code(bool on) {
  just_my_code_ = on;
  if (session_) session_->set_just_my_code(on);
}

}  // namespace gb::ui
