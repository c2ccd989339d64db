// Every studio panel draws for many frames on a headless ImGui context (a built font atlas, no renderer, no
// window) with the machine in varied states: start, mid-run, playing, finished, many cores, a compile error.
#include <algorithm>

#include <SFML/Window/Keyboard.hpp>
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include "coherence/bugs.h"
#include "tests/ui/headless_imgui.h"
#include "ui/examples.h"
#include "ui/imgui_bridge.h"
#include "ui/panels/panel_common.h"
#include "ui/studio_example.h"
#include "ui/studio_frame.h"

using namespace gb;
using namespace gb::ui;
using gb::test::Headless;

namespace {

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
  const StudioLayout l = studio_layout(h.ui, 1440, 900);
  const struct {
    const char* window;
    Rect r;
  } panels[] = {{"###controls", l.controls},
                {"###source", l.source},
                {"###scheduler", l.scheduler},
                {"###cores", l.cores},
                {"###output", l.output},
                {"###timeline", l.bottom},
                {"###bus", l.bus}};
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

TEST_CASE("studio layout: the panels tile the window below the menu bar") {
  for (float scale : {1.0f, 2.0f}) {
    for (const ImVec2 size : {ImVec2(640, 480), ImVec2(1440, 900)}) {
      constexpr float kMenu = 25.0f;
      const StudioLayout l = compute_studio_layout(size.x, size.y, scale, PanelVisibility{}, kMenu);
      const Rect all[] = {l.controls, l.output, l.source, l.scheduler, l.cores, l.bus, l.tabs, l.bottom};
      float area = 0;
      for (const Rect& r : all) {
        CHECK(r.w > 0);
        CHECK(r.h > 0);
        CHECK(r.y >= kMenu);
        CHECK(r.x + r.w <= size.x + 0.5f);
        CHECK(r.y + r.h <= size.y + 0.5f);
        area += r.w * r.h;
      }
      CHECK(area == Approx(size.x * (size.y - kMenu)));
    }
  }
}

TEST_CASE("studio layout: a hidden panel's neighbour takes its room, an empty row its height") {
  PanelVisibility v;
  v.bus = false;
  StudioLayout l = compute_studio_layout(1440, 900, 1.0f, v, 25.0f);
  CHECK(l.bus.w == 0);
  CHECK(l.cores.x + l.cores.w == Approx(1440));
  v.timeline = v.events = v.sync = v.stats = v.variables = v.runs = false;
  l = compute_studio_layout(1440, 900, 1.0f, v, 25.0f);
  CHECK(l.tabs.h == 0);
  CHECK(l.bottom.h == 0);
  CHECK(l.cores.y + l.cores.h == Approx(900));
  v.output = false;
  l = compute_studio_layout(1440, 900, 1.0f, v, 25.0f);
  CHECK(l.output.h == 0);
  CHECK(l.controls.h == Approx(900 - 25));
}

TEST_CASE("studio panels: a click in the source gutter toggles a breakpoint there") {
  Headless h;
  StudioModel m = example();
  REQUIRE(h.frames(m, 3));
  const Rect src = studio_layout(h.ui, 1440, 900).source;
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

TEST_CASE("studio panels: the timeline zooms about the cursor on the wheel and pans on a drag") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 3000; ++i) m.step(StepKind::Instruction);
  REQUIRE(h.frames(m, 3));
  const Rect t = studio_layout(h.ui, 1440, 900).bottom;
  ImGuiIO& io = ImGui::GetIO();
  // Inside the plot: right of the row labels, below the toolbar and ruler.
  const ImVec2 at(t.x + t.w * 0.6f, t.y + t.h * 0.7f);
  io.MousePos = at;
  REQUIRE(h.frames(m, 2));
  const TimelineView before = h.ui.timeline.view;
  const ImGuiWindow* w = Headless::window("###timeline");
  REQUIRE(w != nullptr);
  io.MouseWheel = 2.0f;
  REQUIRE(h.frames(m, 1));
  io.MouseWheel = 0.0f;
  const TimelineView zoomed = h.ui.timeline.view;
  CHECK(zoomed.ns_per_px < before.ns_per_px * 0.8);
  // The time under the cursor did not move: the one pixel both views map to the same time is the cursor's
  // (in plot coordinates, which begin right of the row labels, at most a few dozen pixels into the window).
  const double fixed_px = (zoomed.start_ns - before.start_ns) / (before.ns_per_px - zoomed.ns_per_px);
  const double label_w = at.x - w->Pos.x - fixed_px;
  CHECK(label_w > 0);
  CHECK(label_w < 150);
  // Drag left by 100 px: later times come into view and follow turns off.
  io.MouseDown[0] = true;
  REQUIRE(h.frames(m, 1));
  for (int i = 1; i <= 10; ++i) {
    io.MousePos = ImVec2(at.x - 10.0f * i, at.y);
    REQUIRE(h.frames(m, 1));
  }
  io.MouseDown[0] = false;
  REQUIRE(h.frames(m, 1));
  CHECK(h.ui.timeline.view.start_ns > zoomed.start_ns);
  CHECK_FALSE(h.ui.timeline.view.follow);
  CHECK(h.frames(m, 5));
}

