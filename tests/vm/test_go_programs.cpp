// Whole Go programs through load -> check -> compile -> interpreter, compared with real Go 1.19:
//  - the oracle corpus tests/go/*.go against the .stdout/.stderr/.exit files real Go produced (regen.sh);
//  - the `// run` programs of Go's own test tree (/usr/share/go-1.19/test) listed in tests/go/gotest_corpus.txt,
//    whose success is a silent exit 0 (or output equal to their .out file).
// Programs listed as passing must keep passing (a regression fails the test); the others are reported, so the
// README's counts come from the same run (`test_vm "[corpus]" -s`).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/go/run_program.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::string line;
  std::istringstream in(s);
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// trim-stderr.sh in C++: keep up to the first "goroutine N [...]:" line (with `full`, every line, frames' argument
// words as "(...)" and positions as "\tbase.go:line"); hide the pc of a SIGSEGV line and a stack overflow's
// addresses; drop throw's "runtime stack:" block.
std::string trim_stderr(const std::string& s, bool full = false) {
  std::string out;
  bool skipping = false;
  for (std::string line : lines_of(s)) {
    if (line.rfind("[signal ", 0) == 0) {
      const auto at = line.find(" pc=0x");
      if (at != std::string::npos && line.back() == ']') line = line.substr(0, at) + " pc=0x?]";
    }
    if (line.rfind("runtime: sp=0x", 0) == 0 && line.find(" stack=[") != std::string::npos)
      line = "runtime: sp=0x? stack=[0x?, 0x?]";
    if (line == "runtime stack:") {
      skipping = true;
      continue;
    }
    if (skipping) {
      skipping = !line.empty();
      continue;
    }
    const bool header = line.rfind("goroutine ", 0) == 0;
    if (full && !line.empty() && line[0] == '\t') {
      const auto plus = line.find(" +0x");
      if (plus != std::string::npos) line.resize(plus);
      const auto slash = line.rfind('/');
      if (slash != std::string::npos) line = "\t" + line.substr(slash + 1);
    } else if (full && !header && line.size() > 2 && line.back() == ')') {
      const auto open = line.rfind('(');
      if (open != std::string::npos && open + 2 < line.size() &&
          line.find(')', open) == line.size() - 1)
        line = line.substr(0, open) + "(...)";
    }
    out += line;
    out += '\n';
    if (!full && header && line.size() > 2 && line.substr(line.size() - 2) == "]:") {
      const auto sp = line.find(' ', 10);
      bool digits = sp != std::string::npos && sp > 10;
      for (std::size_t i = 10; digits && i < sp; ++i) digits = std::isdigit(static_cast<unsigned char>(line[i]));
      if (digits) break;
    }
  }
  return out;
}

std::set<std::string> listed(const fs::path& file) {
  std::set<std::string> names;
  for (const std::string& l : lines_of(read_file(file))) {
    if (l.empty() || l[0] == '#') continue;
    names.insert(l.substr(0, l.find(' ')));
  }
  return names;
}

constexpr std::uint64_t kMaxInstructions = 400'000'000;

// Why a corpus program differs from real Go (empty: it matches).
std::string oracle_mismatch(const fs::path& prog, const std::optional<gb::vm::MachineOptions>& machine = {},
                            int gomaxprocs = 1) {
  const std::string text = read_file(prog);
  gb::go::GoRunOptions opts;
  opts.max_instructions = kMaxInstructions;
  opts.machine = machine;
  opts.gomaxprocs = gomaxprocs;
  const gb::go::GoRunResult r = gb::go::run_go(prog.filename().string(), text, opts);
  fs::path base = prog;
  base.replace_extension();
  std::string why;
  const std::string want_out = read_file(base.string() + ".stdout");
  if (text.rfind("// gopherbus: schedule-dependent", 0) == 0) {
    auto a = lines_of(r.out);
    auto b = lines_of(want_out);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b) why += " stdout(lines)";
  } else if (r.out != want_out) {
    why += " stdout";
  }
  const bool full = text.rfind("// gopherbus: full-traceback", 0) == 0;
  if (trim_stderr(r.compiled ? r.err : r.diagnostics, full) != read_file(base.string() + ".stderr")) why += " stderr";
  const int want_exit = std::stoi(read_file(base.string() + ".exit"));
  if (r.exit_code != want_exit) why += " exit(" + std::to_string(r.exit_code) + ")";
  if (!r.compiled) why += " [compile: " + r.diagnostics.substr(0, r.diagnostics.find('\n')) + "]";
  return why;
}

