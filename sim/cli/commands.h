// The subcommands of gopherbus-cli: each registers its options on construction and runs after parsing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/trace/trace_run.h"

namespace gb {
struct MachineConfig;
}

namespace gb::cli {

class TraceCommand {
 public:
  explicit TraceCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  TraceOptions options_;
  std::string format_ = "smp_cache";
  std::string protocol_ = "mesi";
  std::string report_;
  std::string trace_label_;
  bool json_ = false;
  bool events_ = false;
  bool quiet_ = false;
  std::vector<std::string> files_;
};

// `explore`: a protocol's one-block state space (no file), or a Go program's schedules (explore_program.cpp).
class ExploreCommand {
 public:
  explicit ExploreCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  std::string protocol_ = "mesi";
  std::vector<int> caches_{2, 3, 4, 5, 6};
  std::vector<std::string> bugs_;
  // A program's schedules.
  std::string file_;
  int cores_ = 2;
  int gomaxprocs_ = 0;  // 0: as many as cores
  int bound_ = 2;
  // Generous: the lost update of tests/explore needs 8 schedules on 2 cores, 13 152 on 3 and 131 123 on 4 (every
  // idle core's search for work is a choice); a program that cannot fail on 2 cores ends far sooner.
  std::uint64_t max_schedules_ = 200'000;
  std::uint64_t max_instructions_ = 5'000'000;
  std::uint64_t seed_ = 1;
  std::string until_;
  bool check_ = false;
  std::string schedule_out_;
  bool all_outputs_ = false;
  bool no_reduction_ = false;
  bool compare_ = false;
  bool race_ = false;
  bool json_ = false;
  bool quiet_ = false;

  int explore_protocol();
  int explore_program();  // explore_program.cpp
};

class LitmusCommand {
 public:
  explicit LitmusCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  std::string test_ = "all";
  std::string model_ = "both";
  std::string protocol_ = "mesi";
  std::vector<std::string> bugs_;
  bool list_ = false;
};

class BugsCommand {
 public:
  explicit BugsCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
};

class RunCommand {
 public:
  explicit RunCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  std::string file_;
  std::vector<std::string> args_;  // the program's own arguments (os.Args[1:])
  std::vector<std::string> env_;   // its environment, KEY=value each (--env)
  std::uint64_t seed_ = 1;
  int gomaxprocs_ = 1;
  std::uint64_t max_instructions_ = 0;
  bool disasm_ = false;
  std::string stats_;      // "", "text" or "json"
  int cores_ = 0;          // 0: flat memory (no machine) unless --protocol asks for one
  std::string protocol_;
  std::string trace_out_;
  int schedtrace_ms_ = 0;
  bool scheddetail_ = false;
  bool events_ = false;
  bool check_ = false;
  std::string bug_;
  int store_buffers_ = 0;
  double jitter_ = 1.0;
  bool jitter_given_ = false;
  std::uint64_t payments_ = 0;
  double payment_rate_ = 5000;
  std::uint32_t accounts_ = 64;
  double time_scale_ = 1.0;
  std::vector<std::string> faults_;
  std::string break_;      // --break FILE:LINE[:HIT]
  std::string until_;      // --until CONDITION
  bool locals_ = false;
  bool race_ = false;          // --race
  std::string schedule_file_;  // --schedule FILE: an explorer's schedule, replayed on the controlled machine
  std::shared_ptr<const std::vector<std::uint32_t>> schedule_;
  std::uint64_t schedule_stop_ = 0;  // where the explorer's find happened (0: at the end)
  std::string schedule_found_;

  // Reads --schedule's file and takes the machine's shape from it; false with a message when it cannot.
  bool load_schedule(const std::string& text);

  // The options that shape the machine (cores, protocol, seed, store buffers, jitter, bug, the outside world);
  // false with a message printed when one is bad.
  bool machine_config(MachineConfig& out) const;
  // --break and --until: the machine stepped as the studio steps it, stopped at the breakpoint's hit or where
  // the condition first fires.
  int run_on_machine(const std::string& name, const std::string& text);
};

}  // namespace gb::cli
