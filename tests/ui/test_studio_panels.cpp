// Every studio panel draws for many frames on a headless ImGui context (a built font atlas, no renderer, no
// window) with the machine in varied states: start, mid-run, playing, finished, many cores, a compile error.
#include <algorithm>

#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include "ui/studio_example.h"
#include "ui/studio_frame.h"

using namespace gb;
using namespace gb::ui;

namespace {

// An ImGui context that can run frames without a backend: the font atlas is built on the CPU only.
struct Headless {
  FontSet fonts;
  UiState common;
  StudioUiState ui;
  explicit Headless(float w = 1440, float h = 900) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.0f / 60.0f;
    load_fonts(fonts, 1.0f, "");
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    common.fonts = &fonts;
    ui.common = &common;
  }
  ~Headless() { ImGui::DestroyContext(); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  // Draws `n` frames; true if every frame produced draw commands.
  bool frames(StudioModel& m, int n) {
    bool drew = true;
    for (int i = 0; i < n; ++i) {
      ImGui::NewFrame();
      ImGui::PushFont(fonts.ui);
      draw_studio(m, ui, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
      ImGui::PopFont();
      ImGui::Render();
      const ImDrawData* d = ImGui::GetDrawData();
      drew = drew && d != nullptr && d->Valid && d->TotalVtxCount > 0;
    }
    return drew;
  }

  // The window ImGui knows by `name` (a panel's ###id), for checking where it went.
  static const ImGuiWindow* window(const char* name) { return ImGui::FindWindowByName(name); }
};

StudioModel example() {
  return StudioModel(std::string(kExampleFile), std::string(example_program()));
}

}  // namespace

TEST_CASE("studio panels: draw at the start, mid-run, while playing and when finished") {
  Headless h;
  StudioModel m = example();
  CHECK(h.frames(m, 10));
  for (int i = 0; i < 300; ++i) m.step(StepKind::Instruction);
  CHECK(h.frames(m, 10));
  m.toggle_breakpoint(18);
  m.run_to_breakpoint();
  CHECK(h.frames(m, 5));
  m.set_play_kind(StepKind::Statement);
  m.set_speed(600);
  m.set_playing(true);
  for (int i = 0; i < 30; ++i) {
    m.tick(1.0 / 60.0);
    CHECK(h.frames(m, 1));
  }
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  CHECK(h.frames(m, 10));
}

TEST_CASE("studio panels: draw with eight cores and Ps, in a small window and a large one") {
  for (const ImVec2 size : {ImVec2(640, 480), ImVec2(1440, 900), ImVec2(2560, 1440)}) {
    Headless h(size.x, size.y);
    StudioModel m = example();
    StudioConfig c;
    c.cores = 8;
    c.gomaxprocs = 8;
    c.protocol = ProtocolKind::Dragon;
    m.set_config(c);
    for (int i = 0; i < 200; ++i) m.step(StepKind::Statement);
    CHECK(h.frames(m, 8));
  }
}

TEST_CASE("studio panels: a program that does not compile draws its errors and no machine") {
  Headless h;
  StudioModel m("bad.go", "package main\n\nfunc main() {\n\tnope()\n}\n");
  REQUIRE_FALSE(m.loaded());
  CHECK(h.frames(m, 10));
}

TEST_CASE("studio panels: each panel sits where the layout puts it") {
  Headless h;
  StudioModel m = example();
  REQUIRE(h.frames(m, 3));
  const StudioLayout l = compute_studio_layout(1440, 900, 1.0f);
  const struct {
    const char* window;
    Rect r;
  } panels[] = {{"###controls", l.controls},
                {"###source", l.source},
                {"###scheduler", l.scheduler},
                {"###cores", l.cores},
                {"###output", l.output},
                {"###sync", l.sync},
                {"###studio-events", l.events}};
  for (const auto& p : panels) {
    INFO(p.window);
    const ImGuiWindow* w = Headless::window(p.window);
    REQUIRE(w != nullptr);
    CHECK(w->Pos.x == Approx(p.r.x));
    CHECK(w->Pos.y == Approx(p.r.y));
    CHECK(w->Size.x == Approx(p.r.w));
    CHECK(w->Size.y == Approx(p.r.h));
  }
}

TEST_CASE("studio layout: the panels tile the window") {
  for (float scale : {1.0f, 2.0f}) {
    for (const ImVec2 size : {ImVec2(640, 480), ImVec2(1440, 900)}) {
      const StudioLayout l = compute_studio_layout(size.x, size.y, scale);
      const Rect all[] = {l.controls, l.output, l.source, l.scheduler, l.cores, l.sync, l.events};
      float area = 0;
      for (const Rect& r : all) {
        CHECK(r.w > 0);
        CHECK(r.h > 0);
        CHECK(r.x + r.w <= size.x + 0.5f);
        CHECK(r.y + r.h <= size.y + 0.5f);
        area += r.w * r.h;
      }
      CHECK(area == Approx(size.x * size.y));
    }
  }
}

TEST_CASE("studio panels: a click in the source gutter toggles a breakpoint there") {
  Headless h;
  StudioModel m = example();
  REQUIRE(h.frames(m, 3));
  const Rect src = compute_studio_layout(1440, 900, 1.0f).source;
  ImGuiIO& io = ImGui::GetIO();
  // Inside the gutter, a few rows below the panel's title bar.
  const ImVec2 at(src.x + 16.0f, src.y + 120.0f);
  auto click = [&] {
    io.MousePos = at;
    io.MouseDown[0] = true;
    h.frames(m, 1);
    io.MouseDown[0] = false;
    h.frames(m, 1);
  };
  click();
  REQUIRE(m.breakpoints().size() == 1);
  const std::uint32_t line = *m.breakpoints().begin();
  CHECK(line > 1);
  CHECK(line < 10);
  click();
  CHECK(m.breakpoints().empty());
}

TEST_CASE("studio panels: hovering anywhere (tooltips) draws") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 700; ++i) m.step(StepKind::Instruction);
  m.toggle_breakpoint(18);
  ImGuiIO& io = ImGui::GetIO();
  for (float y = 5; y < 900; y += 37) {
    for (float x = 5; x < 1440; x += 61) {
      io.MousePos = ImVec2(x, y);
      REQUIRE(h.frames(m, 1));
    }
  }
}

