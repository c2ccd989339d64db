// The Compare window and the Runs tab drawn headless: opened from the Run menu's state, stepped, and the
// history's rows after a knob change.
#include <catch2/catch.hpp>

#include "headless_imgui.h"
#include "ui/examples.h"
#include "ui/strings.h"

using namespace gb;
using namespace gb::ui;

TEST_CASE("compare panel: the window draws each pair, stepped to a condition, in both languages") {
  test::Headless h;
  StudioModel m("false_sharing.go", std::string(find_example("false_sharing.go")->text));
  h.ui.compare.open = true;
  REQUIRE(h.frames(m, 2));
  REQUIRE(h.ui.compare.compare);
  CHECK(h.ui.compare.compare->preset().id == "protocol");  // the first pair on offer
  const ImGuiWindow* w = test::Headless::window("###compare");
  REQUIRE(w != nullptr);
  CHECK(w->Active);
  for (const char* id : {"protocol", "cores", "padded"}) {
    h.ui.compare.preset_id = id;
    REQUIRE(make_compare(m, h.ui.compare));
    std::string error;
    CHECK(h.ui.compare.compare->run_until("exit", error));
    CHECK(h.frames(m, 2));
  }
  set_ui_language(Lang::Zh);
  CHECK(h.frames(m, 2));
  set_ui_language(Lang::En);
  // A knob changed in the studio: the window offers to take the program again, its own pair unchanged.
  REQUIRE(m.set_knob("padded", "true"));
  CHECK(h.frames(m, 1));
  CHECK(h.ui.compare.compare->text() != m.text());
  // A bad pair is an error in the window, not a crash.
  h.ui.compare.preset_id = "nosuchknob";
  CHECK_FALSE(make_compare(m, h.ui.compare));
  CHECK(h.frames(m, 1));
}

TEST_CASE("runs tab: a knob changed in the studio leaves both rows on screen") {
  test::Headless h;
  StudioModel m("false_sharing.go", std::string(find_example("false_sharing.go")->text));
  h.ui.bottom_tab = BottomTab::Runs;
  REQUIRE(h.frames(m, 2));
  CHECK(test::Headless::window("###runs") != nullptr);
  REQUIRE(m.run_to_end());
  REQUIRE(h.frames(m, 1));
  // Through the frame's hook: the knob's change records the finished run.
  REQUIRE(m.set_knob("padded", "true"));
  REQUIRE(m.run_to_end());
  REQUIRE(h.frames(m, 2));
  REQUIRE(h.ui.runs.history.rows().size() == 1);
  CHECK(h.ui.runs.history.rows()[0].knobs[0].second == "false");
  CHECK(h.ui.runs.history.live(m).knobs[0].second == "true");
  set_ui_language(Lang::Zh);
  CHECK(h.frames(m, 1));
  set_ui_language(Lang::En);
}
