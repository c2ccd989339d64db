// The channels-and-locks views on Go programs: a buffered channel with a blocked sender (the view's len, cap,
// sendx, recvx, slot values and waiters are the Channel's at every step), and a sync.Mutex contended on two
// cores (found by name and on the heap, its state bits decoded from the coherent memory value, its waiter
// queue the semaphore's FIFO), all without disturbing the machine.
#include <algorithm>
#include <bit>

#include <catch2/catch.hpp>

#include "tests/go_programs.h"
#include "tests/inspect/program_run.h"
#include "sim/inspect/sync_state.h"

using namespace gb;
using namespace gb::inspect;
using gb::test::kLongHold;
using gb::test::ProgramRun;
using gb::test::RunConfig;

namespace {

const char* kBlockedSender = R"(package main

import (
	"fmt"
	"time"
)

var ch = make(chan int, 3)

func main() {
	go func() {
		for i := 1; i <= 5; i++ {
			ch <- i * 10
		}
	}()
	time.Sleep(time.Millisecond)
	for i := 0; i < 5; i++ {
		fmt.Println(<-ch)
	}
}
)";

const char* kContended = R"(package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var n int

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
)";

const char* kHeapMutex = R"(package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	hits int
	mu   sync.Mutex
	n    int
}

func main() {
	c := &Counter{}
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				c.mu.Lock()
				c.n++
				c.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
}
)";

// `text` on two cores with two Ps; a `time_scale` below 1 is a teaching scale.
ProgramRun two_cores(const char* text, double time_scale = 1.0) {
  RunConfig c;
  c.cores = 2;
  c.gomaxprocs = 2;
  c.time_scale = time_scale;
  return ProgramRun("prog.go", text, c);
}

std::vector<GId> gs_of(const std::deque<Sudog>& q) {
  std::vector<GId> out;
  for (const Sudog& s : q) out.push_back(s.g);
  return out;
}

std::vector<GId> gs_of(const std::vector<ChanWaiter>& q) {
  std::vector<GId> out;
  for (const ChanWaiter& w : q) out.push_back(w.g);
  return out;
}

// The view says what the Channel says.
void check_channel(const vm::Vm& vm, std::size_t i) {
  const gb::Channel& c = vm.channels()[i];
  const std::optional<ChanView> v = channel_view(vm, i);
  REQUIRE(v);
  CHECK(v->len == c.len());
  CHECK(v->cap == c.cap());
  CHECK(v->sendx == c.sendx());
  CHECK(v->recvx == c.recvx());
  CHECK(v->closed == c.closed());
  CHECK(gs_of(v->sendq) == gs_of(c.sendq()));
  CHECK(gs_of(v->recvq) == gs_of(c.recvq()));
  REQUIRE(v->slots.size() == c.cap());
  const auto full =
      std::count_if(v->slots.begin(), v->slots.end(), [](const auto& s) { return s.has_value(); });
  CHECK(static_cast<std::uint32_t>(full) == c.len());
}

}  // namespace

TEST_CASE("sync state: a full buffered channel with a blocked sender, as its Channel has it at every step") {
  ProgramRun m = two_cores(kBlockedSender);
  REQUIRE(m.loaded());
  const vm::Vm& vm = m.machine()->runtime();
  bool saw_blocked = false;
  m.step_until(StepKind::Instruction, 40'000, [&](const StepReport&) {
    for (std::size_t k = 0; k < vm.channels().size(); ++k) check_channel(vm, k);
    if (saw_blocked || vm.channels().empty() || vm.channels()[0].sendq().empty()) return false;
    saw_blocked = true;
    const std::vector<ChanView> all = channel_views(vm);
    REQUIRE(all.size() == vm.channels().size());
    const ChanView v = *channel_view(vm, 0);
    CHECK(v.name == "main.ch");
    CHECK(v.label() == "main.ch");
    CHECK(v.elem_type == "int");
    CHECK(v.hchan != 0);
    CHECK(v.hchan_byte >= vm::Memory::kFirstByteAddress);
    CHECK(v.len == 3);
    CHECK(v.cap == 3);
    CHECK(v.sendx == 0);  // the ring is full: the next send would go to slot 0 again
    CHECK(v.recvx == 0);
    CHECK(v.slots[0] == std::optional<std::string>("10"));
    CHECK(v.slots[1] == std::optional<std::string>("20"));
    CHECK(v.slots[2] == std::optional<std::string>("30"));
    REQUIRE(v.sendq.size() == 1);
    CHECK(v.sendq[0].value == "40");  // the blocked sender's element waits in its sudog
    CHECK(vm.scheduler().g(v.sendq[0].g).status == GStatus::Waiting);
    CHECK(v.waiters() == 1);
    return false;  // on to the end: every later step is checked too
  });
  CHECK(saw_blocked);
  CHECK(m.stdout_text() == "10\n20\n30\n40\n50\n");
  // Closed and drained at the end as Go would leave it: the view still agrees.
  CHECK_FALSE(channel_view(vm, vm.channels().size()));
}