TEST_CASE("studio panels: the timeline draws at the start, mid-run, finished, with 8 cores, and follows") {
  for (const ImVec2 size : {ImVec2(800, 600), ImVec2(1440, 900)}) {
    Headless h(size.x, size.y);
    StudioModel m = example();
    CHECK(h.frames(m, 5));
    for (int i = 0; i < 500; ++i) m.step(StepKind::Instruction);
    CHECK(h.frames(m, 5));
    // Following while playing: the current moment stays in view.
    m.set_play_kind(StepKind::Statement);
    m.set_speed(2000);
    m.set_playing(true);
    for (int i = 0; i < 20; ++i) {
      m.tick(1.0 / 60.0);
      CHECK(h.frames(m, 1));
      const TimelineView& v = h.ui.timeline.view;
      CHECK(static_cast<double>(m.now_ns()) >= v.start_ns);
      CHECK(static_cast<double>(m.now_ns()) <= v.start_ns + v.ns_per_px * size.x);
    }
    while (!m.finished()) m.step(StepKind::SchedulerEvent);
    CHECK(h.frames(m, 5));
    for (int i = 0; i < 100; ++i) m.step_back(StepKind::Instruction);
    CHECK(h.frames(m, 3));
    StudioConfig c;
    c.cores = 8;
    c.gomaxprocs = 8;
    m.set_config(c);
    for (int i = 0; i < 300; ++i) m.step(StepKind::Statement);
    CHECK(h.frames(m, 5));
    CHECK(h.ui.timeline.index.core_slices.size() == 8);
    // Hover over every row of the timeline (tooltips for slices and bus ticks).
    const Rect t = studio_layout(h.ui, size.x, size.y).bottom;
    ImGuiIO& io = ImGui::GetIO();
    for (float y = t.y; y < t.y + t.h; y += 7)
      for (float x = t.x; x < t.x + t.w; x += 53) {
        io.MousePos = ImVec2(x, y);
        REQUIRE(h.frames(m, 1));
      }
  }
}

