// Machine mode (issue 4): Go memory at Go's byte addresses, loads and stores through the simulated cores' caches,
// lost updates that emerge without synchronisation and never with it, atomics as locked read-modify-writes,
// determinism and snapshots.
#include <catch2/catch.hpp>

#include "scheduler/vm/vm.h"
#include "sim/go/run_program.h"

namespace {

using gb::vm::MachineOptions;
using gb::vm::Vm;
using gb::vm::VmOptions;

std::shared_ptr<const gb::vm::Program> compile(const std::string& src) {
  std::string diags;
  auto p = gb::go::compile_go("prog.go", src, diags);
  INFO(diags);
  REQUIRE(p);
  return p;
}

VmOptions machine_options(int cores, int gomaxprocs, std::uint64_t seed = 1,
                          gb::ProtocolKind protocol = gb::ProtocolKind::MESI, double jitter = 1.0) {
  VmOptions o;
  o.seed = seed;
  o.gomaxprocs = gomaxprocs;
  MachineOptions mo;
  mo.memory.cores = cores;
  mo.memory.protocol = protocol;
  mo.check_coherence = true;
  mo.jitter = jitter;
  o.machine = mo;
  return o;
}

// Two goroutines add 1 to a shared int64 `per` times each, in one of three ways.
std::string counter_program(const std::string& increment, int per) {
  std::string s = R"(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var balance int64
var mu sync.Mutex

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < )";
  s += std::to_string(per);
  s += R"(; j++ {
				)";
  s += increment;
  s += R"(
			}
		}()
	}
	wg.Wait()
	_ = atomic.LoadInt64(&balance)
	fmt.Println(balance)
}
)";
  return s;
}

}  // namespace

TEST_CASE("machine: package variables get Go's sizes, alignment and padding", "[machine]") {
  auto prog = compile(R"(package main

var a int64
var b int64
var flag bool
var small int32
var c struct {
	x int32
	y bool
	z int64
}
var padded struct {
	n int64
	_ [56]byte
	m int64
}

func main() { a = 1; b = 2; flag = true; small = -3; c.z = 4; padded.m = 5 }
)");
  Vm vm(prog, machine_options(1, 1));
  vm.run();
  REQUIRE(vm.finished());
  const gb::vm::Memory& m = vm.memory();
  // Globals in declaration order: a, b, flag, small, c{x,y,z}, padded{n, 56 pad bytes, m}, after the library's.
  std::uint64_t g0 = 0;
  bool found = false;
  for (const auto& g : prog->globals) {
    if (g.name == "main.a") {
      g0 = g.addr - 1;
      found = true;
    }
  }
  REQUIRE(found);
  const auto a = m.byte_address(g0 + 1), b = m.byte_address(g0 + 2), flag = m.byte_address(g0 + 3), small = m.byte_address(g0 + 4);
  CHECK(b == a + 8);
  CHECK(a / 64 == b / 64);  // side by side: one 64-byte line
  CHECK(m.byte_width(g0 + 3) == 1);
  CHECK(flag == b + 8);
  CHECK(m.byte_width(g0 + 4) == 4);
  CHECK(small == flag + 4);  // int32 aligned to 4 after a 1-byte bool
  const auto cx = m.byte_address(g0 + 5), cy = m.byte_address(g0 + 6), cz = m.byte_address(g0 + 7);
  CHECK(cx % 8 == 0);
  CHECK(cy == cx + 4);
  CHECK(cz == cx + 8);
  const auto pn = m.byte_address(g0 + 8);
  const auto pm = m.byte_address(g0 + 8 + 1 + 56);
  CHECK(pm == pn + 64);  // the pad puts m on the next line
  CHECK(pn / 64 != pm / 64);
  CHECK(m.peek(g0 + 1) == 1);
  CHECK(m.peek(g0 + 3) == 1);
  CHECK(static_cast<std::int64_t>(m.peek(g0 + 4)) == -3);
  CHECK(m.peek(g0 + 7) == 4);
  CHECK(m.peek(g0 + 8 + 1 + 56) == 5);
  CHECK_FALSE(m.system().violation().has_value());
}

