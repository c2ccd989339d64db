// Litmus tests as data: tiny multi-core programs, the registers they observe and the outcome SC forbids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/types.h"
#include "micro_op.h"

namespace gb {

// A shared location of a test and the name its program text uses ("x", "flag").
struct LitmusLocation {
  Addr addr = 0;
  std::string name;
};

// A register the test looks at when every core has finished: core `core`'s register `reg`, printed as `name`.
struct LitmusRegister {
  CoreId core = 0;
  int reg = 0;
  std::string name;
};

// The final values of the observed registers, in the order of LitmusTest::observed.
using LitmusOutcome = std::vector<Word>;

// Registers per core a litmus program may use (MicroOp::reg in 0..kLitmusRegisters-1).
inline constexpr int kLitmusRegisters = 8;

struct LitmusTest {
  std::string id;                             // what `--test` takes: "sb", "sb-fence", "mp", ...
  std::string name;                           // the literature's name: "SB", "SB+fences", ...
  std::string summary;                        // one line for a listing: what the test shows
  std::vector<LitmusLocation> locations;      // every shared location, all initially 0
  std::vector<std::vector<MicroOp>> threads;  // thread i runs on core i, in program order
  std::vector<LitmusRegister> observed;
  LitmusOutcome forbidden;  // the outcome sequential consistency forbids
  // Whether x86-TSO allows `forbidden` (reference/coherence.md section 8). Under SC it never is.
  bool tso_allows = false;
};

// The catalogue, in display order: SB, SB+fences, SB+rmws, SB+forwarding, MP, MP+fences, LB, IRIW.
const std::vector<LitmusTest>& litmus_tests();
// The catalogue entry with this id (case-insensitive), or null.
const LitmusTest* find_litmus(std::string_view id);
// Null when the test is well formed (registers in range, observed registers written, outcome arity);
// otherwise why not. Tests built by hand (lessons, later) go through this before they are explored.
std::optional<std::string> validate(const LitmusTest& test);

// The name of the location holding `addr`, or the address in hex.
std::string location_name(const LitmusTest& test, Addr addr);
// The name of core `core`'s register `reg`: the observed name, or "c<core>.r<reg>".
std::string register_name(const LitmusTest& test, CoreId core, int reg);
// One micro-op in the notation of reference/coherence.md: "x = 1", "r1 = y", "fence", "fetch_add(x, 1)".
std::string format_op(const LitmusTest& test, CoreId core, const MicroOp& op);
// A thread's program on one line: "x = 1; r1 = y".
std::string format_thread(const LitmusTest& test, CoreId core);
// An outcome as "r1=0 r2=0".
std::string format_outcome(const LitmusTest& test, const LitmusOutcome& outcome);

}  // namespace gb
