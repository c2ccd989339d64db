// Lesson files cut into front matter and sections (lesson_text.h).
#include "lessons/lesson_text.h"

#include <charconv>

#include <fmt/format.h>

namespace gb::lessons {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// `<!-- en: 1a2b3c4d -->` -> the hash.
std::optional<std::uint32_t> hash_comment(std::string_view line) {
  line = trim(line);
  constexpr std::string_view open = "<!-- en:", close = "-->";
  if (line.rfind(open, 0) != 0 || line.size() < open.size() + close.size() ||
      line.substr(line.size() - close.size()) != close)
    return std::nullopt;
  const std::string_view hex = trim(line.substr(open.size(), line.size() - open.size() - close.size()));
  std::uint32_t h = 0;
  const auto [p, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), h, 16);
  if (ec != std::errc{} || p != hex.data() + hex.size()) return std::nullopt;
  return h;
}

}  // namespace

LessonText split_lesson_text(std::string_view file_text) {
  LessonText out;
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= file_text.size();) {
    const std::size_t nl = file_text.find('\n', at);
    std::string_view l = file_text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  std::size_t i = 0;
  if (lines.empty() || trim(lines[0]) != "+++") {
    out.error = "a lesson file begins with its front matter: a line `+++`, TOML, and a closing `+++`";
    out.error_line = 1;
    return out;
  }
  std::size_t close = 1;
  while (close < lines.size() && trim(lines[close]) != "+++") ++close;
  if (close == lines.size()) {
    out.error = "the front matter is not closed by a line `+++`";
    out.error_line = 1;
    return out;
  }
  out.front_line = 2;
  for (i = 1; i < close; ++i) {
    out.front += lines[i];
    out.front += '\n';
  }
  // The body: sections at `## ` headings, parts at `### ` headings; headings inside fenced code do not count.
  Section cur;
  cur.line = static_cast<std::uint32_t>(close + 2);
  std::string body;
  bool fenced = false;
  bool first_line = true;
  auto flush = [&]() {
    cur.text = std::string(trim(body));
    if (!cur.kind.empty() || !cur.text.empty() || cur.translates) out.sections.push_back(cur);
    body.clear();
    first_line = true;
  };
  for (i = close + 1; i < lines.size(); ++i) {
    const std::string_view l = lines[i];
    const auto line_no = static_cast<std::uint32_t>(i + 1);
    if (trim(l).rfind("```", 0) == 0) fenced = !fenced;
    if (!fenced && l.rfind("## ", 0) == 0) {
      flush();
      const std::string_view h = trim(l.substr(3));
      const std::size_t sp = h.find(' ');
      cur = Section{};
      cur.kind = std::string(h.substr(0, sp));
      cur.id = sp == std::string_view::npos ? std::string{} : std::string(trim(h.substr(sp + 1)));
      cur.line = line_no;
      continue;
    }
    if (!fenced && l.rfind("### ", 0) == 0) {
      const std::string kind = cur.kind, id = cur.id;
      flush();
      cur = Section{};
      cur.kind = kind;
      cur.id = id;
      cur.sub = std::string(trim(l.substr(4)));
      cur.line = line_no;
      continue;
    }
    if (first_line && trim(l).empty()) continue;  // blank lines before a section's first text
    if (first_line) {
      first_line = false;
      if (auto h = hash_comment(l)) {
        cur.translates = h;
        continue;
      }
    }
    body += l;
    body += '\n';
  }
  flush();
  return out;
}

std::uint32_t text_hash(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (const char c : trim(text)) {
    if (c == '\r') continue;
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string hash_hex(std::uint32_t hash) { return fmt::format("{:08x}", hash); }

}  // namespace gb::lessons