TEST_CASE("machine: heap objects, slices and maps round-trip their values through the caches", "[machine]") {
  auto prog = compile(R"(package main

import "fmt"

type T struct {
	a int8
	b uint16
	c float32
	d string
	e []int32
}

func main() {
	t := &T{a: -5, b: 65535, c: 1.5, d: "hi"}
	t.e = append(t.e, -1, 2, -3)
	bs := []byte("xyz")
	bs[1] = 'Y'
	m := map[string]int{"k": 7}
	m["k"] += 1
	fmt.Println(t.a, t.b, t.c, t.d, t.e, string(bs), m["k"])
}
)");
  Vm vm(prog, machine_options(2, 2));
  vm.run();
  REQUIRE(vm.finished());
  CHECK(vm.stdout_text() == "-5 65535 1.5 hi [-1 2 -3] xYz 8\n");
  CHECK_FALSE(vm.memory().system().violation().has_value());
}

TEST_CASE("machine: an unsynchronised counter loses updates on two cores, mutex and atomics never do",
          "[machine]") {
  const auto racy = compile(counter_program("balance += 1", 300));
  const auto locked = compile(counter_program("mu.Lock(); balance += 1; mu.Unlock()", 300));
  const auto atomics = compile(counter_program("atomic.AddInt64(&balance, 1)", 300));
  int lost_runs = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    Vm r(racy, machine_options(2, 2, seed));
    r.run();
    REQUIRE(r.finished());
    if (r.stdout_text() != "600\n") ++lost_runs;
    for (const auto& p : {locked, atomics}) {
      Vm v(p, machine_options(2, 2, seed));
      v.run();
      REQUIRE(v.finished());
      CHECK(v.stdout_text() == "600\n");
      CHECK_FALSE(v.memory().system().violation().has_value());
    }
  }
  CHECK(lost_runs > 0);
  // On one core with one P nothing interleaves inside `balance += 1`: no update is lost.
  Vm one(racy, machine_options(1, 1));
  one.run();
  CHECK(one.stdout_text() == "600\n");
}

TEST_CASE("machine: atomics take the line in M with BusRdX, never by reading it shared first", "[machine]") {
  const auto atomics = compile(counter_program("atomic.AddInt64(&balance, 1)", 1000));
  auto rdx_of = [&](std::uint64_t seed, double jitter) {
    Vm v(atomics, machine_options(2, 2, seed, gb::ProtocolKind::MESI, jitter));
    v.run();
    REQUIRE(v.stdout_text() == "2000\n");
    const gb::MemorySystem& ms = v.memory().system();
    std::uint64_t rdx = 0;
    for (int c = 0; c < 2; ++c) rdx += ms.stats(c).bus_rdx;
    return rdx;
  };
  // With regular timing (jitter 0) the two cores alternate: while both goroutines run, the line ping-pongs
  // between them on (almost) every add; the second worker starts a little later (its M spins up first), so
  // count on half of them.
  CHECK(rdx_of(1, 0.0) >= 1000);
  // With timing noise how long they overlap and how often a core gets two adds in before the other's request
  // varies with the seed, but the line still moves hundreds of times, always by BusRdX.
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    INFO("seed " << seed);
    CHECK(rdx_of(seed, 1.0) >= 200);
  }
}

TEST_CASE("machine: fewer cores than Ps time-slices the Ms, more cores run them in parallel", "[machine]") {
  const auto prog = compile(counter_program("balance += 1", 3000));
  Vm one(prog, machine_options(1, 4));
  one.run();
  REQUIRE(one.finished());
  CHECK(one.cores().size() == 1);
  CHECK(one.cores()[0].instructions == one.instructions());
  Vm two(prog, machine_options(2, 2));
  two.run();
  REQUIRE(two.finished());
  CHECK(two.cores()[0].instructions > 0);
  CHECK(two.cores()[1].instructions > 0);
}