std::string gotest_mismatch(const fs::path& prog) {
  const std::string text = read_file(prog);
  gb::go::GoRunOptions opts;
  opts.max_instructions = kMaxInstructions;
  const gb::go::GoRunResult r = gb::go::run_go(prog.filename().string(), text, opts);
  if (!r.compiled) return "compile: " + r.diagnostics.substr(0, r.diagnostics.find('\n'));
  fs::path out = prog;
  out.replace_extension(".out");
  std::string why;
  if (r.exit_code != 0) why += " exit(" + std::to_string(r.exit_code) + ")";
  if (fs::exists(out)) {
    if (r.out + r.err != read_file(out)) why += " output";
  } else if (!r.out.empty() || !r.err.empty()) {
    why += " unexpected output: " + (r.out + r.err).substr(0, 200);
  }
  return why;
}

}  // namespace

TEST_CASE("oracle corpus: the programs listed as passing match real Go", "[corpus]") {
  const fs::path dir = fs::path(GB_REPO_DIR) / "tests" / "go";
  const std::set<std::string> passing = listed(dir / "passing.txt");
  std::vector<fs::path> progs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".go") progs.push_back(e.path());
  }
  std::sort(progs.begin(), progs.end());
  REQUIRE(progs.size() >= 60);
  int pass = 0;
  std::string regressions;
  std::string newly;
  for (const fs::path& p : progs) {
    const std::string name = p.stem().string();
    const std::string why = oracle_mismatch(p);
    if (why.empty()) {
      ++pass;
      if (!passing.count(name)) newly += " " + name;
    } else if (passing.count(name)) {
      regressions += "\n  " + name + ":" + why;
    }
  }
  WARN("oracle corpus: " << pass << " of " << progs.size() << " programs match real Go");
  if (!newly.empty()) WARN("passing but not listed in tests/go/passing.txt:" << newly);
  INFO("regressions:" << regressions);
  CHECK(regressions.empty());
}

// Issue 4: output must not depend on the machine. Every listed program again on simulated cores and caches.
TEST_CASE("oracle corpus on the machine: 1, 2 and 4 cores, MESI and MSI, same output", "[corpus][machine]") {
  const fs::path dir = fs::path(GB_REPO_DIR) / "tests" / "go";
  const std::set<std::string> passing = listed(dir / "passing.txt");
  struct Config {
    int cores, gomaxprocs;
    gb::ProtocolKind protocol;
  };
  for (const Config c : {Config{1, 1, gb::ProtocolKind::MESI}, Config{2, 2, gb::ProtocolKind::MSI},
                         Config{4, 4, gb::ProtocolKind::MESI}, Config{1, 4, gb::ProtocolKind::MSI}}) {
    gb::vm::MachineOptions mo;
    mo.memory.cores = c.cores;
    mo.memory.protocol = c.protocol;
    std::string regressions;
    for (const std::string& name : passing) {
      const std::string why = oracle_mismatch(dir / (name + ".go"), mo, c.gomaxprocs);
      if (!why.empty()) regressions += "\n  " + name + ":" + why;
    }
    INFO(c.cores << " cores, GOMAXPROCS " << c.gomaxprocs << ", " << gb::protocol_name(c.protocol)
                 << "; regressions:" << regressions);
    CHECK(regressions.empty());
  }
}

TEST_CASE("Go's test corpus: the listed `// run` programs pass", "[corpus]") {
  const fs::path go_test = "/usr/share/go-1.19/test";
  if (!fs::exists(go_test)) {
    FAIL("golang-1.19-src is not installed (make deps installs it)");
  }
  const fs::path list = fs::path(GB_REPO_DIR) / "tests" / "go" / "gotest_corpus.txt";
  std::set<std::string> passing;
  std::vector<std::string> all;
  for (const std::string& l : lines_of(read_file(list))) {
    if (l.empty() || l[0] == '#') continue;
    const std::string name = l.substr(0, l.find(' '));
    all.push_back(name);
    if (l.find(" pass") != std::string::npos) passing.insert(name);
  }
  REQUIRE(all.size() >= 25);
  int pass = 0;
  std::string regressions;
  std::string newly;
  for (const std::string& name : all) {
    const std::string why = gotest_mismatch(go_test / name);
    if (why.empty()) {
      ++pass;
      if (!passing.count(name)) newly += " " + name;
    } else if (passing.count(name)) {
      regressions += "\n  " + name + ":" + why;
    }
  }
  WARN("Go test corpus: " << pass << " of " << all.size() << " programs pass");
  if (!newly.empty()) WARN("passing but not marked pass in tests/go/gotest_corpus.txt:" << newly);
  INFO("regressions:" << regressions);
  CHECK(regressions.empty());
}

