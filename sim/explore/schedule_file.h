// A schedule the explorer found, as a file: the choices of a controlled run in order (each of more than one
// alternative), with what the run needs to take them again (the program's hash, the machine's shape, the seed)
// and what went wrong at its end. `gopherbus-cli run --schedule FILE` and `gopherbus --schedule FILE` replay it.
//
//   gopherbus-schedule 1
//   program 9f2c0e1d5a7b3c11        FNV-1a 64 of the source text
//   file lost_update.go
//   cores 2
//   gomaxprocs 2
//   protocol mesi
//   seed 1
//   found exit status 2: fatal error: all goroutines are asleep - deadlock!
//   at 1843                        where it went wrong (the run's instruction count; the studio opens there)
//   instructions 1843              where a replay stops (a condition or a check fired there; absent: at the end)
//   choices 5
//   0 1 1 0 1
//
// Lines starting with '#' are comments; "found", "at" and "instructions" are optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gb::explore {

struct ScheduleFile {
  std::uint64_t program_hash = 0;
  std::string file;              // the program's file name, for messages
  int cores = 2;
  int gomaxprocs = 2;
  std::string protocol = "mesi";
  std::uint64_t seed = 1;
  std::string found;             // what went wrong at the end ("" when nothing did)
  std::uint64_t at = 0;            // where it went wrong (0: not recorded)
  std::uint64_t instructions = 0;  // where a replay stops (0: at the end of the run)
  std::vector<std::uint32_t> choices;
};

// FNV-1a 64 of a program's source text: a schedule belongs to one text.
std::uint64_t program_hash(std::string_view source);

std::string format_schedule(const ScheduleFile& s);
// Parses a schedule file's text; on error returns nullopt and sets `error` to the line and what is wrong.
std::optional<ScheduleFile> parse_schedule(std::string_view text, std::string& error);

// Why `s` does not belong to the program `source` (made for another text), or nullopt when it does.
std::optional<std::string> wrong_program(const ScheduleFile& s, std::string_view source);

// Reads, parses and checks the schedule file at `path` against the program `source`; on error returns nullopt
// and sets `error` to a message that names the file.
std::optional<ScheduleFile> load_schedule(const std::string& path, std::string_view source, std::string& error);

}  // namespace gb::explore