TEST_CASE("studio panels: the bus animation restarts on each new transaction, lasts bus_animation_seconds") {
  Headless h;
  StudioModel m = example();
  h.ui.bus.animation_seconds = 0.5f;  // 30 frames at 60 frames/s
  REQUIRE(h.frames(m, 2));
  m.step(StepKind::BusTransaction);
  REQUIRE(h.frames(m, 1));
  CHECK(h.ui.bus.phase == Approx(1.0f / 30.0f).margin(1e-3));
  REQUIRE(h.frames(m, 14));
  CHECK(h.ui.bus.phase == Approx(0.5f).margin(1e-3));
  REQUIRE(h.frames(m, 20));
  CHECK(h.ui.bus.phase == 1.0f);
  m.step(StepKind::BusTransaction);
  REQUIRE(h.frames(m, 1));
  CHECK(h.ui.bus.phase < 0.1f);
  // Every phase of the animation and the stats plots draw, on eight cores too, for MSI, MOESI and Dragon.
  for (const ProtocolKind p : {ProtocolKind::MSI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    StudioConfig c;
    c.cores = 8;
    c.gomaxprocs = 8;
    c.protocol = p;
    m.set_config(c);
    REQUIRE(h.frames(m, 2));  // no transaction yet
    for (int i = 0; i < 40; ++i) {
      m.step(StepKind::BusTransaction);
      REQUIRE(h.frames(m, 4));
    }
    while (!m.finished()) m.step(StepKind::SchedulerEvent);
    h.ui.bottom_tab = BottomTab::Stats;  // the stats keep up only while their tab shows
    REQUIRE(h.frames(m, 40));
    CHECK(h.ui.stats.cache.complete());
    CHECK(h.ui.stats.cache.bus_records_seen() == m.machine()->runtime().memory().bus_log().size());
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
  // Both live in the bottom row's tabs: each state is drawn with the event log shown, then channels and
  // locks.
  struct Both {
    Headless& h;
    bool frames(StudioModel& model, int n) {
      h.ui.bottom_tab = BottomTab::Events;
      const bool events = h.frames(model, n);
      h.ui.bottom_tab = BottomTab::Sync;
      return h.frames(model, n) && events;
    }
  } both{h};
  CHECK(both.frames(m, 5));
  for (int i = 0; i < 40; ++i) {
    for (int k = 0; k < 60; ++k) m.step(StepKind::Instruction);
    REQUIRE(both.frames(m, 1));
  }
  // Choices out of range (a channel that does not exist any more, a mutex address of another run).
  h.ui.sync.chan = 999;
  h.ui.sync.mutex = 12345;
  CHECK(both.frames(m, 3));
  // Filters: one goroutine, one layer, words, and words that match nothing.
  h.ui.events.filter.g = 6;
  CHECK(both.frames(m, 3));
  h.ui.events.filter.layers = {false, true, false};
  CHECK(both.frames(m, 3));
  h.ui.events.filter = {};
  h.ui.events.filter.text = "BusRd";
  CHECK(both.frames(m, 3));
  h.ui.events.filter.text = "no event says this";
  CHECK(both.frames(m, 3));
  h.ui.events.filter = {};
  h.ui.events.follow = false;
  CHECK(both.frames(m, 2));
  h.ui.events.follow = true;
  // Back: later events dimmed; forward again; restart; play; the end.
  for (int i = 0; i < 20; ++i) m.step_back(StepKind::BusTransaction);
  CHECK(both.frames(m, 3));
  for (int i = 0; i < 30; ++i) m.step(StepKind::BusTransaction);
  CHECK(both.frames(m, 3));
  m.restart();
  CHECK(both.frames(m, 3));
  m.set_speed(2000);
  m.set_playing(true);
  for (int i = 0; i < 20; ++i) {
    m.tick(1.0 / 60.0);
    REQUIRE(both.frames(m, 1));
  }
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  CHECK(both.frames(m, 5));
  CHECK(m.stdout_text() == "total 780 hello\n");
  StudioConfig c;
  c.cores = 8;
  c.gomaxprocs = 8;
  m.set_config(c);
  for (int i = 0; i < 100; ++i) m.step(StepKind::Statement);
  CHECK(both.frames(m, 5));
  // Another program: no channels, the example's mutex.
  REQUIRE(m.load(std::string(kExampleFile), std::string(example_program())));
  for (int i = 0; i < 50; ++i) m.step(StepKind::Statement);
  CHECK(both.frames(m, 5));
}

TEST_CASE("studio panels: a click on an event log row moves the machine to that moment") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 60; ++i) m.step(StepKind::BusTransaction);
  REQUIRE(h.frames(m, 3));
  h.ui.bottom_tab = BottomTab::Events;
  REQUIRE(h.frames(m, 2));
  h.ui.events.follow = false;  // from now on the list stays where it is: the same row stays under the mouse
  const std::uint64_t before = m.instructions();
  const Rect ev = studio_layout(h.ui, 1440, 900).bottom;
  ImGuiIO& io = ImGui::GetIO();
  // A row near the top of the (scrolled to the latest) list: an earlier event than the present.
  io.MousePos = ImVec2(ev.x + 60.0f, ev.y + 150.0f);
  io.MouseDown[0] = true;
  h.frames(m, 1);
  io.MouseDown[0] = false;
  h.frames(m, 1);
  REQUIRE(h.ui.events.selected_index != UINT32_MAX);
  const auto& es = h.ui.events.log.events();
  const auto it = std::find_if(es.begin(), es.end(), [&](const LogEvent& e) {
    return e.layer == h.ui.events.selected_layer && e.index == h.ui.events.selected_index;
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
    CHECK(h.ui.events.filter.g == chosen.g);
    right_click();
    CHECK(h.ui.events.filter.g == kNoG);
  }
}

namespace {

// Presses and releases `key` (an sf::Keyboard code, as the bridge writes them into KeysDown) over two frames.
void press(Headless& h, StudioModel& m, int key, bool shift = false, bool ctrl = false) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyShift = shift;
  io.KeyCtrl = ctrl;
  io.KeysDown[key] = true;
  h.frames(m, 1);
  io.KeysDown[key] = false;
  io.KeyShift = io.KeyCtrl = false;
  h.frames(m, 1);
}

}  // namespace

