// The schedule explorer's search (schedule_explorer.h says what it does and why).
#include "sim/explore/schedule_explorer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <unordered_map>

namespace gb::explore {

namespace {

using Access = vm::Memory::TracedAccess;

// Words no Go value has: the scheduler's state and the program's output, as two shared words every step that
// changes them stores.
constexpr vm::Word kSchedulerWord = ~vm::Word{0};
constexpr vm::Word kOutputWord = ~vm::Word{0} - 1;

// One core's step between two choice points: the words it touched (the pseudo-words included).
struct Step {
  int core = -1;
  std::vector<Access> accesses;
};

bool dependent(const Step& a, const Step& b) {
  if (a.core == b.core) return true;
  for (const Access& x : a.accesses)
    for (const Access& y : b.accesses)
      if (x.word == y.word && (x.store || y.store)) return true;
  return false;
}

// One choice along a run.
struct Node {
  ChoiceKind kind = ChoiceKind::Other;
  std::uint32_t n = 1;       // the alternatives the machine offered
  std::uint32_t chosen = 0;
  std::vector<std::uint8_t> backtrack, done;  // per alternative explored (n, or fewer: see alternatives())
  // Interleaving choices: the cores on offer, the core whose step just ended, the preemptions before this
  // choice, the cores asleep on arrival (each with the step it took where it was explored), and the step each
  // explored alternative took from here.
  std::vector<int> cores;
  std::vector<std::uint8_t> searching;  // per alternative: that core's step would be a search for work
  int previous = -1;
  int preemptions = 0;
  std::vector<Step> sleep;
  std::vector<std::optional<Step>> taken;

  bool interleaving() const { return kind == ChoiceKind::Interleaving; }
  bool preemptive(std::uint32_t alt) const {
    return previous >= 0 && cores[alt] != previous &&
           std::find(cores.begin(), cores.end(), previous) != cores.end();
  }
  bool asleep(int core) const {
    return std::any_of(sleep.begin(), sleep.end(), [&](const Step& s) { return s.core == core; });
  }
  std::size_t index_of(int core) const {
    return static_cast<std::size_t>(std::find(cores.begin(), cores.end(), core) - cores.begin());
  }
};

struct Pruned {};        // thrown out of a run: it can only repeat what was explored, or needs too many preemptions
struct Diverged {        // a run did not take its prefix's choices again (the machine is not deterministic)
  std::string what;
};

// The search: the Chooser of every run, and the tree of choices made so far along the current path.
class Search final : public Chooser {
 public:
  Search(int bound, bool reduction, int gomaxprocs) : bound_(bound), reduction_(reduction), procs_(gomaxprocs) {}

  void begin_run(const vm::Vm& vm) {
    vm_ = &vm;
    depth_ = 0;
    last_step_node_ = -1;
    clocks_.clear();
    core_clock_.clear();
    words_.clear();
  }

  // The run is over: its last step is analysed like the others.
  void end_run(const vm::Vm& vm) { end_step(vm.control_point()); }

  std::size_t choose(std::size_t n, ChoiceKind kind) override {
    if (kind == ChoiceKind::Interleaving) return choose_core(n);
    const std::size_t at = depth_++;
    if (at < path_.size()) {
      const Node& node = path_[at];
      if (node.kind != kind || node.n != n) throw Diverged{"a choice of another kind or size where the prefix had one"};
      return node.chosen;
    }
    Node node;
    node.kind = kind;
    node.n = static_cast<std::uint32_t>(n);
    // A steal's random start is a number below 2^30; what differs is only where in the Ps' ring the search
    // starts, and with two Ps there is one other P whatever the start.
    std::size_t alts = n;
    if (kind == ChoiceKind::Timing) alts = 1;
    if (kind == ChoiceKind::Scheduler && n > 64) alts = procs_ <= 2 ? 1 : std::min<std::size_t>(n, static_cast<std::size_t>(procs_));
    node.backtrack.assign(alts, 1);
    node.done.assign(alts, 0);
    node.done[0] = 1;
    path_.push_back(std::move(node));
    return 0;
  }

  // After a run: moves to the deepest choice with an alternative left to explore. False when none is left.
  bool next_branch() {
    while (!path_.empty()) {
      Node& node = path_.back();
      for (std::uint32_t a = 0; a < node.backtrack.size(); ++a) {
        if (node.backtrack[a] && !node.done[a]) {
          node.done[a] = 1;
          node.chosen = a;
          return true;
        }
      }
      path_.pop_back();
    }
    return false;
  }

  std::vector<std::uint32_t> schedule() const {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < depth_ && i < path_.size(); ++i)
      if (path_[i].n > 1) out.push_back(path_[i].chosen);
    return out;
  }
  int preemptions() const {
    int p = 0;
    for (std::size_t i = 0; i < depth_ && i < path_.size(); ++i)
      if (path_[i].interleaving() && path_[i].preemptive(path_[i].chosen)) ++p;
    return p;
  }

