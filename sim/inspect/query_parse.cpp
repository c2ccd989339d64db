// Queries' text (query.h): a few words parsed into a Query and printed back. Apart from the answers
// (query.cpp), so that what only reads a query's text (the lesson loader, its fuzz target) needs no machine.
#include "sim/inspect/query.h"

#include <charconv>

#include <fmt/format.h>

namespace gb::inspect {

namespace {

struct Token {
  std::string_view text;
  std::size_t column = 1;  // 1-based
};

std::vector<Token> words_of(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) out.push_back({text.substr(start, i - start), start + 1});
  }
  return out;
}

std::optional<GId> goroutine_id(std::string_view w) {
  if (w.size() < 2 || (w[0] != 'G' && w[0] != 'g')) return std::nullopt;
  GId id = 0;
  const auto [p, ec] = std::from_chars(w.data() + 1, w.data() + w.size(), id);
  if (ec != std::errc{} || p != w.data() + w.size() || id <= 0) return std::nullopt;
  return id;
}

std::optional<BusOp> bus_op(std::string_view w) {
  for (int i = 1; i < kBusOpCount; ++i)
    if (name(static_cast<BusOp>(i)) == w) return static_cast<BusOp>(i);
  return std::nullopt;
}

constexpr std::string_view kKinds =
    "value, state, bus, lost updates, output, exit, time, instructions, goroutines, g, line, stat";

}  // namespace

std::string Query::text() const {
  switch (kind) {
    case Kind::Value: return g != kNoG ? fmt::format("value {} in G{}", name, g) : "value " + name;
    case Kind::State: return fmt::format("state {} core {}", name, core);
    case Kind::Bus: {
      // Appended piece by piece: GCC 12's -Wrestrict misfires on s += " " + std::string(...) at -O3.
      std::string s = "bus";
      if (op != BusOp::None) {
        s += ' ';
        s += gb::name(op);
      }
      if (!name.empty()) {
        s += " on ";
        s += name;
      }
      return s;
    }
    case Kind::LostUpdates: return "lost updates";
    case Kind::Output: return "output";
    case Kind::OutputLast: return "output last";
    case Kind::Exit: return "exit";
    case Kind::Time: return "time";
    case Kind::Instructions: return "instructions";
    case Kind::Goroutines: return "goroutines";
    case Kind::GoroutineState: return fmt::format("g G{}", g);
    case Kind::GoroutineLine: return fmt::format("line G{}", g);
    case Kind::Stat: return "stat " + name;
  }
  return {};
}

std::variant<Query, QueryError> parse_query(std::string_view text) {
  const std::vector<Token> w = words_of(text);
  if (w.empty()) return QueryError{fmt::format("an empty query; a query begins with one of: {}", kKinds), 1};
  const std::string_view head = w[0].text;
  Query q;
  auto want = [&](std::size_t n, std::string_view form) -> std::optional<QueryError> {
    if (w.size() == n) return std::nullopt;
    const std::size_t col = w.size() > n ? w[n].column : text.size() + 1;
    return QueryError{fmt::format("expected `{}`", form), col};
  };
  auto g_at = [&](std::size_t i, std::string_view form) -> std::variant<GId, QueryError> {
    if (i >= w.size()) return QueryError{fmt::format("expected `{}`", form), text.size() + 1};
    if (auto id = goroutine_id(w[i].text)) return *id;
    return QueryError{fmt::format("expected a goroutine as G6, not '{}'", w[i].text), w[i].column};
  };
  if (head == "value") {
    q.kind = Query::Kind::Value;
    if (w.size() == 2) {
      q.name = std::string(w[1].text);
      return q;
    }
    if (w.size() == 4 && w[2].text == "in") {
      q.name = std::string(w[1].text);
      auto g = g_at(3, "value NAME in GN");
      if (auto* e = std::get_if<QueryError>(&g)) return *e;
      q.g = std::get<GId>(g);
      return q;
    }
    return QueryError{"expected `value NAME` or `value NAME in GN`", w.size() > 1 ? w[1].column : text.size() + 1};
  }
  if (head == "state") {
    q.kind = Query::Kind::State;
    if (auto e = want(4, "state NAME core K")) return *e;
    if (w[2].text != "core") return QueryError{"expected `core` (state NAME core K)", w[2].column};
    q.name = std::string(w[1].text);
    int core = -1;
    const auto [p, ec] = std::from_chars(w[3].text.data(), w[3].text.data() + w[3].text.size(), core);
    if (ec != std::errc{} || p != w[3].text.data() + w[3].text.size() || core < 0)
      return QueryError{fmt::format("expected a core number, not '{}'", w[3].text), w[3].column};
    q.core = core;
    return q;
  }
  if (head == "bus") {
    q.kind = Query::Kind::Bus;
    std::size_t i = 1;
    if (i < w.size() && w[i].text != "on") {
      const auto op = bus_op(w[i].text);
      if (!op)
        return QueryError{fmt::format("unknown bus operation '{}'; expected BusRd, BusRdX, BusUpgr, BusUpd, Flush or "
                                      "FlushOpt", w[i].text), w[i].column};
      q.op = *op;
      ++i;
    }
    if (i < w.size()) {
      if (w[i].text != "on" || i + 2 != w.size())
        return QueryError{"expected `bus [OP] [on NAME]`", w[i].column};
      q.name = std::string(w[i + 1].text);
    }
    return q;
  }
  if (head == "lost") {
    if (w.size() != 2 || w[1].text != "updates")
      return QueryError{"expected `lost updates`", w.size() > 1 ? w[1].column : text.size() + 1};
    q.kind = Query::Kind::LostUpdates;
    return q;
  }
  if (head == "output") {
    if (w.size() == 1) {
      q.kind = Query::Kind::Output;
      return q;
    }
    if (w.size() == 2 && w[1].text == "last") {
      q.kind = Query::Kind::OutputLast;
      return q;
    }
    return QueryError{"expected `output` or `output last`", w[1].column};
  }
  struct Bare {
    std::string_view word;
    Query::Kind kind;
  };
  for (const Bare& b : {Bare{"exit", Query::Kind::Exit}, Bare{"time", Query::Kind::Time},
                        Bare{"instructions", Query::Kind::Instructions}, Bare{"goroutines", Query::Kind::Goroutines}}) {
    if (head != b.word) continue;
    if (auto e = want(1, b.word)) return *e;
    q.kind = b.kind;
    return q;
  }
  if (head == "g" || head == "line") {
    q.kind = head == "g" ? Query::Kind::GoroutineState : Query::Kind::GoroutineLine;
    const std::string form = std::string(head) + " GN";
    if (w.size() > 2) return QueryError{fmt::format("expected `{}`", form), w[2].column};
    auto g = g_at(1, form);
    if (auto* e = std::get_if<QueryError>(&g)) return *e;
    q.g = std::get<GId>(g);
    return q;
  }
  if (head == "stat") {
    q.kind = Query::Kind::Stat;
    if (auto e = want(2, "stat PATH")) return *e;
    q.name = std::string(w[1].text);
    if (q.name.find("host") != std::string::npos)
      return QueryError{"host timings differ from run to run: a query must give the same answer every time",
                        w[1].column};
    return q;
  }
  return QueryError{fmt::format("unknown query '{}'; a query begins with one of: {}", head, kKinds), w[0].column};
}

}  // namespace gb::inspect
