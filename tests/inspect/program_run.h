// A Go program on the machine for the inspection layer's tests: compiled, built as the studio builds it (per
// core caches, the run's seed) and stepped directly, with no UI and no Session; or loaded the same way for a
// test that walks it through a Session.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/machine.h"
#include "sim/machine/session.h"

namespace gb::test {

struct RunConfig {
  int cores = 2;
  int gomaxprocs = 2;
  double time_scale = 1.0;
  std::uint64_t seed = 1;
  double jitter = 1.0;  // the machine's timing noise (MachineOptions::jitter); 0 is the regular timing
};

// The machine's configuration for `c`, with its records kept (the inspection layer reads them).
inline MachineConfig machine_config(const RunConfig& c) {
  MachineConfig mc;
  mc.seed = c.seed;
  mc.gomaxprocs = c.gomaxprocs;
  mc.time_scale = c.time_scale;
  mc.machine.memory.cores = c.cores;
  mc.machine.record = true;
  mc.machine.jitter = c.jitter;
  return mc;
}

// `text` compiled and loaded on a machine configured by `c`; the test fails (saying why) if it does not
// compile.
inline std::unique_ptr<Machine> load_machine(const std::string& file, const std::string& text,
                                             RunConfig c = {}) {
  std::string diagnostics;
  std::unique_ptr<Machine> m = Machine::load(file, text, machine_config(c), diagnostics);
  INFO(diagnostics);
  REQUIRE(m);
  return m;
}

// Steps `s` forward by `kind` until `stop(report)`, asked after each step, holds (then true), the program
// ends or `limit` steps were taken.
template <typename F>
bool forward_until(Session& s, StepKind kind, int limit, F stop) {
  for (int i = 0; i < limit && !s.machine().runtime().finished(); ++i)
    if (stop(s.forward(kind))) return true;
  return false;
}

class ProgramRun {
 public:
  ProgramRun(const std::string& file, const std::string& text, RunConfig c = {})
      : machine_(load_machine(file, text, c)) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }
  bool loaded() const { return machine_ != nullptr; }
  const Machine* machine() const { return machine_.get(); }
  StepReport step(StepKind kind, std::uint32_t line = 0) { return machine_->step(kind, line); }
  StepReport run(std::uint64_t max_instructions = UINT64_MAX) { return machine_->run(max_instructions); }
  // Steps by `kind` until `stop(report)`, asked after each step, holds (then true), the program ends or
  // `limit` steps were taken.
  template <typename F>
  bool step_until(StepKind kind, int limit, F stop) {
    for (int i = 0; i < limit && !finished(); ++i)
      if (stop(step(kind))) return true;
    return false;
  }
  // Steps by `kind` to the program's end.
  void finish(StepKind kind = StepKind::SchedulerEvent) {
    while (!finished()) step(kind);
  }
  bool finished() const { return machine_->runtime().finished(); }
  const std::vector<std::string>& lines() const { return lines_; }
  const std::string& stdout_text() const { return machine_->runtime().stdout_text(); }

 private:
  std::unique_ptr<Machine> machine_;
  std::vector<std::string> lines_;
};

// A built-in example's source (ui/examples/NAME), read from the checkout.
inline std::string example_text(const std::string& name) {
  std::ifstream f(std::filesystem::path(GB_REPO_DIR) / "ui" / "examples" / name);
  REQUIRE(f);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace gb::test
