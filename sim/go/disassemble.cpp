#include "sim/go/disassemble.h"

#include <fmt/format.h>

namespace gb::go {

std::string disassemble(const vm::Program& program, std::size_t function) {
  const vm::Function& f = program.functions[function];
  std::string out = fmt::format("func #{} {} (params {}, results {}, frame {}", function, f.name, f.param_words,
                                f.result_words, f.frame_words);
  if (f.closure_slot >= 0) out += fmt::format(", closure s{}", f.closure_slot);
  out += ")\n";
  static constexpr const char* kKinds[] = {"param", "local", "named result", "result", "captured"};
  for (const vm::VarInfo& v : f.vars) {
    out += fmt::format("  ; {} {} {} {}{} pc [{}, {}) line {}\n", kKinds[static_cast<int>(v.kind)], v.name,
                       program.types.to_string(v.type), v.in_cell ? "cell in s" : "s", v.slot, v.from_pc, v.to_pc,
                       v.line);
  }
  for (std::size_t i = 0; i < f.code.size(); ++i) {
    const vm::Instr& in = f.code[i];
    std::string extra;
    const auto d = static_cast<std::size_t>(in.d);
    switch (vm::op_form(in.op)) {
      case vm::OpForm::DString:
        if (in.d >= 0 && d < program.strings.size()) extra = fmt::format("  ; {:?}", program.strings[d]);
        break;
      case vm::OpForm::DFunc:
        if (in.d >= 0 && d < program.functions.size()) extra = fmt::format("  ; {}", program.functions[d].name);
        break;
      case vm::OpForm::DNative:
        if (in.d >= 0 && d < program.natives.size()) extra = fmt::format("  ; {}", program.natives[d].name);
        break;
      case vm::OpForm::DType:
        if (in.d >= 0 && d < program.types.size()) {
          extra = fmt::format("  ; {}", program.types.to_string(static_cast<vm::TypeId>(in.d)));
        }
        break;
      case vm::OpForm::Slots: break;
    }
    const std::uint32_t line = i < f.lines.size() ? f.lines[i] : 0;
    out += fmt::format("  {:4}  {:14} a={} b={} c={} d={}   (line {}){}\n", i, vm::op_name(in.op), in.a, in.b, in.c,
                       in.d, line, extra);
  }
  return out;
}

std::string disassemble(const vm::Program& program) {
  std::string out;
  for (std::size_t i = 0; i < program.functions.size(); ++i) {
    if (program.functions[i].native >= 0) continue;
    out += disassemble(program, i);
  }
  return out;
}

}  // namespace gb::go
