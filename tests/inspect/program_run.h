// A Go program on the machine for the inspection layer's tests: compiled, built as the studio builds it (per
// core caches, the run's seed) and stepped directly, with no UI and no Session.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/machine/machine.h"

namespace gb::test {

struct RunConfig {
  int cores = 2;
  int gomaxprocs = 2;
  double time_scale = 1.0;
  std::uint64_t seed = 1;
  double jitter = 1.0;  // the machine's timing noise (MachineOptions::jitter); 0 is the regular timing
};

class ProgramRun {
 public:
  ProgramRun(const std::string& file, const std::string& text, RunConfig c = {}) {
    MachineConfig mc;
    mc.seed = c.seed;
    mc.gomaxprocs = c.gomaxprocs;
    mc.time_scale = c.time_scale;
    mc.machine.memory.cores = c.cores;
    mc.machine.record = true;
    mc.machine.jitter = c.jitter;
    std::string diagnostics;
    machine_ = Machine::load(file, text, mc, diagnostics);
    INFO(diagnostics);
    REQUIRE(machine_);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }
  bool loaded() const { return machine_ != nullptr; }
  const Machine* machine() const { return machine_.get(); }
  StepReport step(StepKind kind, std::uint32_t line = 0) { return machine_->step(kind, line); }
  StepReport run(std::uint64_t max_instructions = UINT64_MAX) { return machine_->run(max_instructions); }
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
