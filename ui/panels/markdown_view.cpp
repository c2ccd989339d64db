// Markdown drawing: blocks top to bottom with the window's draw list, and inside a block a line breaker over
// spans of mixed fonts (proportional text, monospace code) that breaks at spaces and between CJK characters.
//
// Index of this file:
// [SECTION] Colours and metrics
// [SECTION] Break opportunities
// [SECTION] Wrapped text
// [SECTION] Code blocks
// [SECTION] Blocks
#include "markdown_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "../go_highlight.h"
#include "../theme.h"

namespace gb::ui {

namespace {

// [SECTION] Colours and metrics

// Body text a little below white, so strong text (white, drawn twice) stands out from it.
constexpr Rgb kBody{212, 216, 222};
constexpr Rgb kStrongText{255, 255, 255};
constexpr Rgb kEmphasis{236, 196, 120};
constexpr Rgb kInlineCode{240, 172, 135};
constexpr Rgb kLink{110, 170, 255};
constexpr Rgb kQuoteText{168, 175, 188};
constexpr Rgb kQuoteBar{84, 96, 120};
constexpr Rgb kMarker{150, 162, 180};
constexpr Rgb kRule{70, 76, 88};
constexpr Rgb kCodeBox{22, 24, 29};  // darker than the window: code reads as a separate surface
constexpr Rgb kCodeBorder{50, 56, 68};
constexpr Rgb kInlineCodeBox{58, 63, 74};

Rgb go_colour(GoClass c) {
  switch (c) {
    case GoClass::Keyword:
      return {110, 160, 240};
    case GoClass::Builtin:
      return {90, 200, 180};
    case GoClass::String:
      return {220, 150, 110};
    case GoClass::Number:
      return {180, 210, 150};
    case GoClass::Comment:
      return {120, 150, 110};
    case GoClass::Plain:
      break;
  }
  return {215, 218, 224};
}

// Everything is measured in ems of the current font, so the same document looks the same at every UI scale.
struct Metrics {
  ImFont* text = nullptr;
  ImFont* mono = nullptr;
  float em = 17.0f;
  float bold = 1.0f;      // strong text is drawn twice, this far apart
  float code_pad = 4.0f;  // inline code's background beyond its text, each side
  ImDrawList* dl = nullptr;
  float clip_top = -FLT_MAX, clip_bottom = FLT_MAX;  // lines outside are laid out but not drawn
};

// How a block's text looks: headings are larger and bold throughout, quotes dimmer.
struct Look {
  float size = 17.0f;
  float line_h = 24.0f;
  Rgb colour = kBody;
  bool bold_all = false;
};

// [SECTION] Break opportunities

// Closing punctuation stays on the line before it, opening punctuation on the line after (the basic kinsoku
// rule), in their CJK and Latin forms.
bool closes(char32_t c) {
  constexpr std::u32string_view kClosing =
      U",.:;!?)]}%\u3001\u3002\uFF0C\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300D\u300F"
      U"\u3011\u3009\u300B\u201D\u2019\u30FC\u2026";
  return kClosing.find(c) != std::u32string_view::npos;
}
bool opens(char32_t c) {
  constexpr std::u32string_view kOpening = U"([{\uFF08\u300C\u300E\u3010\u3008\u300A\u201C\u2018";
  return kOpening.find(c) != std::u32string_view::npos;
}

// A line may break between `a` and `b`: after a run of spaces, or beside a CJK character (Chinese has no
// spaces between words).
bool break_between(char32_t a, char32_t b) {
  if (b == ' ') return false;
  if (a == ' ') return true;
  if (!is_cjk(a) && !is_cjk(b)) return false;
  return !opens(a) && !closes(b);
}

// A piece of one span's text; a word is the pieces between two break opportunities (it may cross spans, as
// in **Load**ed).
struct Piece {
  const MdSpan* span = nullptr;
  std::size_t b = 0, e = 0;
};
struct Word {
  std::vector<Piece> pieces;
  bool newline = false;  // a hard line break
};

std::vector<Word> split_words(const std::vector<MdSpan>& spans) {
  std::vector<Word> words;
  Word cur;
  auto flush = [&] {
    if (!cur.pieces.empty()) words.push_back(std::move(cur));
    cur = Word{};
  };
  char32_t prev = 0;
  bool have_prev = false;
  for (const MdSpan& s : spans) {
    if (s.text == "\n") {
      flush();
      words.push_back(Word{{}, true});
      have_prev = false;
      continue;
    }
    std::size_t from = 0, len = 0;
    for (std::size_t i = 0; i < s.text.size(); i += len) {
      const char32_t c = utf8_at(s.text, i, len);
      if (have_prev && break_between(prev, c)) {
        if (i > from) cur.pieces.push_back({&s, from, i});
        flush();
        from = i;
      }
      prev = c;
      have_prev = true;
    }
    if (s.text.size() > from) cur.pieces.push_back({&s, from, s.text.size()});
  }
  flush();
  return words;
}

// [SECTION] Wrapped text

bool has(const MdSpan& s, MdStyle f) {
  return (s.style & f) != 0;
}

ImFont* font_of(const MdSpan& s, const Metrics& m) {
  return has(s, kMdCode) ? m.mono : m.text;
}

// The end of the piece without its trailing spaces (they do not count at the end of a line).
std::size_t trimmed_end(const Piece& p) {
  std::size_t e = p.e;
  while (e > p.b && p.span->text[e - 1] == ' ') --e;
  return e;
}

float piece_width(const Piece& p, std::size_t e, const Metrics& m, const Look& look) {
  const std::string& t = p.span->text;
  float w = font_of(*p.span, m)->CalcTextSizeA(look.size, FLT_MAX, 0.0f, t.data() + p.b, t.data() + e).x;
  if (e > p.b && (look.bold_all || has(*p.span, kMdStrong))) w += m.bold;
  if (has(*p.span, kMdCode)) {
    if (p.b == 0) w += m.code_pad;
    if (e == t.size()) w += m.code_pad;
  }
  return w;
}

Rgb colour_of(const MdSpan& s, const Look& look) {
  if (has(s, kMdCode)) return kInlineCode;
  if (has(s, kMdLink)) return kLink;
  if (has(s, kMdEmphasis)) return kEmphasis;
  if (has(s, kMdStrong)) return kStrongText;
  return look.colour;
}

struct Placed {
  Piece p;
  float x = 0, w = 0;
};

void draw_line(std::vector<Placed>& line, ImVec2 at, const Metrics& m, const Look& look) {
  // A line ends at its last visible character: trailing spaces are neither drawn nor given a background.
  while (!line.empty()) {
    Placed& last = line.back();
    last.p.e = trimmed_end(last.p);
    if (last.p.e > last.p.b) {
      last.w = piece_width(last.p, last.p.e, m, look);
      break;
    }
    line.pop_back();
  }
  if (at.y + look.line_h < m.clip_top || at.y > m.clip_bottom) return;
  const float ty = at.y + (look.line_h - look.size) * 0.5f;
  // Inline code's background, one box for the pieces of one span on this line.
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!has(*line[i].p.span, kMdCode)) continue;
    std::size_t j = i;
    while (j + 1 < line.size() && line[j + 1].p.span == line[i].p.span) ++j;
    const float x0 = at.x + line[i].x, x1 = at.x + line[j].x + line[j].w;
    const float grow = look.size * 0.06f;
    m.dl->AddRectFilled(ImVec2(x0, ty - grow), ImVec2(x1, ty + look.size + grow), to_u32(kInlineCodeBox),
                        look.size * 0.2f);
    i = j;
  }
  for (const Placed& pl : line) {
    const MdSpan& s = *pl.p.span;
    const char* b = s.text.data() + pl.p.b;
    const char* e = s.text.data() + pl.p.e;
    const float x = at.x + pl.x + (has(s, kMdCode) && pl.p.b == 0 ? m.code_pad : 0.0f);
    const ImU32 col = to_u32(colour_of(s, look));
    ImFont* f = font_of(s, m);
    m.dl->AddText(f, look.size, ImVec2(x, ty), col, b, e);
    if (look.bold_all || has(s, kMdStrong)) m.dl->AddText(f, look.size, ImVec2(x + m.bold, ty), col, b, e);
    if (has(s, kMdLink)) {
      const float uy = ty + look.size - std::max(1.0f, look.size * 0.08f);
      m.dl->AddLine(ImVec2(at.x + pl.x, uy), ImVec2(at.x + pl.x + pl.w, uy), col, std::max(1.0f, m.bold));
    }
  }
}