TEST_CASE("machine: same seed, same hash, a copy is a snapshot that replays identically", "[machine]") {
  const auto prog = compile(counter_program("balance += 1", 500));
  Vm a(prog, machine_options(2, 2, 7));
  Vm b(prog, machine_options(2, 2, 7));
  a.run(2000);
  b.run(2000);
  REQUIRE(a.state_hash() == b.state_hash());
  const Vm snapshot = a;
  a.run(3000);
  Vm again = snapshot;
  again.run(3000);
  CHECK(again.state_hash() == a.state_hash());
  CHECK(snapshot.state_hash() != a.state_hash());
  a.run();
  again.run();
  CHECK(a.stdout_text() == again.stdout_text());
}

TEST_CASE("machine: channel operations take hchan's lock word and move elements through the buffer's lines",
          "[machine]") {
  const auto prog = compile(R"(package main

import "fmt"

type Pair struct {
	A int32
	B bool
	C float32
}

func main() {
	ch := make(chan Pair, 8)
	done := make(chan int64)
	go func() {
		var sum int64
		for p := range ch {
			if p.B {
				sum += int64(p.A) + int64(p.C)
			}
		}
		done <- sum
	}()
	x := 0
	for i := 0; i < 100; i++ {
		for k := 0; k < 1000; k++ { // work between sends: the sender's P stays busy
			x += k
		}
		ch <- Pair{A: int32(i), B: i%2 == 0, C: 0.5}
	}
	close(ch)
	_ = x
	fmt.Println(<-done)
}
)");
  struct Traffic {
    std::uint64_t to_m = 0, reads = 0;
  };
  auto run = [&](std::uint64_t seed, double jitter) {
    Vm v(prog, machine_options(2, 2, seed, gb::ProtocolKind::MESI, jitter));
    v.run();
    REQUIRE(v.finished());
    CHECK(v.stdout_text() == "2450\n");  // even i: sum 0..98 step 2 = 2450; each C 0.5 truncates to 0
    const gb::MemorySystem& ms = v.memory().system();
    CHECK_FALSE(ms.violation().has_value());
    Traffic t;
    for (int c = 0; c < 2; ++c) {
      t.to_m += ms.stats(c).bus_rdx + ms.stats(c).bus_upgr;
      t.reads += ms.stats(c).bus_rd;
    }
    return t;
  };
  // The sender works between sends and never parks, so the receiver it wakes (into its own P's runnext) is
  // stolen by the other P's spinning M after runqgrab's 3 us sleep and drains the buffer on the other core: the
  // lock word (and buffer lines) move between the cores. (Without the work the sender fills the buffer and
  // parks within those 3 us, its P runs the receiver itself, and the pair shares one core, as in Go.)
  const Traffic regular = run(1, 0.0);
  CHECK(regular.to_m >= 100);
  CHECK(regular.reads >= 1);
  int crossed = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) crossed += run(seed, 1.0).to_m >= 100 ? 1 : 0;
  CHECK(crossed >= 1);
}