TEST_CASE("studio keys: F10 steps over, F11 into, Shift+F11 out, Shift+F10 back over, and J turns just my code off") {
  // main calls add() on line 10; over stays in main, into enters add, out comes back to main's next line.
  const char* text = "package main\n\nimport \"fmt\"\n\nfunc add(a, b int) int {\n\ts := a + b\n\treturn s\n}\n\n"
                     "func main() {\n\tx := add(1, 2)\n\tfmt.Println(x)\n\ty := add(x, x)\n\tfmt.Println(y)\n}\n";
  Headless h;
  StudioConfig c;
  c.cores = 1;
  c.gomaxprocs = 1;
  StudioModel m("calls.go", text, c);
  REQUIRE(m.loaded());
  REQUIRE(h.frames(m, 2));
  m.toggle_breakpoint(11);
  m.run_to_breakpoint();
  const vm::Vm& vm = m.machine()->runtime();
  auto line = [&] { return vm.next_location(1).line; };
  auto func = [&] { return vm.program().functions[vm.next_location(1).func].name; };
  REQUIRE(line() == 11);
  m.toggle_breakpoint(11);
  press(h, m, sf::Keyboard::F10);  // over add(1, 2)
  CHECK(line() == 12);
  CHECK(h.ui.controls.step_kind == StepKind::StatementOver);
  press(h, m, sf::Keyboard::F10);  // over fmt.Println: it printed
  CHECK(line() == 13);
  CHECK(m.stdout_text() == "3\n");
  press(h, m, sf::Keyboard::F11);  // into add
  CHECK(func() == "main.add");
  CHECK(line() == 6);
  press(h, m, sf::Keyboard::F11, true);  // out: main's next statement
  CHECK(func() == "main.main");
  CHECK(line() == 14);
  press(h, m, sf::Keyboard::F10, true);  // back over: to line 13 again, before add ran
  CHECK(line() == 13);
  CHECK(m.just_my_code());
  press(h, m, sf::Keyboard::J);
  CHECK_FALSE(m.just_my_code());
}

