// The data-race lesson's "you are the scheduler" checkpoint played through the Session's choices
// (sim/machine/scheduler_choice.h): picking cores at instruction grain so both Loads come before either Store
// loses an update (the checkpoint's goal fires), while whole iterations taken in turn never lose one.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "lessons/lesson_loader.h"
#include "lessons/lesson_run.h"
#include "sim/inspect/condition_eval.h"
#include "sim/inspect/query.h"
#include "sim/machine/session.h"

namespace fs = std::filesystem;

namespace {

const fs::path kLesson = fs::path(GB_REPO_DIR) / "lessons" / "15-data-race";
constexpr std::uint32_t kLine = 17;  // balance += 1

// Steps chosen cores one instruction at a time, watching the goal and the loads and stores of line 17.
class Player {
 public:
  Player(gb::Session& s, const gb::inspect::BoundCondition& goal) : s_(s), goal_(goal) {}

  int core_of(gb::GId g) const {
    for (const gb::CoreChoice& c : s_.choices())
      if (c.g == g) return c.core;
    return -1;
  }
  // One instruction on the core running g. False when g is not on offer.
  bool step(gb::GId g) {
    const int core = core_of(g);
    if (core < 0) return false;
    const gb::vm::Vm& vm = s_.machine().runtime();
    const auto* ring = vm.recent_accesses(g);
    const std::uint64_t count0 = ring ? ring->count : 0;
    const gb::inspect::Observation before = goal_.observe(s_.machine());
    const auto r = s_.forward_on(core, gb::StepKind::Instruction);
    REQUIRE(r);
    REQUIRE(r->instructions == 1);
    const gb::inspect::Observation after = goal_.observe(s_.machine(), &before);
    last_fired = goal_.fires(s_.machine(), before, after);
    fired = fired || last_fired;
    last_load = last_store = false;
    ring = vm.recent_accesses(g);
    if (ring && ring->count > count0) {
      const auto* a = ring->newest(0);
      const auto& fn = vm.program().functions[a->func];
      if (a->pc < fn.lines.size() && fn.lines[a->pc] == kLine) {
        last_load = !a->store;
        last_store = a->store;
      }
    }
    ++steps;
    return true;
  }
  // Steps g until it loads (or stores) balance on line 17; the number of instructions, or -1 past `limit`.
  int until_access(gb::GId g, bool store, int limit = 200) {
    for (int i = 1; i <= limit; ++i) {
      if (!step(g)) return -1;
      if (store ? last_store : last_load) return i;
    }
    return -1;
  }

  bool fired = false, last_fired = false, last_load = false, last_store = false;
  int steps = 0;

 private:
  gb::Session& s_;
  const gb::inspect::BoundCondition& goal_;
};

long balance(const gb::Session& s) {
  const auto a = gb::inspect::answer("value balance", s.machine());
  REQUIRE(std::holds_alternative<gb::inspect::Answer>(a));
  return std::stol(std::get<gb::inspect::Answer>(a).text);
}

struct YourTurn {
  std::unique_ptr<gb::lessons::LessonTimeline> timeline;
  std::optional<gb::inspect::BoundCondition> goal;
  std::uint64_t position = 0;
};

YourTurn your_turn() {
  const gb::lessons::Loaded l = gb::lessons::load_lesson(kLesson);
  REQUIRE(l.usable());
  YourTurn y;
  std::string error;
  y.timeline = gb::lessons::LessonTimeline::start(l.lesson, error);
  INFO(error);
  REQUIRE(y.timeline);
  std::size_t k = 0;
  while (k < l.lesson.checkpoints.size() && l.lesson.checkpoints[k].goal.empty()) ++k;
  REQUIRE(k < l.lesson.checkpoints.size());
  REQUIRE(l.lesson.checkpoints[k].id == "your-turn");
  REQUIRE(y.timeline->positions().size() > k);
  y.timeline->go_to(k);
  y.position = y.timeline->session().position();
  y.goal = gb::inspect::BoundCondition::bind(l.lesson.checkpoints[k].goal, y.timeline->session().machine(),
                                             &y.timeline->source(), error);
  INFO(error);
  REQUIRE(y.goal);
  return y;
}

}  // namespace

TEST_CASE("scheduler choice: the data-race lesson's student loses an update at instruction grain",
          "[scheduler-choice][lessons]") {
  YourTurn y = your_turn();
  gb::Session& s = y.timeline->session();
  // At the checkpoint both workers are on cores: G7 about to run line 17 (the checkpoint's `line 17 by G7`),
  // G6 at its loop's condition (line 16), between two iterations.
  const auto offered = s.choices();
  REQUIRE(offered.size() == 2);
  gb::GId g7 = gb::kNoG, g6 = gb::kNoG;
  for (const gb::CoreChoice& c : offered) {
    INFO("core " << c.core << " G" << c.g << " line " << c.line);
    (c.g == 7 ? g7 : g6) = c.g;
    CHECK(c.line == (c.g == 7 ? kLine : kLine - 1));
  }
  REQUIRE(g7 == 7);
  REQUIRE(g6 == 6);
  const long before = balance(s);
  Player play(s, *y.goal);
  // The lesson's recipe: G7 loads balance; G6 runs until it has loaded it, added and stored; G7 stores the
  // sum it made from the value it loaded before G6's store.
  CHECK(play.until_access(g7, false) > 0);
  CHECK(play.until_access(g6, false) > 0);
  CHECK(play.until_access(g6, true) > 0);
  CHECK_FALSE(play.fired);
  CHECK(balance(s) == before + 1);
  CHECK(play.until_access(g7, true) > 0);
  // The goal fires at G7's store, the instruction the student chose last.
  CHECK(play.last_fired);
  CHECK(balance(s) == before + 1);  // two adds, one increment
  const std::uint64_t goal_at = s.position();
  const std::uint64_t goal_hash = s.machine().state_hash();
  INFO("steps " << play.steps);

  // Back to the checkpoint and forward again: the choices replay, and the goal fires at the same state.
  while (s.position() > y.position) REQUIRE(s.back(gb::StepKind::Instruction));
  const gb::StepReport r = s.forward_until(*y.goal);
  CHECK(r.at_boundary);
  CHECK(s.position() == goal_at);
  CHECK(s.machine().state_hash() == goal_hash);
  // Seeking from the start of the lesson reaches it too.
  s.restart();
  s.seek(goal_at);
  CHECK(s.machine().state_hash() == goal_hash);
}

TEST_CASE("scheduler choice: whole iterations taken in turn never lose an update",
          "[scheduler-choice][lessons]") {
  YourTurn y = your_turn();
  gb::Session& s = y.timeline->session();
  const long before = balance(s);
  Player play(s, *y.goal);
  // Each turn runs one goroutine until it has stored balance: its Load, Add and Store with nobody in between.
  int stores = 0;
  for (int turn = 0; turn < 8; ++turn) {
    const gb::GId g = turn % 2 == 0 ? 7 : 6;
    INFO("turn " << turn << " G" << g);
    REQUIRE(play.until_access(g, true) > 0);
    ++stores;
  }
  CHECK_FALSE(play.fired);
  CHECK(balance(s) == before + stores);
  // From the same checkpoint, the machine left to itself is another run: the choices made these states.
  const std::uint64_t chosen_hash = s.machine().state_hash();
  const std::uint64_t at = s.position();
  s.seek(y.position);
  s.drop_choices_ahead();
  s.seek(at);
  CHECK(s.machine().state_hash() != chosen_hash);
}
