// Presentation mode on a projector (1920x1080, fonts x1.5): for every built-in example, each panel a demo
// needs shows its content without scrolling (every core's cache side by side, the whole stats table, the
// channels' queues, every P row, the controls), whether the studio started in presentation mode or it was
// switched on later; and the panels the program does not use fold away.
#include <string>

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include "tests/ui/headless_imgui.h"
#include "ui/examples.h"
#include "ui/layout.h"
#include "ui/theme.h"

using namespace gb;
using namespace gb::ui;

namespace {

constexpr float kScale = 1.5f;  // the app's presentation scale at UI scale 1

// The studio on a projector: 1920x1080, styled and rasterised at the presentation scale, in presentation
// mode.
struct Projector : gb::test::Headless {
  Projector() : Headless(1920, 1080, kScale) {
    apply_style(kScale);  // as the app styles itself at this scale
    ui.presentation = true;
  }
};

// How far the window `id` (a panel's ###id) would scroll, across and down; 0 when its content fits.
ImVec2 overflow(const char* id) {
  const ImGuiWindow* w = ImGui::FindWindowByName(id);
  if (w == nullptr || !w->WasActive) return ImVec2(0, 0);
  return w->ScrollMax;
}

void check_fits(Projector& p, StudioModel& m, const std::string& where) {
  for (int tab = 0; tab < 4; ++tab) {
    p.ui.bottom_tab = tab;
    p.frames(m, 3);
    for (const char* id : {"###controls", "###scheduler", "###cores", "###bus", "###stats", "###sync"}) {
      const ImVec2 o = overflow(id);
      INFO(where << ", bottom tab " << tab << ": " << id << " overflows by " << o.x << " across, " << o.y << " down");
      CHECK(std::max(o.x, o.y) <= 0.5f);
    }
  }
}

}  // namespace

TEST_CASE("presentation: at 1920x1080 every example's panels fit without scrolling", "[presentation]") {
  for (const Example& e : examples()) {
    if (e.file == "payment.go") continue;  // a workload, not a demo: its many goroutines fill the tables
    for (const bool toggled : {false, true}) {
      Projector p;
      StudioModel m(std::string(e.file), std::string(e.text));
      REQUIRE(m.loaded());
      if (toggled) {  // started plain, switched to presentation mode after some frames
        p.ui.presentation = false;
        p.frames(m, 2);
        p.ui.presentation = true;
      }
      const std::string name = std::string(e.file) + (toggled ? " (switched on)" : " (started in it)");
      check_fits(p, m, name + " at the start");
      m.seek(3000);
      check_fits(p, m, name + " at 3000 instructions");
      m.seek(UINT64_MAX / 2);
      check_fits(p, m, name + " finished");
    }
  }
}

TEST_CASE("presentation: panels the program does not use fold away", "[presentation]") {
  PanelVisibility all;
  ProgramUse none;
  none.bus = none.sync = none.output = false;
  const StudioLayout l = compute_presentation_layout(1920, 1080, kScale, all, none, 30);
  CHECK(l.bus.w == 0);
  CHECK(l.output.w == 0);
  CHECK(l.scheduler.w > 0);
  CHECK(l.scheduler.x + l.scheduler.w == 1920);  // the scheduler board takes the bus's room
  const PanelVisibility shown = presented_panels(all, none);
  CHECK_FALSE(shown.sync);
  CHECK(shown.stats);
  // The rows end at the window's bottom, and the left column's panels stack without gaps.
  CHECK(l.bottom.y + l.bottom.h == 1080);
  CHECK(l.source.y == l.controls.y + l.controls.h);
  CHECK(l.source.y + l.source.h == 1080);
}
