// Depth-first search over litmus executions; a search state is plain data: a MemorySystem copy plus each
// core's program counter, store buffer and registers.
#include "litmus_explorer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "coherence/memory_system.h"
#include "store_buffer.h"

namespace gb {

namespace {

struct CoreState {
  std::size_t pc = 0;
  StoreBuffer buffer;
  std::array<Word, kLitmusRegisters> regs{};
};

struct SearchState {
  MemorySystem memory;
  std::vector<CoreState> cores;
};

// What can be reached from one state: the outcomes (each with the rest of an execution giving it) and how
// many complete executions start there.
struct Summary {
  std::map<LitmusOutcome, std::vector<LitmusStep>> outcomes;
  std::uint64_t executions = 0;
};

class Search {
 public:
  Search(const LitmusTest& test, MemoryModel model, const LitmusOptions& options, LitmusResult& result)
      : test_(test), model_(model), options_(options), result_(result) {
    // The lines the program touches: the only lines whose state the key needs (nothing else is ever cached).
    const Cache probe(options.geometry);
    for (const auto& thread : test.threads)
      for (const MicroOp& op : thread)
        if (op.kind != OpKind::Fence && op.kind != OpKind::Compute) lines_.push_back(probe.line_of(op.addr));
    std::sort(lines_.begin(), lines_.end());
    lines_.erase(std::unique(lines_.begin(), lines_.end()), lines_.end());
  }

  Summary visit(const SearchState& s) {
    std::string key;
    if (options_.memoise) {
      key = key_of(s);
      if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    }
    ++result_.states;
    Summary summary;
    bool any = false;
    for (std::size_t c = 0; c < s.cores.size(); ++c) {
      for (const bool drain : {false, true}) {
        if (!enabled(s, c, drain)) continue;
        any = true;
        SearchState next = s;
        const LitmusStep step = apply(next, static_cast<CoreId>(c), drain);
        ++result_.transitions;
        if (next.memory.violation() && !result_.violation) {
          // A broken protocol: remember where it first broke, and search on, so the outcome set shows what
          // the broken caches let programs see (a planted bug can make SC show a forbidden outcome).
          result_.violation = next.memory.violation();
          result_.violation_path = path_;
          result_.violation_path.push_back(step);
        }
        path_.push_back(step);
        const Summary below = visit(next);
        path_.pop_back();
        summary.executions += below.executions;
        for (const auto& [outcome, rest] : below.outcomes) {
          if (summary.outcomes.count(outcome)) continue;
          std::vector<LitmusStep> witness{step};
          witness.insert(witness.end(), rest.begin(), rest.end());
          summary.outcomes.emplace(outcome, std::move(witness));
        }
      }
    }
    if (!any) {  // every program has ended and every buffer is empty: one complete execution
      summary.executions = 1;
      summary.outcomes.emplace(outcome_of(s), std::vector<LitmusStep>{});
    }
    if (options_.memoise) memo_.emplace(std::move(key), summary);
    return summary;
  }

 private:
  // Under TSO a fence and an atomic RMW wait for the buffer to drain; a store waits for room in it. A drain
  // is a separate action of the core, possible whenever its buffer holds something: that is what lets the
  // search place it at every point of the execution.
  bool enabled(const SearchState& s, std::size_t c, bool drain) const {
    const CoreState& core = s.cores[c];
    if (drain) return model_ == MemoryModel::TSO && !core.buffer.empty();
    const auto& program = test_.threads[c];
    if (core.pc >= program.size()) return false;
    if (model_ == MemoryModel::SC) return true;
    switch (program[core.pc].kind) {
      case OpKind::Fence:
      case OpKind::Rmw:
        return core.buffer.empty();
      case OpKind::Store:
        return !core.buffer.full();
      default:
        return true;
    }
  }

  LitmusStep apply(SearchState& s, CoreId c, bool drain) const {
    CoreState& core = s.cores[static_cast<std::size_t>(c)];
    LitmusStep step;
    step.core = c;
    step.drain = drain;
    if (drain) {
      const BufferedStore oldest = core.buffer.pop();
      const AccessResult r = s.memory.write(c, oldest.addr, oldest.value);
      step.op = MicroOp{OpKind::Store, oldest.addr, oldest.value, 0, -1};
      step.value = oldest.value;
      step.bus = r.bus;
      return step;
    }
    const MicroOp& op = test_.threads[static_cast<std::size_t>(c)][core.pc++];
    step.op = op;
    const bool tso = model_ == MemoryModel::TSO;
    switch (op.kind) {
      case OpKind::Load: {
        std::optional<Word> v = tso ? core.buffer.forward(op.addr) : std::nullopt;
        if (v) {
          step.forwarded = true;
        } else {
          const AccessResult r = s.memory.read(c, op.addr);
          v = r.value;
          step.bus = r.bus;
        }
        step.value = *v;
        if (op.reg >= 0) core.regs[static_cast<std::size_t>(op.reg)] = *v;
        break;
      }
      case OpKind::Store:
        step.value = op.value;
        if (tso) {
          core.buffer.push(op.addr, op.value);
          step.buffered = true;
        } else {
          step.bus = s.memory.write(c, op.addr, op.value).bus;
        }
        break;
      case OpKind::Rmw: {
        const AccessResult r = s.memory.fetch_add(c, op.addr, op.value);
        step.value = r.value;
        step.bus = r.bus;
        if (op.reg >= 0) core.regs[static_cast<std::size_t>(op.reg)] = r.value;
        break;
      }
      case OpKind::Fence:
      case OpKind::Compute:
        break;  // a litmus search has no clock; a fence's whole effect is in enabled()
    }
    return step;
  }

