// Run > Explore drawn headless: the search runs on its own thread while the window draws its progress, and what it
// finds (the opposite-order transfers' deadlock) replaces the studio's run, opened where it went wrong; a schedule
// made for another text is refused; `--schedule` needs the program it was made for.
#include <chrono>
#include <thread>
#include <variant>

#include <catch2/catch.hpp>

#include "headless_imgui.h"
#include "ui/app_options.h"
#include "ui/schedule_open.h"
#include "ui/strings.h"

using namespace gb;
using namespace gb::ui;

namespace {

const char* kTransfers = R"(package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *Account, amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	from.mu.Lock()
	to.mu.Lock()
	from.balance -= amount
	to.balance += amount
	to.mu.Unlock()
	from.mu.Unlock()
}

func main() {
	a := &Account{balance: 100}
	b := &Account{balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(a, b, 10, &wg)
	go transfer(b, a, 20, &wg)
	wg.Wait()
	fmt.Println(a.balance, b.balance)
}
)";

}  // namespace

TEST_CASE("explore panel: the search runs in the background and opens the deadlock it finds where it went wrong") {
  test::Headless h;
  StudioModel m("transfers.go", kTransfers);  // the studio's default machine: 2 cores, GOMAXPROCS 2
  REQUIRE(m.loaded());
  h.ui.explore.open = true;
  h.ui.explore.bound = 1;
  REQUIRE(h.frames(m, 2));
  const ImGuiWindow* w = test::Headless::window("###explore");
  REQUIRE(w != nullptr);
  ExploreRequest req;
  req.preemption_bound = 1;
  REQUIRE(h.ui.explore.job.start(m, req));
  // The window keeps drawing (its progress bar) while the search runs.
  for (int i = 0; i < 3000 && h.ui.explore.job.running(); ++i) {
    REQUIRE(h.frames(m, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE_FALSE(h.ui.explore.job.running());
  REQUIRE(h.frames(m, 1));  // the frame collects the outcome
  INFO(h.ui.explore.message);
  CHECK(h.ui.explore.message.find("all goroutines are asleep - deadlock!") != std::string::npos);
  REQUIRE(m.config().schedule);
  CHECK(m.config().cores == 2);
  // At the moment it went wrong: both transfers wait for the other's lock, main for them.
  const vm::Vm& vm = m.machine()->runtime();
  int waiting = 0;
  for (const GId g : {1, 6, 7}) waiting += vm.scheduler().g(g).status == GStatus::Waiting ? 1 : 0;
  CHECK(waiting == 3);
  set_ui_language(Lang::Zh);
  CHECK(h.frames(m, 2));
  set_ui_language(Lang::En);
  // Run to the end from there: Go's fatal error.
  m.run_to_end();
  CHECK(vm.stderr_text().rfind("fatal error: all goroutines are asleep - deadlock!", 0) == 0);
}

TEST_CASE("explore panel: a schedule made for another text is refused, and --schedule wants its program") {
  explore::ScheduleFile s;
  s.program_hash = explore::program_hash(kTransfers);
  s.file = "transfers.go";
  s.choices = {1, 0, 1};
  StudioConfig c;
  CHECK_FALSE(apply_schedule(s, kTransfers, c));
  CHECK(c.schedule);
  StudioConfig other;
  const auto bad = apply_schedule(s, std::string(kTransfers) + "\n// edited\n", other);
  REQUIRE(bad);
  CHECK(bad->find("made for transfers.go") != std::string::npos);
  CHECK_FALSE(other.schedule);
  const auto no_program = parse_options({"--schedule", "x.schedule"});
  REQUIRE(std::holds_alternative<OptionsError>(no_program));
  const auto with_program = parse_options({"--schedule", "x.schedule", "prog.go"});
  REQUIRE(std::holds_alternative<AppOptions>(with_program));
  CHECK(std::get<AppOptions>(with_program).schedule_file == std::optional<std::string>("x.schedule"));
}

TEST_CASE("explore panel: a lesson goal's answer is a schedule that reaches it, found in the background") {
  const char* lost = R"(package main

import (
	"fmt"
	"sync"
)

var balance int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				balance += 1
			}
		}()
	}
	wg.Wait()
	fmt.Println(balance)
}
)";
  StudioModel m("lost.go", lost);
  ExploreJob job;
  ExploreRequest req;
  req.until = "lost update on balance";
  REQUIRE(job.start(m, req));
  for (int i = 0; i < 3000 && job.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::optional<ExploreJob::Outcome> out = job.take_outcome();
  REQUIRE(out);
  REQUIRE(out->schedule);
  CHECK(out->result.found->what == "until lost update on balance fired");
  StudioConfig c = m.config();
  REQUIRE_FALSE(apply_schedule(*out->schedule, m.text(), c));
  m.set_config(c);
  m.seek(out->schedule->at);
  CHECK(m.lost_updates() >= 1);  // the replay is at the moment the goal fired
  // A goal that does not parse is refused at once.
  req.until = "lost updaet";
  CHECK_FALSE(job.start(m, req));
  CHECK_FALSE(job.error().empty());
}
