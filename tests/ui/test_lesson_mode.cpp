// A lesson in the studio: the studio's run is the run `gopherbus-cli lesson` checks, checkpoints are reached
// forward and back through the studio's Session, texts are rendered on arrival, answers are kept.
#include <catch2/catch.hpp>

#include "lessons/lesson_loader.h"
#include "lessons/lesson_run.h"
#include "ui/lesson_mode.h"

using namespace gb;
using namespace gb::ui;

namespace {

std::filesystem::path lesson_folder(const std::string& id) {
  return lessons::find_lesson(lessons::default_lessons_root(), id);
}

// The lesson's "you are the scheduler" checkpoint (the last with a goal), -1 when none.
int goal_checkpoint(const LessonMode& mode) {
  int at = -1;
  for (int k = 0; k < mode.count(); ++k)
    if (!mode.lesson().checkpoints[static_cast<std::size_t>(k)].goal.empty()) at = k;
  return at;
}

}  // namespace

TEST_CASE("lesson mode: the studio's machine at each checkpoint is the headless lesson run's") {
  for (const char* id : {"data-race", "channels", "store-buffers"}) {
    const auto folder = lesson_folder(id);
    REQUIRE(!folder.empty());
    StudioModel model("x.go", "package main\n\nfunc main() {}\n");
    std::string error;
    auto mode = LessonMode::open(folder, model, lessons::Lang::En, error);
    REQUIRE(mode);
    CHECK(error.empty());
    CHECK(mode->at() == -1);
    CHECK(mode->reachable() == mode->count());
    CHECK(model.config().record);

    auto timeline = lessons::LessonTimeline::start(mode->lesson(), error);
    REQUIRE(timeline);
    for (int k = 0; k < mode->count(); ++k) {
      timeline->go_to(static_cast<std::size_t>(k));
      REQUIRE(mode->go_to(model, k));
      CHECK(model.instructions() == timeline->positions()[static_cast<std::size_t>(k)]);
      CHECK(model.machine()->state_hash() == timeline->session().machine().state_hash());
    }
    // And back: checkpoint 0 again, then the introduction at the start of the run.
    REQUIRE(mode->go_to(model, 0));
    timeline->go_to(0);
    CHECK(model.machine()->state_hash() == timeline->session().machine().state_hash());
    REQUIRE(mode->previous(model));
    CHECK(mode->at() == -1);
    CHECK(model.at_start());
    CHECK_FALSE(mode->previous(model));
  }
}

TEST_CASE("lesson mode: narrative rendered on arrival in the chosen language, questions answered there") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  CHECK(mode->narrative() == mode->lesson().intro.en);  // the introduction has no templates to fill
  // g6-loads asks for the state of balance's line in core 1 there: S (the author's expectation, checked by
  // `gopherbus-cli lesson --check` too).
  REQUIRE(mode->go_to(model, 1));
  CHECK(mode->checkpoint()->id == "g6-loads");
  CHECK(mode->narrative().find("{{") == std::string::npos);
  const auto qs = mode->questions();
  REQUIRE(qs.size() == 1);
  CHECK(mode->machine_answer(*qs[0]) == "S");
  CHECK(mode->spotlight().kind == lessons::Spotlight::Kind::Variable);
  CHECK(mode->suggested_step() == "bus");
  // Stepping on does not rewrite the prose; the language switch renders it again.
  const std::string en = mode->narrative();
  model.step(StepKind::Instruction);
  CHECK(mode->narrative() == en);
  mode->set_lang(lessons::Lang::Zh, model);
  CHECK(mode->narrative() != en);
  CHECK_FALSE(mode->fell_back());
}

TEST_CASE("lesson mode: a choice is kept until revealed, then final, and progress records the furthest checkpoint") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  mode->go_to(model, 3);
  mode->go_to(model, 1);
  CHECK(mode->progress().furthest == 3);
  mode->choose("line-state", 0);
  mode->choose("line-state", 2);
  CHECK(mode->chosen("line-state") == 2);
  CHECK_FALSE(mode->revealed("line-state"));
  mode->reveal("line-state");
  mode->choose("line-state", 1);
  CHECK(mode->chosen("line-state") == 2);
  CHECK(mode->revealed("line-state"));
  // Restored into a new lesson mode, as the settings do.
  auto again = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(again);
  again->restore(mode->progress());
  CHECK(again->chosen("line-state") == 2);
}

TEST_CASE("lesson mode: a knob changed by hand leaves the lesson until reset") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("false-sharing"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  REQUIRE(mode->on_track(model));
  const auto knobs = model.knobs();
  REQUIRE_FALSE(knobs.empty());
  REQUIRE(model.set_knob(knobs.front().name, knobs.front().value == "true" ? "false" : "true"));
  CHECK_FALSE(mode->on_track(model));
  CHECK_FALSE(mode->go_to(model, 0));
  mode->reset(model);
  CHECK(mode->on_track(model));
  CHECK(mode->go_to(model, 0));
}