TEST_CASE("time scale: a teaching scale shrinks the 10 ms preemption slice", "[machine]") {
  // One P; main spins until a goroutine it started sets the flag: only sysmon's preemption lets that one run.
  const auto prog = compile(R"(package main

import (
	"fmt"
	"sync/atomic"
)

var flag int32

func main() {
	go func() { atomic.StoreInt32(&flag, 1) }()
	for atomic.LoadInt32(&flag) == 0 {
	}
	fmt.Println("released")
}
)");
  for (const double scale : {1.0, 0.001}) {
    VmOptions o = machine_options(1, 1);
    o.time_scale = scale;
    Vm v(prog, o);
    v.run();
    REQUIRE(v.stdout_text() == "released\n");
    INFO("scale " << scale << ": released at " << v.now() << " ns");
    if (scale == 1.0) {
      CHECK(v.now() >= 10'000'000);
    } else {
      CHECK(v.now() >= 10'000);
      CHECK(v.now() < 1'000'000);
    }
  }
}

// Ms (proc.go §1.5): the first `go` wakes one spinning M, which runs on a core while it looks for work; as the
// spinning Ms find the workers, they wake more, until four Ms run the four Ps; when the workers end, the Ms that
// find nothing park. The thread invariants hold after every instruction.
TEST_CASE("machine: spinning Ms come up one at a time, run on cores while they look, and park", "[machine][threads]") {
  const std::string src = R"(package main

import (
	"fmt"
	"sync"
)

func work(n int, out *int) {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	*out = s
}

func main() {
	var wg sync.WaitGroup
	res := make([]int, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			work(3000, &res[i])
		}(i)
	}
	wg.Wait()
	fmt.Println(res[0] + res[3])
}
)";
  Vm vm(compile(src), machine_options(4, 4, 11));
  const gb::Scheduler& s = vm.scheduler();
  int max_spinning = 0;
  bool spinner_on_core = false;
  std::size_t max_running_ms = 0;
  while (vm.step()) {
    const auto bad = s.check_invariants();
    if (bad) FAIL(*bad);
    max_spinning = std::max(max_spinning, s.spinning_ms());
    std::size_t running = 0;
    for (const gb::Thread& t : s.ms()) running += t.status == gb::MStatus::Running;
    max_running_ms = std::max(max_running_ms, running);
    for (const gb::vm::CoreRun& c : vm.cores())
      if (c.thread >= 0 && s.m(c.thread).status == gb::MStatus::Spinning) spinner_on_core = true;
  }
  CHECK(vm.stdout_text() == "8997000\n");
  CHECK(max_spinning == 1);  // wakep never has two Ms spinning for one submission
  CHECK(spinner_on_core);
  CHECK(max_running_ms == 4);
  CHECK(s.ms().size() == 4);
}

// Per-P timer heaps: a sleeping goroutine's timer goes on the heap of the P it ran on; the program still wakes
// every sleeper at the right time, whichever P runs the timer.
TEST_CASE("machine: timers live on the heap of the P that set them", "[machine][threads][timers]") {
  const std::string src = R"(package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				time.Sleep(time.Duration(50+10*i) * time.Microsecond)
				mu.Lock()
				total++
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(total)
}
)";
  Vm vm(compile(src), machine_options(4, 4, 3));
  std::vector<bool> heap_used(4, false);
  while (vm.step()) {
    const auto bad = vm.scheduler().check_invariants();
    if (bad) FAIL(*bad);
    for (int p = 0; p < 4; ++p)
      if (vm.timers().pending(p) > 0) heap_used[static_cast<std::size_t>(p)] = true;
  }
  CHECK(vm.stdout_text() == "20\n");
  CHECK(std::count(heap_used.begin(), heap_used.end(), true) >= 2);
}

namespace {

// A broker that answers every poll with nothing, and kills the caller of the second poll.
class KillingHost final : public gb::vm::WorldHost {
 public:
  gb::vm::WorldReply call(gb::vm::WorldCall call, const gb::vm::WorldArgs&, std::int64_t now) override {
    gb::vm::WorldReply r;
    r.done_ns = now + 1000;
    r.ok = false;
    if (call == gb::vm::WorldCall::MqPoll && ++polls == 2) r.kill_caller = true;
    return r;
  }
  int polls = 0;
};

}  // namespace

TEST_CASE("machine: a goroutine the outside world kills exits as Goexit, running its deferred calls",
          "[machine][world]") {
  const std::string src = R"(package main

import (
	"fmt"
	"gopherbus/mq"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred: outer")
		func() {
			defer fmt.Println("deferred: inner")
			for i := 0; ; i++ {
				_, ok := mq.Poll(7)
				fmt.Println("poll", i, ok)
			}
		}()
		fmt.Println("never printed")
	}()
	wg.Wait()
	fmt.Println("main goes on")
}
)";
  KillingHost host;
  Vm vm(compile(src), machine_options(2, 2, 1));
  vm.set_world(&host);
  vm.run();
  CHECK(vm.exit_code() == 0);
  CHECK(vm.stdout_text() == "poll 0 false\ndeferred: inner\ndeferred: outer\nmain goes on\n");
  CHECK(vm.killed_goroutines() == 1);
}

