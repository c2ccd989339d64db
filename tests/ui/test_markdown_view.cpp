// The Markdown view on a headless ImGui context: everything it draws stays inside the wrap width, the cursor
// moves past it, and a narrower width or a larger UI scale makes it taller.
#include <catch2/catch.hpp>

#include "headless_imgui.h"
#include "ui/panels/markdown_view.h"

using namespace gb::ui;

namespace {

// English and Chinese prose, styles, lists three deep, a quote, a rule and a Go block with a line far wider
// than any panel.
constexpr const char* kDoc = R"md(# A data race

Two goroutines each run `balance += 1` a thousand times. In Go, `balance += 1` is not one step: it is a
**Load** of `balance` into a register, an **Add**, and a **Store** back; the other goroutine's update is gone:
a *lost update*. See [the race detector](https://go.dev/doc/articles/race_detector).

## checkpoint g6-loads

两个 goroutine 各自执行 `balance += 1` 一千次。程序应该打印 2000，而 `go run -race` 一跑就会报警。在 Go 里
`balance += 1` 不是一步：Source 面板里第 17 行的指令是把 `balance` **Load** 到寄存器、**Add**、再 **Store**
回去。这就是*丢失更新*（lost update）。

- Open the Source panel's instructions for line 17 before anything else.
- At `g6-loads`, point at the two S copies:
  1. core 0 supplies the line;
  2. both end in S:
     - readable by both, writable by neither without another bus transaction.
- 最后讲修复：互斥锁或者 `atomic.AddInt64`。

> Coherence keeps the caches consistent; it cannot fix a computation done on an old value.

---

```go
func main() {
	var wg sync.WaitGroup // a comment that runs on and on, far past the right edge of any reasonable lesson panel
	for i := 0; i < 2; i++ {
		go func() { balance += 1; wg.Done() }()
	}
}
```
)md";

struct Drawn {
  float height = 0;
  float min_x = 1e9f, max_x = -1e9f;  // over the vertices the view added
  float left = 0;                     // where the cursor was
  float advanced = 0;                 // how far the cursor moved down
  int vertices = 0;
};

Drawn draw(gb::test::Headless& h, const MarkdownDoc& doc, float width) {
  Drawn d;
  ImGui::NewFrame();
  ImGui::PushFont(h.fonts.ui);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("markdown", nullptr, ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int v0 = dl->VtxBuffer.Size;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  d.left = start.x;
  d.height = draw_markdown(doc, h.common, width);
  d.advanced = ImGui::GetCursorScreenPos().y - start.y;
  for (int i = v0; i < dl->VtxBuffer.Size; ++i) {
    d.min_x = std::min(d.min_x, dl->VtxBuffer[i].pos.x);
    d.max_x = std::max(d.max_x, dl->VtxBuffer[i].pos.x);
  }
  d.vertices = dl->VtxBuffer.Size - v0;
  ImGui::End();
  ImGui::PopFont();
  ImGui::Render();
  return d;
}

}  // namespace

TEST_CASE("markdown view: text wraps inside the width, in English and Chinese, at UI scale 1 and 2") {
  const MarkdownDoc doc = parse_markdown(kDoc);
  for (const float scale : {1.0f, 2.0f}) {
    gb::test::Headless h(1600, 6000, scale);
    float last_height = 0;
    for (const float em_width : {40.0f, 25.0f, 14.0f}) {
      const float width = em_width * ImGui::GetIO().Fonts->Fonts[0]->FontSize;
      INFO("scale " << scale << ", width " << width);
      const Drawn d = draw(h, doc, width);
      CHECK(d.vertices > 1000);
      // Antialiased outlines (the code box's border) add transparent vertices up to a pixel outside; nothing
      // more may be outside.
      CHECK(d.min_x >= d.left - 1.01f);
      CHECK(d.max_x <= d.left + width + 1.01f);
      // ImGui rounds the cursor down to whole pixels.
      CHECK(d.advanced == Approx(d.height + ImGui::GetStyle().ItemSpacing.y).margin(1.0));
      CHECK(d.height > last_height);  // narrower, so more lines
      last_height = d.height;
    }
  }
}

TEST_CASE("markdown view: sizes follow the font, so scale 2 is twice as tall at twice the width") {
  const MarkdownDoc doc = parse_markdown(kDoc);
  float heights[2] = {};
  for (int i = 0; i < 2; ++i) {
    const float scale = i == 0 ? 1.0f : 2.0f;
    gb::test::Headless h(1600, 6000, scale);
    heights[i] = draw(h, doc, 30.0f * kBaseFontPixels * scale).height;
  }
  CHECK(heights[1] / heights[0] == Approx(2.0f).epsilon(0.1));
}

TEST_CASE(
    "markdown view: a Chinese paragraph with no spaces still wraps, and an empty document takes no room") {
  gb::test::Headless h(1600, 2000, 1.0f);
  const MarkdownDoc zh = parse_markdown(
      "缓存尽到了它的职责没有哪个核会从缓存里读到过期的值但G6不需要再读了它的和已经在寄存器里算好了用的是G7写"
      "之前读到的值");
  const float em = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  const Drawn wide = draw(h, zh, 200.0f * em);
  const Drawn narrow = draw(h, zh, 10.0f * em);
  CHECK(narrow.max_x <= narrow.left + 10.0f * em + 1.01f);
  CHECK(narrow.height >= 4.0f * wide.height);
  const Drawn empty = draw(h, MarkdownDoc{}, 10.0f * em);
  CHECK(empty.height == 0.0f);
  CHECK(empty.vertices == 0);
}