namespace {

const char* kJobs = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var total int
var jobs = make(chan int, 4)

func worker(wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		mu.Lock()
		total += j
		mu.Unlock()
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 3; i++ {
		go worker(&wg)
	}
	done := make(chan struct{})
	names := make(chan string, 2)
	names <- "hello"
	go func() {
		for i := 0; i < 40; i++ {
			jobs <- i
		}
		close(jobs)
		close(done)
	}()
	<-done
	wg.Wait()
	fmt.Println("total", total, <-names)
}
)";

}  // namespace

TEST_CASE("studio panels: channels and locks and the event log draw in varied states") {
  Headless h;
  StudioModel m("jobs.go", kJobs);
  REQUIRE(m.loaded());
  CHECK(h.frames(m, 5));
  for (int i = 0; i < 40; ++i) {
    for (int k = 0; k < 60; ++k) m.step(StepKind::Instruction);
    REQUIRE(h.frames(m, 1));
  }
  // Choices out of range (a channel that does not exist any more, a mutex address of another run).
  h.ui.sync_chan = 999;
  h.ui.sync_mutex = 12345;
  CHECK(h.frames(m, 3));
  // Filters: one goroutine, one layer, words, and words that match nothing.
  h.ui.event_filter.g = 6;
  CHECK(h.frames(m, 3));
  h.ui.event_filter.layers = {false, true, false};
  CHECK(h.frames(m, 3));
  h.ui.event_filter = {};
  h.ui.event_filter.text = "BusRd";
  CHECK(h.frames(m, 3));
  h.ui.event_filter.text = "no event says this";
  CHECK(h.frames(m, 3));
  h.ui.event_filter = {};
  h.ui.events_follow = false;
  CHECK(h.frames(m, 2));
  h.ui.events_follow = true;
  // Back: later events dimmed; forward again; restart; play; the end.
  for (int i = 0; i < 20; ++i) m.step_back(StepKind::BusTransaction);
  CHECK(h.frames(m, 3));
  for (int i = 0; i < 30; ++i) m.step(StepKind::BusTransaction);
  CHECK(h.frames(m, 3));
  m.restart();
  CHECK(h.frames(m, 3));
  m.set_speed(2000);
  m.set_playing(true);
  for (int i = 0; i < 20; ++i) {
    m.tick(1.0 / 60.0);
    REQUIRE(h.frames(m, 1));
  }
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  CHECK(h.frames(m, 5));
  CHECK(m.stdout_text() == "total 780 hello\n");
  StudioConfig c;
  c.cores = 8;
  c.gomaxprocs = 8;
  m.set_config(c);
  for (int i = 0; i < 100; ++i) m.step(StepKind::Statement);
  CHECK(h.frames(m, 5));
  // Another program: no channels, the example's mutex.
  REQUIRE(m.load(std::string(kExampleFile), std::string(example_program())));
  for (int i = 0; i < 50; ++i) m.step(StepKind::Statement);
  CHECK(h.frames(m, 5));
}

TEST_CASE("studio panels: a click on an event log row moves the machine to that moment") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 60; ++i) m.step(StepKind::BusTransaction);
  REQUIRE(h.frames(m, 3));
  h.ui.events_follow = false;  // from now on the list stays where it is: the same row stays under the mouse
  const std::uint64_t before = m.instructions();
  const Rect ev = compute_studio_layout(1440, 900, 1.0f).events;
  ImGuiIO& io = ImGui::GetIO();
  // A row near the top of the (scrolled to the latest) list: an earlier event than the present.
  io.MousePos = ImVec2(ev.x + 60.0f, ev.y + 150.0f);
  io.MouseDown[0] = true;
  h.frames(m, 1);
  io.MouseDown[0] = false;
  h.frames(m, 1);
  REQUIRE(h.ui.event_selected_index != UINT32_MAX);
  const auto& es = h.ui.events.events();
  const auto it = std::find_if(es.begin(), es.end(), [&](const LogEvent& e) {
    return e.layer == h.ui.event_selected_layer && e.index == h.ui.event_selected_index;
  });
  REQUIRE(it != es.end());
  const vm::Vm& vm = m.machine()->runtime();
  CHECK(EventLogView::happened(vm, *it));
  CHECK(m.instructions() < before);
  m.seek(m.instructions() - 1);
  CHECK_FALSE(EventLogView::happened(m.machine()->runtime(), *it));
  CHECK(h.frames(m, 3));
  // A right-click on the same row keeps only its goroutine's events; another one shows every goroutine again.
  const LogEvent chosen = *it;
  auto right_click = [&] {
    io.MouseDown[1] = true;
    h.frames(m, 1);
    io.MouseDown[1] = false;
    h.frames(m, 1);
  };
  right_click();
  if (chosen.g != kNoG) {
    CHECK(h.ui.event_filter.g == chosen.g);
    right_click();
    CHECK(h.ui.event_filter.g == kNoG);
  }
}