// runtime.Stack(buf, true) stops the world, which preempts the goroutines running on other Ps: Go 1.19 prints
// such a goroutine as [runnable] with its stack (checked with GOMAXPROCS=2 on this very program; Go's
// goroutine id differs, 19 there, because its Ps take ids in batches).
TEST_CASE("runtime.Stack(buf, true) shows a goroutine running on another P as runnable, with its stack",
          "[runtime][stack]") {
  const std::string program = R"GO(package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var started, stop int32

func spin() {
	atomic.StoreInt32(&started, 1)
	for atomic.LoadInt32(&stop) == 0 {
	}
}

func main() {
	go spin()
	for atomic.LoadInt32(&started) == 0 {
	}
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, true)
	atomic.StoreInt32(&stop, 1)
	fmt.Print(string(buf[:n]))
}
)GO";
  gb::go::GoRunOptions opts;
  opts.gomaxprocs = 2;
  const gb::go::GoRunResult r = gb::go::run_go("spin.go", program, opts);
  REQUIRE(r.compiled);
  CHECK(r.exit_code == 0);
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "goroutine 1 [running]:");
  CHECK(lines[1] == "main.main()");
  CHECK(lines[2].rfind("\tspin.go:22 +0x", 0) == 0);
  CHECK(lines[3].empty());
  CHECK(lines[4] == "goroutine 6 [runnable]:");
  CHECK(lines[5] == "main.spin()");
  CHECK(lines[6].rfind("\tspin.go:13 +0x", 0) == 0);
  CHECK(lines[7] == "created by main.main");
  CHECK(lines[8].rfind("\tspin.go:18 +0x", 0) == 0);
}

// The tracebacks of an unrecovered panic go on past the line the corpus compares: each frame with its
// position, and the goroutine's creator (Go 1.19's shape, from this program built and run with GOMAXPROCS=1;
// Go inlines f and so prints it as main.f(...) without an offset).
TEST_CASE("a panicking goroutine's traceback names its frames and its creator", "[runtime][stack]") {
  const std::string program = R"GO(package main

func f() {
	var m map[string]int
	m["a"] = 1
}

func main() {
	done := make(chan bool)
	go func() {
		f()
		done <- true
	}()
	<-done
}
)GO";
  const gb::go::GoRunResult r = gb::go::run_go("p.go", program, {});
  REQUIRE(r.compiled);
  CHECK(r.exit_code == 2);
  const std::vector<std::string> lines = lines_of(r.err);
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "panic: assignment to entry in nil map");
  CHECK(lines[2] == "goroutine 5 [running]:");
  CHECK(lines[3].rfind("main.f(", 0) == 0);
  CHECK(lines[4].rfind("\tp.go:5", 0) == 0);
  CHECK(lines[5] == "main.main.func1()");
  CHECK(lines[6].rfind("\tp.go:11 +0x", 0) == 0);
  CHECK(lines[7] == "created by main.main");
  CHECK(lines[8].rfind("\tp.go:10 +0x", 0) == 0);
}

// The process the program sees: os.Args from the command line, runtime's build constants (Go's values on
// linux/amd64), NumCPU as the simulated machine's cores, and Breakpoint's SIGTRAP (exit 2, as real Go 1.19
// prints it without a debugger: "SIGTRAP: trace trap", then the goroutine's traceback).
TEST_CASE("os.Args, runtime.GOOS/GOARCH/Compiler/NumCPU and runtime.Breakpoint", "[runtime]") {
  const std::string program = R"GO(package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	fmt.Println(len(os.Args), os.Args[0], os.Args[1:])
	fmt.Println(runtime.GOOS, runtime.GOARCH, runtime.Compiler, runtime.NumCPU())
	if len(os.Args) > 2 {
		runtime.Breakpoint()
	}
}
)GO";
  gb::go::GoRunOptions opts;
  opts.gomaxprocs = 3;
  opts.args = {"one"};
  gb::go::GoRunResult r = gb::go::run_go("args.go", program, opts);
  REQUIRE(r.compiled);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "2 main [one]\nlinux amd64 gc 3\n");

  opts.args = {"a", "b"};
  gb::vm::MachineOptions machine;
  machine.memory.cores = 2;
  opts.machine = machine;
  r = gb::go::run_go("args.go", program, opts);
  CHECK(r.exit_code == 2);
  CHECK(r.out == "3 main [a b]\nlinux amd64 gc 2\n");
  CHECK(r.err.rfind("SIGTRAP: trace trap\n", 0) == 0);
  CHECK(r.err.find("goroutine 1 [running]:\nmain.main()\n\targs.go:13 +0x") != std::string::npos);
}