TEST_CASE("studio keys: steps forward and back by each kind, and every knob has a key") {
  Headless h;
  StudioModel m = example();
  REQUIRE(h.frames(m, 2));
  press(h, m, sf::Keyboard::A);  // a memory access
  const std::uint64_t after_access = m.instructions();
  CHECK(after_access > 0);
  CHECK(h.ui.controls.step_kind == StepKind::MemoryAccess);
  press(h, m, sf::Keyboard::Y);  // a machine cycle
  const std::uint64_t cycle = m.instructions();
  CHECK(cycle > after_access);
  press(h, m, sf::Keyboard::Y);
  CHECK(m.instructions() > cycle);
  press(h, m, sf::Keyboard::Y, true);  // and back to the cycle before
  CHECK(m.instructions() == cycle);

  press(h, m, sf::Keyboard::RBracket);
  CHECK(m.config().cores == 3);
  press(h, m, sf::Keyboard::RBracket, true);
  CHECK(m.config().gomaxprocs == 3);
  press(h, m, sf::Keyboard::Num3);
  CHECK(m.config().protocol == ProtocolKind::MOESI);
  press(h, m, sf::Keyboard::T);
  CHECK(m.config().store_buffers == 8);
  press(h, m, sf::Keyboard::K);
  CHECK(m.config().check);
  press(h, m, sf::Keyboard::N);
  CHECK(m.config().seed == 2);
  press(h, m, sf::Keyboard::Z);
  CHECK(m.config().time_scale == Approx(0.001));
  press(h, m, sf::Keyboard::X);
  CHECK_FALSE(m.config().bug.empty());
  CHECK(bug_applies(m.config().protocol, m.config().bug));
  press(h, m, sf::Keyboard::Equal);
  CHECK(m.config().payments == 400);
  press(h, m, sf::Keyboard::Hyphen);
  press(h, m, sf::Keyboard::Hyphen);
  CHECK(m.config().payments == 100);
  press(h, m, sf::Keyboard::V);
  CHECK(h.ui.cores.cache_view == CacheView::Grid);
  press(h, m, sf::Keyboard::Num4, false, true);
  CHECK(h.ui.bottom_tab == BottomTab::Stats);
  CHECK(h.ui.bottom_tab_shown == BottomTab::Stats);
  // Every knob restarted the run with the same program.
  CHECK(m.instructions() == 0);
  CHECK(m.file() == kExampleFile);
  // Ctrl+0 lays the panels out again; F12 toggles presentation mode (the app re-rasterises the fonts); F11 is
  // left for step into.
  press(h, m, sf::Keyboard::Num0, false, true);
  CHECK(m.config().protocol == ProtocolKind::MOESI);  // with Ctrl, a digit is not a protocol key
  press(h, m, sf::Keyboard::F11);
  CHECK_FALSE(h.ui.presentation);
  press(h, m, sf::Keyboard::F12);
  CHECK(h.ui.presentation);
  CHECK(h.common.rebuild_fonts);
  // End runs the program to its end.
  press(h, m, sf::Keyboard::End);
  CHECK(m.finished());
}

TEST_CASE("studio panels: the cores panel draws in each view of the caches, and its grid's tooltips") {
  for (int view : {CacheView::Lines, CacheView::Grid, CacheView::Memory}) {
    INFO("cache view " << view);
    for (const int cores : {2, 8}) {
      INFO(cores << " cores");
      Headless h;
      h.ui.cores.cache_view = view;
      StudioModel m = example();
      StudioConfig c = m.config();
      c.cores = c.gomaxprocs = cores;
      c.protocol = cores == 8 ? ProtocolKind::Dragon : ProtocolKind::MOESI;
      m.set_config(c);
      CHECK(h.frames(m, 5));  // at the start: nothing cached yet
      for (int i = 0; i < 40; ++i) m.step(StepKind::BusTransaction);
      CHECK(h.frames(m, 5));
      CHECK(h.ui.cores.cache_view == view);
      // Sweep the mouse over the cores panel: tooltips on squares, rows and core headers.
      const Rect r = studio_layout(h.ui, 1440, 900).cores;
      ImGuiIO& io = ImGui::GetIO();
      bool tooltip = false;
      for (float y = r.y + 30.0f; y < r.y + r.h; y += 7.0f) {
        for (float x = r.x + 5.0f; x < r.x + r.w; x += 23.0f) {
          io.MousePos = ImVec2(x, y);
          REQUIRE(h.frames(m, 1));
          const ImGuiWindow* t = Headless::window("##Tooltip_00");
          tooltip = tooltip || (t != nullptr && t->Active);
        }
      }
      CHECK(tooltip);
      io.MousePos = ImVec2(-100, -100);
      while (!m.finished()) m.step(StepKind::SchedulerEvent);
      CHECK(h.frames(m, 5));
    }
  }
}

