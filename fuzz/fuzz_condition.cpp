// The small languages a lesson and the CLI write as text: conditions (sim/inspect/condition.h: `--until`,
// checkpoints' `when` and `goal`, breakpoints), queries (sim/inspect/query.h: `{{value balance}}`, answers),
// claims' checks (lessons/claim_expr.h) and spotlights (lessons/spotlight.h). The input goes to each parser.
// A condition or a query that parses prints back to canonical text that parses to the same thing (condition.h
// promises parse(c.text()) == c); a claim that parses evaluates over made-up answers without crashing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <variant>

#include "lessons/claim_expr.h"
#include "lessons/spotlight.h"
#include "sim/inspect/condition.h"
#include "sim/inspect/query.h"

namespace {

[[noreturn]] void fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "fuzz_condition: %s: '%.*s'\n", what, static_cast<int>(input.size()), input.data());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const gb::inspect::ParsedCondition c = gb::inspect::parse_condition(text);
  if (c) {
    const std::string canonical = c.condition->text();
    const gb::inspect::ParsedCondition again = gb::inspect::parse_condition(canonical);
    if (!again) fail("a condition's canonical text does not parse", canonical);
    if (!(*again.condition == *c.condition)) fail("a condition's canonical text parses to another condition", canonical);
    (void)c.condition->is_event();
  } else if (c.error.message.empty() || c.error.line == 0 || c.error.column == 0) {
    fail("a condition error without its message or position", text);
  }

  const auto q = gb::inspect::parse_query(text);
  if (const auto* query = std::get_if<gb::inspect::Query>(&q)) {
    const std::string canonical = query->text();
    const auto again = gb::inspect::parse_query(canonical);
    const auto* back = std::get_if<gb::inspect::Query>(&again);
    if (back == nullptr) fail("a query's canonical text does not parse", canonical);
    if (back->text() != canonical || back->kind != query->kind) fail("a query's canonical text changes", canonical);
  } else if (std::get<gb::inspect::QueryError>(q).message.empty()) {
    fail("a query error without its message", text);
  }

  auto claim = gb::lessons::ClaimExpr::parse(text);
  if (auto* e = std::get_if<gb::lessons::ClaimExpr>(&claim)) {
    // Each term answered by a number (from its query's length), or by a text for every third one.
    std::size_t k = 0;
    const auto answer = [&k](const gb::lessons::ClaimTerm& t) -> std::variant<gb::inspect::Answer, std::string> {
      ++k;
      if (k % 7 == 0) return std::string("no such run");
      if (k % 3 == 0) return gb::inspect::Answer{t.query, std::nullopt};
      const double v = static_cast<double>(t.query.size()) - 4.0;
      return gb::inspect::Answer{std::to_string(v), v};
    };
    (void)e->evaluate(answer);
  } else if (std::get<std::string>(claim).empty()) {
    fail("a claim error without its message", text);
  }

  const gb::lessons::ParsedSpotlight s = gb::lessons::parse_spotlight(text);
  if (!s.error.empty() && s.spotlight.kind != gb::lessons::Spotlight::Kind::None)
    fail("a spotlight with an error and a target", text);
  return 0;
}
