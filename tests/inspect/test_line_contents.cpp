// What lives in a cache line, in Go's words: package variables by path, arrays by element, channels' hchans.
#include <catch2/catch.hpp>

#include "sim/inspect/line_contents.h"
#include "tests/inspect/program_run.h"

using namespace gb;
using namespace gb::inspect;
using gb::test::ProgramRun;
using gb::test::RunConfig;

namespace {

std::string all_names(const std::vector<LineOccupant>& in) {
  std::string s;
  for (const LineOccupant& o : in) s += o.what + "; ";
  return s;
}

// The line holding the byte address of package variable `name`'s first word.
std::uint64_t line_of(const vm::Vm& vm, const std::string& name, std::uint32_t block) {
  for (const vm::GlobalVar& g : vm.program().globals)
    if (g.name == name) return vm.memory().byte_address(g.addr) / block * block;
  FAIL("no package variable " << name);
  return 0;
}

}  // namespace

TEST_CASE("line contents: the mutex example's line holds main.mu and main.counter") {
  ProgramRun m("pingpong.go", gb::test::example_text("pingpong.go"));
  for (int i = 0; i < 500; ++i) m.step(StepKind::Instruction);
  const vm::Vm& vm = m.machine()->runtime();
  constexpr std::uint32_t kBlock = 64;
  const auto in = line_contents(vm, line_of(vm, "main.mu", kBlock), kBlock);
  INFO(all_names(in));
  const auto mu = std::find_if(in.begin(), in.end(),
                               [](const LineOccupant& o) { return o.what == "main.mu sync.Mutex"; });
  REQUIRE(mu != in.end());
  CHECK(mu->bytes == 8);  // state int32 and sema uint32
  const bool counter = std::any_of(in.begin(), in.end(), [](const LineOccupant& o) {
    return o.what == "main.counter int" && o.bytes == 8;
  });
  CHECK(counter);
  for (std::size_t i = 1; i < in.size(); ++i) CHECK(in[i].offset >= in[i - 1].offset + in[i - 1].bytes);
}

TEST_CASE(
    "line contents: an array is named by the elements in the line, a struct split across lines by field") {
  ProgramRun m("false_sharing.go", gb::test::example_text("false_sharing.go"));
  m.step(StepKind::Instruction);
  const vm::Vm& vm = m.machine()->runtime();
  constexpr std::uint32_t kBlock = 64;
  const std::uint64_t tight = line_of(vm, "main.tight", kBlock);
  const auto in = line_contents(vm, tight, kBlock);
  INFO(all_names(in));
  // Both counters of the unpadded array share the line: that is the false sharing.
  const bool whole = std::any_of(in.begin(), in.end(),
                                 [](const LineOccupant& o) { return o.what == "main.tight [2]int64"; });
  CHECK(whole);
  // The padded counters are a line apart, so never in one line together (Go aligns neither, as here).
  bool both = false;
  for (std::uint64_t line = line_of(vm, "main.spaced", kBlock);
       line < line_of(vm, "main.spaced", kBlock) + 3 * kBlock; line += kBlock) {
    const auto parts = line_contents(vm, line, kBlock);
    INFO(all_names(parts));
    const auto has = [&](const char* n) {
      return std::any_of(parts.begin(), parts.end(), [&](const LineOccupant& o) { return o.what == n; });
    };
    both = both || (has("main.spaced[0].n int64") && has("main.spaced[1].n int64"));
    // A run of the padding's elements is one occupant.
    for (const LineOccupant& o : parts)
      if (o.what.find(".pad[") != std::string::npos) CHECK(o.what.find("..") != std::string::npos);
  }
  CHECK_FALSE(both);
  // Nothing named lives far beyond the globals.
  CHECK(line_contents(
            vm, vm.memory().byte_address(vm.memory().heap_words() - 1) / kBlock * kBlock + 4096 * kBlock,
            kBlock)
            .empty());
}

TEST_CASE("line contents: a channel's hchan is named after the variable its make assigns to") {
  ProgramRun m("pipeline.go", gb::test::example_text("pipeline.go"));
  for (int i = 0; i < 2000; ++i) m.step(StepKind::Instruction);
  const vm::Vm& vm = m.machine()->runtime();
  REQUIRE(vm.channels().size() >= 1);
  constexpr std::uint32_t kBlock = 64;
  const std::uint64_t hchan = vm.memory().byte_address(vm.hchan_address(0));
  const auto in = line_contents(vm, hchan / kBlock * kBlock, kBlock, &m.lines());
  INFO(all_names(in));
  const bool named = std::any_of(in.begin(), in.end(),
                                 [](const LineOccupant& o) { return o.what == "hchan of channel jobs (1)"; });
  CHECK(named);
}