// Lays out and draws `spans` from `at`, `width` wide; returns the height (at least one line).
float draw_wrapped(const std::vector<MdSpan>& spans, ImVec2 at, float width, const Metrics& m,
                   const Look& look) {
  std::vector<Placed> line;
  float x = 0.0f, y = 0.0f;
  auto flush = [&] {
    draw_line(line, ImVec2(at.x, at.y + y), m, look);
    line.clear();
    x = 0.0f;
    y += look.line_h;
  };
  auto place = [&](const Word& w, auto& self) -> void {
    float full = 0.0f;
    for (const Piece& p : w.pieces) full += piece_width(p, p.e, m, look);
    const Piece& last = w.pieces.back();
    const float visible =
        full - piece_width(last, last.e, m, look) + piece_width(last, trimmed_end(last), m, look);
    if (x > 0.0f && x + visible > width) flush();
    if (visible > width) {
      // Longer than a whole line (a long identifier, a URL): break it between any two characters.
      std::vector<Word> chars;
      for (const Piece& p : w.pieces) {
        std::size_t len = 0;
        for (std::size_t i = p.b; i < p.e; i += len) {
          utf8_at(p.span->text, i, len);
          chars.push_back(Word{{Piece{p.span, i, i + len}}, false});
        }
      }
      if (chars.size() > 1) {
        for (const Word& c : chars) self(c, self);
        return;
      }
    }
    for (const Piece& p : w.pieces) {
      const float pw = piece_width(p, p.e, m, look);
      line.push_back({p, x, pw});
      x += pw;
    }
  };
  for (const Word& w : split_words(spans)) {
    if (w.newline) {
      flush();
    } else {
      place(w, place);
    }
  }
  if (!line.empty() || y == 0.0f) flush();
  return y;
}

