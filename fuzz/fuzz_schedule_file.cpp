// Schedule files (sim/explore/schedule_file.h), as `run --schedule` and the studio read them: any bytes either
// parse or fail with a message naming the line; a parsed file printed back parses again, to the same schedule and
// machine, and prints the same (the first print may normalise the text values "file", "protocol" and "found": a
// carriage return inside one becomes a space); and the program check accepts exactly the text whose hash the file
// carries. fuzz/regressions/fuzz_schedule_file/ has what once failed (tests/sim replays it too).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_lines.h"
#include "sim/explore/schedule_file.h"

namespace {

bool same_machine(const gb::explore::ScheduleFile& a, const gb::explore::ScheduleFile& b) {
  return a.program_hash == b.program_hash && a.cores == b.cores && a.gomaxprocs == b.gomaxprocs &&
         a.seed == b.seed && a.at == b.at && a.instructions == b.instructions && a.choices == b.choices;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using gb::fuzz::fail;
  namespace ex = gb::explore;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto parsed = ex::parse_schedule(text, error);
  if (!parsed) {
    if (error.rfind("line ", 0) != 0) fail("a rejected schedule without the line it failed at");
    return 0;
  }
  if (!error.empty()) fail("an accepted schedule with an error");
  const std::string printed = ex::format_schedule(*parsed);
  const auto again = ex::parse_schedule(printed, error);
  if (!again) fail("a parsed schedule printed back does not parse");
  if (!same_machine(*parsed, *again)) fail("a parsed schedule printed back parses to another schedule");
  if (ex::format_schedule(*again) != printed) fail("printing a schedule is not stable after one round trip");
  // The input itself as a program's text: a file belongs to it exactly when the hashes agree.
  const bool belongs = ex::program_hash(text) == parsed->program_hash;
  if (ex::wrong_program(*parsed, text).has_value() == belongs) fail("the program check disagrees with the hash");
  return 0;
}
