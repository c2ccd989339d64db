// Lesson Markdown to blocks and spans (md4c underneath).
#include <catch2/catch.hpp>

#include "ui/markdown.h"

using namespace gb::ui;

namespace {

// The block's text with its spans joined.
std::string joined(const MdBlock& b) {
  std::string s;
  for (const MdSpan& span : b.spans) s += span.text;
  return s;
}

}  // namespace

TEST_CASE("markdown: headings with levels, and paragraphs of styled spans") {
  const MarkdownDoc d = parse_markdown(
      "# Title\n\nSome *emphasis*, **strong** and `balance += 1`.\n\n## checkpoint g7-alone\n\n### why\n");
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].kind == MdBlockKind::Heading);
  CHECK(d.blocks[0].level == 1);
  CHECK(joined(d.blocks[0]) == "Title");
  const MdBlock& p = d.blocks[1];
  CHECK(p.kind == MdBlockKind::Paragraph);
  const std::vector<MdSpan> want = {
      {"Some ", kMdPlain, ""}, {"emphasis", kMdEmphasis, ""}, {", ", kMdPlain, ""}, {"strong", kMdStrong, ""},
      {" and ", kMdPlain, ""}, {"balance += 1", kMdCode, ""}, {".", kMdPlain, ""}};
  CHECK(p.spans == want);
  CHECK(d.blocks[2].level == 2);
  CHECK(joined(d.blocks[2]) == "checkpoint g7-alone");
  CHECK(d.blocks[3].level == 3);
}

TEST_CASE("markdown: nested styles combine their flags, and links keep their target") {
  const MarkdownDoc d = parse_markdown("**bold `code` *both***, see [the spec](https://go.dev/ref/spec).");
  REQUIRE(d.blocks.size() == 1);
  const std::vector<MdSpan>& s = d.blocks[0].spans;
  REQUIRE(s.size() == 7);
  CHECK(s[1] == MdSpan{"code", kMdStrong | kMdCode, ""});
  CHECK(s[3] == MdSpan{"both", kMdStrong | kMdEmphasis, ""});
  CHECK(s[5] == MdSpan{"the spec", kMdLink, "https://go.dev/ref/spec"});
}

TEST_CASE("markdown: bullet and numbered lists nest, with depths and markers") {
  // (CommonMark lets only a list starting at 1 interrupt a paragraph, so the nested one starts at 1.)
  const MarkdownDoc d =
      parse_markdown("- one\n- two\n  1. three\n  2. four\n     - five\n- six\n\n7. seven\n");
  REQUIRE(d.blocks.size() == 7);
  struct Want {
    int depth;
    const char* marker;
    const char* text;
  };
  const Want want[] = {{1, "\u2022", "one"},  {1, "\u2022", "two"}, {2, "1.", "three"}, {2, "2.", "four"},
                       {3, "\u2022", "five"}, {1, "\u2022", "six"}, {1, "7.", "seven"}};
  for (std::size_t i = 0; i < 7; ++i) {
    INFO("item " << i);
    CHECK(d.blocks[i].kind == MdBlockKind::ListItem);
    CHECK(d.blocks[i].depth == want[i].depth);
    CHECK(d.blocks[i].marker == want[i].marker);
    CHECK(joined(d.blocks[i]) == want[i].text);
  }
}

TEST_CASE("markdown: a loose item's first paragraph is beside its marker, the next one indented under it") {
  const MarkdownDoc d = parse_markdown("1) first\n\n   more of the first\n\n2) second\n\nafter the list\n");
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].kind == MdBlockKind::ListItem);
  CHECK(d.blocks[0].marker == "1)");
  CHECK(joined(d.blocks[0]) == "first");
  CHECK(d.blocks[1].kind == MdBlockKind::Paragraph);
  CHECK(d.blocks[1].depth == 1);
  CHECK(joined(d.blocks[1]) == "more of the first");
  CHECK(d.blocks[2].marker == "2)");
  CHECK(d.blocks[3].kind == MdBlockKind::Paragraph);
  CHECK(d.blocks[3].depth == 0);
}