// The store-buffering litmus test (x86-TSO's one reordering) in Go: two goroutines on two cores each store to
// one variable and load the other. With store buffers on, both loads can see 0 (each store still waits in its
// core's buffer); with them off the machine is sequentially consistent and never does. Atomics drain the buffer.
TEST_CASE("machine: store buffers let a load pass an earlier store (SB litmus), atomics never", "[machine][tso]") {
  auto litmus = [](const std::string& store_x, const std::string& store_y) {
    return std::string(R"(package main

import (
	"fmt"
	"sync/atomic"
)

var x, y, r1, r2, start int64

func main() {
	both := 0
	for i := 0; i < 30; i++ {
		x, y, r1, r2 = 0, 0, -1, -1
		atomic.StoreInt64(&start, 0)
		ch := make(chan bool)
		go func() {
			for atomic.LoadInt64(&start) == 0 {
			}
			)") + store_x + R"(
			r1 = y
			ch <- true
		}()
		go func() {
			for atomic.LoadInt64(&start) == 0 {
			}
			)" + store_y + R"(
			r2 = x
			ch <- true
		}()
		for j := 0; j < 200; j++ {
		}
		atomic.StoreInt64(&start, 1)
		<-ch
		<-ch
		if r1 == 0 && r2 == 0 {
			both++
		}
	}
	fmt.Println(both)
}
)";
  };
  auto run = [&](const std::string& prog, int entries) {
    VmOptions o = machine_options(3, 3, 7);
    o.machine->memory.store_buffer_entries = entries;
    Vm vm(compile(prog), o);
    vm.run(50'000'000);
    REQUIRE(vm.finished());
    return std::stoi(vm.stdout_text());
  };
  const std::string plain = litmus("x = 1", "y = 1");
  const std::string atomics = litmus("atomic.StoreInt64(&x, 1)", "atomic.StoreInt64(&y, 1)");
  const int tso = run(plain, 8);
  INFO("both loads saw 0 in " << tso << " of 30 rounds with store buffers");
  CHECK(tso > 0);
  CHECK(run(plain, 0) == 0);    // no store buffers: sequentially consistent
  CHECK(run(atomics, 8) == 0);  // a locked store drains the buffer and is never buffered itself
}

namespace {

// How many times sync.Mutex's lockSlow called runtime_doSpin (it does so only when runtime_canSpin said yes), and
// how many of its instructions ran (the lock was contended).
std::uint64_t mutex_spins(Vm& v, std::uint64_t* slow = nullptr) {
  const gb::vm::Program& prog = v.program();
  std::uint64_t spins = 0;
  while (v.step()) {
    const Vm::BurstOrigin& o = v.burst_origin();
    if (o.func >= prog.functions.size()) continue;
    const gb::vm::Function& fn = prog.functions[o.func];
    if (slow != nullptr && fn.name == "sync.(*Mutex).lockSlow") ++*slow;
    if (fn.name == "sync.runtime_doSpin") {  // the native's own frame ran
      ++spins;
      continue;
    }
    if (o.pc >= fn.code.size()) continue;
    const gb::vm::Instr& in = fn.code[o.pc];
    std::int32_t native = -1;
    if (in.op == gb::vm::Op::CallNative) native = in.d;
    if (in.op == gb::vm::Op::Call && static_cast<std::size_t>(in.d) < prog.functions.size())
      native = prog.functions[static_cast<std::size_t>(in.d)].native;
    if (native >= 0 && static_cast<std::size_t>(native) < prog.natives.size() &&
        prog.natives[static_cast<std::size_t>(native)].name == "sync.runtime_doSpin")
      ++spins;
  }
  return spins;
}

}  // namespace

