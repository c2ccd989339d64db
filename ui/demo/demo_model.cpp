// The demo model: every change of knob or cursor rebuilds the engine from scratch and replays (state is plain
// data).
#include "demo_model.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "coherence/bugs.h"

namespace gb::ui {

namespace {

// Collects the engine's events while one action is applied.
class Recorder final : public EventSink {
 public:
  explicit Recorder(std::vector<CoherenceEvent>& out) : out_(out) {}
  void on_event(const CoherenceEvent& e) override { out_.push_back(e); }

 private:
  std::vector<CoherenceEvent>& out_;
};

ProcOp proc_op(ActionKind k) {
  switch (k) {
    case ActionKind::Read:
      return ProcOp::Read;
    case ActionKind::Write:
      return ProcOp::Write;
    case ActionKind::Evict:
      return ProcOp::Evict;
  }
  return ProcOp::Read;
}

void add_unique(std::vector<short>& rows, short row) {
  if (row >= 0 && std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
}

}  // namespace

std::string slot_name(int slot) {
  return fmt::format("a{}", slot);
}

std::string describe_action(const Action& a, Word value) {
  switch (a.kind) {
    case ActionKind::Read:
      return fmt::format("core {} reads {}", a.core, slot_name(a.slot));
    case ActionKind::Write:
      return fmt::format("core {} writes {} = {}", a.core, slot_name(a.slot), value);
    case ActionKind::Evict:
      return fmt::format("core {} evicts {}", a.core, slot_name(a.slot));
  }
  return {};
}

std::vector<Action> DemoModel::demo_script() {
  using K = ActionKind;
  return {
      {K::Read, 0, 0},  {K::Read, 1, 0}, {K::Write, 0, 0}, {K::Write, 1, 0}, {K::Write, 0, 0},
      {K::Write, 1, 0}, {K::Read, 0, 0}, {K::Read, 1, 2},  {K::Write, 0, 2}, {K::Read, 1, 0},
  };
}

MemorySystem DemoModel::build(const DemoConfig& config) {
  if (config.cores < kMinCores || config.cores > kMaxCores)
    throw std::invalid_argument(fmt::format("cores must be {}..{}", kMinCores, kMaxCores));
  if (config.ways != 1 && config.ways != 2) throw std::invalid_argument("ways must be 1 or 2");
  Protocol p = make_protocol(config.protocol);
  if (!config.bug.empty()) {
    if (auto err = inject_bug(p, config.bug)) throw std::invalid_argument(*err);
  }
  CacheGeometry g;
  g.block_bytes = kBlockBytes;
  g.assoc = static_cast<std::uint32_t>(config.ways);
  g.size_bytes = static_cast<std::uint64_t>(kBlockBytes) * kSets * g.assoc;
  MemorySystem system(config.cores, g, std::move(p));
  system.set_checking(true);
  return system;
}

DemoModel::DemoModel(DemoConfig config, std::vector<Action> timeline, std::size_t applied)
    : config_(std::move(config)), timeline_(std::move(timeline)), system_(build(config_)) {
  std::erase_if(timeline_, [&](const Action& a) { return a.core >= config_.cores; });
  replay(applied);
}

std::optional<std::string> DemoModel::set_config(const DemoConfig& config) {
  try {
    (void)build(config);  // validates before anything changes
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  // Actions of cores that no longer exist are dropped; the cursor keeps its place among the survivors.
  std::size_t applied = 0;
  for (std::size_t i = 0; i < cursor() && i < timeline_.size(); ++i)
    applied += timeline_[i].core < config.cores;
  std::erase_if(timeline_, [&](const Action& a) { return a.core >= config.cores; });
  config_ = config;
  replay(applied);
  return std::nullopt;
}

std::vector<std::string_view> DemoModel::bugs_for(ProtocolKind protocol) {
  std::vector<std::string_view> out;
  for (const PlantedBug& b : planted_bugs()) {
    Protocol p = make_protocol(protocol);
    if (!inject_bug(p, b.name)) out.push_back(b.name);
  }
  return out;
}

void DemoModel::replay(std::size_t applied) {
  system_ = build(config_);
  steps_.clear();
  events_.clear();
  violation_step_.reset();
  writes_ = 0;
  applied = std::min(applied, timeline_.size());
  for (std::size_t i = 0; i < applied; ++i) apply(timeline_[i]);
}

void DemoModel::apply(const Action& action) {
  const Addr addr = slot_addr(action.slot);
  const Addr line = slot_line(action.slot);
  const ProcOp op = proc_op(action.kind);
  StepRecord rec;
  rec.action = action;
  rec.first_event = events_.size();

  // The states before the step say which table rows fire: a hit has no event, and a snooper that keeps its
  // state is not listed among the event's changes.
  std::vector<LineState> before(static_cast<std::size_t>(system_.cores()));
  for (int c = 0; c < system_.cores(); ++c) before[static_cast<std::size_t>(c)] = system_.state_of(c, line);
  const LineState own = before[static_cast<std::size_t>(action.core)];
  rec.had_line = is_valid(own);

  Recorder recorder(events_);
  system_.set_sink(&recorder);
  system_.set_cycle(steps_.size() + 1);
  if (action.kind == ActionKind::Evict) {
    system_.evict(action.core, addr);
  } else {
    const Word value = action.kind == ActionKind::Write ? writes_ + 1 : 0;
    rec.result = system_.access(action.core, op, addr, value);
    rec.value = rec.result.value;
    if (action.kind == ActionKind::Write) ++writes_;
  }
  system_.set_sink(nullptr);  // the model stays copyable: no pointer into it outlives the call
  rec.event_count = events_.size() - rec.first_event;

  const Protocol& p = system_.protocol();
  if (action.kind != ActionKind::Evict || rec.had_line)
    add_unique(rec.proc_rows, p.proc_index[static_cast<int>(own)][static_cast<int>(op)]);
  for (std::size_t i = rec.first_event; i < events_.size(); ++i) {
    const CoherenceEvent& e = events_[i];
    add_unique(rec.proc_rows, e.proc_row);
    if (e.kind != EventKind::Transaction || e.line != line) continue;
    for (int c = 0; c < system_.cores(); ++c) {
      const LineState s = before[static_cast<std::size_t>(c)];
      if (c == action.core || !is_valid(s)) continue;
      const short first = p.snoop_index[static_cast<int>(s)][static_cast<int>(e.bus)];
      add_unique(rec.snoop_rows, first);
      // Dragon's second request is snooped in the state the first one left behind.
      if (e.then_bus != BusOp::None && first >= 0) {
        const LineState mid = p.snoop_rows[static_cast<std::size_t>(first)].to;
        add_unique(rec.snoop_rows, p.snoop_index[static_cast<int>(mid)][static_cast<int>(e.then_bus)]);
      }
    }
  }
  if (system_.violation() && !violation_step_) {
    violation_step_ = steps_.size();
    rec.violation = system_.violation()->message();
  }
  steps_.push_back(std::move(rec));
}

void DemoModel::perform(const Action& action) {
  if (action.core < 0 || action.core >= config_.cores || action.slot < 0 || action.slot >= kSlots) return;
  timeline_.resize(cursor());
  timeline_.push_back(action);
  apply(action);
}

bool DemoModel::step_forward() {
  if (at_end()) return false;
  apply(timeline_[cursor()]);
  return true;
}

bool DemoModel::step_back() {
  if (cursor() == 0) return false;
  replay(cursor() - 1);
  return true;
}

void DemoModel::seek(std::size_t applied) {
  applied = std::min(applied, timeline_.size());
  if (applied == cursor()) return;
  if (applied > cursor()) {
    while (cursor() < applied) apply(timeline_[cursor()]);
  } else {
    replay(applied);
  }
}

void DemoModel::load_script(std::vector<Action> timeline) {
  timeline_ = std::move(timeline);
  std::erase_if(timeline_, [&](const Action& a) { return a.core >= config_.cores; });
  replay(0);
}

std::optional<Action> DemoModel::next_action() const {
  if (at_end()) return std::nullopt;
  return timeline_[cursor()];
}

int DemoModel::slot_of_line(Addr line) {
  for (int s = 0; s < kSlots; ++s)
    if (slot_line(s) == line) return s;
  return -1;
}

std::optional<CoreId> DemoModel::owner_of(Addr line) const {
  for (int c = 0; c < system_.cores(); ++c)
    if (is_dirty(system_.state_of(c, line))) return c;
  return std::nullopt;
}

bool DemoModel::memory_stale(Addr line) const { return system_.memory_stale(line); }

}  // namespace gb::ui
