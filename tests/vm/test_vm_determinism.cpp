// Determinism and snapshots on compiled Go: the same seed gives the same run (GOMAXPROCS 2 included), a copied
// VM is an independent snapshot that finishes the same way, and stepping one instruction at a time follows the
// same schedule as running in one go.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "scheduler/vm/vm.h"
#include "sim/go/run_program.h"

using namespace gb::vm;

namespace {

const char* const kProgram = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counts := map[int]int{}
	results := make(chan int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			sum := 0
			for i := 0; i < 2000; i++ {
				mu.Lock()
				counts[i%7]++
				mu.Unlock()
				sum += i * w
			}
			results <- sum
		}(w)
	}
	wg.Wait()
	close(results)
	total := 0
	for s := range results {
		total += s
	}
	fmt.Println(total, counts[0], counts[6], len(counts))
}
)";

std::shared_ptr<const Program> compile(const char* text) {
  std::string diags;
  auto p = gb::go::compile_go("main.go", text, diags);
  INFO(diags);
  REQUIRE(p);
  return p;
}

}  // namespace

TEST_CASE("vm: the same seed gives the same run with GOMAXPROCS 2", "[vm][determinism]") {
  const auto prog = compile(kProgram);
  VmOptions o;
  o.gomaxprocs = 2;
  o.seed = 7;
  Vm a(prog, o), b(prog, o);
  a.run();
  b.run();
  REQUIRE(a.finished());
  CHECK(a.exit_code() == 0);
  CHECK(a.stdout_text() == "11994000 1144 1140 7\n");
  CHECK(a.stdout_text() == b.stdout_text());
  CHECK(a.instructions() == b.instructions());
  CHECK(a.state_hash() == b.state_hash());
  REQUIRE_FALSE(a.scheduler().check_invariants());
}

TEST_CASE("vm: a copied VM is a snapshot that runs on independently", "[vm][snapshot]") {
  const auto prog = compile(kProgram);
  for (int procs : {1, 2}) {
    VmOptions o;
    o.gomaxprocs = procs;
    Vm original(prog, o);
    original.run(20000);
    REQUIRE_FALSE(original.finished());
    Vm copy = original;
    CHECK(copy.state_hash() == original.state_hash());
    original.run();
    CHECK(copy.state_hash() != original.state_hash());
    copy.run();
    CHECK(copy.stdout_text() == original.stdout_text());
    CHECK(copy.state_hash() == original.state_hash());
  }
}

TEST_CASE("vm: stepping one instruction at a time follows the same schedule as run", "[vm][step]") {
  const auto prog = compile(R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		s := 0
		for v := range ch {
			s += v
		}
		fmt.Println("sum", s)
		done <- true
	}()
	for i := 0; i < 50; i++ {
		ch <- i
	}
	close(ch)
	<-done
}
)");
  for (int procs : {1, 2}) {
    VmOptions o;
    o.gomaxprocs = procs;
    Vm whole(prog, o), stepped(prog, o);
    whole.run();
    std::uint64_t steps = 0;
    while (stepped.step()) ++steps;
    CHECK(stepped.stdout_text() == "sum 1225\n");
    CHECK(stepped.stdout_text() == whole.stdout_text());
    CHECK(stepped.instructions() == whole.instructions());
    CHECK(stepped.state_hash() == whole.state_hash());
    CHECK(steps + 1 >= stepped.instructions() - 1);
  }
}
