// Conditions bound and evaluated (condition_eval.h): names resolved through the inspection layer's walkers once,
// then per instruction a few counters and records compared.
//
// Index of this file:
// [SECTION] Binding
// [SECTION] Observing a state
// [SECTION] Events over one instruction
#include "sim/inspect/condition_eval.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/inspect/sync_state.h"
#include "sim/inspect/variables.h"
#include "sim/machine/breakpoint_arrivals.h"

namespace gb::inspect {

namespace {

using vm::Kind;

bool is_leaf(ConditionKind k) {
  return k != ConditionKind::And && k != ConditionKind::Or && k != ConditionKind::Not;
}

// Instruction `pc` of function `func` begins a statement of line `line` of package main.
bool begins_statement(const vm::Program& p, std::uint32_t func, std::uint32_t pc, std::uint32_t line) {
  if (!vm::in_package_main(p, func)) return false;
  const vm::Function& fn = p.functions[func];
  return pc < fn.lines.size() && fn.lines[pc] == line && pc < fn.stmt_start.size() && fn.stmt_start[pc] != 0;
}

std::uint32_t block_bytes(const vm::Memory& mem) {
  return mem.machine() && mem.system().cores() > 0 ? mem.system().cache(0).geometry().block_bytes : 64;
}

}  // namespace

// [SECTION] Binding

std::optional<BoundCondition> BoundCondition::bind(std::string_view text, const Machine& machine,
                                                   const std::vector<std::string>* source, std::string& error) {
  const ParsedCondition parsed = parse_condition(text);
  if (!parsed) {
    error = parsed.error.text();
    return std::nullopt;
  }
  return bind(*parsed.condition, machine, source, error);
}

std::optional<BoundCondition> BoundCondition::bind(const Condition& condition, const Machine& machine,
                                                   const std::vector<std::string>* source, std::string& error) {
  const vm::Vm& vm = machine.runtime();
  const vm::Program& prog = vm.program();
  const vm::TypeTable& types = vm.types();
  BoundCondition c;
  c.condition_ = condition;
  c.bound_.resize(condition.nodes.size());
  const int cores = vm.memory().machine() ? vm.memory().system().cores() : 0;
  for (std::size_t i = 0; i < condition.nodes.size(); ++i) {
    const ConditionNode& n = condition.nodes[i];
    Bound& b = c.bound_[i];
    if (n.core >= cores && n.core >= 0) {
      error = fmt::format("core {} does not exist: the machine has {} core{}", n.core, cores, cores == 1 ? "" : "s");
      return std::nullopt;
    }
    // A package variable of main or a part of it, through the inspection layer's finder (no goroutine: a
    // condition names shared state); its first word and its bytes.
    auto variable = [&](std::string_view path) -> std::optional<VariableView> {
      FoundVariable f = find_variable(vm, path);
      if (!f.view) {
        error = f.error;
        return std::nullopt;
      }
      const VariableView& v = *f.view;
      const std::uint32_t words = types.words(v.type_id);
      const vm::Memory& mem = vm.memory();
      if (words == 0 || !mem.machine() || !mem.valid_range(v.word_addr, words)) {
        error = fmt::format("{} takes no memory on the machine (a zero-size value)", v.name);
        return std::nullopt;
      }
      const Word last = v.word_addr + words - 1;
      b.word = v.word_addr;
      b.first_byte = mem.byte_address(v.word_addr);
      b.end_byte = mem.byte_address(last) + mem.byte_width(last);
      return f.view;
    };
    switch (n.kind) {
      case ConditionKind::Line: {
        bool found = false;
        for (std::uint32_t f = 0; f < prog.functions.size() && !found; ++f)
          for (std::uint32_t pc = 0; pc < prog.functions[f].lines.size() && !found; ++pc)
            found = begins_statement(prog, f, pc, n.line);
        if (!found) {
          error = fmt::format("no statement of package main begins on line {}", n.line);
          return std::nullopt;
        }
        break;
      }
      case ConditionKind::Bus:
      case ConditionKind::LostUpdate:
        if (!n.var.empty() && !variable(n.var)) return std::nullopt;
        break;
      case ConditionKind::State:
        if (!variable(n.var)) return std::nullopt;
        break;
      case ConditionKind::Mutex: {
        const auto v = variable(n.var);
        if (!v) return std::nullopt;
        if (v->type != "sync.Mutex") {
          error = fmt::format("{} is a {}, not a sync.Mutex", v->name, v->type);
          return std::nullopt;
        }
        break;
      }
      case ConditionKind::Chan: {
        // The channel's variable: a package variable of channel type, or what a make(chan ...) assigns to (the
        // channels panel's names, sync_state.h).
        const FoundVariable f = find_variable(vm, n.text);
        if (f.view && types.underlying_kind(f.view->type_id) == Kind::Chan) {
          b.chan_var = f.view->word_addr;
        } else if (f.view) {
          error = fmt::format("{} is a {}, not a channel", f.view->name, f.view->type);
          return std::nullopt;
        }
        for (std::size_t l = 0; source != nullptr && l < source->size(); ++l) {
          const std::string& text = (*source)[l];
          if (text.find("make(chan") != std::string::npos && assigned_name(text) == n.text)
            b.make_lines.push_back(static_cast<std::uint32_t>(l + 1));
        }
        if (b.chan_var == 0 && b.make_lines.empty()) {
          error = fmt::format("no channel named '{}': no package variable of channel type and no `{} := make(chan ...)` "
                              "in main{}",
                              n.text, n.text, source == nullptr ? " (the source was not given)" : "");
          return std::nullopt;
        }
        break;
      }
      default:
        break;
    }
  }
  return c;
}

// [SECTION] Observing a state

Observation BoundCondition::observe(const Machine& machine, const Observation* previous) const {
  Observation o;
  observe(machine, o, previous);
  return o;
}

void BoundCondition::observe(const Machine& machine, Observation& o, const Observation* previous) const {
  const vm::Vm& vm = machine.runtime();
  const vm::Memory& mem = vm.memory();
  o.instructions = vm.instructions();
  o.values.assign(condition_.nodes.size() * 2, 0);
  for (std::size_t i = 0; i < condition_.nodes.size(); ++i) {
    const ConditionNode& n = condition_.nodes[i];
    const Bound& b = bound_[i];
    std::uint64_t& v = o.values[2 * i];
    switch (n.kind) {
      // Events: the count the instruction must grow.
      case ConditionKind::Chan: v = vm.chan_ops(); break;
      case ConditionKind::Bus: v = mem.bus_log().size(); break;
      case ConditionKind::Steal: v = vm.steals(); break;
      case ConditionKind::Handoff: v = vm.handoffs(); break;
      case ConditionKind::Publish: v = machine.world().events(WorldEventKind::Publish); break;
      case ConditionKind::LostUpdate: v = mem.lost_updates().size(); break;
      // States: their value.
      case ConditionKind::State: {
        const MemorySystem& sys = mem.system();
        for (int c = 0; c < sys.cores(); ++c) {
          if (n.core >= 0 && c != n.core) continue;
          const auto core = static_cast<CoreId>(c);
          if (sys.state_of(core, sys.cache(core).line_of(b.first_byte)) == n.state) v = 1;
        }
        break;
      }
      case ConditionKind::Mutex: {
        const auto state = static_cast<std::uint32_t>(mem.peek(b.word));
        v = (state & (n.mutex == MutexProperty::Starving ? kMutexStarving : kMutexLocked)) != 0;
        break;
      }
      case ConditionKind::Output:
      case ConditionKind::Stderr: {
        // Output only grows: once found it stays found, and a new occurrence ends in the bytes added since.
        const std::string& text = n.kind == ConditionKind::Output ? vm.stdout_text() : vm.stderr_text();
        std::uint64_t& seen = o.values[2 * i + 1];
        seen = text.size();
        std::size_t from = 0;
        if (previous != nullptr && previous->values.size() == o.values.size() && previous->values[2 * i + 1] <= seen) {
          if (previous->values[2 * i] != 0) {
            v = 1;
            break;
          }
          const std::size_t was = previous->values[2 * i + 1];
          from = was >= n.text.size() ? was - n.text.size() + 1 : 0;
        }
        v = text.find(n.text, from) != std::string::npos;
        break;
      }
      case ConditionKind::Exit:
        v = vm.finished() && (!n.exit_code || vm.exit_code() == *n.exit_code);
        break;
      case ConditionKind::Cycle:
        v = compare(n.cmp, static_cast<std::uint64_t>(std::max<std::int64_t>(vm.machine_time(), 0)), n.bound);
        break;
      case ConditionKind::Instructions: v = compare(n.cmp, vm.instructions(), n.bound); break;
      default: break;
    }
  }
}

bool BoundCondition::value(std::uint32_t node, const Observation& o) const {
  const ConditionNode& n = condition_.at(node);
  switch (n.kind) {
    case ConditionKind::And: return value(n.lhs, o) && value(n.rhs, o);
    case ConditionKind::Or: return value(n.lhs, o) || value(n.rhs, o);
    case ConditionKind::Not: return !value(n.lhs, o);
    default: return !info(n.kind).event && o.values[2 * node] != 0;
  }
}

bool BoundCondition::holds(const Observation& observed) const {
  return !is_event() && value(condition_.root, observed);
}

// [SECTION] Events over one instruction

bool BoundCondition::fires(const Machine& machine, const Observation& before, const Observation& after) const {
  // Nothing ran, nothing changed; except the step that ends the program without an instruction (the
  // scheduler finding every goroutine asleep: the deadlock's fatal error and exit status 2).
  if (condition_.nodes.empty()) return false;
  if (after.instructions == before.instructions && !machine.runtime().finished()) return false;
  const std::uint32_t root = condition_.root;
  return condition_.is_event(root) ? happens(machine, root, before, after) : rising(root, before, after);
}

bool BoundCondition::happens(const Machine& m, std::uint32_t node, const Observation& before,
                             const Observation& after) const {
  const ConditionNode& n = condition_.at(node);
  if (is_leaf(n.kind)) return leaf_happens(m, n, bound_[node], before, after, node);
  if (n.kind == ConditionKind::Not) return !happens(m, n.lhs, before, after);
  const bool le = condition_.is_event(n.lhs), re = condition_.is_event(n.rhs);
  // One side may be a state: under `and` it guards (its value after the instruction), under `or` it counts
  // when it becomes true.
  auto side = [&](std::uint32_t k, bool event) {
    if (event) return happens(m, k, before, after);
    return n.kind == ConditionKind::And ? value(k, after) : rising(k, before, after);
  };
  if (n.kind == ConditionKind::And) return side(n.lhs, le) && side(n.rhs, re);
  return side(n.lhs, le) || side(n.rhs, re);
}

bool BoundCondition::leaf_happens(const Machine& m, const ConditionNode& n, const Bound& b,
                                  const Observation& before, const Observation& after, std::uint32_t node) const {
  const vm::Vm& vm = m.runtime();
  const vm::Program& prog = vm.program();
  const std::uint64_t from = before.values[2 * node], to = after.values[2 * node];
  auto by = [&](GId g) { return n.g == kNoG || g == n.g; };
  switch (n.kind) {
    case ConditionKind::Line: {
      const BreakpointArrival a = arrival_after_instruction(vm);  // a breakpoint's arrival, defined once
      return a.line == n.line && by(a.g);
    }
    case ConditionKind::Park: {
      const GId g = vm.current_goroutine();
      if (g == kNoG || !by(g)) return false;
      const Goroutine& gr = vm.scheduler().g(g);
      return gr.status == GStatus::Waiting && gr.wait_reason == n.text;
    }
    case ConditionKind::Chan: {
      if (to == from) return false;
      const vm::Vm::ChanOpRecord& r = vm.last_chan_op();
      if (static_cast<int>(r.op) != static_cast<int>(n.chan_op) || !by(r.g)) return false;
      const vm::Vm::Location made = vm.chan_origin(r.chan);
      if (vm::in_package_main(prog, made.func) &&
          std::find(b.make_lines.begin(), b.make_lines.end(), made.line) != b.make_lines.end())
        return true;
      return b.chan_var != 0 && vm.memory().peek(b.chan_var) == (static_cast<Word>(r.chan + 1) | vm::Vm::kChanTag);
    }
    case ConditionKind::Bus: {
      const auto& log = vm.memory().bus_log();
      const std::uint64_t block = block_bytes(vm.memory());
      for (std::size_t i = from; i < to && i < log.size(); ++i) {
        const vm::BusRecord& r = log[i];
        if (n.bus_op != BusOp::None && r.op != n.bus_op && r.then_op != n.bus_op) continue;
        if (n.core >= 0 && r.core != static_cast<CoreId>(n.core)) continue;
        if (!by(r.cause.g != kNoG ? r.cause.g : r.g)) continue;
        const std::uint64_t line = r.addr & ~(block - 1);
        if (!n.var.empty() && (line >= b.end_byte || line + block <= b.first_byte)) continue;
        return true;
      }
      return false;
    }
    case ConditionKind::Steal: {
      const vm::Vm::StealRecord& r = vm.last_steal();
      return to != from && (n.from_p < 0 || r.victim == n.from_p) && (n.by_p < 0 || r.thief == n.by_p);
    }
    case ConditionKind::Handoff:
      return to != from && (n.from_p < 0 || vm.last_handoff().p == n.from_p);
    case ConditionKind::Publish: {
      if (to == from) return false;
      const OutsideWorld::Published& p = m.world().last_publish();
      if (n.partition >= 0 && p.partition != n.partition) return false;
      return n.text.empty() || m.world().broker().find_topic(n.text) == p.topic;
    }
    case ConditionKind::LostUpdate: {
      const auto& log = vm.memory().lost_updates();
      for (std::size_t i = from; i < to && i < log.size(); ++i) {
        const vm::LostUpdateRecord& r = log[i];
        if (!by(r.g)) continue;
        if (!n.var.empty() && (r.at < b.first_byte || r.at >= b.end_byte)) continue;
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

}  // namespace gb::inspect
