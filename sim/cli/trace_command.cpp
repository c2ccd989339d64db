// `gopherbus-cli trace`: run an smp_cache or CS4223 trace through the coherence engine.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sys/resource.h>
#include <unistd.h>

#include <fmt/format.h>

#include "coherence/bugs.h"
#include "commands.h"
#include "sim/trace/reports.h"

namespace gb::cli {

namespace {

// Prints every event as one line, as it happens.
class PrintingSink final : public EventSink {
 public:
  void on_event(const CoherenceEvent& e) override {
    const std::string line = describe(e);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TraceCommand::TraceCommand(CLI::App& app) {
  sub_ = app.add_subcommand("trace", "Run a memory trace through the caches and the bus");
  sub_->footer(
      "Formats:\n"
      "  smp_cache  one interleaved file of `<core> <r|w> <hexaddr>` lines, executed in file order\n"
      "  cs4223     one file per core of `<0|1|2> <value>` lines (load, store, compute cycles), run on the clock;\n"
      "             give every file, or only <name>_0.data and the others are found by number\n"
      "Exit status: 0 ok, 1 an invariant was violated (--check), 2 bad input.\n"
      "Example: gopherbus-cli trace --protocol mesi --report smp_cache canneal.04t.debug");
  sub_->add_option("files", files_, "Trace file(s)")->required();
  sub_->add_option("--format", format_, "Trace format: smp_cache or cs4223")->capture_default_str();
  sub_->add_option("--protocol", protocol_, "Coherence protocol: msi, mesi, moesi or dragon")->capture_default_str();
  sub_->add_option("--cores", options_.cores, "Number of cores (1..16)")->capture_default_str();
  sub_->add_option("--cache-size", options_.geometry.size_bytes, "Bytes per private cache (power of two)")
      ->capture_default_str();
  sub_->add_option("--assoc", options_.geometry.assoc, "Ways per set (power of two)")->capture_default_str();
  sub_->add_option("--block", options_.geometry.block_bytes, "Bytes per block (power of two)")
      ->capture_default_str();
  sub_->add_flag("--timing", options_.timing, "Cycle timing (implied by cs4223)");
  sub_->add_flag("--functional", options_.functional,
                 "cs4223 only: no clock; interleave the cores round-robin, one reference per turn");
  sub_->add_option("--report", report_, "Print a report in a named format: smp_cache");
  sub_->add_option("--trace-label", trace_label_, "Trace name printed in the smp_cache report (default: the path)");
  sub_->add_flag("--json", json_, "Print every statistic as JSON");
  sub_->add_flag("--events", events_, "Print one line per bus transaction and state change");
  sub_->add_flag("--check", options_.check, "Check the invariants after every transaction; exit 1 on a violation");
  sub_->add_option("--inject-bug", options_.bugs, "Plant a protocol bug (see `gopherbus-cli bugs`); repeatable");
  sub_->add_option("--seed", options_.seed, "Seed for bus arbitration among waiting cores")->capture_default_str();
  sub_->add_flag("--store-buffers", options_.store_buffers, "Timing mode: per-core FIFO store buffers (TSO)");
  sub_->add_option("--hit-latency", options_.latencies.hit, "Cycles for a hit")->capture_default_str();
  sub_->add_option("--memory-latency", options_.latencies.memory, "Cycles for memory")->capture_default_str();
  sub_->add_option("--c2c-latency", options_.latencies.c2c_per_word, "Cycles per word cache-to-cache")
      ->capture_default_str();
  sub_->add_flag("--quiet,-q", quiet_, "No progress on stderr");
}

int TraceCommand::run() {
  auto fail = [](const std::string& msg) {
    std::fprintf(stderr, "gopherbus-cli trace: %s\n", msg.c_str());
    return 2;
  };
  if (format_ == "smp_cache") {
    options_.format = TraceFormat::SmpCache;
  } else if (format_ == "cs4223") {
    options_.format = TraceFormat::Cs4223;
  } else {
    return fail("unknown format '" + format_ + "' (expected smp_cache or cs4223)");
  }
  const auto protocol = parse_protocol(protocol_);
  if (!protocol) return fail("unknown protocol '" + protocol_ + "' (expected msi, mesi, moesi or dragon)");
  options_.protocol = *protocol;
  if (!report_.empty() && report_ != "smp_cache") return fail("unknown report '" + report_ + "' (expected smp_cache)");
  if (!report_.empty() && json_) return fail("choose one of --report and --json");
  if (options_.format == TraceFormat::Cs4223) {
    if (options_.functional && options_.timing) return fail("--functional and --timing exclude each other");
    options_.timing = !options_.functional;
    // Given only <name>_0.data, find the other cores' files by number.
    if (files_.size() == 1 && options_.cores > 1 && ends_with(files_[0], "_0.data")) {
      const std::string stem = files_[0].substr(0, files_[0].size() - 7);
      for (int c = 1; c < options_.cores; ++c) files_.push_back(fmt::format("{}_{}.data", stem, c));
    }
  }
  options_.files = files_;
  if (auto err = validate(options_)) return fail(*err);

  PrintingSink printer;
  const bool show_progress = !quiet_ && isatty(STDERR_FILENO);
  auto progress = [&](std::uint64_t records) {
    if (show_progress) std::fprintf(stderr, "\r%.1f M records", static_cast<double>(records) / 1e6);
  };
  const auto start = std::chrono::steady_clock::now();
  const TraceResult result = run_trace(options_, events_ ? &printer : nullptr, progress);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (show_progress) std::fprintf(stderr, "\r%*s\r", 30, "");
  std::fflush(stdout);
  if (result.exit_code == 2) {
    std::fprintf(stderr, "%s\n", result.error.c_str());
    return 2;
  }
  if (result.violation) {
    std::fprintf(stderr, "%s\n", result.violation->message().c_str());
    if (result.violation_at > 0 && options_.format == TraceFormat::SmpCache)
      std::fprintf(stderr, "  found after trace record %llu of %s\n",
                   static_cast<unsigned long long>(result.violation_at), options_.files[0].c_str());
    else if (result.violation_at > 0)
      std::fprintf(stderr, "  found after %llu trace records of all cores\n",
                   static_cast<unsigned long long>(result.violation_at));
    for (const std::string& bug : options_.bugs) std::fprintf(stderr, "  (planted bug: %s)\n", bug.c_str());
  }
  if (report_ == "smp_cache") {
    std::cout << smp_cache_report(options_, result, trace_label_.empty() ? options_.files[0] : trace_label_);
  } else if (json_) {
    nlohmann::json j = trace_json(options_, result);
    j["host_seconds"] = seconds;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    j["max_rss_kb"] = usage.ru_maxrss;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << trace_summary(options_, result, seconds);
  }
  return result.exit_code;
}

}  // namespace gb::cli
