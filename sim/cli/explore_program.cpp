// `gopherbus-cli explore PROGRAM.go`: the schedule explorer (sim/explore/schedule_explorer.h) from the command line,
// with progress on stderr, the result as text or JSON, and the schedule found written for `run --schedule`.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "coherence/protocol.h"
#include "commands.h"
#include "sim/explore/condition_watch.h"
#include "sim/explore/schedule_explorer.h"
#include "sim/explore/schedule_file.h"
#include "sim/go/run_program.h"
#include "sim/inspect/condition_eval.h"

namespace gb::cli {

namespace {

std::string indent(const std::string& text, const char* prefix) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += prefix + line + "\n";
  return out;
}

nlohmann::json run_json(const explore::ScheduleRun& r) {
  return nlohmann::json{{"what", r.what},         {"instructions", r.instructions}, {"finished", r.finished},
                        {"exit_code", r.exit_code}, {"stdout", r.stdout_text},      {"stderr", r.stderr_text},
                        {"preemptions", r.preemptions}, {"bound", r.bound},       {"choices", r.choices}};
}

}  // namespace

int ExploreCommand::explore_program() {
  if (sub_->count("--caches") != 0 || !bugs_.empty()) {
    std::fprintf(stderr, "gopherbus-cli explore: --caches and --inject-bug explore a protocol, not a program\n");
    return 2;
  }
  const auto kind = parse_protocol(protocol_);
  if (!kind) {
    std::fprintf(stderr, "gopherbus-cli explore: unknown protocol '%s'\n", protocol_.c_str());
    return 2;
  }
  if (cores_ < 1 || cores_ > kMaxCores) {
    std::fprintf(stderr, "gopherbus-cli explore: --cores %d is outside 1..%d\n", cores_, kMaxCores);
    return 2;
  }
  const int procs = gomaxprocs_ > 0 ? gomaxprocs_ : cores_;
  if (gomaxprocs_ < 0 || procs > 256) {
    std::fprintf(stderr, "gopherbus-cli explore: --gomaxprocs %d is outside 1..256\n", gomaxprocs_);
    return 2;
  }
  if (bound_ < 0 || bound_ > 64) {
    std::fprintf(stderr, "gopherbus-cli explore: --preemption-bound %d is outside 0..64\n", bound_);
    return 2;
  }
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gopherbus-cli explore: cannot open %s\n", file_.c_str());
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  const std::string name = std::filesystem::path(file_).filename().string();
  std::string diagnostics;
  const auto program = go::compile_go(name, text, diagnostics);
  if (!program) {
    std::fputs(diagnostics.c_str(), stderr);
    return 2;
  }
  explore::ExploreOptions opts;
  opts.config.seed = seed_;
  opts.config.gomaxprocs = procs;
  opts.config.machine.memory.cores = cores_;
  opts.config.machine.memory.protocol = *kind;
  opts.config.machine.check_coherence = check_;
  opts.config.race = race_;
  opts.preemption_bound = bound_;
  opts.max_schedules = max_schedules_;
  opts.max_instructions = max_instructions_;
  opts.reduction = !no_reduction_;
  opts.all_outputs = all_outputs_;
  std::vector<std::string> lines;
  {
    std::istringstream src(text);
    for (std::string l; std::getline(src, l);) lines.push_back(l);
  }
  std::optional<inspect::Condition> until;
  if (!until_.empty()) {
    const inspect::ParsedCondition parsed = inspect::parse_condition(until_);
    if (!parsed) {
      std::fprintf(stderr, "gopherbus-cli explore: --until: %s\n", parsed.error.text().c_str());
      return 2;
    }
    until = parsed.condition;
    // Bound once on a machine of the same program, so a condition naming what does not exist is bad input.
    std::string error;
    const Machine probe(program, opts.config);
    if (!inspect::BoundCondition::bind(*until, probe, &lines, error)) {
      std::fprintf(stderr, "gopherbus-cli explore: --until %s: %s\n", until->text().c_str(), error.c_str());
      return 2;
    }
  }
  if (until || check_) {
    opts.config.machine.detect_lost_updates = true;
    opts.watch = explore::condition_watch(until, check_, &lines);
  }
  if (!quiet_) {
    opts.progress = [](const explore::ExploreProgress& p) {
      std::fprintf(stderr, "\rexplore: bound %d, %llu schedules, %llu pruned, %.0f schedules/s   ", p.bound,
                   static_cast<unsigned long long>(p.schedules), static_cast<unsigned long long>(p.pruned),
                   p.seconds > 0 ? static_cast<double>(p.schedules + p.pruned) / p.seconds : 0.0);
    };
  }
  const explore::ExploreResult r = explore::explore_schedules(program, opts);
  if (!quiet_) std::fputs("\n", stderr);
  if (!r.error.empty()) {
    std::fprintf(stderr, "gopherbus-cli explore: %s\n", r.error.c_str());
    return 2;
  }
  std::optional<explore::ExploreResult> unreduced;
  if (compare_ && !r.found && r.complete && !no_reduction_) {
    explore::ExploreOptions plain = opts;
    plain.reduction = false;
    plain.progress = nullptr;
    unreduced = explore::explore_schedules(program, plain);
  }
  std::string written;
  if (r.found) {
    const explore::ScheduleFile f = explore::schedule_file_of(*r.found, text, name, opts.config);
    written = schedule_out_.empty() ? std::filesystem::path(file_).stem().string() + ".schedule" : schedule_out_;
    std::ofstream out(written, std::ios::binary);
    out << explore::format_schedule(f);
    if (!out) {
      std::fprintf(stderr, "gopherbus-cli explore: cannot write %s\n", written.c_str());
      return 2;
    }
  }
  const std::string reduction = no_reduction_ ? "without reduction" : "with partial-order reduction";
  if (json_) {
    nlohmann::json j{{"program", name},          {"cores", cores_},
                     {"gomaxprocs", procs},      {"preemption_bound", bound_},
                     {"reduction", !no_reduction_}, {"schedules", r.schedules},
                     {"pruned", r.pruned},       {"cut", r.cut},
                     {"bound_reached", r.bound}, {"complete", r.complete},
                     {"schedules_per_bound", r.schedules_per_bound}, {"seconds", r.seconds}};
    if (r.found) {
      j["found"] = run_json(*r.found);
      j["schedule_file"] = written;
    }
    if (unreduced) j["schedules_without_reduction"] = unreduced->schedules;
    if (all_outputs_) {
      nlohmann::json outs = nlohmann::json::array();
      for (const explore::OutputClass& o : r.outputs)
        outs.push_back({{"count", o.count}, {"stdout", o.stdout_text}, {"stderr", o.stderr_text},
                        {"exit_code", o.exit_code}, {"finished", o.finished}, {"schedule", run_json(o.first)}});
      j["outputs"] = outs;
    }
    std::puts(j.dump(2).c_str());
    return r.found ? 1 : 0;
  }
  fmt::print("explore {}: {} cores, GOMAXPROCS {}, {}, preemption bound {}, {}\n", name, cores_, procs,
             protocol_name(*kind), bound_, reduction);
  for (std::size_t b = 0; b < r.schedules_per_bound.size(); ++b)
    fmt::print("  bound {}: {} schedule{}\n", b, r.schedules_per_bound[b], r.schedules_per_bound[b] == 1 ? "" : "s");
  if (all_outputs_) {
    fmt::print("{} distinct output{}:\n", r.outputs.size(), r.outputs.size() == 1 ? "" : "s");
    for (const explore::OutputClass& o : r.outputs) {
      const std::string status = o.finished ? fmt::format("exit status {}", o.exit_code) : "did not end";
      fmt::print("  {} schedule{} ({}, e.g. {} preemption{}):\n{}", o.count, o.count == 1 ? "" : "s", status,
                 o.first.preemptions, o.first.preemptions == 1 ? "" : "s",
                 indent(o.stdout_text + o.stderr_text, "    | "));
    }
  }
  if (r.found) {
    fmt::print("FOUND after {} schedule{} ({} pruned, {:.2f} s), under bound {} with {} preemption{}: {}\n",
               r.schedules, r.schedules == 1 ? "" : "s", r.pruned, r.seconds, r.found->bound, r.found->preemptions,
               r.found->preemptions == 1 ? "" : "s", r.found->what);
    if (!all_outputs_) {
      const std::string out = r.found->stdout_text + r.found->stderr_text;
      if (!out.empty()) fmt::print("output of that schedule:\n{}", indent(out, "  | "));
    }
    fmt::print("schedule written to {}; replay it with\n  gopherbus-cli run --schedule {} {}\n"
               "  gopherbus --schedule {} {}\n",
               written, written, file_, written, file_);
    return 1;
  }
  if (r.complete) {
    fmt::print("no schedule goes wrong: {} schedules ({} pruned) explored to the end within bound {}, {:.2f} s\n",
               r.schedules, r.pruned, bound_, r.seconds);
  } else {
    fmt::print("nothing went wrong in {} schedules ({} pruned, {:.2f} s), but the search stopped at --max-schedules "
               "{} within bound {}\n",
               r.schedules, r.pruned, r.seconds, max_schedules_, r.bound);
  }
  if (r.cut != 0)
    fmt::print("  {} schedule{} reached --max-instructions {} and were cut there\n", r.cut, r.cut == 1 ? "" : "s",
               max_instructions_);
  if (unreduced)
    fmt::print("  without reduction: {} schedules{}\n", unreduced->schedules,
               unreduced->complete ? "" : fmt::format(" (stopped at --max-schedules {})", max_schedules_));
  return 0;
}

}  // namespace gb::cli