 private:
  std::size_t choose_core(std::size_t n) {
    const vm::Vm::ControlPoint& point = vm_->control_point();
    const int parent_index = last_step_node_;
    end_step(point);
    const std::size_t at = depth_++;
    if (at < path_.size()) {
      const Node& node = path_[at];
      if (!node.interleaving() || node.cores != point.cores) throw Diverged{"other cores on offer than in the prefix"};
      last_step_node_ = static_cast<int>(at);
      return node.chosen;
    }
    Node node;
    node.kind = ChoiceKind::Interleaving;
    node.n = static_cast<std::uint32_t>(n);
    node.cores = point.cores;
    node.searching = point.searching;
    node.previous = point.previous;
    node.taken.assign(n, std::nullopt);
    if (parent_index >= 0) {
      const Node& parent = path_[static_cast<std::size_t>(parent_index)];
      node.preemptions = parent.preemptions + (parent.preemptive(parent.chosen) ? 1 : 0);
      if (reduction_) node.sleep = child_sleep(parent);
    }
    // Go on with the core that ran last when it can (no preemption), else the first core awake.
    std::optional<std::uint32_t> pick;
    const std::size_t prev = node.index_of(node.previous);
    if (prev < n && !node.asleep(node.previous)) pick = static_cast<std::uint32_t>(prev);
    for (std::uint32_t a = 0; a < n && !pick; ++a)
      if (!node.asleep(node.cores[a])) pick = a;
    if (!pick) throw Pruned{};  // every core asleep: whatever comes next was explored already
    if (node.preemptive(*pick) && node.preemptions + 1 > bound_) throw Pruned{};
    node.chosen = *pick;
    node.done.assign(n, 0);
    node.done[*pick] = 1;
    node.backtrack.assign(n, 0);
    node.backtrack[*pick] = 1;
    if (!reduction_) {
      for (std::uint32_t a = 0; a < n; ++a)
        node.backtrack[a] = !(node.preemptive(a) && node.preemptions + 1 > bound_);
    }
    path_.push_back(std::move(node));
    last_step_node_ = static_cast<int>(at);
    return *pick;
  }

  // The sleep set after `parent`'s step: the cores asleep there and the alternatives explored there before, as
  // long as the step taken is independent of theirs.
  std::vector<Step> child_sleep(const Node& parent) const {
    std::vector<Step> out;
    const std::optional<Step>& taken = parent.taken[parent.chosen];
    if (!taken) return out;
    for (const Step& s : parent.sleep)
      if (!dependent(s, *taken)) out.push_back(s);
    for (std::uint32_t a = 0; a < parent.taken.size(); ++a) {
      if (a == parent.chosen || !parent.done[a] || !parent.taken[a]) continue;
      if (!dependent(*parent.taken[a], *taken)) out.push_back(*parent.taken[a]);
    }
    return out;
  }

  // The step that began at the last interleaving choice has ended, as `point` describes it.
  void end_step(const vm::Vm::ControlPoint& point) {
    if (last_step_node_ < 0) return;  // the runtime's start, before any choice
    const auto j = static_cast<std::size_t>(last_step_node_);
    Node& node = path_[j];
    Step step;
    step.core = node.cores[node.chosen];
    step.accesses = point.accesses;
    if (point.scheduler || point.searched) step.accesses.push_back(Access{kSchedulerWord, point.scheduler});
    if (point.output) step.accesses.push_back(Access{kOutputWord, true});
    if (reduction_) {
      analyse(j, step);
      // A core on offer that would have searched for work here reads the scheduler's state, which this step
      // changed: it is tried here too, though no step of it may ever run in this schedule.
      if (point.scheduler)
        for (std::size_t a = 0; a < node.cores.size(); ++a)
          if (a != node.chosen && node.searching[a]) backtrack_at(j, node.cores[a]);
    }
    if (!node.taken[node.chosen]) node.taken[node.chosen] = std::move(step);
    last_step_node_ = -1;
  }