TEST_CASE("studio panels: the grid notes a cell for every square in view, the whole cache when it fits") {
  Headless h(2560, 1440);
  h.ui.cores.cache_view = CacheView::Grid;
  StudioModel m = example();
  for (int i = 0; i < 30; ++i) m.step(StepKind::BusTransaction);
  REQUIRE(h.frames(m, 3));
  std::vector<DrawnCell> cells;
  keep_drawn_cells(&cells);
  REQUIRE(h.frames(m, 1));
  keep_drawn_cells(nullptr);
  const MemorySystem& sys = m.machine()->runtime().memory().system();
  const std::size_t ways = sys.cache(0).assoc(), sets = sys.cache(0).sets();
  const std::size_t cores = static_cast<std::size_t>(sys.cores());
  INFO(cells.size() << " cells");
  // Whole rows of every core's ways, and at least a quarter of the sets.
  CHECK(cells.size() % (ways * cores) == 0);
  CHECK(cells.size() >= sets / 4 * ways * cores);
  std::size_t valid_cells = 0, valid_lines = 0;
  for (const DrawnCell& d : cells) valid_cells += is_valid(d.state) ? 1 : 0;
  for (std::size_t c = 0; c < cores; ++c) valid_lines += m.cache_lines(static_cast<int>(c)).size();
  CHECK(valid_cells > 0);
  CHECK(valid_cells <= valid_lines);
  if (cells.size() == sets * ways * cores) CHECK(valid_cells == valid_lines);
}

TEST_CASE("studio panels: a click on the timeline moves the machine to the moment a stretch or tick began") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 3000; ++i) m.step(StepKind::Instruction);
  h.ui.bottom_tab = BottomTab::Timeline;
  REQUIRE(h.frames(m, 3));
  const std::uint64_t before = m.instructions();
  const Rect t = studio_layout(h.ui, 1440, 900).bottom;
  ImGuiIO& io = ImGui::GetIO();
  bool moved = false;
  // Along the rows (below the toolbar and ruler), left to right, until a click lands on something.
  for (float y = t.y + 90.0f; y < t.y + t.h && !moved; y += 12.0f) {
    for (float x = t.x + 120.0f; x < t.x + t.w && !moved; x += 40.0f) {
      io.MousePos = ImVec2(x, y);
      h.frames(m, 1);
      io.MouseDown[0] = true;
      h.frames(m, 1);
      io.MouseDown[0] = false;
      h.frames(m, 1);
      moved = m.instructions() != before;
    }
  }
  REQUIRE(moved);
  CHECK(m.instructions() < before);
  CHECK_FALSE(h.ui.timeline.view.follow);
  // It stopped where a record had just appeared: one instruction earlier the logs were shorter.
  const vm::Vm& vm = m.machine()->runtime();
  const std::size_t records = vm.run_slices().size() + vm.memory().bus_log().size();
  const std::uint64_t at = m.instructions();
  m.seek(at - 1);
  const vm::Vm& earlier = m.machine()->runtime();
  CHECK(earlier.run_slices().size() + earlier.memory().bus_log().size() < records);
}

TEST_CASE("studio editor: Ctrl+Enter runs the edited program, a compile error keeps the old run") {
  Headless h;
  StudioModel m = example();
  for (int i = 0; i < 100; ++i) m.step(StepKind::Instruction);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;  // as the bridge maps it
  start_editing(m, h.ui.source);
  REQUIRE(h.ui.source.editing);
  CHECK(h.ui.source.edit_text == m.text());
  REQUIRE(h.frames(m, 3));
  // A broken edit: the errors show, the editor stays, the old machine keeps its place.
  h.ui.source.edit_text = "package main\n\nfunc main() {\n\tnope()\n}\n";
  press(h, m, sf::Keyboard::Enter, false, true);
  CHECK(h.ui.source.editing);
  CHECK_THAT(m.diagnostics(), Catch::Contains(":4:"));
  CHECK(m.instructions() == 100);
  // A good one replaces the program and restarts.
  h.ui.source.edit_text = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"edited\")\n}\n";
  press(h, m, sf::Keyboard::Enter, false, true);
  CHECK_FALSE(h.ui.source.editing);
  CHECK(m.diagnostics().empty());
  CHECK(m.instructions() == 0);
  while (!m.finished()) m.step(StepKind::Statement);
  CHECK(m.stdout_text() == "edited\n");
}

TEST_CASE("studio open dialog: draws over the studio, lists the directory, and a bad pick keeps the run") {
  Headless h;
  StudioModel m = example();
  h.ui.open_dialog.requested = true;
  REQUIRE(h.frames(m, 3));
  REQUIRE(h.ui.open_dialog.browser.has_value());
  CHECK(h.ui.open_dialog.browser->error().empty());
  CHECK(ImGui::IsPopupOpen("Open a Go program###open", ImGuiPopupFlags_AnyPopupId));
  // Sweep the mouse over it (tooltips, hover states) for a few frames.
  ImGuiIO& io = ImGui::GetIO();
  for (float y = 200; y < 700; y += 50) {
    io.MousePos = ImVec2(720, y);
    REQUIRE(h.frames(m, 1));
  }
  CHECK(m.file() == kExampleFile);
}

