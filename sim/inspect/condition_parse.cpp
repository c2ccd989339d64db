// The condition language's text (condition.h): a small lexer, a recursive-descent parser with errors that
// carry their column, and the printer of canonical text.
//
// Index of this file:
// [SECTION] Names
// [SECTION] Lexer
// [SECTION] Parser
// [SECTION] Printer
#include "sim/inspect/condition.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

namespace gb::inspect {

// [SECTION] Names

const ConditionKindInfo& info(ConditionKind kind) {
  for (const ConditionKindInfo& k : kConditionKinds)
    if (k.kind == kind) return k;
  return kConditionKinds[0];  // And, Or, Not have no row; callers ask only of leaves
}

std::string_view name(ChanOpKind op) {
  constexpr std::string_view names[] = {"send", "recv", "close"};
  return names[static_cast<int>(op)];
}

std::string_view name(MutexProperty p) { return p == MutexProperty::Starving ? "starving" : "locked"; }

namespace {
constexpr std::string_view kCompareNames[] = {">=", ">", "<=", "<", "==", "!="};
}  // namespace

std::string_view name(Compare c) { return kCompareNames[static_cast<int>(c)]; }

bool compare(Compare c, std::uint64_t value, std::uint64_t bound) {
  switch (c) {
    case Compare::Ge: return value >= bound;
    case Compare::Gt: return value > bound;
    case Compare::Le: return value <= bound;
    case Compare::Lt: return value < bound;
    case Compare::Eq: return value == bound;
    case Compare::Ne: return value != bound;
  }
  return false;
}

std::string ConditionError::text(std::string_view source, std::uint32_t line_offset) const {
  return fmt::format("{}:{}:{}: {}", source, line + line_offset, column, message);
}

std::string condition_help(std::size_t indent) {
  std::size_t width = 0;
  for (const ConditionKindInfo& k : kConditionKinds) width = std::max(width, k.syntax.size());
  std::string out;
  const std::string pad(indent, ' ');
  for (const ConditionKindInfo& k : kConditionKinds)
    out += fmt::format("{}{:<{}}  {}{}\n", pad, k.syntax, width, k.event ? "" : "(state) ", k.meaning);
  out += fmt::format("{}{:<{}}  {}\n", pad, "A and B, A or B, not A, (A)", width,
                     "combined; a state fires when it becomes true, an event when it happens");
  return out;
}

namespace {

// [SECTION] Lexer

enum class Tok : std::uint8_t { Word, String, Op, LParen, RParen, End };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // a word, a string's contents (unescaped), an operator
  std::uint32_t line = 1, column = 1;
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '[' || c == ']';
}

struct Lexed {
  std::vector<Token> tokens;
  std::optional<ConditionError> error;
};

Lexed lex(std::string_view s) {
  Lexed out;
  std::uint32_t line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t n) {
    for (std::size_t k = 0; k < n && i < s.size(); ++k, ++i) {
      if (s[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      advance(1);
      continue;
    }
    Token t;
    t.line = line;
    t.column = column;
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? Tok::LParen : Tok::RParen;
      t.text = std::string(1, c);
      advance(1);
    } else if (c == '"') {
      t.kind = Tok::String;
      advance(1);
      bool closed = false;
      while (i < s.size()) {
        const char d = s[i];
        if (d == '"') {
          closed = true;
          advance(1);
          break;
        }
        if (d == '\n') break;
        if (d == '\\' && i + 1 < s.size()) {
          const char e = s[i + 1];
          const char* known = "\"\\nt";
          if (std::string_view(known).find(e) == std::string_view::npos) {
            out.error = ConditionError{line, column, fmt::format("unknown escape '\\{}' in a string", e)};
            return out;
          }
          t.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          advance(2);
          continue;
        }
        t.text += d;
        advance(1);
      }
      if (!closed) {
        out.error = ConditionError{t.line, t.column, "unterminated string: a '\"' is missing"};
        return out;
      }
    } else if (c == '>' || c == '<' || c == '=' || c == '!') {
      t.kind = Tok::Op;
      const bool two = i + 1 < s.size() && s[i + 1] == '=';
      t.text = std::string(s.substr(i, two ? 2 : 1));
      if (t.text == "=" || t.text == "!") {
        out.error = ConditionError{t.line, t.column,
                                   fmt::format("unknown comparison '{}'; expected one of: >=, >, <=, <, ==, !=", t.text)};
        return out;
      }
      advance(two ? 2 : 1);
    } else if (word_char(c)) {
      t.kind = Tok::Word;
      std::size_t j = i;
      while (j < s.size() && word_char(s[j])) ++j;
      t.text = std::string(s.substr(i, j - i));
      advance(j - i);
    } else {
      out.error = ConditionError{line, column, fmt::format("unexpected character '{}'", c)};
      return out;
    }
    out.tokens.push_back(std::move(t));
  }
  Token end;
  end.line = line;
  end.column = column;
  out.tokens.push_back(end);
  return out;
}

// [SECTION] Parser

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A Go variable path: name, then .field or [index] parts.
bool variable_path(std::string_view s) {
  std::size_t i = 0;
  auto ident = [&]() {
    if (i >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_')) return false;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    return true;
  };
  if (!ident()) return false;
  while (i < s.size()) {
    if (s[i] == '.') {
      ++i;
      if (!ident()) return false;
    } else if (s[i] == '[') {
      const std::size_t from = ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == from || i >= s.size() || s[i] != ']') return false;
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

std::string kinds_list() {
  std::string out;
  for (const ConditionKindInfo& k : kConditionKinds) out += std::string(k.keyword) + ", ";
  return out + "not, (";
}

// The modifiers a leaf may take, by keyword.
enum class Modifier : std::uint8_t { ByG, ByP, On, InCore, From, Topic, Partition };

std::vector<std::pair<std::string_view, Modifier>> modifiers_of(ConditionKind k) {
  using M = Modifier;
  switch (k) {
    case ConditionKind::Line:
    case ConditionKind::Park:
    case ConditionKind::Chan: return {{"by", M::ByG}};
    case ConditionKind::Bus: return {{"on", M::On}, {"in", M::InCore}, {"by", M::ByG}};
    case ConditionKind::State: return {{"in", M::InCore}};
    case ConditionKind::Steal: return {{"from", M::From}, {"by", M::ByP}};
    case ConditionKind::Handoff: return {{"from", M::From}};
    case ConditionKind::Publish: return {{"topic", M::Topic}, {"partition", M::Partition}};
    case ConditionKind::LostUpdate: return {{"on", M::On}, {"by", M::ByG}};
    default: return {};
  }
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  ParsedCondition run() {
    ParsedCondition out;
    if (peek().kind == Tok::End) {
      fail(peek(), "empty condition; expected one of: " + kinds_list());
    } else {
      const std::uint32_t root = parse_or();
      if (!error_ && peek().kind != Tok::End) {
        if (peek().kind == Tok::RParen) fail(peek(), "unexpected ')' with no '(' to close");
        else fail(peek(), fmt::format("unexpected {} after a whole condition; expected and, or or the end", show(peek())));
      }
      if (!error_) {
        c_.root = root;
        out.condition = std::move(c_);
        return out;
      }
    }
    out.error = *error_;
    return out;
  }

 private:
  const Token& peek() const { return t_[pos_]; }
  const Token& take() { return t_[pos_ < t_.size() - 1 ? pos_++ : pos_]; }
  bool word_is(std::string_view w) const { return peek().kind == Tok::Word && peek().text == w; }

  static std::string show(const Token& t) {
    switch (t.kind) {
      case Tok::Word: return fmt::format("'{}'", t.text);
      case Tok::String: return fmt::format("\"{}\"", t.text);
      case Tok::Op: return fmt::format("'{}'", t.text);
      case Tok::LParen: return "'('";
      case Tok::RParen: return "')'";
      case Tok::End: return "the end";
    }
    return "?";
  }

  std::uint32_t fail(const Token& at, std::string message) {
    if (!error_) error_ = ConditionError{at.line, at.column, std::move(message)};
    return 0;
  }

  std::uint32_t add(ConditionNode n) {
    c_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(c_.nodes.size() - 1);
  }

  std::uint32_t parse_or() { return parse_binary(ConditionKind::Or); }

  // `or` over `and` operands, `and` over unary ones; both left-associative.
  std::uint32_t parse_binary(ConditionKind op) {
    const bool is_or = op == ConditionKind::Or;
    auto operand = [&] { return is_or ? parse_binary(ConditionKind::And) : parse_unary(); };
    std::uint32_t lhs = operand();
    while (!error_ && word_is(is_or ? "or" : "and")) {
      take();
      const std::uint32_t rhs = operand();
      ConditionNode n;
      n.kind = op;
      n.lhs = lhs;
      n.rhs = rhs;
      lhs = add(std::move(n));
    }
    return lhs;
  }

  std::uint32_t parse_unary() {
    if (error_) return 0;
    if (word_is("not")) {
      take();
      ConditionNode n;
      n.kind = ConditionKind::Not;
      n.lhs = parse_unary();
      return add(std::move(n));
    }
    if (peek().kind == Tok::LParen) {
      const Token open = take();
      const std::uint32_t inner = parse_or();
      if (error_) return 0;
      if (peek().kind != Tok::RParen)
        return fail(peek(), fmt::format("expected ')' to close the '(' at column {}, not {}", open.column,
                                        show(peek())));
      take();
      return inner;
    }
    return parse_leaf();
  }

  // [SECTION] Leaves

  std::optional<std::uint64_t> number(std::string_view what, std::uint64_t max = UINT64_MAX / 10) {
    const Token& t = peek();
    std::uint64_t v = 0;
    bool ok = t.kind == Tok::Word && !t.text.empty() && std::isdigit(static_cast<unsigned char>(t.text[0]));
    for (std::size_t i = 0; ok && i < t.text.size(); ++i) {
      const char c = t.text[i];
      if (c == '_' && i + 1 < t.text.size()) continue;
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        ok = false;
        break;
      }
      if (v > (max - static_cast<std::uint64_t>(c - '0')) / 10) {
        fail(t, fmt::format("{} {} is too large (at most {})", what, t.text, max));
        return std::nullopt;
      }
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (!ok) {
      fail(t, fmt::format("expected {} (a number), not {}", what, show(t)));
      return std::nullopt;
    }
    take();
    return v;
  }

  // "G7" / "P1": a goroutine or a P by its number.
  std::optional<std::int64_t> numbered(char prefix, std::string_view what) {
    const Token& t = peek();
    const bool ok = t.kind == Tok::Word && t.text.size() >= 2 &&
                    std::tolower(static_cast<unsigned char>(t.text[0])) == std::tolower(prefix) &&
                    std::all_of(t.text.begin() + 1, t.text.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
                    t.text.size() <= 8;
    if (!ok) {
      fail(t, fmt::format("expected {} as {}N ({}{}), not {}", what, prefix, prefix, prefix == 'G' ? 7 : 1, show(t)));
      return std::nullopt;
    }
    const std::int64_t v = std::stoll(t.text.substr(1));
    if (prefix == 'G' && v == 0) {
      fail(t, "goroutines are numbered from G1");
      return std::nullopt;
    }
    take();
    return v;
  }

  std::optional<std::string> variable(std::string_view what) {
    const Token& t = peek();
    if (t.kind != Tok::Word || !variable_path(t.text)) {
      fail(t, fmt::format("expected {} (a package variable such as balance, acct.balance or accounts[2]), not {}",
                          what, show(t)));
      return std::nullopt;
    }
    return take().text;
  }

  std::optional<std::string> quoted(std::string_view what) {
    const Token& t = peek();
    if (t.kind != Tok::String) {
      fail(t, fmt::format("expected {} in double quotes, not {}", what, show(t)));
      return std::nullopt;
    }
    return take().text;
  }

  std::uint32_t parse_leaf() {
    const Token& head = peek();
    if (head.kind != Tok::Word) {
      return fail(head, fmt::format("expected a condition, not {}; expected one of: {}", show(head), kinds_list()));
    }
    const ConditionKindInfo* kind = nullptr;
    for (const ConditionKindInfo& k : kConditionKinds) {
      const std::string_view first = k.keyword.substr(0, k.keyword.find(' '));
      if (head.text == first) kind = &k;
    }
    if (kind == nullptr) {
      return fail(head, fmt::format("unknown condition kind '{}'; expected one of: {}", head.text, kinds_list()));
    }
    take();
    ConditionNode n;
    n.kind = kind->kind;
    switch (n.kind) {
      case ConditionKind::Line: {
        const auto v = number("a line number", std::numeric_limits<std::uint32_t>::max());
        if (!v) return 0;
        if (*v == 0) return fail(t_[pos_ - 1], "lines are numbered from 1");
        n.line = static_cast<std::uint32_t>(*v);
        break;
      }
      case ConditionKind::Park: {
        const Token& at = peek();
        const auto r = quoted("a wait reason");
        if (!r) return 0;
        const auto& all = wait_reason::kAll;
        if (std::find(all.begin(), all.end(), *r) == all.end()) {
          std::string list;
          for (std::string_view w : all) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", w);
          const std::string hint = r->rfind("sync.", 0) == 0 ? " (Go 1.19 parks sync's waiters as \"semacquire\")" : "";
          return fail(at, fmt::format("unknown wait reason \"{}\"{}; expected one of: {}", *r, hint, list));
        }
        n.text = *r;
        break;
      }
      case ConditionKind::Chan: {
        const Token& at = peek();
        bool found = false;
        for (ChanOpKind op : {ChanOpKind::Send, ChanOpKind::Recv, ChanOpKind::Close}) {
          if (at.kind == Tok::Word && at.text == name(op)) {
            n.chan_op = op;
            found = true;
          }
        }
        if (!found) return fail(at, fmt::format("expected send, recv or close after chan, not {}", show(at)));
        take();
        const auto v = variable("a channel's name");
        if (!v) return 0;
        n.text = *v;
        break;
      }
      case ConditionKind::Bus: {
        const Token& at = peek();
        if (at.kind == Tok::Word) {
          for (int i = 1; i < kBusOpCount; ++i) {
            if (lower(at.text) == lower(name(static_cast<BusOp>(i)))) n.bus_op = static_cast<BusOp>(i);
          }
          if (n.bus_op != BusOp::None) {
            take();
          } else if (at.text.rfind("Bus", 0) == 0 || at.text.rfind("bus", 0) == 0 || at.text.rfind("Flush", 0) == 0) {
            return fail(at, fmt::format("unknown bus transaction '{}'; expected one of: {}", at.text, bus_ops()));
          }
        }
        break;
      }
      case ConditionKind::State: {
        const auto v = variable("a variable");
        if (!v) return 0;
        n.var = *v;
        const Token& at = peek();
        bool found = false;
        for (int i = 0; i < kLineStateCount && at.kind == Tok::Word; ++i) {
          if (lower(at.text) == lower(name(static_cast<LineState>(i)))) {
            n.state = static_cast<LineState>(i);
            found = true;
          }
        }
        if (!found) {
          return fail(at, fmt::format("expected a line state (M, O, E, S, I, Sc or Sm) after state {}, not {}", n.var,
                                      show(at)));
        }
        take();
        break;
      }
      case ConditionKind::Mutex: {
        const auto v = variable("a sync.Mutex variable");
        if (!v) return 0;
        n.var = *v;
        const Token& at = peek();
        if (at.kind == Tok::Word && at.text == "starving") n.mutex = MutexProperty::Starving;
        else if (at.kind == Tok::Word && at.text == "locked") n.mutex = MutexProperty::Locked;
        else return fail(at, fmt::format("expected starving or locked after mutex {}, not {}", n.var, show(at)));
        take();
        break;
      }
      case ConditionKind::Output:
      case ConditionKind::Stderr: {
        const auto s = quoted("the text to look for");
        if (!s) return 0;
        if (s->empty()) return fail(t_[pos_ - 1], "the text to look for is empty");
        n.text = *s;
        break;
      }
      case ConditionKind::Exit:
        if (peek().kind == Tok::Word && !peek().text.empty() && std::isdigit(static_cast<unsigned char>(peek().text[0]))) {
          const auto v = number("an exit status", 255);
          if (!v) return 0;
          n.exit_code = static_cast<int>(*v);
        }
        break;
      case ConditionKind::Cycle:
      case ConditionKind::Instructions: {
        const Token& at = peek();
        const auto* it = std::find(std::begin(kCompareNames), std::end(kCompareNames), at.text);
        if (at.kind != Tok::Op || it == std::end(kCompareNames)) {
          return fail(at, fmt::format("expected a comparison (>=, >, <=, <, == or !=) after {}, not {}",
                                      kind->keyword, show(at)));
        }
        n.cmp = static_cast<Compare>(it - std::begin(kCompareNames));
        take();
        const auto v = number(n.kind == ConditionKind::Cycle ? "a cycle count" : "an instruction count");
        if (!v) return 0;
        n.bound = *v;
        break;
      }
      case ConditionKind::LostUpdate:
        if (!word_is("update")) return fail(peek(), fmt::format("expected 'update' after 'lost', not {}", show(peek())));
        take();
        break;
      default:
        break;
    }
    return parse_modifiers(std::move(n));
  }

  static std::string bus_ops() {
    std::string out;
    for (int i = 1; i < kBusOpCount; ++i) out += fmt::format("{}{}", i > 1 ? ", " : "", name(static_cast<BusOp>(i)));
    return out;
  }

  std::uint32_t parse_modifiers(ConditionNode n) {
    const auto allowed = modifiers_of(n.kind);
    std::vector<Modifier> seen;
    for (;;) {
      const Token& at = peek();
      if (at.kind != Tok::Word || at.text == "and" || at.text == "or") break;
      // `core N` without `in` reads the same (as queries write it: `state balance core 1`).
      const bool bare_core = at.text == "core";
      const auto it = std::find_if(allowed.begin(), allowed.end(), [&](const auto& m) {
        return m.first == at.text || (bare_core && m.second == Modifier::InCore);
      });
      if (it == allowed.end()) {
        std::string expected;
        for (const auto& m : allowed) expected += std::string(m.first) + (m.second == Modifier::InCore ? " core" : "") + ", ";
        return fail(at, fmt::format("unexpected '{}' after {}; expected {}and, or, ')' or the end", at.text,
                                    info(n.kind).keyword, expected));
      }
      if (std::find(seen.begin(), seen.end(), it->second) != seen.end())
        return fail(at, fmt::format("'{}' given twice", at.text));
      seen.push_back(it->second);
      if (!bare_core) take();
      switch (it->second) {
        case Modifier::ByG: {
          const auto g = numbered('G', "a goroutine");
          if (!g) return 0;
          n.g = static_cast<GId>(*g);
          break;
        }
        case Modifier::ByP:
        case Modifier::From: {
          const auto p = numbered('P', "a P");
          if (!p) return 0;
          (it->second == Modifier::ByP ? n.by_p : n.from_p) = static_cast<int>(*p);
          break;
        }
        case Modifier::On: {
          const auto v = variable("a variable");
          if (!v) return 0;
          n.var = *v;
          break;
        }
        case Modifier::InCore: {
          if (!word_is("core")) return fail(peek(), fmt::format("expected 'core' after 'in', not {}", show(peek())));
          // (`core N` alone: the word is still to be taken)
          take();
          const auto c = number("a core number", 1023);
          if (!c) return 0;
          n.core = static_cast<int>(*c);
          break;
        }
        case Modifier::Topic: {
          const Token& t = peek();
          if (t.kind != Tok::Word && t.kind != Tok::String)
            return fail(t, fmt::format("expected a topic's name, not {}", show(t)));
          if (t.text.empty()) return fail(t, "the topic's name is empty");
          n.text = take().text;
          break;
        }
        case Modifier::Partition: {
          const auto v = number("a partition number", 1u << 20);
          if (!v) return 0;
          n.partition = static_cast<std::int64_t>(*v);
          break;
        }
      }
    }
    return add(std::move(n));
  }

  std::vector<Token> t_;
  std::size_t pos_ = 0;
  Condition c_;
  std::optional<ConditionError> error_;
};

// [SECTION] Printer

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

int precedence(ConditionKind k) {
  switch (k) {
    case ConditionKind::Or: return 1;
    case ConditionKind::And: return 2;
    case ConditionKind::Not: return 3;
    default: return 4;
  }
}

std::string leaf_text(const ConditionNode& n) {
  std::string s;
  switch (n.kind) {
    case ConditionKind::Line: s = fmt::format("line {}", n.line); break;
    case ConditionKind::Park: s = "park " + quote(n.text); break;
    case ConditionKind::Chan: s = fmt::format("chan {} {}", name(n.chan_op), n.text); break;
    case ConditionKind::Bus:
      s = "bus";
      if (n.bus_op != BusOp::None) s += fmt::format(" {}", name(n.bus_op));
      if (!n.var.empty()) s += " on " + n.var;
      if (n.core >= 0) s += fmt::format(" in core {}", n.core);
      break;
    case ConditionKind::State:
      s = fmt::format("state {} {}", n.var, name(n.state));
      if (n.core >= 0) s += fmt::format(" in core {}", n.core);
      break;
    case ConditionKind::Mutex: s = fmt::format("mutex {} {}", n.var, name(n.mutex)); break;
    case ConditionKind::Steal:
      s = "steal";
      if (n.from_p >= 0) s += fmt::format(" from P{}", n.from_p);
      if (n.by_p >= 0) s += fmt::format(" by P{}", n.by_p);
      break;
    case ConditionKind::Handoff:
      s = "handoff";
      if (n.from_p >= 0) s += fmt::format(" from P{}", n.from_p);
      break;
    case ConditionKind::Publish: {
      s = "publish";
      if (!n.text.empty()) {
        const bool word = std::all_of(n.text.begin(), n.text.end(), word_char);
        s += " topic " + (word ? n.text : quote(n.text));
      }
      if (n.partition >= 0) s += fmt::format(" partition {}", n.partition);
      break;
    }
    case ConditionKind::Output: s = "output " + quote(n.text); break;
    case ConditionKind::Stderr: s = "stderr " + quote(n.text); break;
    case ConditionKind::Exit: s = n.exit_code ? fmt::format("exit {}", *n.exit_code) : "exit"; break;
    case ConditionKind::Cycle: s = fmt::format("cycle {} {}", name(n.cmp), n.bound); break;
    case ConditionKind::Instructions: s = fmt::format("instructions {} {}", name(n.cmp), n.bound); break;
    case ConditionKind::LostUpdate:
      s = "lost update";
      if (!n.var.empty()) s += " on " + n.var;
      break;
    default: break;
  }
  if (n.g != kNoG) s += fmt::format(" by G{}", n.g);
  return s;
}

std::string node_text(const Condition& c, std::uint32_t i) {
  const ConditionNode& n = c.at(i);
  auto child = [&](std::uint32_t k, bool rhs) {
    const int pc = precedence(c.at(k).kind), pp = precedence(n.kind);
    const bool parens = pc < pp || (pc == pp && rhs && pc < 3);
    if (!parens) return node_text(c, k);
    std::string s(1, '(');  // (built by appending: GCC 12's -Wrestrict misfires on "(" + s + ")")
    s += node_text(c, k);
    s += ')';
    return s;
  };
  switch (n.kind) {
    case ConditionKind::And: return child(n.lhs, false) + " and " + child(n.rhs, true);
    case ConditionKind::Or: return child(n.lhs, false) + " or " + child(n.rhs, true);
    case ConditionKind::Not: return "not " + child(n.lhs, false);
    default: return leaf_text(n);
  }
}

}  // namespace

ParsedCondition parse_condition(std::string_view text) {
  Lexed l = lex(text);
  if (l.error) {
    ParsedCondition out;
    out.error = *l.error;
    return out;
  }
  return Parser(std::move(l.tokens)).run();
}

bool Condition::is_event(std::optional<std::uint32_t> node) const {
  const ConditionNode& n = nodes[node.value_or(root)];
  switch (n.kind) {
    case ConditionKind::And:
    case ConditionKind::Or: return is_event(n.lhs) || is_event(n.rhs);
    case ConditionKind::Not: return is_event(n.lhs);
    default: return info(n.kind).event;
  }
}

std::string Condition::text() const { return nodes.empty() ? std::string() : node_text(*this, root); }

}  // namespace gb::inspect
