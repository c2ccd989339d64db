// Claims' checks parsed by recursive descent and evaluated over answered queries (claim_expr.h).
#include "lessons/claim_expr.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace gb::lessons {

struct ClaimExpr::Node {
  enum class Op { Number, String, Term, Add, Sub, Mul, Div, Eq, Ne, Lt, Le, Gt, Ge, And, Or, Not };
  Op op = Op::Number;
  double number = 0;
  std::string text;       // String
  std::size_t term = 0;   // Term: index in terms_
  std::shared_ptr<const Node> a, b;
};

namespace {

using Node = ClaimExpr::Node;
using NodePtr = std::shared_ptr<const Node>;

class Parser {
 public:
  Parser(std::string_view s, std::vector<ClaimTerm>& terms) : s_(s), terms_(terms) {}

  NodePtr parse() {
    NodePtr n = or_expr();
    skip();
    if (error_.empty() && i_ < s_.size()) fail(fmt::format("unexpected '{}'", s_.substr(i_, 12)));
    return error_.empty() ? n : nullptr;
  }
  const std::string& error() const { return error_; }

 private:
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  void fail(std::string m) {
    if (error_.empty()) error_ = fmt::format("column {}: {}", i_ + 1, m);
  }
  bool word(std::string_view w) {
    skip();
    if (s_.substr(i_, w.size()) != w) return false;
    const std::size_t end = i_ + w.size();
    if (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_')) return false;
    i_ = end;
    return true;
  }
  bool sym(std::string_view w) {
    skip();
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  static NodePtr make(Node::Op op, NodePtr a, NodePtr b = nullptr) {
    auto n = std::make_shared<Node>();
    n->op = op;
    n->a = std::move(a);
    n->b = std::move(b);
    return n;
  }
  NodePtr or_expr() {
    NodePtr n = and_expr();
    while (error_.empty() && word("or")) n = make(Node::Op::Or, n, and_expr());
    return n;
  }
  NodePtr and_expr() {
    NodePtr n = not_expr();
    while (error_.empty() && word("and")) n = make(Node::Op::And, n, not_expr());
    return n;
  }
  NodePtr not_expr() {
    if (word("not")) return make(Node::Op::Not, not_expr());
    return comparison();
  }
  NodePtr comparison() {
    NodePtr n = sum();
    struct C {
      std::string_view s;
      Node::Op op;
    };
    for (const C& c : {C{"==", Node::Op::Eq}, C{"!=", Node::Op::Ne}, C{"<=", Node::Op::Le}, C{">=", Node::Op::Ge},
                       C{"<", Node::Op::Lt}, C{">", Node::Op::Gt}}) {
      if (sym(c.s)) return make(c.op, n, sum());
    }
    return n;
  }
  NodePtr sum() {
    NodePtr n = product();
    for (;;) {
      if (sym("+")) n = make(Node::Op::Add, n, product());
      else if (sym("-")) n = make(Node::Op::Sub, n, product());
      else return n;
    }
  }
  NodePtr product() {
    NodePtr n = primary();
    for (;;) {
      if (sym("*")) n = make(Node::Op::Mul, n, primary());
      else if (sym("/")) n = make(Node::Op::Div, n, primary());
      else return n;
    }
  }
  NodePtr primary() {
    skip();
    auto n = std::make_shared<Node>();
    if (i_ >= s_.size()) {
      fail("expected a number, a \"string\", a {query} or (");
      return n;
    }
    if (sym("(")) {
      NodePtr inner = or_expr();
      if (!sym(")")) fail("expected )");
      return inner;
    }
    if (s_[i_] == '"') {
      const std::size_t close = s_.find('"', i_ + 1);
      if (close == std::string_view::npos) {
        fail("a string is not closed");
        return n;
      }
      n->op = Node::Op::String;
      n->text = std::string(s_.substr(i_ + 1, close - i_ - 1));
      i_ = close + 1;
      return n;
    }
    if (s_[i_] == '{') {
      const std::size_t close = s_.find('}', i_);
      if (close == std::string_view::npos) {
        fail("a {query} is not closed by }");
        return n;
      }
      std::string_view body = s_.substr(i_ + 1, close - i_ - 1);
      ClaimTerm t;
      const std::size_t colon = body.find(':');
      if (colon != std::string_view::npos) {
        std::string_view run = body.substr(0, colon);
        while (!run.empty() && run.back() == ' ') run.remove_suffix(1);
        while (!run.empty() && run.front() == ' ') run.remove_prefix(1);
        t.run = std::string(run);
        body = body.substr(colon + 1);
      }
      const auto q = inspect::parse_query(body);
      if (const auto* e = std::get_if<inspect::QueryError>(&q)) {
        i_ += 1 + (colon == std::string_view::npos ? 0 : colon + 1) + e->column - 1;
        fail(e->message);
        return n;
      }
      t.query = std::get<inspect::Query>(q).text();
      n->op = Node::Op::Term;
      n->term = terms_.size();
      terms_.push_back(std::move(t));
      i_ = close + 1;
      return n;
    }
    double d = 0;
    const auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), d);
    if (ec != std::errc{}) {
      fail("expected a number, a \"string\", a {query} or (");
      return n;
    }
    n->op = Node::Op::Number;
    n->number = d;
    i_ = static_cast<std::size_t>(p - s_.data());
    return n;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<ClaimTerm>& terms_;
  std::string error_;
};

// A value during evaluation: a number, a text, or a truth.
struct Value {
  std::optional<double> number;
  std::string text;
  std::optional<bool> truth;
};

}  // namespace

std::variant<ClaimExpr, std::string> ClaimExpr::parse(std::string_view text) {
  ClaimExpr e;
  Parser p(text, e.terms_);
  e.root_ = p.parse();
  if (!p.error().empty()) return p.error();
  return e;
}

ClaimExpr::Result ClaimExpr::evaluate(const Answerer& answer) const {
  Result r;
  std::vector<std::optional<inspect::Answer>> answers(terms_.size());
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    auto a = answer(terms_[i]);
    const ClaimTerm& t = terms_[i];
    const std::string name = t.run.empty() ? fmt::format("{{{}}}", t.query) : fmt::format("{{{}: {}}}", t.run, t.query);
    if (const auto* e = std::get_if<std::string>(&a)) {
      r.error = fmt::format("{}: {}", name, *e);
      return r;
    }
    answers[i] = std::get<inspect::Answer>(a);
    std::string shown = answers[i]->text;
    if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
    for (char& c : shown)
      if (c == '\n') c = ' ';
    r.explain += fmt::format("{}{} = {}", r.explain.empty() ? "" : ", ", name, shown);
  }
  std::function<Value(const Node&)> eval = [&](const Node& n) -> Value {
    auto num = [&](const Value& v, const char* what) {
      if (v.number) return *v.number;
      if (r.error.empty()) r.error = fmt::format("{} needs numbers, not '{}'", what, v.text);
      return 0.0;
    };
    auto truth = [&](const Value& v) {
      if (v.truth) return *v.truth;
      if (r.error.empty()) r.error = "`and`, `or` and `not` need comparisons on both sides";
      return false;
    };
    switch (n.op) {
      case Node::Op::Number: return {n.number, fmt::format("{}", n.number), std::nullopt};
      case Node::Op::String: return {std::nullopt, n.text, std::nullopt};
      case Node::Op::Term: return {answers[n.term]->number, answers[n.term]->text, std::nullopt};
      case Node::Op::Add: case Node::Op::Sub: case Node::Op::Mul: case Node::Op::Div: {
        const double a = num(eval(*n.a), "arithmetic"), b = num(eval(*n.b), "arithmetic");
        const double v = n.op == Node::Op::Add ? a + b : n.op == Node::Op::Sub ? a - b
                         : n.op == Node::Op::Mul ? a * b : (b != 0 ? a / b : NAN);
        return {v, fmt::format("{}", v), std::nullopt};
      }
      case Node::Op::Eq: case Node::Op::Ne: {
        const Value a = eval(*n.a), b = eval(*n.b);
        const bool same = a.number && b.number ? *a.number == *b.number : a.text == b.text;
        return {std::nullopt, {}, n.op == Node::Op::Eq ? same : !same};
      }
      case Node::Op::Lt: case Node::Op::Le: case Node::Op::Gt: case Node::Op::Ge: {
        const double a = num(eval(*n.a), "a comparison"), b = num(eval(*n.b), "a comparison");
        const bool v = n.op == Node::Op::Lt ? a < b : n.op == Node::Op::Le ? a <= b : n.op == Node::Op::Gt ? a > b
                                                                                                           : a >= b;
        return {std::nullopt, {}, v};
      }
      case Node::Op::And: return {std::nullopt, {}, truth(eval(*n.a)) && truth(eval(*n.b))};
      case Node::Op::Or: return {std::nullopt, {}, truth(eval(*n.a)) || truth(eval(*n.b))};
      case Node::Op::Not: return {std::nullopt, {}, !truth(eval(*n.a))};
    }
    return {};
  };
  const Value v = eval(*root_);
  if (!v.truth && r.error.empty()) r.error = "the check compares nothing: it needs ==, <, and ... to be true or false";
  r.holds = r.error.empty() && v.truth.value_or(false);
  return r;
}

}  // namespace gb::lessons