TEST_CASE("studio panels: the cores panel shows each core's store buffer when buffers are on") {
  Headless h;
  StudioModel m = example();
  StudioConfig c = m.config();
  c.store_buffers = 8;
  m.set_config(c);
  bool seen = false;
  for (int i = 0; i < 60 && !seen; ++i) {
    for (int k = 0; k < 50; ++k) m.step(StepKind::Instruction);
    REQUIRE(h.frames(m, 1));
    for (const CoreView& v : m.cores()) seen = seen || !v.buffered.empty();
  }
  CHECK(seen);
  for (int view : {CacheView::Lines, CacheView::Grid, CacheView::Memory}) {
    h.ui.cores.cache_view = view;
    CHECK(h.frames(m, 3));
  }
}

namespace {

sf::Event key_event(sf::Keyboard::Key code, bool down, bool shift = false) {
  sf::Event e;
  e.type = down ? sf::Event::KeyPressed : sf::Event::KeyReleased;
  e.key = {code, false, false, shift, false};
  return e;
}

// Frames through the bridge (as the app runs them) until it has given ImGui every queued key event.
void drain(Headless& h, StudioModel& m, InputState& input) {
  for (int f = 0; f < 400 && (f < 2 || !input.keys.empty()); ++f) {
    bridge::take_key_events(input, ImGui::GetIO());
    h.frames(m, 1);
  }
}

}  // namespace

TEST_CASE("studio keys: every tap is one step, however quick (ten taps in a frame, ten across frames)") {
  for (const bool one_frame : {true, false}) {
    for (const auto& [key, kind] : {std::pair{sf::Keyboard::S, StepKind::Statement},
                                    std::pair{sf::Keyboard::I, StepKind::Instruction}}) {
      Headless h;
      bridge::set_key_map(ImGui::GetIO());
      InputState input;
      StudioModel m = example();
      StudioModel expected = example();
      REQUIRE(h.frames(m, 2));
      for (int i = 0; i < 10; ++i) {
        bridge::apply_event(input, ImGui::GetIO(), key_event(key, true));
        bridge::apply_event(input, ImGui::GetIO(), key_event(key, false));
        if (!one_frame) drain(h, m, input);
        expected.step(kind);
      }
      drain(h, m, input);
      CHECK(m.steps_taken() == 10);
      CHECK(m.instructions() == expected.instructions());
      CHECK(m.session()->position() == expected.session()->position());
    }
  }
}

TEST_CASE("studio layout: presentation mode switched on later lays out as starting in it does") {
  struct Placed {
    ImVec2 pos, size;
  };
  const char* const names[] = {"###controls", "###source", "###scheduler", "###cores",
                               "###output",   "###bus",    "##bottomtabs", "###timeline"};
  auto placed = [&] {
    std::vector<Placed> out;
    for (const char* n : names) {
      const ImGuiWindow* w = Headless::window(n);
      out.push_back(w == nullptr ? Placed{} : Placed{w->Pos, w->Size});
    }
    return out;
  };
  std::vector<Placed> started;
  {
    Headless h(1600, 900);
    h.common.scale = 1.5f;  // what the app's fonts are built at with --presentation
    h.ui.presentation = true;
    StudioModel m = example();
    REQUIRE(h.frames(m, 4));
    started = placed();
  }
  Headless h(1600, 900);
  StudioModel m = example();
  REQUIRE(h.frames(m, 4));
  press(h, m, sf::Keyboard::F12);
  REQUIRE(h.ui.presentation);
  REQUIRE(h.common.rebuild_fonts);
  h.common.rebuild_fonts = false;  // as the app does between frames
  h.common.scale = 1.5f;
  REQUIRE(h.frames(m, 4));
  const std::vector<Placed> toggled = placed();
  for (std::size_t i = 0; i < started.size(); ++i) {
    INFO(names[i]);
    CHECK(toggled[i].pos.x == started[i].pos.x);
    CHECK(toggled[i].pos.y == started[i].pos.y);
    CHECK(toggled[i].size.x == started[i].size.x);
    CHECK(toggled[i].size.y == started[i].size.y);
  }
}