TEST_CASE("sync state: a mutex contended on two cores has its locked bit, waiters and sema queue decoded") {
  ProgramRun m = two_cores(kContended);
  REQUIRE(m.loaded());
  const vm::Vm& vm = m.machine()->runtime();
  bool saw_queue = false, saw_locked = false;
  m.step_until(StepKind::Instruction, 200'000, [&](const StepReport&) {
    const std::uint64_t hash = vm.state_hash();
    const std::uint64_t accesses = vm.memory().accesses();
    const std::vector<MutexView> ms = mutex_views(vm);
    CHECK(vm.state_hash() == hash);  // reading the views moved nothing
    CHECK(vm.memory().accesses() == accesses);
    const auto it =
        std::find_if(ms.begin(), ms.end(), [](const MutexView& x) { return x.name == "main.mu"; });
    REQUIRE(it != ms.end());
    const MutexView& mu = *it;
    const auto raw = static_cast<std::int32_t>(static_cast<std::uint32_t>(vm.memory().peek(mu.addr)));
    REQUIRE(mu.state == raw);
    CHECK(mu.locked() == ((raw & 1) != 0));
    CHECK(mu.starving() == ((raw & 4) != 0));
    CHECK(mu.waiter_count() == (raw >> 3));
    const auto& sema = vm.sema_waiters();
    const auto q = sema.find(mu.addr + 1);
    CHECK(mu.queue == (q == sema.end() ? std::vector<GId>{} : q->second));
    saw_locked = saw_locked || mu.locked();
    if (!mu.queue.empty()) {
      saw_queue = true;
      for (GId g : mu.queue) {
        CHECK(vm.scheduler().g(g).status == GStatus::Waiting);
        CHECK(std::find(mu.in_lock.begin(), mu.in_lock.end(), g) == mu.in_lock.end());
      }
      CHECK(mu.waiter_count() >= 1);  // a parked waiter is counted in the state word
    }
    return saw_queue && saw_locked;
  });
  CHECK(saw_queue);
  CHECK(saw_locked);
}

TEST_CASE("sync state: a mutex inside a heap object is found through the goroutines locking it") {
  ProgramRun m = two_cores(kHeapMutex);
  REQUIRE(m.loaded());
  const vm::Vm& vm = m.machine()->runtime();
  std::vector<Word> remembered;
  bool found = false;
  m.step_until(StepKind::Instruction, 200'000, [&](const StepReport&) {
    const std::vector<MutexView> ms = mutex_views(vm, &remembered);
    for (const MutexView& x : ms) {
      if (!x.name.empty() || x.queue.empty()) continue;
      found = true;
      CHECK(x.byte_addr % 4 == 0);
      CHECK(x.waiter_count() >= 1);
    }
    return found;
  });
  CHECK(found);
  // Remembered: still listed once nobody is inside Lock or Unlock.
  m.finish();
  CHECK_FALSE(remembered.empty());
  CHECK(mutex_views(vm, &remembered).size() == remembered.size());
}

TEST_CASE("sync state: values print as fmt's %v for the simple kinds") {
  ProgramRun m = two_cores(kBlockedSender);
  const vm::Vm& vm = m.machine()->runtime();
  CHECK(format_value(vm, vm::kInt, {static_cast<Word>(-7)}) == "-7");
  CHECK(format_value(vm, vm::kBool, {1}) == "true");
  CHECK(format_value(vm, vm::kUint8, {200}) == "200");
  CHECK(format_value(vm, vm::kFloat64, {std::bit_cast<Word>(2.5)}) == "2.5");
  CHECK(format_value(vm, vm::kNoType, {}) == "{}");
}

TEST_CASE("sync state: at a teaching time scale a mutex held long enters starvation mode, as its state says") {
  ProgramRun m = two_cores(kLongHold, 0.001);  // sync.Mutex's 1 ms starvation threshold becomes 1 us
  REQUIRE(m.loaded());
  const vm::Vm& vm = m.machine()->runtime();
  bool starving = false;
  m.step_until(StepKind::Instruction, 1'000'000, [&](const StepReport&) {
    for (const MutexView& mu : mutex_views(vm)) {
      const auto raw = static_cast<std::uint32_t>(vm.memory().peek(mu.addr));
      CHECK(mu.starving() == ((raw & 4u) != 0));
      starving = starving || mu.starving();
    }
    return starving;
  });
  CHECK(starving);
}

TEST_CASE("sync state: a local channel is named after the variable its make assigns to") {
  CHECK(assigned_name("\tdone := make(chan bool)") == "done");
  CHECK(assigned_name("\tc.jobs = make(chan int, 4)") == "c.jobs");
  CHECK(assigned_name("var results = make(chan string)") == "results");
  CHECK(assigned_name("\ta, b := make(chan int), make(chan int)").empty());
  CHECK(assigned_name("\tx := T{ch: make(chan int)}").empty());
  CHECK(assigned_name("\tgo f(make(chan int))").empty());
  const char* text = R"(package main

import "fmt"

var global = make(chan int, 1)

func main() {
	done := make(chan bool)
	results := make(chan string, 2)
	go func() {
		results <- "a"
		done <- true
	}()
	<-done
	global <- 1
	fmt.Println(<-results, <-global)
}
)";
  ProgramRun m = two_cores(text);
  REQUIRE(m.loaded());
  m.finish();
  const std::vector<ChanView> cs = channel_views(m.machine()->runtime(), &m.lines());
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].name == "main.global");
  CHECK(cs[0].line == 0);  // package initialisers run in runtime.main, whose lines span files
  CHECK(cs[1].name == "done");
  CHECK(cs[1].line == 8);
  CHECK(cs[1].elem_type == "bool");
  CHECK(cs[2].name == "results");
  CHECK(cs[2].elem_type == "string");
  // Without the source only package variables have names.
  CHECK(channel_views(m.machine()->runtime())[1].name.empty());
  CHECK(m.stdout_text() == "a 1\n");
}
