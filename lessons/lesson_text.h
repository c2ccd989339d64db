// The text half of a lesson file: the TOML front matter between `+++` lines, and the Markdown body cut into
// sections at its `## kind id` headings (and `### why` / `### answer` inside them), each with the line it
// starts on. A Chinese file's sections each begin with `<!-- en: HASH -->`, the hash of the English text they
// translate (text_hash), so a changed English text shows its translation as stale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gb::lessons {

struct Section {
  std::string kind;          // "" for the intro (before the first heading), "checkpoint", "question", ...
  std::string id;            // the heading's second word ("" for notes)
  std::string sub;           // "" for the section's own text, "why" or "answer" for a ### part of it
  std::string text;          // trimmed, without the hash comment
  std::optional<std::uint32_t> translates;  // the `<!-- en: HASH -->` it begins with (Chinese files)
  std::uint32_t line = 0;    // the heading's line (the intro: the body's first line)
};

struct LessonText {
  std::string front;             // the front matter's TOML
  std::uint32_t front_line = 0;  // the file line of the front matter's first line
  std::vector<Section> sections;
  std::string error;             // a file that has no front matter says so here
  std::uint32_t error_line = 0;
};

LessonText split_lesson_text(std::string_view file_text);

// FNV-1a over the text with line endings unified and surrounding whitespace trimmed.
std::uint32_t text_hash(std::string_view text);
std::string hash_hex(std::uint32_t hash);  // 8 lower-case hex digits

}  // namespace gb::lessons