TEST_CASE("machine: sync.Mutex spins only on a multicore machine (proc.go sync_runtime_canSpin: ncpu > 1)",
          "[machine][sync]") {
  // A long critical section: a goroutine that finds the lock taken mostly finds its holder still inside it.
  const auto locked = compile(counter_program("mu.Lock(); for k := 0; k < 20; k++ { balance += 1 }; mu.Unlock()", 100));
  std::uint64_t multi = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    // One core, two Ps: the lock holder can only be running if this M is not, so spinning is useless and
    // canSpin says no (ncpu <= 1), however many Ps there are.
    VmOptions o1 = machine_options(1, 2, seed);
    o1.machine->record = true;  // burst_origin() is kept when recording
    Vm one(locked, o1);
    CHECK(mutex_spins(one) == 0);
    CHECK(one.stdout_text() == "4000\n");
    VmOptions o2 = machine_options(2, 2, seed);
    o2.machine->record = true;
    Vm two(locked, o2);
    std::uint64_t slow = 0;
    multi += mutex_spins(two, &slow);
    CHECK(slow > 0);
    CHECK(two.stdout_text() == "4000\n");
  }
  CHECK(multi > 0);
}

TEST_CASE("machine: len and cap of a channel read the hchan's qcount and dataqsiz through the cache "
          "(chanlen/chancap, no lock)", "[machine][chan]") {
  const auto prog = compile(R"(package main

import "fmt"

func main() {
	ch := make(chan int, 4)
	done := make(chan bool)
	go func() {
		for len(ch) < 3 {
		}
		done <- true
	}()
	x := 0
	for i := 0; i < 5000; i++ { // the poller is taken by the other core's M and polls meanwhile
		x += i
	}
	for i := 0; i < 3; i++ {
		ch <- i + x - x
	}
	<-done
	fmt.Println(len(ch), cap(ch))
}
)");
  VmOptions o = machine_options(2, 2, 1);
  o.machine->record = true;
  Vm v(prog, o);
  v.run();
  REQUIRE(v.finished());
  CHECK(v.stdout_text() == "3 4\n");
  // The poller's core reads qcount with plain loads: after each of the sender's updates it misses and reads
  // the line again (BusRd), never taking it for writing and never touching the lock word.
  const gb::vm::Word qcount = v.hchan_address(0);
  std::uint64_t reads = 0, writes = 0;
  for (const gb::vm::BusRecord& r : v.memory().bus_log()) {
    if (r.cause.kind != gb::vm::AccessKind::ChanFieldRead) continue;
    if (r.op == gb::BusOp::BusRd) ++reads;
    if (r.op == gb::BusOp::BusRdX || r.op == gb::BusOp::BusUpgr) ++writes;
  }
  CHECK(qcount != 0);
  CHECK(reads >= 1);
  CHECK(writes == 0);
}

TEST_CASE("machine: stealing a running P's runnext waits runqgrab's usleep(3) first", "[machine][sched]") {
  // main starts a goroutine (it goes to main's runnext) and keeps running: the spinning M on the other core can
  // only take it from runnext, after 3 us; the goroutine reports how long after the go statement it began.
  const auto prog = compile(R"(package main

import (
	"fmt"
	"time"
)

func main() {
	t0 := time.Now()
	d := make(chan time.Duration, 1)
	go func() { d <- time.Since(t0) }()
	x := 0
	for i := 0; i < 20000; i++ {
		x += i
	}
	fmt.Println(<-d >= 3*time.Microsecond, x > 0)
}
)");
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    VmOptions o = machine_options(2, 2, seed, gb::ProtocolKind::MESI, 0.0);
    o.machine->record = true;
    Vm v(prog, o);
    v.run();
    REQUIRE(v.finished());
    CHECK(v.stdout_text() == "true true\n");
    CHECK(v.steals() >= 1);
  }
}
