// encoding/json's scanner (scanner.go): a state machine fed one byte at a time, whose errors are Go's
// SyntaxError texts ("invalid character 'x' looking for beginning of value", "unexpected end of JSON input"),
// and the checkValid, Indent and Compact built on it (indent.go).
#include <string>

#include "scheduler/vm/natives/json.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives::json {

namespace {

constexpr std::size_t kMaxNestingDepth = 10000;  // scanner.go's maxNestingDepth

bool is_space(unsigned char c) { return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// quoteChar: the byte as a Go character literal ('x', '\n', '"', '\''); a byte of 0x80 or more is the rune of
// that value, as Go's string(c) makes it.
std::string quote_char(unsigned char c) {
  if (c == '\'') return R"('\'')";
  if (c == '"') return R"('"')";
  std::string r;
  encode_rune(r, c);
  const std::string q = quote(r, false);
  std::string out = "'";  // (+= rather than a chain of +, which g++ 12 flags with a false -Wrestrict)
  out.append(q, 1, q.size() - 2);
  out += '\'';
  return out;
}

}  // namespace

// [SECTION] The state machine

void Scanner::reset() {
  state_ = State::BeginValue;
  parse_.clear();
  err_.clear();
  err_offset_ = 0;
  end_top_ = false;
}

ScanOp Scanner::eof() {
  if (!err_.empty()) return ScanOp::Error;
  if (end_top_) return ScanOp::End;
  step(' ');
  if (end_top_) return ScanOp::End;
  if (err_.empty()) {
    err_ = "unexpected end of JSON input";
    err_offset_ = bytes;
  }
  return ScanOp::Error;
}

ScanOp Scanner::fail(unsigned char c, std::string_view context) {
  state_ = State::Error;
  err_ = "invalid character " + quote_char(c) + " " + std::string(context);
  err_offset_ = bytes;
  return ScanOp::Error;
}

ScanOp Scanner::push(unsigned char c, Parse p, ScanOp success) {
  parse_.push_back(p);
  if (parse_.size() <= kMaxNestingDepth) return success;
  return fail(c, "exceeded max depth");
}

void Scanner::pop() {
  parse_.pop_back();
  if (parse_.empty()) {
    state_ = State::EndTop;
    end_top_ = true;
  } else {
    state_ = State::EndValue;
  }
}

ScanOp Scanner::begin_value(unsigned char c) {
  if (is_space(c)) return ScanOp::SkipSpace;
  switch (c) {
    case '{':
      state_ = State::BeginStringOrEmpty;
      return push(c, Parse::ObjectKey, ScanOp::BeginObject);
    case '[':
      state_ = State::BeginValueOrEmpty;
      return push(c, Parse::ArrayValue, ScanOp::BeginArray);
    case '"':
      state_ = State::InString;
      return ScanOp::BeginLiteral;
    case '-':
      state_ = State::Neg;
      return ScanOp::BeginLiteral;
    case '0':
      state_ = State::Zero;
      return ScanOp::BeginLiteral;
    case 't':
      state_ = State::T;
      return ScanOp::BeginLiteral;
    case 'f':
      state_ = State::F;
      return ScanOp::BeginLiteral;
    case 'n':
      state_ = State::N;
      return ScanOp::BeginLiteral;
    default:
      break;
  }
  if (c >= '1' && c <= '9') {
    state_ = State::One;
    return ScanOp::BeginLiteral;
  }
  return fail(c, "looking for beginning of value");
}

ScanOp Scanner::begin_string(unsigned char c) {
  if (is_space(c)) return ScanOp::SkipSpace;
  if (c == '"') {
    state_ = State::InString;
    return ScanOp::BeginLiteral;
  }
  return fail(c, "looking for beginning of object key string");
}

ScanOp Scanner::end_value(unsigned char c) {
  if (parse_.empty()) {
    state_ = State::EndTop;
    end_top_ = true;
    return end_top(c);
  }
  if (is_space(c)) {
    state_ = State::EndValue;
    return ScanOp::SkipSpace;
  }
  switch (parse_.back()) {
    case Parse::ObjectKey:
      if (c == ':') {
        parse_.back() = Parse::ObjectValue;
        state_ = State::BeginValue;
        return ScanOp::ObjectKey;
      }
      return fail(c, "after object key");
    case Parse::ObjectValue:
      if (c == ',') {
        parse_.back() = Parse::ObjectKey;
        state_ = State::BeginString;
        return ScanOp::ObjectValue;
      }
      if (c == '}') {
        pop();
        return ScanOp::EndObject;
      }
      return fail(c, "after object key:value pair");
    case Parse::ArrayValue:
      if (c == ',') {
        state_ = State::BeginValue;
        return ScanOp::ArrayValue;
      }
      if (c == ']') {
        pop();
        return ScanOp::EndArray;
      }
      return fail(c, "after array element");
  }
  return fail(c, "");
}

ScanOp Scanner::end_top(unsigned char c) {
  // Only white space may follow the value; the error is kept but scanning goes on (Go's stateEndTop).
  if (!is_space(c)) fail(c, "after top-level value");
  return ScanOp::End;
}

ScanOp Scanner::zero(unsigned char c) {
  if (c == '.') {
    state_ = State::Dot;
    return ScanOp::Continue;
  }
  if (c == 'e' || c == 'E') {
    state_ = State::E;
    return ScanOp::Continue;
  }
  return end_value(c);
}

ScanOp Scanner::literal(unsigned char c, char want, State next, std::string_view word) {
  if (c == static_cast<unsigned char>(want)) {
    state_ = next;
    return ScanOp::Continue;
  }
  std::string context = "in literal ";
  context += word;
  context += " (expecting '";
  context += want;
  context += "')";
  return fail(c, context);
}

ScanOp Scanner::step(unsigned char c) {
  switch (state_) {
    case State::BeginValueOrEmpty:
      if (is_space(c)) return ScanOp::SkipSpace;
      if (c == ']') return end_value(c);
      return begin_value(c);
    case State::BeginValue:
      return begin_value(c);
    case State::BeginStringOrEmpty:
      if (is_space(c)) return ScanOp::SkipSpace;
      if (c == '}') {
        parse_.back() = Parse::ObjectValue;
        return end_value(c);
      }
      return begin_string(c);
    case State::BeginString:
      return begin_string(c);
    case State::EndValue:
      return end_value(c);
    case State::EndTop:
      return end_top(c);
    case State::InString:
      if (c == '"') {
        state_ = State::EndValue;
        return ScanOp::Continue;
      }
      if (c == '\\') {
        state_ = State::InStringEsc;
        return ScanOp::Continue;
      }
      if (c < 0x20) return fail(c, "in string literal");
      return ScanOp::Continue;
    case State::InStringEsc:
      switch (c) {
        case 'b': case 'f': case 'n': case 'r': case 't': case '\\': case '/': case '"':
          state_ = State::InString;
          return ScanOp::Continue;
        case 'u':
          state_ = State::InStringEscU;
          return ScanOp::Continue;
        default:
          return fail(c, "in string escape code");
      }
    case State::InStringEscU:
    case State::InStringEscU1:
    case State::InStringEscU12:
    case State::InStringEscU123:
      if (!is_hex(c)) return fail(c, "in \\u hexadecimal character escape");
      state_ = state_ == State::InStringEscU    ? State::InStringEscU1
               : state_ == State::InStringEscU1 ? State::InStringEscU12
               : state_ == State::InStringEscU12 ? State::InStringEscU123
                                                 : State::InString;
      return ScanOp::Continue;
    case State::Neg:
      if (c == '0') {
        state_ = State::Zero;
        return ScanOp::Continue;
      }
      if (c >= '1' && c <= '9') {
        state_ = State::One;
        return ScanOp::Continue;
      }
      return fail(c, "in numeric literal");
    case State::One:
      if (is_digit(c)) return ScanOp::Continue;
      return zero(c);
    case State::Zero:
      return zero(c);
    case State::Dot:
      if (is_digit(c)) {
        state_ = State::Dot0;
        return ScanOp::Continue;
      }
      return fail(c, "after decimal point in numeric literal");
    case State::Dot0:
      if (is_digit(c)) return ScanOp::Continue;
      if (c == 'e' || c == 'E') {
        state_ = State::E;
        return ScanOp::Continue;
      }
      return end_value(c);
    case State::E:
      if (c == '+' || c == '-') {
        state_ = State::ESign;
        return ScanOp::Continue;
      }
      [[fallthrough]];
    case State::ESign:
      if (is_digit(c)) {
        state_ = State::E0;
        return ScanOp::Continue;
      }
      return fail(c, "in exponent of numeric literal");
    case State::E0:
      if (is_digit(c)) return ScanOp::Continue;
      return end_value(c);
    case State::T: return literal(c, 'r', State::Tr, "true");
    case State::Tr: return literal(c, 'u', State::Tru, "true");
    case State::Tru: return literal(c, 'e', State::EndValue, "true");
    case State::F: return literal(c, 'a', State::Fa, "false");
    case State::Fa: return literal(c, 'l', State::Fal, "false");
    case State::Fal: return literal(c, 's', State::Fals, "false");
    case State::Fals: return literal(c, 'e', State::EndValue, "false");
    case State::N: return literal(c, 'u', State::Nu, "null");
    case State::Nu: return literal(c, 'l', State::Nul, "null");
    case State::Nul: return literal(c, 'l', State::EndValue, "null");
    case State::Error:
      return ScanOp::Error;
  }
  return ScanOp::Error;
}

// [SECTION] checkValid, Indent, Compact

SyntaxFailure check_valid(std::string_view data) {
  Scanner s;
  for (const char ch : data) {
    ++s.bytes;
    if (s.step(static_cast<unsigned char>(ch)) == ScanOp::Error) return {s.error(), s.error_offset()};
  }
  if (s.eof() == ScanOp::Error) return {s.error(), s.error_offset()};
  return {};
}

namespace {

void newline(std::string& out, std::string_view prefix, std::string_view indent_text, int depth) {
  out += '\n';
  out += prefix;
  for (int i = 0; i < depth; ++i) out += indent_text;
}

}  // namespace

SyntaxFailure indent(std::string_view src, std::string_view prefix, std::string_view indent_text, std::string& out) {
  const std::size_t orig = out.size();
  Scanner s;
  bool need_indent = false;
  int depth = 0;
  for (const char ch : src) {
    const auto c = static_cast<unsigned char>(ch);
    ++s.bytes;
    const ScanOp v = s.step(c);
    if (v == ScanOp::SkipSpace) continue;
    if (v == ScanOp::Error) break;
    if (need_indent && v != ScanOp::EndObject && v != ScanOp::EndArray) {
      need_indent = false;
      ++depth;
      newline(out, prefix, indent_text, depth);
    }
    // Bytes inside literals are copied as they are.
    if (v == ScanOp::Continue) {
      out += ch;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        need_indent = true;  // the newline waits: an empty object or array stays {} or []
        out += ch;
        break;
      case ',':
        out += ch;
        newline(out, prefix, indent_text, depth);
        break;
      case ':':
        out += ch;
        out += ' ';
        break;
      case '}':
      case ']':
        if (need_indent) {
          need_indent = false;
        } else {
          --depth;
          newline(out, prefix, indent_text, depth);
        }
        out += ch;
        break;
      default:
        out += ch;
        break;
    }
  }
  if (s.eof() == ScanOp::Error) {
    out.resize(orig);
    return {s.error(), s.error_offset()};
  }
  return {};
}

SyntaxFailure compact(std::string_view src, bool escape_html, std::string& out) {
  const std::size_t orig = out.size();
  Scanner s;
  std::size_t start = 0;
  for (std::size_t i = 0; i < src.size(); ++i) {
    const auto c = static_cast<unsigned char>(src[i]);
    if (escape_html && (c == '<' || c == '>' || c == '&')) {
      out.append(src.substr(start, i - start));
      out += "\\u00";
      out += "0123456789abcdef"[c >> 4];
      out += "0123456789abcdef"[c & 0xF];
      start = i + 1;
    }
    // U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped too.
    if (escape_html && c == 0xE2 && i + 2 < src.size() && static_cast<unsigned char>(src[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(src[i + 2]) & ~1u) == 0xA8) {
      out.append(src.substr(start, i - start));
      out += "\\u202";
      out += "0123456789abcdef"[static_cast<unsigned char>(src[i + 2]) & 0xF];
      start = i + 3;
    }
    const ScanOp v = s.step(c);  // (Go's compact does not count bytes: its errors have offset 0)
    if (v >= ScanOp::SkipSpace) {
      if (v == ScanOp::Error) break;
      if (start < i) out.append(src.substr(start, i - start));
      start = i + 1;
    }
  }
  if (s.eof() == ScanOp::Error) {
    out.resize(orig);
    return {s.error(), s.error_offset()};
  }
  if (start < src.size()) out.append(src.substr(start));
  return {};
}

}  // namespace gb::vm::natives::json
