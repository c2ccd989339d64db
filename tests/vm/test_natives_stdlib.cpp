// The embedded standard-library packages (sim/go/stdlib/*.go) against the natives: every file parses
// cleanly, every function declared without a body has a native (except the scheduler-bound ones the
// interpreter serves), and every registered native is declared in some package.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "scheduler/vm/native.h"
#include "scheduler/vm/natives/natives.h"
#include "sim/go/parser.h"
#include "sim/go/stdlib.h"

using namespace gb;

namespace {

// Natives the interpreter implements itself because they act on the scheduler (native.h's contract).
const std::set<std::string> kInterpreterNatives = {
    "mq.Publish", "mq.Subscribe", "mq.pollRaw", "mq.commitOffset", "clients.nextRaw", "db.Exec",  // system calls
    "sync.runtime_starvationThreshold",
    "runtime.Gosched",
    "runtime.NumGoroutine",
    "runtime.GOMAXPROCS",
    "runtime.stack",
    "runtime.NumCPU",
    "runtime.Breakpoint",
    "os.runtime_argc",
    "os.runtime_argv", "os.runtime_envc", "os.runtime_envv",
    "runtime.Goexit",
    "runtime.GC",
    "runtime.SetFinalizer",
    "runtime.gcMarkWorkerStep",
    "runtime.readMemStats",
    "debug.setGCPercent",
    "runtime.callers",
    "runtime.funcInfo",
    "sync.runtime_SemacquireMutex",
    "sync.runtime_Semacquire",
    "sync.runtime_Semrelease",
    "sync.runtime_canSpin",
    "sync.runtime_doSpin",
    "sync.runtime_nanotime",
    "sync.fatal",
    "sync.throw",
    "time.Sleep",
    "time.runtimeNano",
    "time.startTimer",
    "time.stopTimer",
    "os.Exit",
};

// "pkg.Func" or "pkg.Type.Method" for every function declared without a body.
std::set<std::string> bodiless_functions(std::vector<std::string>& problems) {
  std::set<std::string> names;
  for (const go::EmbeddedFile& f : go::stdlib_files()) {
    go::SourceFile src(std::string(f.name), std::string(f.text));
    go::Diagnostics diags(std::string(f.name));
    const go::Ast ast = go::parse_file(src, diags);
    for (const std::string& line : diags.lines()) problems.push_back(line);
    const go::Node& file = ast[ast.file];
    for (go::NodeId d : ast.list(file.l1)) {
      const go::Node& decl = ast[d];
      if (decl.kind != go::NodeKind::FuncDecl || decl.d != go::kNoNode) continue;
      std::string name = file.text + ".";
      if (decl.b != go::kNoNode) {
        go::NodeId recv_type = ast[decl.b].a;
        if (ast[recv_type].kind == go::NodeKind::Star) recv_type = ast[recv_type].a;
        name += ast[recv_type].text + ".";
      }
      name += ast[decl.a].text;
      names.insert(name);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("every standard-library file parses cleanly", "[natives][stdlib]") {
  std::vector<std::string> problems;
  bodiless_functions(problems);
  INFO(problems.size());
  for (const std::string& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  // One file per package of the subset.
  std::set<std::string> files;
  for (const go::EmbeddedFile& f : go::stdlib_files()) {
    files.insert(std::string(f.name));
    // sim/go/embed_stdlib.cmake writes the sources as char arrays, which cannot hold bytes >= 0x80.
    bool ascii = true;
    for (char c : f.text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    INFO(f.name);
    CHECK(ascii);
  }
  for (const char* want : {"bytes.go", "context.go", "errors.go", "fmt.go", "io.go", "log.go", "math.go",
                           "os.go", "runtime.go", "sort.go", "strconv.go", "strings.go", "sync.go",
                           "sync_atomic.go", "time.go", "unicode.go", "unicode_utf8.go"}) {
    INFO(want);
    CHECK(files.count(want) == 1);
  }
}

TEST_CASE("every bodiless standard-library function has a native", "[natives][stdlib]") {
  std::vector<std::string> problems;
  const std::set<std::string> declared = bodiless_functions(problems);
  CHECK(declared.size() > 50);
  for (const std::string& name : declared) {
    INFO(name);
    if (kInterpreterNatives.count(name) != 0) {
      CHECK(vm::find_native(name) == nullptr);  // the interpreter's, not ours
    } else {
      CHECK(vm::find_native(name) != nullptr);
    }
  }
  for (const std::string& name : kInterpreterNatives) {
    INFO(name);
    CHECK(declared.count(name) == 1);
  }
  // And nothing registered is left without a declaration.
  vm::natives::NativeTable table;
  vm::natives::register_errors_natives(table);
  vm::natives::register_fmt_natives(table);
  vm::natives::register_strings_natives(table);
  vm::natives::register_strconv_natives(table);
  vm::natives::register_atomic_natives(table);
  vm::natives::register_runtime_natives(table);
  vm::natives::register_utf8_natives(table);
  vm::natives::register_context_natives(table);
  vm::natives::register_os_natives(table);
  vm::natives::register_sort_natives(table);
  vm::natives::register_math_natives(table);
  vm::natives::register_unicode_natives(table);
  vm::natives::register_json_natives(table);
  for (const auto& [name, fn] : table) {
    INFO(name);
    CHECK(declared.count(std::string(name)) == 1);
    CHECK(fn != nullptr);
  }
}
