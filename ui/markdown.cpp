// Markdown to MarkdownDoc through md4c's callbacks: a small state machine that tracks the open containers.
#include "markdown.h"

#include <md4c.h>

#include <cstdlib>
#include <string>

namespace gb::ui {

char32_t utf8_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  len = 1;
  if (b < 0x80) return b;
  std::size_t n = 0;
  char32_t c = 0;
  if ((b & 0xE0) == 0xC0) {
    n = 2;
    c = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
    c = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
    c = b & 0x07;
  } else {
    return 0xFFFD;
  }
  if (i + n > s.size()) return 0xFFFD;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (cb & 0x3F);
  }
  len = n;
  return c;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF)     // radicals
         || (c >= 0x3000 && c <= 0x30FF)  // CJK punctuation, hiragana, katakana
         || (c >= 0x3400 && c <= 0x4DBF)  // extension A
         || (c >= 0x4E00 && c <= 0x9FFF)  // unified ideographs
         || (c >= 0xF900 && c <= 0xFAFF)  // compatibility ideographs
         || (c >= 0xFE30 && c <= 0xFE4F)  // compatibility forms
         || (c >= 0xFF00 && c <= 0xFFEF)  // full-width forms (，：！)
         || (c >= 0x20000 && c <= 0x3FFFF);
}

namespace {

// Ideographic punctuation and the full-width forms of ASCII punctuation (，：（）).
bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// md4c reports entities raw ("&amp;", "&#x4E2D;") and knows no names: decode the numeric ones and the few
// names a lesson writer types; anything else stays as written.
std::string decode_entity(std::string_view e) {
  if (e.size() >= 4 && e[1] == '#') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    std::string out;
    append_utf8(out,
                v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : static_cast<char32_t>(v));
    return out;
  }
  struct Named {
    std::string_view name, text;
  };
  static constexpr Named kNamed[] = {{"&amp;", "&"},        {"&lt;", "<"},         {"&gt;", ">"},
                                     {"&quot;", "\""},      {"&apos;", "'"},       {"&nbsp;", "\u00A0"},
                                     {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"}, {"&hellip;", "\u2026"},
                                     {"&rarr;", "\u2192"},  {"&larr;", "\u2190"},  {"&times;", "\u00D7"}};
  for (const Named& n : kNamed)
    if (e == n.name) return std::string(n.text);
  return std::string(e);
}

struct Builder {
  MarkdownDoc doc;
  struct List {
    bool ordered = false;
    unsigned next = 1;
    char delimiter = '.';
  };
  std::vector<List> lists;
  int depth = 0;
  int quote = 0;
  int strong = 0, emphasis = 0, code = 0;
  std::vector<std::string> links;  // hrefs of the open links, innermost last
  int open = -1;                   // the block inline text goes to; -1: the next text starts a paragraph
  bool fresh_item = false;         // a list item was opened and its first paragraph is still to come
  bool in_code_block = false;
  std::string code_text;
  bool pending_soft_break = false;
  char32_t last = 0;  // the last code point of the open block's text

  MdBlock& start(MdBlockKind kind) {
    MdBlock b;
    b.kind = kind;
    b.depth = depth;
    b.quote = quote;
    doc.blocks.push_back(std::move(b));
    open = static_cast<int>(doc.blocks.size()) - 1;
    fresh_item = false;
    pending_soft_break = false;
    last = 0;
    return doc.blocks.back();
  }

  std::uint8_t style() const {
    std::uint8_t s = kMdPlain;
    if (strong > 0) s |= kMdStrong;
    if (emphasis > 0) s |= kMdEmphasis;
    if (code > 0) s |= kMdCode;
    if (!links.empty()) s |= kMdLink;
    return s;
  }

  void add_span(std::string_view text, std::uint8_t s) {
    std::vector<MdSpan>& spans = doc.blocks[static_cast<std::size_t>(open)].spans;
    const std::string href = (s & kMdLink) != 0 ? links.back() : std::string();
    if (!spans.empty() && spans.back().style == s && spans.back().href == href && spans.back().text != "\n" &&
        text != "\n") {
      spans.back().text += text;
    } else {
      spans.push_back(MdSpan{std::string(text), s, href});
    }
  }

