// A lesson's Markdown narrative as a plain document (blocks of styled spans) for the lesson panel to draw; no
// ImGui here, so the parsing is tested headless.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gb::ui {

// Style flags of a span; they combine (**`x`** is strong code).
enum MdStyle : std::uint8_t {
  kMdPlain = 0,
  kMdStrong = 1,
  kMdEmphasis = 2,
  kMdCode = 4,
  kMdLink = 8,
};

struct MdSpan {
  std::string text;  // UTF-8; exactly "\n" for a hard line break
  std::uint8_t style = kMdPlain;
  std::string href;  // links only
  bool operator==(const MdSpan&) const = default;
};

enum class MdBlockKind : std::uint8_t {
  Paragraph,  // also a list item's second paragraph (indented by `depth`, no marker)
  Heading,    // `level` 1..6
  ListItem,   // the item's first paragraph, drawn after `marker`
  Code,       // `lang` and `lines`, drawn unwrapped
  Rule,
};

// Containers are attributes of the blocks inside them rather than blocks of their own: a block quote's
// paragraphs, lists and code each carry `quote` > 0, and everything inside a list item carries the item's
// `depth`, so a view draws a flat list with indents and quote bars.
struct MdBlock {
  MdBlockKind kind = MdBlockKind::Paragraph;
  int level = 0;       // headings
  int depth = 0;       // list nesting: 0 outside lists, 1 in a top-level item, 2 in an item of a nested list
  int quote = 0;       // block-quote nesting
  std::string marker;  // list items: "•" (U+2022) or "3." / "3)"
  std::vector<MdSpan> spans;       // paragraphs, headings, list items
  std::string lang;                // code blocks: the fence's language ("go"), "" when none
  std::vector<std::string> lines;  // code blocks, without line ends
};

struct MarkdownDoc {
  std::vector<MdBlock> blocks;
};

// CommonMark (md4c). Raw HTML (the Chinese files' `<!-- en: HASH -->` comments) is dropped; entities are
// decoded; a soft line break becomes a space except between two CJK characters, where Chinese has none.
MarkdownDoc parse_markdown(std::string_view text);

// UTF-8 helpers the view's line breaking shares.
// The code point at s[i] and its byte length (an invalid byte: U+FFFD, length 1). i < s.size().
char32_t utf8_at(std::string_view s, std::size_t i, std::size_t& len);
// Han ideographs, CJK punctuation, kana and full-width forms: text written without spaces between words.
bool is_cjk(char32_t c);

}  // namespace gb::ui