TEST_CASE("lesson mode: the goal of a \"you are the scheduler\" checkpoint is recognised when it fires") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  const int goal_at = goal_checkpoint(*mode);
  REQUIRE(goal_at >= 0);
  REQUIRE(mode->go_to(model, goal_at));
  CHECK(mode->goal() == "lost update on balance");
  CHECK_FALSE(mode->goal_reached());
  // The machine's own schedule loses updates in this program (the lesson's claim): instruction steps reach it.
  for (int i = 0; i < 200000 && !mode->goal_reached() && !model.finished(); ++i) {
    model.step(StepKind::Instruction);
    mode->after_step(model);
  }
  CHECK(mode->goal_reached());
  CHECK(model.lost_updates() > 0);
  // Leaving the checkpoint removes the goal's breakpoint.
  REQUIRE(mode->go_to(model, 0));
  CHECK(model.condition_breakpoints().empty());
}

TEST_CASE("lesson mode: a lesson that cannot open says why and leaves the studio's program") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lessons::default_lessons_root() / "no-such-lesson", model, lessons::Lang::En, error);
  CHECK_FALSE(mode);
  CHECK_FALSE(error.empty());
  CHECK(model.file() == "x.go");
}

TEST_CASE("lesson mode: the student as the scheduler reaches the data-race goal by a scripted sequence of choices") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  const int goal_at = goal_checkpoint(*mode);
  REQUIRE(mode->go_to(model, goal_at));
  // Both workers are on cores; pick them by goroutine. The sequence (as tests/lessons' scheduler choice test
  // finds it on the machine): G7 runs to its Load of balance, G6 to its Load and on to its Store, then G7 stores
  // over it: both loaded the same value, one update is lost.
  auto core_of = [&](GId g) {
    for (const CoreChoice& c : model.scheduler_choices())
      if (c.g == g) return c.core;
    return -1;
  };
  REQUIRE(core_of(7) >= 0);
  REQUIRE(core_of(6) >= 0);
  const std::size_t lost_before = model.lost_updates();
  const std::pair<GId, int> script[] = {{7, 3}, {6, 5}, {6, 2}, {7, 2}};
  for (const auto& [g, n] : script)
    for (int i = 0; i < n; ++i) {
      CHECK_FALSE(mode->goal_reached());
      model.step_on(core_of(g), StepKind::Instruction);
      mode->after_step(model);
    }
  CHECK(mode->goal_reached());
  CHECK(model.lost_updates() == lost_before + 1);
  // A step back and forward again replays the choices: the same lost update.
  const std::uint64_t hash = model.machine()->state_hash();
  model.step_back(StepKind::Instruction);
  model.step(StepKind::Instruction);
  CHECK(model.machine()->state_hash() == hash);
  // The next checkpoint is the lesson's own run again (the choices dropped).
  REQUIRE(mode->go_to(model, goal_at + 1));
  auto timeline = lessons::LessonTimeline::start(mode->lesson(), error);
  REQUIRE(timeline);
  timeline->go_to(static_cast<std::size_t>(goal_at + 1));
  CHECK(model.machine()->state_hash() == timeline->session().machine().state_hash());
}

TEST_CASE("lesson mode: next walks every checkpoint in order and previous walks back") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("data-race"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  for (int k = 0; k < mode->count(); ++k) {
    INFO("to checkpoint " << k);
    REQUIRE(mode->next(model));
    CHECK(mode->at() == k);
    CHECK(model.instructions() == mode->position(k));
  }
  CHECK_FALSE(mode->next(model));
  for (int k = mode->count() - 2; k >= -1; --k) {
    REQUIRE(mode->previous(model));
    CHECK(mode->at() == k);
  }
}

TEST_CASE("lesson mode: a claim over two runs of the lesson's program is a pair Compare steps together") {
  StudioModel model("x.go", "package main\n\nfunc main() {}\n");
  std::string error;
  auto mode = LessonMode::open(lesson_folder("false-sharing"), model, lessons::Lang::En, error);
  REQUIRE(mode);
  const std::vector<ComparePreset> pairs = mode->claim_pairs();
  const auto padding = std::find_if(pairs.begin(), pairs.end(), [](const ComparePreset& p) { return p.id == "claim:padding"; });
  REQUIRE(padding != pairs.end());
  CompareModel compare(model.file(), model.text(), *padding);
  REQUIRE(compare.ok());
  REQUIRE(compare.run_until("exit", error));
  const auto s = compare.summaries();
  const int padded = padding->a.label == "padded" ? 0 : 1;
  // The lesson's claim, seen in the studio's Compare: padding takes at least 5x fewer invalidating requests.
  CHECK(s[static_cast<std::size_t>(1 - padded)].invalidating() >= 5 * s[static_cast<std::size_t>(padded)].invalidating());
  CHECK(s[0].last_output == s[1].last_output);
}
