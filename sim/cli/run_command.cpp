// gopherbus-cli run: compile a Go program of the subset and run it on the Go runtime model, printing its output
// as it is produced and exiting with its exit status (2 for compile errors, unrecovered panics and fatal errors,
// as the go tool does).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "commands.h"
#include "sim/go/disassemble.h"
#include "coherence/protocol.h"
#include "sim/go/run_program.h"
#include "sim/export/chrome_trace.h"
#include "coherence/bugs.h"
#include "sim/machine/outside_world.h"
#include "sim/machine/run_events.h"
#include "sim/machine/run_export.h"
#include "sim/machine/run_stats.h"
#include "sim/inspect/condition_eval.h"
#include "sim/inspect/goroutine_location.h"
#include "sim/inspect/variables.h"
#include "sim/machine/breakpoint_arrivals.h"
#include "sim/machine/machine.h"
#include "sim/explore/schedule_file.h"

namespace gb::cli {

RunCommand::RunCommand(CLI::App& app) {
  sub_ = app.add_subcommand("run", "Compile and run a Go program (the Go subset of issue 3), like `go run`.");
  sub_->add_option("file", file_, "The Go source file (package main)")->required();
  sub_->add_option("args", args_, "Arguments for the program (os.Args[1:]); put them after the file, and after -- "
                                  "when one starts with '-'");
  sub_->add_option("--env", env_,
                   "Set an environment variable for the program, KEY=value (repeatable; a key given again takes "
                   "the later value); the simulated process's environment is otherwise empty")
      ->allow_extra_args(false)  // one KEY=value a use: what follows is the file and its arguments
      ->check([](const std::string& kv) {
        return kv.find('=') == std::string::npos || kv.front() == '='
                   ? std::string("--env expects KEY=value, got '") + kv + "'"
                   : std::string();
      });
  sub_->add_option("--seed", seed_, "Seed for every choice the runtime leaves open (select, map order, stealing)")
      ->capture_default_str();
  sub_->add_option("--gomaxprocs", gomaxprocs_, "Number of Ps (GOMAXPROCS)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  sub_->add_option("--max-instructions", max_instructions_,
                   "Stop after this many bytecode instructions (exit status 124); 0 = no limit");
  sub_->add_flag("--disasm", disasm_, "Print the compiled bytecode instead of running it");
  sub_->add_option("--cores", cores_,
                   "Run on this many simulated cores with private caches (Go memory is loads and stores through "
                   "them); 0 = the flat memory model, fastest")
      ->check(CLI::Range(0, kMaxCores))
      ->capture_default_str();
  sub_->add_option("--protocol", protocol_,
                   "Coherence protocol of the simulated caches: MSI, MESI, MOESI or Dragon (default MESI; "
                   "implies --cores = --gomaxprocs when --cores is not given)");
  sub_->add_option("--stats", stats_,
                   "After the run, print statistics to stderr: text (the default) or json (instructions, host "
                   "time, and per core the simulated time, stalls and cache traffic). Write --stats=json")
      ->expected(0, 1)
      ->check(CLI::IsMember({"", "text", "json"}));
  sub_->add_option("--trace-out", trace_out_,
                   "Write the run as Chrome Trace Event JSON (open it in Perfetto or chrome://tracing): a row per P "
                   "with its G slices, a row per core with the M it ran, and the bus with every transaction. Uses "
                   "the machine (implies --cores = --gomaxprocs when --cores is not given)");
  sub_->add_option("--payments", payments_,
                   "The outside world's payment clients send this many requests in all (gopherbus/clients)")
      ->capture_default_str();
  sub_->add_option("--payment-rate", payment_rate_, "Payment requests per simulated second (Poisson arrivals)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub_->add_option("--accounts", accounts_, "Accounts the payment clients choose from (0 .. N-1)")
      ->check(CLI::Range(2u, 1000000u))
      ->capture_default_str();
  sub_->add_option("--fault", faults_,
                   "Plant a fault in the outside world at a simulated time (repeatable): kill-consumer:ID@MS, "
                   "duplicate:GROUP:PARTITION@MS (the next delivery comes twice), "
                   "slow-partition:TOPIC:PARTITION:EXTRA_MS@MS");
  sub_->add_option("--time-scale", time_scale_,
                   "Multiply the runtime's time constants (10 ms preemption, sync.Mutex's 1 ms starvation threshold, "
                   "sysmon's 20 us tick, the OS slice) by this; 1 is real Go, 0.001 a teaching scale")
      ->check(CLI::Range(1e-6, 1e6))
      ->capture_default_str();
  sub_->add_option("--schedtrace", schedtrace_ms_,
                   "Print a GODEBUG=schedtrace line to stderr every N ms of simulated time")
      ->check(CLI::Range(1, 1000000));
  sub_->add_flag("--events", events_,
                 "After the run, print every event to stderr in time order: bus transactions with the state "
                 "changes they caused, each goroutine's stretch on a core and why it ended, who woke whom (uses "
                 "the machine)");
  sub_->add_flag("--check", check_,
                 "Check the coherence invariants (SWMR, data value) and the scheduler's (Gs, Ps, Ms) after every "
                 "instruction; a violation stops the run with exit status 1 (uses the machine)");
  sub_->add_option("--store-buffers", store_buffers_,
                   "Give each simulated core an x86-TSO store buffer of N entries (0, the default, is off): a "
                   "plain store reaches the cache 50 ns later, locked instructions drain it (uses the machine)")
      ->check(CLI::Range(0, 64));
  sub_->add_option("--jitter", jitter_,
                   "Timing noise as a multiple of real hardware's (thread wake-ups, DRAM and bus latency, the OS "
                   "tick, sysmon's phase), each draw a choice of the seeded Chooser: different seeds give different "
                   "interleavings. 0 is fully regular timing (seeds then differ only through the runtime's own random choices: select, map order, stealing) (uses the machine)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str()
      ->each([this](const std::string&) { jitter_given_ = true; });
  sub_->add_option("--bug", bug_,
                   "Plant a protocol bug in the machine's caches (gopherbus-cli bugs lists them); with --check the "
                   "checker catches it (uses the machine)");
  sub_->add_flag("--scheddetail", scheddetail_,
                 "With --schedtrace: print GODEBUG=scheddetail=1 blocks (a line per P, M and goroutine) instead");
  sub_->add_option("--break", break_,
                   "Run on the machine until the HIT-th time (default 1) a goroutine is about to run FILE:LINE, "
                   "print every goroutine's frames (and with --locals their variables) and exit 0; exit 2 if the line is "
                   "not reached")
      ->type_name("FILE:LINE[:HIT]");
  sub_->add_option("--until", until_,
                   "Run on the machine, instruction by instruction, until CONDITION first fires; print the program's "
                   "output so far and, on stderr, where it stopped (instruction, machine time, goroutine, line). "
                   "Exit status 0 when it fired, 1 when the program ended first (124 at --max-instructions), 2 for "
                   "a bad condition. Composes with --break (whichever comes first), --locals, --events, --stats, "
                   "--trace-out, --check. A condition is an event (it fires when it happens) or a state (it fires "
                   "when it becomes true):\n" +
                       [] {
                         std::string help = inspect::condition_help(4);
                         help.pop_back();  // the last line's newline: CLI11 ends the option itself
                         return help;
                       }())
      ->type_name("CONDITION");
  sub_->add_flag("--race", race_,
                 "Detect data races as `go build -race` does: each reported on stderr as it happens (WARNING: DATA "
                 "RACE, both accesses' stacks, where their goroutines were made), then \"Found N data race(s)\" and "
                 "exit status 66");
  sub_->add_option("--schedule", schedule_file_,
                   "Replay a schedule `gopherbus-cli explore` wrote: the machine takes its shape (cores, GOMAXPROCS, "
                   "protocol, seed) from the file and every choice from it");
  sub_->add_flag("--locals", locals_,
                 "With --break or --until: under each frame, its parameters, results, captured variables and locals "
                 "in scope, one line each as `name type = value` (fmt's %v)");
}

namespace {

struct BreakSpec {
  std::string file;
  std::uint32_t line = 0;
  std::uint64_t hit = 1;
};

std::optional<BreakSpec> parse_break(const std::string& text) {
  // FILE may itself contain ':' (unlikely); the numbers are the last one or two fields.
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (;;) {
    const std::size_t colon = text.find(':', from);
    parts.push_back(text.substr(from, colon == std::string::npos ? std::string::npos : colon - from));
    if (colon == std::string::npos) break;
    from = colon + 1;
  }
  auto number = [](const std::string& s, std::uint64_t& out) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoull(s);
    return out > 0;
  };
  BreakSpec b;
  std::uint64_t line = 0, hit = 0;
  if (parts.size() >= 3 && number(parts[parts.size() - 1], hit) && number(parts[parts.size() - 2], line)) {
    parts.resize(parts.size() - 2);
    b.hit = hit;
  } else if (parts.size() >= 2 && number(parts.back(), line)) {
    parts.pop_back();
  } else {
    return std::nullopt;
  }
  b.line = static_cast<std::uint32_t>(line);
  for (std::size_t i = 0; i < parts.size(); ++i) b.file += (i ? ":" : "") + parts[i];
  if (b.file.empty()) return std::nullopt;
  return b;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool RunCommand::load_schedule(const std::string& text) {
  std::string error;
  const std::optional<explore::ScheduleFile> s = explore::load_schedule(schedule_file_, text, error);
  if (!s) {
    std::fprintf(stderr, "gopherbus-cli run: %s\n", error.c_str());
    return false;
  }
  // The machine's shape comes from the file; an option saying otherwise is a mistake worth stopping for.
  auto clash = [&](const char* option, const std::string& given, const std::string& recorded) {
    if (sub_->count(option) == 0 || given == recorded) return false;
    std::fprintf(stderr, "gopherbus-cli run: %s %s, but the schedule was made with %s\n", option, given.c_str(),
                 recorded.c_str());
    return true;
  };
  std::string given_protocol = protocol_;
  for (char& c : given_protocol) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (clash("--cores", std::to_string(cores_), std::to_string(s->cores)) ||
      clash("--gomaxprocs", std::to_string(gomaxprocs_), std::to_string(s->gomaxprocs)) ||
      clash("--protocol", given_protocol, s->protocol) || clash("--seed", std::to_string(seed_), std::to_string(s->seed)))
    return false;
  if (store_buffers_ > 0 || jitter_given_) {
    std::fprintf(stderr, "gopherbus-cli run: --schedule replays a controlled machine (no store buffers, no jitter)\n");
    return false;
  }
  cores_ = s->cores;
  gomaxprocs_ = s->gomaxprocs;
  protocol_ = s->protocol;
  seed_ = s->seed;
  schedule_ = std::make_shared<const std::vector<std::uint32_t>>(s->choices);
  schedule_stop_ = s->instructions;
  schedule_found_ = s->found;
  return true;
}

bool RunCommand::machine_config(MachineConfig& mc) const {
  mc.seed = seed_;
  mc.gomaxprocs = gomaxprocs_;
  mc.time_scale = time_scale_;
  mc.machine.memory.cores = cores_ > 0 ? cores_ : std::min(gomaxprocs_, kMaxCores);
  mc.machine.memory.store_buffer_entries = store_buffers_;
  mc.machine.jitter = jitter_;
  mc.machine.controlled = schedule_ != nullptr;
  mc.race = race_;
  mc.schedule = schedule_;
  if (!protocol_.empty()) {
    const auto kind = parse_protocol(protocol_);
    if (!kind) {
      std::fprintf(stderr, "gopherbus-cli run: unknown protocol %s (MSI, MESI, MOESI or Dragon)\n", protocol_.c_str());
      return false;
    }
    mc.machine.memory.protocol = *kind;
  }
  if (!bug_.empty()) {
    Protocol probe = make_protocol(mc.machine.memory.protocol);
    if (auto error = inject_bug(probe, bug_)) {
      std::fprintf(stderr, "gopherbus-cli run: %s\n", error->c_str());
      return false;
    }
    mc.machine.memory.bug = bug_;
  }
  OutsideWorldConfig& wc = mc.world;
  wc.payments = payments_;
  wc.clients.seed = seed_;
  wc.clients.rate_per_sec = payment_rate_;
  wc.clients.accounts = accounts_;
  wc.ledger.seed = seed_;
  for (const std::string& spec : faults_) {
    std::string error;
    const auto fault = parse_fault(spec, error);
    if (!fault) {
      std::fprintf(stderr, "gopherbus-cli run: %s\n", error.c_str());
      return false;
    }
    wc.faults.push_back(*fault);
  }
  std::stable_sort(wc.faults.begin(), wc.faults.end(),
                   [](const WorldFault& a, const WorldFault& b) { return a.at_ns < b.at_ns; });
  return true;
}

namespace {

// Every goroutine's state and frames innermost first, with `locals` their variables (--break, --until --locals).
void print_goroutines(const vm::Vm& vm, bool locals) {
  for (const GId g : inspect::live_goroutines(vm)) {
    std::printf("\ngoroutine %d [%s]:\n", g, inspect::goroutine_state(vm, g).c_str());
    for (const inspect::StackFrame& f : inspect::call_stack(vm, g)) {
      if (f.line != 0 && !f.file.empty()) {
        std::printf("  #%u %s at %s:%u\n", f.depth, f.function.c_str(), f.file.c_str(), f.line);
      } else {
        std::printf("  #%u %s\n", f.depth, f.function.c_str());
      }
      if (!locals) continue;
      for (const inspect::VariableView& v : inspect::frame_variables(vm, g, f.depth)) {
        std::printf("      %s %s = %s\n", v.name.c_str(), v.type.c_str(), v.value.c_str());
      }
    }
  }
}

}  // namespace

// --break and --until: the machine (as the studio runs it) stepped to the HIT-th arrival of a goroutine at a
// statement of LINE, or instruction by instruction to the first position where the condition fires (whichever
// comes first when both are given); then what the program printed so far, where it stopped, and with --locals
// every goroutine's frames and variables.
int RunCommand::run_on_machine(const std::string& name, const std::string& text) {
  std::optional<BreakSpec> spec;
  if (!break_.empty()) {
    spec = parse_break(break_);
    if (!spec) {
      std::fprintf(stderr, "gopherbus-cli run: --break wants FILE:LINE or FILE:LINE:HIT (LINE, HIT >= 1), not %s\n",
                   break_.c_str());
      return 2;
    }
    if (base_name(spec->file) != base_name(name)) {
      std::fprintf(stderr, "gopherbus-cli run: --break %s: the program's file is %s\n", break_.c_str(), name.c_str());
      return 2;
    }
  }
  std::optional<inspect::Condition> condition;
  if (!until_.empty()) {
    const inspect::ParsedCondition parsed = inspect::parse_condition(until_);
    if (!parsed) {
      std::fprintf(stderr, "gopherbus-cli run: --until: %s\n", parsed.error.text().c_str());
      return 2;
    }
    condition = parsed.condition;
  }
  MachineConfig mc;
  if (!machine_config(mc)) return 2;
  mc.machine.check_coherence = check_;
  std::string diagnostics;
  const std::unique_ptr<Machine> m = Machine::load(name, text, mc, diagnostics);
  if (!m) {
    std::fputs(diagnostics.c_str(), stderr);
    return 2;
  }
  std::vector<std::string> lines;
  std::istringstream src(text);
  for (std::string l; std::getline(src, l);) lines.push_back(l);
  std::optional<inspect::BoundCondition> until;
  if (condition) {
    std::string error;
    until = inspect::BoundCondition::bind(*condition, *m, &lines, error);
    if (!until) {
      std::fprintf(stderr, "gopherbus-cli run: --until %s: %s\n", condition->text().c_str(), error.c_str());
      return 2;
    }
  }
  const vm::Vm& vm = m->runtime();
  const vm::Program& prog = vm.program();
  if (spec) {
    bool has_statement = false;
    for (const vm::Function& fn : prog.functions) {
      if (fn.name.rfind("main.", 0) != 0) continue;
      for (std::size_t pc = 0; pc < fn.lines.size() && !has_statement; ++pc) {
        has_statement = fn.lines[pc] == spec->line && pc < fn.stmt_start.size() && fn.stmt_start[pc] != 0;
      }
    }
    if (!has_statement) {
      std::fprintf(stderr, "gopherbus-cli run: --break %s: no statement of package main begins on line %u\n",
                   break_.c_str(), spec->line);
      return 2;
    }
  }
  const std::uint64_t budget = max_instructions_ ? max_instructions_ : 2'000'000'000;
  // A hit is a goroutine arriving at a statement of LINE, as the studio's breakpoints count them
  // (sim/machine/breakpoint_arrivals.h).
  BreakpointArrivals arrivals(vm, spec ? std::vector<std::uint32_t>{spec->line} : std::vector<std::uint32_t>{});
  std::uint64_t hits = 0;
  GId at = kNoG;
  auto break_hit = [&]() {
    const BreakpointArrival a = arrivals.after_instruction(vm);
    if (a.line == 0 || ++hits != spec->hit) return false;
    at = a.g;
    return true;
  };
  auto violation = [&]() -> std::optional<std::string> {
    if (!check_) return std::nullopt;
    if (auto bad = vm.scheduler().check_invariants()) return "scheduler: " + *bad;
    if (const auto& v = vm.memory().system().violation()) return "coherence: " + v->message();
    return std::nullopt;
  };
  const auto t0 = std::chrono::steady_clock::now();
  bool fired = false;
  std::optional<std::string> broken;
  // Instruction by instruction, as the Session steps: the condition over each instruction's before and after.
  inspect::Observation before, after;
  if (until) until->observe(*m, before, nullptr);
  while (!vm.finished() && vm.instructions() < budget) {
    m->step(StepKind::Instruction);
    if ((broken = violation())) break;
    if (until) {
      until->observe(*m, after, &before);
      if (until->fires(*m, before, after)) {
        fired = true;
        break;
      }
      std::swap(before, after);
    }
    if (spec && break_hit()) break;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fputs(vm.stdout_text().c_str(), stdout);
  std::fputs(vm.stderr_text().c_str(), stderr);
  std::fflush(stdout);
  int status = 0;
  if (broken) {
    std::fprintf(stderr, "gopherbus-cli run: invariant violated after instruction %llu: %s\n",
                 static_cast<unsigned long long>(vm.instructions()), broken->c_str());
    status = 1;
  } else if (fired) {
    const GId g = vm.current_goroutine();
    const inspect::GoroutineLocation where = inspect::goroutine_location(vm, g);
    // The function's own file (a library function's is its package's), else the program's.
    std::string file = base_name(name);
    if (where.func < prog.functions.size() && prog.functions[where.func].file < prog.files.size())
      file = base_name(prog.files[prog.functions[where.func].file]);
    const std::string place =
        where.line != 0 && where.func < prog.functions.size()
            ? fmt::format(" at {}:{} ({})", file, where.line, prog.functions[where.func].name)
            : std::string();
    std::fprintf(stderr, "until %s: fired at instruction %llu (machine time %lld ns), goroutine %d%s\n",
                 until->text().c_str(), static_cast<unsigned long long>(vm.instructions()),
                 static_cast<long long>(vm.machine_time()), g, place.c_str());
    if (locals_) print_goroutines(vm, true);
  } else if (at != kNoG) {
    std::printf("breakpoint %s:%u (hit %llu) reached by goroutine %d\n", base_name(name).c_str(), spec->line,
                static_cast<unsigned long long>(spec->hit), at);
    print_goroutines(vm, locals_);
  } else if (until) {
    // The condition never fired (a --break given too was not hit either).
    const std::string when = vm.finished() ? fmt::format("the program ended (exit status {}) after {} instructions",
                                                         vm.exit_code(), vm.instructions())
                                           : fmt::format("stopped after {} instructions (--max-instructions)",
                                                         vm.instructions());
    std::fprintf(stderr, "gopherbus-cli run: --until %s: %s before the condition fired\n", until->text().c_str(),
                 when.c_str());
    status = vm.finished() ? 1 : 124;
  } else {
    const std::string when = vm.finished() ? std::string("before the program ended")
                                            : fmt::format("in {} instructions", vm.instructions());
    const std::string why = hits == 0 ? "never reached " + when
                                      : fmt::format("reached {} time{} {}, not {}", hits, hits == 1 ? "" : "s", when,
                                                    spec->hit);
    std::fprintf(stderr, "gopherbus-cli run: --break %s: line %u was %s\n", break_.c_str(), spec->line, why.c_str());
    status = 2;
  }
  if (events_) {
    for (const RunEvent& e : run_events(vm, &lines))
      std::fprintf(stderr, "%12lld ns  %s%s\n", static_cast<long long>(e.ns), e.lost_update ? "!! " : "",
                   e.text.c_str());
  }
  if (!trace_out_.empty()) {
    const std::string error = write_chrome_trace(timeline_of(vm), trace_out_);
    if (!error.empty()) {
      std::fprintf(stderr, "gopherbus-cli run: %s\n", error.c_str());
      return 2;
    }
  }
  if (sub_->count("--stats") != 0) {
    const std::string report = stats_ == "json" ? run_stats_json(vm, secs).dump(2) + "\n" : run_stats_text(vm, secs);
    std::fputs(report.c_str(), stderr);
  }
  return status;
}

int RunCommand::run() {
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gopherbus-cli run: cannot open %s\n", file_.c_str());
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  // Messages name the file as the user wrote it, like `go run x.go` does ("./x.go:3:2: ..." is the go tool's
  // package form; for a file argument gc prints the path given).
  const std::string name = file_;
  if (locals_ && break_.empty() && until_.empty()) {
    std::fprintf(stderr, "gopherbus-cli run: --locals needs --break FILE:LINE or --until CONDITION\n");
    return 2;
  }
  if (!schedule_file_.empty() && !load_schedule(text)) return 2;
  if (!break_.empty() || !until_.empty()) return run_on_machine(name, text);
  if (disasm_) {
    std::string diags;
    auto program = go::compile_go(name, text, diags);
    if (!program) {
      std::fputs(diags.c_str(), stderr);
      return 2;
    }
    std::fputs(go::disassemble(*program).c_str(), stdout);
    return 0;
  }
  MachineConfig shape;  // the machine's options and the outside world, checked
  if (!machine_config(shape)) return 2;
  go::GoRunOptions opts;
  opts.seed = seed_;
  opts.gomaxprocs = gomaxprocs_;
  opts.time_scale = time_scale_;
  opts.args = args_;
  for (const std::string& kv : env_) {  // as env(1): a variable given again takes the later value
    const std::string key = kv.substr(0, kv.find('=') + 1);
    const auto same = std::find_if(opts.env.begin(), opts.env.end(),
                                   [&](const std::string& e) { return e.rfind(key, 0) == 0; });
    if (same != opts.env.end()) *same = kv;
    else opts.env.push_back(kv);
  }
  if (schedule_) opts.schedule = schedule_;
  opts.race = race_;
  if (schedule_stop_ != 0) opts.max_instructions = schedule_stop_;
  if (cores_ > 0 || !protocol_.empty() || !trace_out_.empty() || events_ || check_ || !bug_.empty() ||
      store_buffers_ > 0 || jitter_given_) {
    vm::MachineOptions mo = shape.machine;
    mo.record = !trace_out_.empty() || events_;
    mo.detect_lost_updates = sub_->count("--stats") != 0;  // counted in the statistics
    mo.check_coherence = check_;
    opts.machine = mo;
  }
  if (schedtrace_ms_ > 0) {
    opts.observe_every_ns = std::int64_t{schedtrace_ms_} * 1'000'000;
    opts.observe = [detail = scheddetail_](const vm::Vm& vm) {
      std::fflush(stdout);
      const std::string line = detail ? schedtrace_detail(sched_snapshot(vm, true))
                                      : schedtrace_line(sched_snapshot(vm)) + "\n";
      std::fputs(line.c_str(), stderr);
    };
  }
  if (max_instructions_) opts.max_instructions = max_instructions_;
  if (check_) {
    opts.check = [](const vm::Vm& vm) -> std::optional<std::string> {
      if (auto bad = vm.scheduler().check_invariants()) return "scheduler: " + *bad;
      if (const auto& v = vm.memory().system().violation()) return "coherence: " + v->message();
      return std::nullopt;
    };
  }
  opts.output = [](bool is_stderr, std::string_view bytes) {
    // stdout stays buffered for speed; what the program wrote there before a write to stderr goes out first, so
    // the two streams interleave in the program's order when they share a file (as unbuffered Go's do).
    if (is_stderr) std::fflush(stdout);
    std::fwrite(bytes.data(), 1, bytes.size(), is_stderr ? stderr : stdout);
  };
  OutsideWorld world(shape.world);
  opts.world = &world;
  const auto t0 = std::chrono::steady_clock::now();
  const go::GoRunResult r = go::run_go(name, text, opts);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fflush(stdout);
  if (!r.compiled) {
    std::fputs(r.diagnostics.c_str(), stderr);
    return 2;
  }
  if (schedule_stop_ != 0 && !r.finished && r.instructions >= schedule_stop_) {
    std::fprintf(stderr, "gopherbus-cli run: --schedule stopped at instruction %llu, where the explorer found: %s\n",
                 static_cast<unsigned long long>(r.instructions), schedule_found_.c_str());
  } else if (!r.finished && !r.check_failure) {
    std::fprintf(stderr, "gopherbus-cli run: stopped after %llu instructions (--max-instructions)\n",
                 static_cast<unsigned long long>(r.instructions));
  }
  if (events_ && r.vm) {
    std::vector<std::string> lines;
    std::istringstream src(text);
    for (std::string l; std::getline(src, l);) lines.push_back(l);
    for (const RunEvent& e : run_events(*r.vm, &lines))
      std::fprintf(stderr, "%12lld ns  %s%s\n", static_cast<long long>(e.ns), e.lost_update ? "!! " : "",
                   e.text.c_str());
  }
  if (r.check_failure) {
    std::fprintf(stderr, "gopherbus-cli run: invariant violated after instruction %llu: %s\n",
                 static_cast<unsigned long long>(r.instructions), r.check_failure->c_str());
    return 1;
  }
  if (!trace_out_.empty() && r.vm) {
    const std::string error = write_chrome_trace(timeline_of(*r.vm), trace_out_);
    if (!error.empty()) {
      std::fprintf(stderr, "gopherbus-cli run: %s\n", error.c_str());
      return 2;
    }
  }
  if (sub_->count("--stats") != 0) {
    const std::string report = stats_ == "json" ? run_stats_json(*r.vm, secs).dump(2) + "\n" : run_stats_text(*r.vm, secs);
    std::fputs(report.c_str(), stderr);
  }
  return r.exit_code;
}

}  // namespace gb::cli
