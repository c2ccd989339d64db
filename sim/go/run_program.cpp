#include "sim/go/run_program.h"

#include "scheduler/vm/vm.h"
#include "sim/go/compiler.h"
#include "sim/go/loader.h"

namespace gb::go {

std::shared_ptr<const vm::Program> compile_go(const std::string& file_name, const std::string& text,
                                              std::string& diagnostics) {
  LoadedProgram loaded = load_program(file_name, text);
  if (!loaded.ok) {
    diagnostics = loaded.diags.text();
    if (diagnostics.empty()) diagnostics = file_name + ": the program could not be loaded\n";
    return nullptr;
  }
  CompileResult compiled = compile_program(loaded.info);
  if (!compiled.ok()) {
    for (const std::string& e : compiled.errors) diagnostics += e + "\n";
    return nullptr;
  }
  return std::make_shared<const vm::Program>(std::move(compiled.program));
}

GoRunResult run_go(const std::string& file_name, const std::string& text, const GoRunOptions& options) {
  GoRunResult r;
  std::shared_ptr<const vm::Program> program = compile_go(file_name, text, r.diagnostics);
  if (!program) {
    r.exit_code = 2;
    return r;
  }
  r.compiled = true;
  vm::VmOptions vo;
  vo.seed = options.seed;
  vo.gomaxprocs = options.gomaxprocs;
  vo.time_scale = options.time_scale;
  vo.args = options.args;
  vo.env = options.env;
  vo.output = options.output;
  vo.machine = options.machine;
  vo.schedule = options.schedule;
  vo.race = options.race;
  r.vm = std::make_shared<vm::Vm>(program, vo);
  vm::Vm& machine = *r.vm;
  machine.set_world(options.world);
  vm::RunResult run;
  if (options.check) {
    // One instruction at a time, the check after each (and the observer when its time comes).
    std::int64_t next = 0;
    for (std::uint64_t left = options.max_instructions; !machine.finished() && left > 0; --left) {
      if (options.observe && options.observe_every_ns > 0 && machine.now() >= next) {
        options.observe(machine);
        next = (machine.now() / options.observe_every_ns + 1) * options.observe_every_ns;
      }
      machine.step();
      if (auto failure = options.check(machine)) {
        r.check_failure = std::move(failure);
        break;
      }
    }
    run.finished = machine.finished();
    run.exit_code = machine.exit_code();
  } else if (options.observe && options.observe_every_ns > 0) {
    // Small chunks, so an observation falls within a few microseconds of its due time.
    std::int64_t next = 0;
    std::uint64_t left = options.max_instructions;
    while (!machine.finished() && left > 0) {
      if (machine.now() >= next) {
        options.observe(machine);
        next = (machine.now() / options.observe_every_ns + 1) * options.observe_every_ns;
      }
      const vm::RunResult chunk = machine.run(std::min<std::uint64_t>(left, 2048), next);
      left -= chunk.instructions;
      run.finished = chunk.finished;
      run.exit_code = chunk.exit_code;
    }
  } else {
    run = machine.run(options.max_instructions);
  }
  r.finished = run.finished;
  r.instructions = machine.instructions();
  r.exit_code = run.finished ? run.exit_code : 124;
  r.out = machine.stdout_text();
  r.err = machine.stderr_text();
  return r;
}

}  // namespace gb::go
