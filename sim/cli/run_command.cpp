// gopherbus-cli run: compile a Go program of the subset and run it on the Go runtime model, printing its output
// as it is produced and exiting with its exit status (2 for compile errors, unrecovered panics and fatal errors,
// as the go tool does).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

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

namespace gb::cli {

RunCommand::RunCommand(CLI::App& app) {
  sub_ = app.add_subcommand("run", "Compile and run a Go program (the Go subset of issue 3), like `go run`.");
  sub_->add_option("file", file_, "The Go source file (package main)")->required();
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
  sub_->add_option("--bug", bug_,
                   "Plant a protocol bug in the machine's caches (gopherbus-cli bugs lists them); with --check the "
                   "checker catches it (uses the machine)");
  sub_->add_flag("--scheddetail", scheddetail_,
                 "With --schedtrace: print GODEBUG=scheddetail=1 blocks (a line per P, M and goroutine) instead");
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
  go::GoRunOptions opts;
  opts.seed = seed_;
  opts.gomaxprocs = gomaxprocs_;
  opts.time_scale = time_scale_;
  if (cores_ > 0 || !protocol_.empty() || !trace_out_.empty() || events_ || check_ || !bug_.empty() ||
      store_buffers_ > 0) {
    vm::MachineOptions mo;
    mo.memory.cores = cores_ > 0 ? cores_ : std::min(gomaxprocs_, kMaxCores);
    if (!protocol_.empty()) {
      const auto kind = parse_protocol(protocol_);
      if (!kind) {
        std::fprintf(stderr, "gopherbus-cli run: unknown protocol %s (MSI, MESI, MOESI or Dragon)\n",
                     protocol_.c_str());
        return 2;
      }
      mo.memory.protocol = *kind;
    }
    mo.record = !trace_out_.empty() || events_;
    mo.detect_lost_updates = sub_->count("--stats") != 0;  // counted in the statistics
    mo.check_coherence = check_;
    mo.memory.store_buffer_entries = store_buffers_;
    if (!bug_.empty()) {
      Protocol probe = make_protocol(mo.memory.protocol);
      if (auto error = inject_bug(probe, bug_)) {
        std::fprintf(stderr, "gopherbus-cli run: %s\n", error->c_str());
        return 2;
      }
      mo.memory.bug = bug_;
    }
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
    std::fwrite(bytes.data(), 1, bytes.size(), is_stderr ? stderr : stdout);
    if (is_stderr) std::fflush(stdout);
  };
  OutsideWorldConfig wc;
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
      return 2;
    }
    wc.faults.push_back(*fault);
  }
  std::stable_sort(wc.faults.begin(), wc.faults.end(),
                   [](const WorldFault& a, const WorldFault& b) { return a.at_ns < b.at_ns; });
  OutsideWorld world(wc);
  opts.world = &world;
  const auto t0 = std::chrono::steady_clock::now();
  const go::GoRunResult r = go::run_go(name, text, opts);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fflush(stdout);
  if (!r.compiled) {
    std::fputs(r.diagnostics.c_str(), stderr);
    return 2;
  }
  if (!r.finished && !r.check_failure) {
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
