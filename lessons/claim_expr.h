// A claim's check: arithmetic and comparisons over queries answered at the end of named runs.
//
//   check = "{a: bus BusRdX} + {a: bus BusUpgr} >= 5 * ({b: bus BusRdX} + {b: bus BusUpgr})"
//   check = "{lost updates} == 0"                  (one run: no name needed)
//   check = "{a: output} == {b: output} and {a: time} != {b: time}"
//
// Terms: numbers, "strings", and `{[RUN:] QUERY}` (sim/inspect/query.h). Operators, loosest first: `or`, `and`,
// `not`, comparisons (== != < <= > >=; equality compares texts when either side is not a number), `+ -`,
// `* /`, and parentheses. The result is true or false; `explain` names each term's value so a failed claim
// says why.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/inspect/query.h"

namespace gb::lessons {

struct ClaimTerm {
  std::string run;    // "" when the claim has one run
  std::string query;  // its text
};

class ClaimExpr {
 public:
  struct Node;
  // Parses `text`; the error names the column.
  static std::variant<ClaimExpr, std::string> parse(std::string_view text);
  // The terms in order of appearance (to check their runs and queries before running).
  const std::vector<ClaimTerm>& terms() const { return terms_; }
  // Evaluates with each term answered by `answer` (an error message stops the evaluation).
  using Answerer = std::function<std::variant<inspect::Answer, std::string>(const ClaimTerm&)>;
  struct Result {
    bool holds = false;
    std::string error;    // a term could not be answered, or a number was needed
    std::string explain;  // "{a: bus BusRdX} = 682, {b: bus BusRdX} = 4"
  };
  Result evaluate(const Answerer& answer) const;

 private:
  std::shared_ptr<const Node> root_;
  std::vector<ClaimTerm> terms_;
};

}  // namespace gb::lessons
