// A Go source file held in memory: its name, its bytes and a line table for turning offsets into positions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gb::go {

// 1-based line and column; the column counts bytes, as gc reports it (a tab or a multi-byte rune is not
// widened), so our messages line up with `go build`'s. {0, 0} means "no position".
struct Pos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const Pos&, const Pos&) = default;
  friend auto operator<=>(const Pos&, const Pos&) = default;
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  std::size_t line_count() const { return line_starts_.size(); }

  // Offsets past the end map to the position just after the last byte (where EOF is reported).
  Pos pos_of(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::uint32_t>(offset));
    const std::uint32_t line = static_cast<std::uint32_t>(it - line_starts_.begin());
    return Pos{line, static_cast<std::uint32_t>(offset - line_starts_[line - 1]) + 1};
  }

  // The text of a 1-based line without its newline (empty for lines out of range); for caret displays.
  std::string_view line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[line - 1];
    const std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
    return std::string_view(text_).substr(begin, end - begin);
  }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  // byte offset at which each line begins
};

}  // namespace gb::go