  // Happens-before with vector clocks over the run's steps (a step's clock: per core, 1 + the index of that
  // core's latest step ordered before it). A dependent earlier step of another core that is not ordered before
  // this one races with it: this core is tried at that step's choice point.
  struct WordState {
    int last_store = -1;
    std::vector<int> loads;  // per core, the latest load since that store (-1: none)
  };
  void analyse(std::size_t j, const Step& step) {
    const int q = step.core;
    const auto cores = static_cast<std::size_t>(std::max<int>(q + 1, static_cast<int>(path_[j].cores.size())));
    std::vector<std::uint32_t> clock = q < static_cast<int>(core_clock_.size()) ? core_clock_[static_cast<std::size_t>(q)]
                                                                                : std::vector<std::uint32_t>{};
    std::vector<int> deps;
    for (const Access& a : step.accesses) {
      const auto it = words_.find(a.word);
      if (it == words_.end()) continue;
      if (it->second.last_store >= 0) deps.push_back(it->second.last_store);
      if (a.store)
        for (const int l : it->second.loads)
          if (l >= 0) deps.push_back(l);
    }
    std::sort(deps.begin(), deps.end(), std::greater<>());
    deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
    for (const int i : deps) {
      const auto& [ci, ck] = clocks_.at(static_cast<std::size_t>(i));
      const auto pc = static_cast<std::size_t>(ci);
      const bool ordered = pc < clock.size() && clock[pc] > static_cast<std::uint32_t>(i);
      if (ci != q && !ordered) backtrack_at(static_cast<std::size_t>(i), q);
      if (clock.size() < ck.size()) clock.resize(ck.size(), 0);
      for (std::size_t c = 0; c < ck.size(); ++c) clock[c] = std::max(clock[c], ck[c]);
    }
    if (clock.size() < cores) clock.resize(cores, 0);
    clock[static_cast<std::size_t>(q)] = static_cast<std::uint32_t>(j) + 1;
    clocks_[j] = {q, clock};
    if (core_clock_.size() <= static_cast<std::size_t>(q)) core_clock_.resize(static_cast<std::size_t>(q) + 1);
    core_clock_[static_cast<std::size_t>(q)] = clock;
    for (const Access& a : step.accesses) {
      WordState& w = words_[a.word];
      if (a.store) {
        w.last_store = static_cast<int>(j);
        w.loads.clear();
      } else {
        if (w.loads.size() <= static_cast<std::size_t>(q)) w.loads.resize(static_cast<std::size_t>(q) + 1, -1);
        w.loads[static_cast<std::size_t>(q)] = static_cast<int>(j);
      }
    }
  }

  // Core q should be tried at choice point i (before the step it races with): there if q was on offer, else every
  // core that was. Where the bound refuses, the latest earlier point that can take q without a preemption.
  void backtrack_at(std::size_t i, int q) {
    Node& node = path_[i];
    std::vector<int> targets;
    if (node.index_of(q) < node.cores.size()) targets.push_back(q);
    else targets = node.cores;
    for (const int x : targets) {
      if (try_backtrack(i, x)) continue;
      for (std::size_t k = i; k-- > 0;) {
        const Node& earlier = path_[k];
        if (!earlier.interleaving() || earlier.index_of(x) >= earlier.cores.size()) continue;
        if (!earlier.preemptive(static_cast<std::uint32_t>(earlier.index_of(x)))) {
          try_backtrack(k, x);
          break;
        }
      }
    }
  }
  bool try_backtrack(std::size_t k, int x) {
    Node& node = path_[k];
    const std::size_t a = node.index_of(x);
    if (a >= node.cores.size()) return false;
    if (node.done[a] || node.backtrack[a] || node.asleep(x)) return true;
    if (node.preemptive(static_cast<std::uint32_t>(a)) && node.preemptions + 1 > bound_) return false;
    node.backtrack[a] = 1;
    return true;
  }