TEST_CASE("studio keys: typed into the open dialog's file field, never steps behind it, and Ctrl+A selects all") {
  Headless h;
  bridge::set_key_map(ImGui::GetIO());
  InputState input;
  StudioModel m = example();
  h.ui.open_dialog.requested = true;
  REQUIRE(h.frames(m, 3));
  auto tap = [&](sf::Keyboard::Key k, sf::Uint32 ch) {
    bridge::apply_event(input, ImGui::GetIO(), key_event(k, true));
    if (ch != 0) {
      sf::Event t;
      t.type = sf::Event::TextEntered;
      t.text.unicode = ch;
      bridge::apply_event(input, ImGui::GetIO(), t);
    }
    bridge::apply_event(input, ImGui::GetIO(), key_event(k, false));
  };
  // "sex.go": S steps, E steps, X plants a bug, O steps by bus op, when the studio has the keys.
  for (const char c : std::string("sex.go"))
    tap(c == '.' ? sf::Keyboard::Period : static_cast<sf::Keyboard::Key>(sf::Keyboard::A + (c - 'a')),
        static_cast<sf::Uint32>(c));
  drain(h, m, input);
  CHECK(h.ui.open_dialog.name == "sex.go");
  CHECK(m.instructions() == 0);
  CHECK(m.config().bug.empty());
  // Ctrl+A, then a letter, replaces the whole name.
  bridge::apply_event(input, ImGui::GetIO(), key_event(sf::Keyboard::LControl, true));
  tap(sf::Keyboard::A, 0);
  bridge::apply_event(input, ImGui::GetIO(), key_event(sf::Keyboard::LControl, false));
  tap(sf::Keyboard::P, 'p');
  drain(h, m, input);
  CHECK(h.ui.open_dialog.name == "p");
  CHECK_FALSE(m.playing());
}

TEST_CASE("studio panels: the variables tab draws for each goroutine and frame, mid-statement and finished") {
  Headless h;
  const Example* lost = find_example("lost_update.go");
  REQUIRE(lost);
  StudioConfig c;
  c.cores = 2;
  c.gomaxprocs = 2;
  StudioModel m(std::string(lost->file), std::string(lost->text), c);
  REQUIRE(m.loaded());
  h.ui.bottom_tab = BottomTab::Variables;
  CHECK(h.frames(m, 3));  // before any goroutine has run
  for (int i = 0; i < 60; ++i) {
    m.step(i % 3 == 0 ? StepKind::Statement : StepKind::Instruction);
    REQUIRE(h.frames(m, 1));
  }
  CHECK(h.ui.bottom_tab_shown == BottomTab::Variables);
  CHECK(Headless::window("Variables###variables") != nullptr);
  // A chosen goroutine and frame, then ones that no longer exist.
  h.ui.variables.chosen = 6;
  h.ui.variables.depth = 1;
  h.ui.variables.frame_clicked = true;
  CHECK(h.frames(m, 3));
  h.ui.variables.chosen = 999;
  h.ui.variables.depth = 50;
  CHECK(h.frames(m, 3));
  // Hovering every part of the panel (tooltips: %#v, cache lines, frames).
  const ImGuiWindow* w = Headless::window("Variables###variables");
  REQUIRE(w);
  for (float y = w->Pos.y; y < w->Pos.y + w->Size.y; y += 9.0f) {
    for (float x = w->Pos.x; x < w->Pos.x + w->Size.x; x += 60.0f) {
      ImGui::GetIO().MousePos = ImVec2(x, y);
      REQUIRE(h.frames(m, 1));
    }
  }
  ImGui::GetIO().MousePos = ImVec2(-1, -1);
  while (!m.finished()) m.step(StepKind::SchedulerEvent);
  CHECK(h.frames(m, 3));
  // In a small window the call stack goes above the variables.
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  m.restart();
  for (int i = 0; i < 30; ++i) m.step(StepKind::Statement);
  CHECK(h.frames(m, 3));
}