// [SECTION] Code blocks

// Tabs to the next multiple of 4 columns (gofmt's indent, as `go doc` and most editors show it).
std::string expand_tabs(const std::string& line) {
  std::string out;
  std::size_t col = 0, len = 0;
  for (std::size_t i = 0; i < line.size(); i += len) {
    utf8_at(line, i, len);
    if (line[i] == '\t') {
      const std::size_t n = 4 - col % 4;
      out.append(n, ' ');
      col += n;
    } else {
      out.append(line, i, len);
      ++col;
    }
  }
  return out;
}

// A box the full width with the lines unwrapped; what does not fit is clipped (on the CPU, so nothing is
// drawn beyond the box) and a fade at the right edge says there is more.
float draw_code(const MdBlock& b, ImVec2 at, float width, const Metrics& m) {
  const float pad = m.em * 0.5f;
  const float line_h = m.em * 1.25f;
  const float h = 2.0f * pad + static_cast<float>(std::max<std::size_t>(1, b.lines.size())) * line_h;
  const ImVec2 end(at.x + width, at.y + h);
  if (end.y < m.clip_top || at.y > m.clip_bottom) return h;
  const float rounding = m.em * 0.25f;
  m.dl->AddRectFilled(at, end, to_u32(kCodeBox), rounding);
  m.dl->AddRect(at, end, to_u32(kCodeBorder), rounding);
  const ImVec4 clip(at.x + pad * 0.5f, at.y, end.x - pad * 0.5f, end.y);
  const bool go = b.lang == "go" || b.lang == "golang";
  GoLineState state;
  bool clipped = false;
  float y = at.y + pad;
  for (const std::string& raw : b.lines) {
    const std::string line = expand_tabs(raw);
    const float ty = y + (line_h - m.em) * 0.5f;
    std::vector<GoRun> runs = go ? highlight_go_line(line, state) : std::vector<GoRun>{{0, line.size()}};
    float x = at.x + pad;
    for (const GoRun& r : runs) {
      const char* rb = line.data() + r.begin;
      const char* re = line.data() + r.end;
      if (x < clip.z)
        m.dl->AddText(m.mono, m.em, ImVec2(x, ty), to_u32(go_colour(r.cls)), rb, re, 0.0f, &clip);
      x += m.mono->CalcTextSizeA(m.em, FLT_MAX, 0.0f, rb, re).x;
    }
    clipped = clipped || x > clip.z;
    y += line_h;
  }
  if (clipped) {
    const ImU32 clear = to_u32(kCodeBox, 0), solid = to_u32(kCodeBox);
    m.dl->AddRectFilledMultiColor(ImVec2(end.x - m.em * 2.0f, at.y + 1.0f),
                                  ImVec2(end.x - 1.0f, end.y - 1.0f), clear, solid, solid, clear);
  }
  return h;
}

// [SECTION] Blocks

float heading_scale(int level) {
  constexpr float kScale[] = {1.55f, 1.3f, 1.15f};
  return level >= 1 && level <= 3 ? kScale[level - 1] : 1.0f;
}

// Space above a block: more above headings, little between the items of a list.
float gap_before(const MdBlock* prev, const MdBlock& b, float em) {
  if (prev == nullptr) return 0.0f;
  if (b.kind == MdBlockKind::Heading) return em * (b.level <= 2 ? 1.1f : 0.8f);
  if (prev->kind == MdBlockKind::Heading) return em * 0.45f;
  if (b.depth > 0 && prev->depth > 0) return em * 0.3f;
  return em * 0.65f;
}