  int bound_;
  bool reduction_;
  int procs_;
  std::vector<Node> path_;
  const vm::Vm* vm_ = nullptr;
  std::size_t depth_ = 0;
  int last_step_node_ = -1;
  std::unordered_map<std::size_t, std::pair<int, std::vector<std::uint32_t>>> clocks_;  // per step node: core, clock
  std::vector<std::vector<std::uint32_t>> core_clock_;
  std::unordered_map<vm::Word, WordState> words_;
};

std::string failure_of(const vm::Vm& vm) {
  if (!vm.races().empty()) {  // --race: the first race found, by its two accesses
    const vm::Vm::RaceRecord& r = vm.races()[0];
    auto where = [&](const vm::RaceDetector::Access& a) {
      std::string at = "?";
      for (const vm::RaceFrame& f : vm.race_detector()->stack(a.stack)) {
        const std::uint32_t line = vm.race_frame_line(f);
        if (line == 0) continue;
        const vm::Program& p = vm.program();
        const std::string file = f.func < p.functions.size() && p.functions[f.func].file < p.files.size()
                                     ? p.files[p.functions[f.func].file]
                                     : std::string("?");
        at = file + ":" + std::to_string(line) + " (" + vm.race_frame_name(f) + ")";
        break;
      }
      return std::string(a.write ? "write" : "read") + " by goroutine " + std::to_string(a.g) + " at " + at;
    };
    return "data race: " + where(r.report.current) + ", previous " + where(r.report.previous);
  }
  if (!vm.finished() || vm.exit_code() == 0) return {};
  // The first line of what the program's end printed: "panic: ...", "fatal error: ...".
  const std::string& err = vm.stderr_text();
  std::string first;
  for (std::size_t at = 0; at < err.size();) {
    const std::size_t nl = err.find('\n', at);
    std::string line = err.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    if (line.rfind("panic: ", 0) == 0 || line.rfind("fatal error: ", 0) == 0) {
      first = line;
      break;
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  std::string what = "exit status " + std::to_string(vm.exit_code());
  if (!first.empty()) what += ": " + first;
  return what;
}

}  // namespace

ScheduleFile schedule_file_of(const ScheduleRun& run, std::string_view source, std::string file,
                              const MachineConfig& config) {
  ScheduleFile f;
  f.program_hash = program_hash(source);
  f.file = std::move(file);
  f.cores = config.machine.memory.cores;
  f.gomaxprocs = config.gomaxprocs;
  f.protocol = std::string(protocol_name(config.machine.memory.protocol));
  for (char& c : f.protocol) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  f.seed = config.seed;
  f.found = run.what;
  f.at = run.at;
  f.instructions = run.finished ? 0 : run.instructions;  // a replay stops there only when the run did not end
  f.choices = run.choices;
  return f;
}

ExploreResult explore_schedules(std::shared_ptr<const vm::Program> program, const ExploreOptions& options) {
  ExploreResult result;
  MachineConfig config = options.config;
  config.machine.controlled = true;
  if (!options.watch) config.record = false;  // nothing reads the records (a watch's conditions may)
  config.schedule = nullptr;
  const Machine pristine(std::move(program), config);
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&]() { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  double reported = 0;
  auto report = [&](int bound, bool force) {
    if (!options.progress) return;
    const double now = seconds();
    if (!force && now - reported < 0.5) return;
    reported = now;
    options.progress(ExploreProgress{result.schedules, result.pruned, bound, now});
  };
  for (int bound = 0; bound <= options.preemption_bound; ++bound) {
    result.bound = bound;
    result.schedules_per_bound.push_back(0);
    Search search(bound, options.reduction, config.gomaxprocs);
    bool more = true;
    while (more) {
      if (result.schedules >= options.max_schedules || (options.cancelled && options.cancelled())) {
        result.cancelled = result.schedules < options.max_schedules;
        result.seconds = seconds();
        report(bound, true);
        return result;
      }
      Machine m = pristine;
      m.set_explorer(&search);
      search.begin_run(m.runtime());
      const vm::Vm& vm = m.runtime();
      std::string what;
      bool pruned = false;
      try {
        if (options.watch) {
          const std::unique_ptr<RunWatch> watch = options.watch(m);
          while (!vm.finished() && vm.instructions() < options.max_instructions) {
            m.step(StepKind::Instruction);
            if (auto bad = watch->after_instruction(m)) {
              what = *bad;
              break;
            }
          }
        } else {
          m.run(options.max_instructions);
        }
        m.close_step();
        search.end_run(vm);
      } catch (const Pruned&) {
        pruned = true;
      } catch (const Diverged& d) {
        result.error = "a run did not repeat its prefix: " + d.what;
        result.seconds = seconds();
        return result;
      }
      if (pruned) {
        ++result.pruned;
      } else {
        ++result.schedules;
        ++result.schedules_per_bound.back();
        if (what.empty()) what = failure_of(vm);
        if (!vm.finished() && what.empty()) ++result.cut;
        ScheduleRun run;
        run.choices = search.schedule();
        run.what = what;
        run.instructions = vm.instructions();
        run.at = !vm.races().empty() ? vm.races()[0].instr + 1 : vm.instructions();
        run.finished = vm.finished();
        run.exit_code = vm.exit_code();
        run.stdout_text = vm.stdout_text();
        run.stderr_text = vm.stderr_text();
        run.preemptions = search.preemptions();
        run.bound = bound;
        if (options.all_outputs) {
          auto same = std::find_if(result.outputs.begin(), result.outputs.end(), [&](const OutputClass& o) {
            return o.stdout_text == run.stdout_text && o.stderr_text == run.stderr_text &&
                   o.exit_code == run.exit_code && o.finished == run.finished;
          });
          if (same == result.outputs.end()) {
            result.outputs.push_back(OutputClass{run.stdout_text, run.stderr_text, run.exit_code, run.finished, 0, run});
            same = result.outputs.end() - 1;
          }
          ++same->count;
          if (!what.empty() && !result.found) result.found = run;
        } else if (!what.empty()) {
          result.found = std::move(run);
          result.seconds = seconds();
          report(bound, true);
          return result;
        }
      }
      report(bound, false);
      more = search.next_branch();
    }
  }
  result.complete = true;
  result.seconds = seconds();
  report(result.bound, true);
  return result;
}

}  // namespace gb::explore