  LitmusOutcome outcome_of(const SearchState& s) const {
    LitmusOutcome o;
    for (const LitmusRegister& r : test_.observed)
      o.push_back(s.cores[static_cast<std::size_t>(r.core)].regs[static_cast<std::size_t>(r.reg)]);
    return o;
  }

  // Everything the rest of an execution can depend on. Per line the program touches: each cache's state, its
  // words, and its LRU rank within the set (absolute LRU stamps differ between orders that are otherwise
  // equal, and only the rank decides a victim); memory's words and the checker's ghost. Event counters are
  // left out: they record the past and never change what happens next.
  std::string key_of(const SearchState& s) const {
    std::string key;
    auto put = [&key](std::uint64_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    for (const CoreState& core : s.cores) {
      put(core.pc);
      put(core.buffer.size());
      for (const BufferedStore& e : core.buffer.entries()) {
        put(e.addr);
        put(e.value);
      }
      for (Word r : core.regs) put(r);
    }
    const MemorySystem& m = s.memory;
    for (const Addr line : lines_) {
      for (int p = 0; p < m.cores(); ++p) {
        const Cache& cache = m.cache(p);
        const int way = cache.find(line);
        if (way < 0) {
          put(0xff);
          continue;
        }
        const std::uint64_t stamp = cache.line(way).lru;
        const std::uint32_t base = cache.set_of_line(line) * cache.assoc();
        std::uint64_t rank = 0;
        for (std::uint32_t w = 0; w < cache.assoc(); ++w) {
          const CacheLine& other = cache.line(static_cast<int>(base + w));
          if (other.state != LineState::I && other.lru < stamp) ++rank;
        }
        put(static_cast<std::uint64_t>(cache.line(way).state) | rank << 8);
        for (std::uint32_t k = 0; k < cache.words_per_line(); ++k) put(cache.data(way)[k]);
      }
      const std::uint32_t words = m.memory().words_per_line();
      for (std::uint32_t k = 0; k < words; ++k) {
        put(m.memory().read_word(line, k));
        put(m.checker().expected(line, k, words));
      }
    }
    return key;
  }

  const LitmusTest& test_;
  MemoryModel model_;
  const LitmusOptions& options_;
  LitmusResult& result_;
  std::vector<Addr> lines_;
  std::unordered_map<std::string, Summary> memo_;
  std::vector<LitmusStep> path_;  // the actions from the start to the state being visited
};

}  // namespace

std::optional<MemoryModel> parse_memory_model(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lower == "sc") return MemoryModel::SC;
  if (lower == "tso") return MemoryModel::TSO;
  return std::nullopt;
}

std::vector<LitmusOutcome> LitmusResult::outcome_list() const {
  std::vector<LitmusOutcome> list;
  for (const auto& entry : outcomes) list.push_back(entry.first);
  return list;
}

LitmusResult explore_litmus(const LitmusTest& test, MemoryModel model, const Protocol& protocol,
                            const LitmusOptions& options) {
  if (auto error = validate(test)) throw std::invalid_argument(*error);
  if (auto error = options.geometry.validate()) throw std::invalid_argument(*error);
  LitmusResult result;
  const int cores = static_cast<int>(test.threads.size());
  SearchState start{MemorySystem(cores, options.geometry, protocol),
                    std::vector<CoreState>(static_cast<std::size_t>(cores),
                                           CoreState{0, StoreBuffer(options.store_buffer_capacity), {}})};
  start.memory.set_checking(true);
  Search search(test, model, options, result);
  Summary all = search.visit(start);
  result.outcomes = std::move(all.outcomes);
  result.executions = all.executions;
  return result;
}

std::string format_step(const LitmusTest& test, const LitmusStep& step) {
  const std::string bus = step.bus == BusOp::None ? "hit" : std::string(name(step.bus));
  const std::string where = location_name(test, step.op.addr);
  if (step.drain)
    return fmt::format("c{}: drain {} = {} to the cache [{}]", step.core, where, step.value, bus);
  const std::string op = format_op(test, step.core, step.op);
  switch (step.op.kind) {
    case OpKind::Load:
      if (step.forwarded)
        return fmt::format("c{}: {} -> {} (forwarded from its store buffer)", step.core, op, step.value);
      return fmt::format("c{}: {} -> {} [{}]", step.core, op, step.value, bus);
    case OpKind::Store:
      if (step.buffered) return fmt::format("c{}: {} -> store buffer", step.core, op);
      return fmt::format("c{}: {} [{}]", step.core, op, bus);
    case OpKind::Rmw:
      return fmt::format("c{}: {} -> {} [{}]", step.core, op, step.value, bus);
    case OpKind::Fence:
    case OpKind::Compute:
      break;
  }
  return fmt::format("c{}: {}", step.core, op);
}

}  // namespace gb
