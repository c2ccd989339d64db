// Source to exit status in one call: load and check (sim/go/loader.h), compile (compiler.h), and run on the
// interpreter (scheduler/vm/vm.h). Used by `gopherbus-cli run`, the oracle-corpus test and the benchmarks.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/bytecode.h"
#include "scheduler/vm/vm.h"

namespace gb::go {

struct GoRunOptions {
  std::uint64_t seed = 1;
  int gomaxprocs = 1;
  double time_scale = 1.0;  // see vm::VmOptions::time_scale
  std::vector<std::string> args;  // os.Args[1:]
  std::vector<std::string> env;   // the environment, "KEY=value" each
  std::uint64_t max_instructions = UINT64_MAX;  // stop (exit status 124, like timeout(1)) after this many
  // Program output as it is produced; when empty it is collected in GoRunResult.
  std::function<void(bool is_stderr, std::string_view bytes)> output;
  // Run on simulated cores and caches (issue 4's machine mode); absent: flat memory.
  std::optional<vm::MachineOptions> machine;
  // A recorded schedule to replay (vm::VmOptions::schedule), with machine->controlled.
  std::shared_ptr<const std::vector<std::uint32_t>> schedule;
  bool race = false;  // the race detector (vm::VmOptions::race)
  // What the program's system calls (gopherbus/mq, clients, db) reach; not owned. Null: such a call is fatal.
  vm::WorldHost* world = nullptr;
  // Called at the start and then whenever `observe_every_ns` more simulated time has passed (schedtrace).
  std::int64_t observe_every_ns = 0;
  std::function<void(const vm::Vm&)> observe;
  // Called after every instruction when set (the CLI's --check): a message stops the run there.
  std::function<std::optional<std::string>(const vm::Vm&)> check;
};

struct GoRunResult {
  bool compiled = false;        // false: `diagnostics` says why (exit status 2, like go build failing)
  std::string diagnostics;      // gc-style "file:line:col: message" lines
  std::string out;              // collected output (when no output callback was given)
  std::string err;
  int exit_code = 0;
  bool finished = false;        // false when max_instructions stopped it
  std::uint64_t instructions = 0;
  std::shared_ptr<vm::Vm> vm;   // the run's final state (statistics, caches), when it compiled
  std::optional<std::string> check_failure;  // what `check` reported, when it stopped the run
};

// Compiles `text` (named `file_name` in messages) into a program, or fills `diagnostics` and returns null.
std::shared_ptr<const vm::Program> compile_go(const std::string& file_name, const std::string& text,
                                              std::string& diagnostics);

GoRunResult run_go(const std::string& file_name, const std::string& text, const GoRunOptions& options);

}  // namespace gb::go