// Nested bullets vary by depth, as browsers draw them.
const char* bullet(const MdBlock& b) {
  if (b.marker != "\u2022") return b.marker.c_str();
  constexpr const char* kBullets[] = {"\u2022", "\u25E6", "\u25AA"};
  return kBullets[static_cast<std::size_t>(std::max(0, b.depth - 1)) % 3];
}

}  // namespace

float draw_markdown(const MarkdownDoc& doc, const UiState& ui, float wrap_width, float line_spacing) {
  Metrics m;
  m.text = ui.fonts != nullptr && ui.fonts->ui != nullptr ? ui.fonts->ui : ImGui::GetFont();
  m.mono = ui.fonts != nullptr && ui.fonts->mono != nullptr ? ui.fonts->mono : m.text;
  m.em = ImGui::GetFontSize();
  m.bold = std::max(1.0f, std::floor(m.em / 14.0f));
  m.code_pad = m.em * 0.25f;
  m.dl = ImGui::GetWindowDrawList();
  m.clip_top = m.dl->GetClipRectMin().y;
  m.clip_bottom = m.dl->GetClipRectMax().y;
  const float width = wrap_width > 0.0f ? wrap_width : ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float list_step = m.em * 1.6f;
  const float quote_step = m.em * 0.9f;
  const float bar_w = std::max(2.0f, std::floor(m.em * 0.18f));

  float y = 0.0f;
  const MdBlock* prev = nullptr;
  for (const MdBlock& b : doc.blocks) {
    const float gap = gap_before(prev, b, m.em);
    y += gap;
    const float indent = static_cast<float>(b.quote) * quote_step + static_cast<float>(b.depth) * list_step;
    const ImVec2 at(origin.x + indent, origin.y + y);
    // Deep nesting in a narrow panel still leaves a few ems for the text.
    const float w = std::max(width - indent, std::min(width, m.em * 4.0f));
    Look look;
    look.size = m.em;
    look.line_h = m.em * line_spacing;
    if (b.quote > 0) look.colour = kQuoteText;
    float h = 0.0f;
    switch (b.kind) {
      case MdBlockKind::Heading: {
        look.size = m.em * heading_scale(b.level);
        look.line_h = look.size * 1.3f;
        look.colour = kStrongText;
        look.bold_all = true;
        h = draw_wrapped(b.spans, at, w, m, look);
        if (b.level <= 2) {
          // A rule under the two top levels, as GitHub draws them.
          const float ry = at.y + h + m.em * 0.15f;
          m.dl->AddLine(ImVec2(at.x, ry), ImVec2(at.x + w, ry), to_u32(kRule), 1.0f);
          h += m.em * 0.3f;
        }
        break;
      }
      case MdBlockKind::ListItem: {
        h = draw_wrapped(b.spans, at, w, m, look);
        const char* mark = bullet(b);
        const float mw = m.text->CalcTextSizeA(look.size, FLT_MAX, 0.0f, mark).x;
        // Right-aligned against the text, but never left of the item's own indent ("10." is wide).
        const float left = at.x - list_step;
        const float mx = std::max(left, at.x - mw - m.em * 0.4f);
        m.dl->AddText(m.text, look.size, ImVec2(mx, at.y + (look.line_h - look.size) * 0.5f), to_u32(kMarker),
                      mark);
        break;
      }
      case MdBlockKind::Code:
        h = draw_code(b, at, w, m);
        break;
      case MdBlockKind::Rule: {
        h = m.em * 0.8f;
        m.dl->AddLine(ImVec2(at.x, at.y + h * 0.5f), ImVec2(at.x + w, at.y + h * 0.5f), to_u32(kRule),
                      std::max(1.0f, m.bold));
        break;
      }
      case MdBlockKind::Paragraph:
        h = draw_wrapped(b.spans, at, w, m, look);
        break;
    }
    // Quote bars, one per level, joined across the gap to the previous block of the same quote.
    for (int q = 1; q <= b.quote; ++q) {
      const float bx = origin.x + static_cast<float>(q - 1) * quote_step;
      const float top = at.y - (prev != nullptr && prev->quote >= q ? gap : 0.0f);
      m.dl->AddRectFilled(ImVec2(bx, top), ImVec2(bx + bar_w, at.y + h), to_u32(kQuoteBar));
    }
    y += h;
    prev = &b;
  }
  // One item the size of everything drawn: the parent window scrolls over it and places what follows below.
  ImGui::Dummy(ImVec2(width, y));
  return y;
}

}  // namespace gb::ui