  void inline_text(std::string_view text) {
    if (text.empty()) return;
    if (open < 0) start(MdBlockKind::Paragraph);
    fresh_item = false;
    std::size_t len = 0;
    if (pending_soft_break) {
      pending_soft_break = false;
      // Chinese lines are joined without a space; a line ending in Latin text or before it gets one, unless
      // full-width punctuation (which carries its own space) is on either side.
      const char32_t next = utf8_at(text, 0, len);
      if (!(is_cjk(last) && is_cjk(next)) && !is_cjk_punctuation(last) && !is_cjk_punctuation(next))
        add_span(" ", static_cast<std::uint8_t>(style() & ~kMdCode));
    }
    add_span(text, style());
    for (std::size_t i = 0; i < text.size(); i += len) last = utf8_at(text, i, len);
  }

  void hard_break() {
    if (open < 0) return;
    pending_soft_break = false;
    add_span("\n", kMdPlain);
    last = '\n';
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_QUOTE:
      ++b.quote;
      b.open = -1;
      break;
    case MD_BLOCK_UL:
      b.lists.push_back({});
      b.open = -1;
      break;
    case MD_BLOCK_OL: {
      const auto* d = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
      b.lists.push_back({true, d->start, d->mark_delimiter});
      b.open = -1;
      break;
    }
    case MD_BLOCK_LI: {
      ++b.depth;
      MdBlock& item = b.start(MdBlockKind::ListItem);
      if (!b.lists.empty() && b.lists.back().ordered) {
        item.marker = std::to_string(b.lists.back().next++) + b.lists.back().delimiter;
      } else {
        item.marker = "\u2022";
      }
      b.fresh_item = true;
      break;
    }
    case MD_BLOCK_P:
      // A loose list item's first paragraph is the item's own text, beside its marker.
      if (!b.fresh_item) b.start(MdBlockKind::Paragraph);
      b.fresh_item = false;
      break;
    case MD_BLOCK_H:
      b.start(MdBlockKind::Heading).level =
          static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
      break;
    case MD_BLOCK_CODE: {
      const auto* d = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
      b.start(MdBlockKind::Code).lang.assign(d->lang.text != nullptr ? d->lang.text : "", d->lang.size);
      b.in_code_block = true;
      b.code_text.clear();
      break;
    }
    case MD_BLOCK_HR:
      b.start(MdBlockKind::Rule);
      b.open = -1;
      break;
    default:  // the document, raw HTML (dropped), tables (not enabled)
      break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_QUOTE:
      --b.quote;
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      b.lists.pop_back();
      break;
    case MD_BLOCK_LI:
      --b.depth;
      b.fresh_item = false;
      break;
    case MD_BLOCK_CODE: {
      std::vector<std::string>& lines = b.doc.blocks[static_cast<std::size_t>(b.open)].lines;
      std::string_view rest = b.code_text;
      while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        lines.emplace_back(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      }
      b.in_code_block = false;
      break;
    }
    default:
      break;
  }
  b.open = -1;
  b.pending_soft_break = false;
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_STRONG:
      ++b.strong;
      break;
    case MD_SPAN_EM:
      ++b.emphasis;
      break;
    case MD_SPAN_CODE:
      ++b.code;
      break;
    case MD_SPAN_A: {
      const auto* d = static_cast<const MD_SPAN_A_DETAIL*>(detail);
      b.links.emplace_back(d->href.text != nullptr ? d->href.text : "", d->href.size);
      break;
    }
    default:  // images show their alt text as plain text
      break;
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_SPAN_STRONG:
      --b.strong;
      break;
    case MD_SPAN_EM:
      --b.emphasis;
      break;
    case MD_SPAN_CODE:
      --b.code;
      break;
    case MD_SPAN_A:
      b.links.pop_back();
      break;
    default:
      break;
  }
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  const std::string_view t(data, size);
  if (b.in_code_block) {
    b.code_text += t;
    return 0;
  }
  switch (type) {
    case MD_TEXT_HTML:
      break;
    case MD_TEXT_SOFTBR:
      b.pending_soft_break = b.open >= 0;
      break;
    case MD_TEXT_BR:
      b.hard_break();
      break;
    case MD_TEXT_NULLCHAR:
      b.inline_text("\uFFFD");
      break;
    case MD_TEXT_ENTITY:
      b.inline_text(decode_entity(t));
      break;
    case MD_TEXT_CODE: {
      // A code span that runs over a line end reads as one line.
      std::string one_line(t);
      for (char& c : one_line)
        if (c == '\n') c = ' ';
      b.inline_text(one_line);
      break;
    }
    default:
      b.inline_text(t);
      break;
  }
  return 0;
}

}  // namespace

MarkdownDoc parse_markdown(std::string_view text) {
  Builder b;
  MD_PARSER parser{};
  parser.flags = MD_FLAG_PERMISSIVEURLAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &b);
  return std::move(b.doc);
}

}  // namespace gb::ui
