// The errors found while compiling one file, kept and printed the way gc does (file:line:col: message).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sim/go/source.h"

namespace gb::go {

struct Diagnostic {
  Pos pos;
  std::string message;
};

// gc's rules (cmd/compile/internal/base/print.go), so a student sees the same list as `go build`:
//  - only the first syntax error on a line is kept, since later ones are usually echoes of it;
//  - an identical non-syntax message on the same line is kept once;
//  - after the 10th error collection stops and `too many errors` is reported at that error's position.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxErrors = 10;

  explicit Diagnostics(std::string file_name = "") : file_(std::move(file_name)) {}

  void error(Pos pos, std::string message) {
    if (too_many_) return;
    const bool syntax = message.rfind("syntax error", 0) == 0;
    if (syntax) {
      if (last_syntax_.known() && last_syntax_.line == pos.line) return;
      last_syntax_ = pos;
    } else {
      if (last_other_.known() && last_other_.line == pos.line && last_message_ == message) return;
      last_other_ = pos;
      last_message_ = message;
    }
    errors_.push_back(Diagnostic{pos, std::move(message)});
    if (errors_.size() >= kMaxErrors) {
      too_many_ = true;
      too_many_pos_ = pos;
    }
  }

  bool empty() const { return errors_.empty(); }
  std::size_t count() const { return errors_.size(); }
  // True once the limit is reached: the front end should stop work, nothing more will be recorded.
  bool too_many() const { return too_many_; }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::string& file_name() const { return file_; }

  // Errors sorted by position (stable, as gc's FlushErrors), one `file:line:col: message` per entry,
  // then `file:line:col: too many errors` if the limit was hit.
  std::vector<std::string> lines() const {
    std::vector<Diagnostic> sorted = errors_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
    std::vector<std::string> out;
    for (const Diagnostic& d : sorted) out.push_back(format(d.pos, d.message));
    if (too_many_) out.push_back(format(too_many_pos_, "too many errors"));
    return out;
  }

  std::string text() const {
    std::string s;
    for (const std::string& line : lines()) s += line + "\n";
    return s;
  }

 private:
  std::string format(Pos pos, const std::string& message) const {
    return file_ + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col) + ": " + message;
  }

  std::string file_;
  std::vector<Diagnostic> errors_;
  Pos last_syntax_;
  Pos last_other_;
  std::string last_message_;
  bool too_many_ = false;
  Pos too_many_pos_;
};

}  // namespace gb::go