TEST_CASE("markdown: a fenced code block keeps its language and its lines as written") {
  const MarkdownDoc d =
      parse_markdown("Before.\n\n```go\nfunc main() {\n\tbalance += 1\n\n}\n```\n\n```\nplain\n```\n");
  REQUIRE(d.blocks.size() == 3);
  const MdBlock& c = d.blocks[1];
  CHECK(c.kind == MdBlockKind::Code);
  CHECK(c.lang == "go");
  REQUIRE(c.lines.size() == 4);
  CHECK(c.lines[0] == "func main() {");
  // md4c hands the tab over as the 4 columns it spans; either way the view indents it so.
  CHECK((c.lines[1] == "\tbalance += 1" || c.lines[1] == "    balance += 1"));
  CHECK(c.lines[2].empty());
  CHECK(c.lines[3] == "}");
  CHECK(d.blocks[2].lang.empty());
  CHECK(d.blocks[2].lines == std::vector<std::string>{"plain"});
}

TEST_CASE(
    "markdown: quotes mark the blocks inside them, rules stand alone and raw HTML comments are dropped") {
  const MarkdownDoc d =
      parse_markdown("<!-- en: 9ff6a334 -->\nText &amp; more &#x4E2D;.\n\n> quoted\n>\n> - item\n\n---\n");
  REQUIRE(d.blocks.size() == 4);
  CHECK(joined(d.blocks[0]) == "Text & more \u4E2D.");
  CHECK(d.blocks[0].quote == 0);
  CHECK(d.blocks[1].quote == 1);
  CHECK(joined(d.blocks[1]) == "quoted");
  CHECK(d.blocks[2].kind == MdBlockKind::ListItem);
  CHECK(d.blocks[2].quote == 1);
  CHECK(d.blocks[3].kind == MdBlockKind::Rule);
}

TEST_CASE("markdown: a soft line break is a space, except between two CJK characters") {
  // From lessons/15-data-race/lesson.zh.md: lines end mid-sentence in Chinese and before Latin or code.
  const MarkdownDoc d = parse_markdown(
      "在 Go 里\n`balance += 1` 不是一步，\n另一个 goroutine 的更新\n就没了。\nThe English\nline joins with "
      "a space.");
  REQUIRE(d.blocks.size() == 1);
  CHECK(
      joined(d.blocks[0]) ==
      "在 Go 里 balance += 1 不是一步，另一个 goroutine 的更新就没了。The English line joins with a space.");
  // Full-width punctuation has its own space: none is added beside it.
  CHECK(joined(parse_markdown("让另一个副本失效：\ncore 0 是 M（core 1：\n无效）\nand").blocks.at(0))
            .find("失效：core 0 是 M（core 1：无效）and") != std::string::npos);
  // The space before the code span is not part of the code.
  CHECK(d.blocks[0].spans[1] == MdSpan{"balance += 1", kMdCode, ""});
  CHECK(d.blocks[0].spans[0].text == "在 Go 里 ");
}

TEST_CASE("markdown: a hard line break is a span of its own") {
  const MarkdownDoc d = parse_markdown("first  \nsecond\\\nthird");
  REQUIRE(d.blocks.size() == 1);
  const std::vector<MdSpan>& s = d.blocks[0].spans;
  REQUIRE(s.size() == 5);
  CHECK(s[1].text == "\n");
  CHECK(s[3].text == "\n");
  CHECK(s[4].text == "third");
}

TEST_CASE("markdown: UTF-8 decoding and the CJK test") {
  std::size_t len = 0;
  CHECK(utf8_at("\u4E2D", 0, len) == 0x4E2D);
  CHECK(len == 3);
  CHECK(utf8_at("\xE4\xB8", 0, len) == 0xFFFD);  // cut short
  CHECK(len == 1);
  CHECK(is_cjk(0x4E2D));
  CHECK(is_cjk(0xFF0C));  // ，
  CHECK(is_cjk(0x3002));  // 。
  CHECK_FALSE(is_cjk('a'));
  CHECK_FALSE(is_cjk(0x2022));
}
