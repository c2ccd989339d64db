// The Machine (machine.h): construction, snapshots, stepping at each granularity, hashing.
#include "sim/machine/machine.h"

#include "sim/go/run_program.h"
#include "sim/machine/statement_steps.h"

namespace gb {

namespace {

vm::VmOptions vm_options(const MachineConfig& c) {
  vm::VmOptions o;
  o.seed = c.seed;
  o.gomaxprocs = c.gomaxprocs;
  o.time_scale = c.time_scale;
  o.machine = c.machine;
  o.machine->record = c.record;  // steps report the bus transactions and run slices they produced
  o.schedule = c.schedule;
  o.race = c.race;
  return o;
}

}  // namespace

std::unique_ptr<Machine> Machine::load(const std::string& file, const std::string& text, const MachineConfig& config,
                                       std::string& diagnostics) {
  auto program = go::compile_go(file, text, diagnostics);
  if (!program) return nullptr;
  return std::make_unique<Machine>(std::move(program), config);
}

Machine::Machine(std::shared_ptr<const vm::Program> program, const MachineConfig& config)
    : config_(config), world_(config.world), vm_(std::move(program), vm_options(config)) {
  vm_.set_world(&world_);
}

Machine::Machine(const Machine& other) : config_(other.config_), world_(other.world_), vm_(other.vm_) {
  vm_.set_world(&world_);
}

Machine& Machine::operator=(const Machine& other) {
  if (this != &other) {
    config_ = other.config_;
    world_ = other.world_;
    vm_ = other.vm_;
    vm_.set_world(&world_);
  }
  return *this;
}

StepReport Machine::report_since(std::size_t bus0, std::size_t slices0, std::size_t wakes0, std::size_t silent0,
                                  std::uint64_t instr0) const {
  StepReport r;
  r.wakes_from = wakes0;
  r.wakes_to = vm_.wakes().size();
  r.silent_from = silent0;
  r.silent_to = vm_.memory().silent_log().size();
  r.last_g = vm_.current_goroutine();
  r.instructions = vm_.instructions() - instr0;
  r.bus_from = bus0;
  r.bus_to = vm_.memory().bus_log().size();
  r.slices_from = slices0;
  r.slices_to = vm_.run_slices().size();
  r.finished = vm_.finished();
  return r;
}

StepReport Machine::step(StepKind kind, std::uint32_t line, std::uint64_t limit) {
  const std::size_t bus0 = vm_.memory().bus_log().size();
  const std::size_t slices0 = vm_.run_slices().size();
  const std::size_t wakes0 = vm_.wakes().size();
  const std::size_t silent0 = vm_.memory().silent_log().size();
  const std::uint64_t instr0 = vm_.instructions();
  const std::uint64_t accesses0 = vm_.memory().accesses();
  const std::int64_t time0 = vm_.machine_time();
  const std::uint64_t readies0 = vm_.readies();
  if (vm_.finished()) return report_since(bus0, slices0, wakes0, silent0, instr0);
  // Statement steps follow the goroutine that ran last (a debugger's "next"); other goroutines may run meanwhile.
  const StatementFollow followed = statement_follow(vm_, true);
  vm_.step();
  const GId g = vm_.current_goroutine();
  const vm::Program& prog = vm_.program();
  // A breakpoint is a line of the user's file: package main's functions (the standard library has lines too).
  auto at_line = [&](const vm::Vm::Location& l) {
    return l.line == line && vm::in_package_main(prog, l.func);
  };
  auto done = [&]() {
    switch (kind) {
      case StepKind::Instruction: return true;
      case StepKind::Statement:
      case StepKind::StatementOver:
      case StepKind::StatementOut: return statement_step_over(vm_, kind, followed);
      case StepKind::BusTransaction: return vm_.memory().bus_log().size() > bus0;
      case StepKind::SchedulerEvent:
        return vm_.current_goroutine() != g || vm_.scheduler().g(g).status != GStatus::Running ||
               vm_.readies() > readies0;
      case StepKind::Line: return at_line(vm_.next_location(vm_.current_goroutine()));
      case StepKind::MemoryAccess: return vm_.memory().accesses() > accesses0;
      case StepKind::MachineCycle: return vm_.machine_time() > time0;
      case StepKind::Continue: return false;
      case StepKind::BusOp: {
        const auto& log = vm_.memory().bus_log();
        for (std::size_t i = bus0; i < log.size(); ++i)
          if (static_cast<std::uint32_t>(log[i].op) == line) return true;
        return false;
      }
    }
    return true;
  };
  while (!vm_.finished() && !done() && vm_.instructions() - instr0 < limit) vm_.step();
  return report_since(bus0, slices0, wakes0, silent0, instr0);
}

StepReport Machine::run(std::uint64_t max_instructions) {
  const std::size_t bus0 = vm_.memory().bus_log().size();
  const std::size_t slices0 = vm_.run_slices().size();
  const std::size_t wakes0 = vm_.wakes().size();
  const std::size_t silent0 = vm_.memory().silent_log().size();
  const std::uint64_t instr0 = vm_.instructions();
  vm_.run(max_instructions);
  return report_since(bus0, slices0, wakes0, silent0, instr0);
}

std::uint32_t Machine::line_on(int p) const {
  if (p < 0 || p >= vm_.scheduler().gomaxprocs()) return 0;
  return vm_.next_location(vm_.scheduler().p(p).current).line;
}

std::uint64_t Machine::state_hash() const { return vm_.state_hash() * 1099511628211ull ^ world_.state_hash(); }

}  // namespace gb
