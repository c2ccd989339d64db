// Queries (query.h) answered from the machine's state through the inspection layer's readers (query_parse.cpp
// reads their text).
#include "sim/inspect/query.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/inspect/goroutine_location.h"
#include "sim/inspect/variables.h"
#include "sim/machine/run_stats.h"

namespace gb::inspect {

namespace {

Answer count(std::uint64_t n) { return {std::to_string(n), static_cast<double>(n)}; }

// A number when the text is one (an integer or float variable's %v), for claims' arithmetic.
std::optional<double> number_in(const std::string& text) {
  double d = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc{} || p != text.data() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

}  // namespace

std::variant<Answer, std::string> answer(const Query& q, const Machine& m) {
  const vm::Vm& vm = m.runtime();
  const vm::Memory& mem = vm.memory();
  auto known_g = [&](GId g) { return g > kNoG && static_cast<std::size_t>(g) <= vm.scheduler().goroutine_count(); };
  switch (q.kind) {
    case Query::Kind::Value: {
      if (q.g != kNoG && !known_g(q.g)) return fmt::format("there is no goroutine G{} (yet)", q.g);
      const FoundVariable f = find_variable(vm, q.name, q.g != kNoG ? q.g : vm.current_goroutine());
      if (!f.view) return f.error;
      return Answer{f.view->value, number_in(f.view->value)};
    }
    case Query::Kind::State: {
      if (!mem.machine()) return std::string("cache states need the machine (cores)");
      if (q.core >= mem.system().cores())
        return fmt::format("core {} does not exist: the machine has {}", q.core, mem.system().cores());
      const FoundVariable f = find_variable(vm, q.name, vm.current_goroutine());
      if (!f.view) return f.error;
      if (!f.view->in_memory || f.view->line_states.empty())
        return fmt::format("{} is not in memory, so it has no cache line", f.view->name);
      return Answer{std::string(gb::name(f.view->line_states[static_cast<std::size_t>(q.core)])), std::nullopt};
    }
    case Query::Kind::Bus: {
      if (!mem.machine()) return std::string("the bus needs the machine (cores)");
      std::optional<std::uint64_t> line;
      if (!q.name.empty()) {
        const FoundVariable f = find_variable(vm, q.name, vm.current_goroutine());
        if (!f.view) return f.error;
        if (!f.view->in_memory) return fmt::format("{} is not in memory, so it has no cache line", f.view->name);
        line = f.view->line_addr;
      }
      if (!m.config().machine.record) {
        if (line || q.op == BusOp::Flush || q.op == BusOp::FlushOpt)
          return std::string("this query needs a recorded run (the bus log)");
        // Without the log, the per-core counters have the requests.
        const nlohmann::json stats = run_stats_json(vm, 0.0);
        if (q.op == BusOp::None) return count(stats["machine"]["bus_transactions"].get<std::uint64_t>());
        const char* key = q.op == BusOp::BusRd ? "bus_rd" : q.op == BusOp::BusRdX ? "bus_rdx"
                          : q.op == BusOp::BusUpgr ? "bus_upgr" : "bus_upd";
        std::uint64_t n = 0;
        for (const auto& c : stats["machine"]["per_core"]) n += c[key].get<std::uint64_t>();
        return count(n);
      }
      const std::uint32_t block = mem.system().cores() > 0 ? mem.system().cache(0).geometry().block_bytes : 64;
      std::uint64_t n = 0;
      for (const vm::BusRecord& r : mem.bus_log()) {
        if (q.op != BusOp::None && r.op != q.op && r.then_op != q.op) continue;
        if (line && (r.addr & ~static_cast<std::uint64_t>(block - 1)) != *line) continue;
        ++n;
      }
      return count(n);
    }
    case Query::Kind::LostUpdates: return count(mem.lost_updates().size());
    case Query::Kind::Output: return Answer{vm.stdout_text(), std::nullopt};
    case Query::Kind::OutputLast: {
      std::string_view out = vm.stdout_text();
      if (!out.empty() && out.back() == '\n') out.remove_suffix(1);
      const std::size_t nl = out.rfind('\n');
      const std::string last(nl == std::string_view::npos ? out : out.substr(nl + 1));
      return Answer{last, number_in(last)};
    }
    case Query::Kind::Exit:
      if (!vm.finished()) return Answer{"running", std::nullopt};
      return Answer{std::to_string(vm.exit_code()), static_cast<double>(vm.exit_code())};
    case Query::Kind::Time: {
      const std::int64_t t = mem.machine() ? vm.machine_time() : vm.now();
      return Answer{std::to_string(t), static_cast<double>(t)};
    }
    case Query::Kind::Instructions: return count(vm.instructions());
    // Once the program has exited its goroutines are gone, whatever state each was left in.
    case Query::Kind::Goroutines:
      return count(vm.finished() ? 0 : static_cast<std::uint64_t>(vm.num_goroutine()));
    case Query::Kind::GoroutineState:
      if (!known_g(q.g)) return fmt::format("there is no goroutine G{} (yet)", q.g);
      if (vm.finished()) return Answer{"exited", std::nullopt};
      if (vm.scheduler().g(q.g).status == GStatus::Dead) return Answer{"dead", std::nullopt};
      return Answer{goroutine_state(vm, q.g), std::nullopt};
    case Query::Kind::GoroutineLine: {
      if (!known_g(q.g)) return fmt::format("there is no goroutine G{} (yet)", q.g);
      const GoroutineLocation at = goroutine_location(vm, q.g);
      return count(at.line);
    }
    case Query::Kind::Stat: {
      const nlohmann::json stats = run_stats_json(vm, 0.0);
      const nlohmann::json* at = &stats;
      std::string_view path = q.name;
      while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string key(path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
        if (at->is_array()) {
          std::size_t i = 0;
          const auto [p, ec] = std::from_chars(key.data(), key.data() + key.size(), i);
          if (ec != std::errc{} || p != key.data() + key.size() || i >= at->size())
            return fmt::format("stat {}: '{}' is not an index of a list of {}", q.name, key, at->size());
          at = &(*at)[i];
        } else if (at->is_object() && at->contains(key)) {
          at = &(*at)[key];
        } else {
          std::string keys;
          if (at->is_object())
            for (const auto& [k, v] : at->items()) keys += (keys.empty() ? "" : ", ") + k;
          return fmt::format("stat {}: no '{}' (there is: {})", q.name, key, keys);
        }
      }
      if (at->is_number()) {
        const double d = at->get<double>();
        return Answer{at->is_number_float() ? fmt::format("{}", d) : at->dump(), d};
      }
      if (at->is_string()) return Answer{at->get<std::string>(), std::nullopt};
      return fmt::format("stat {}: a group, not a figure", q.name);
    }
  }
  return std::string("unknown query");
}

std::variant<Answer, std::string> answer(std::string_view query, const Machine& m) {
  auto parsed = parse_query(query);
  if (auto* e = std::get_if<QueryError>(&parsed)) return fmt::format("column {}: {}", e->column, e->message);
  return answer(std::get<Query>(parsed), m);
}

}  // namespace gb::inspect
