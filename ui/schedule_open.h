// Opening a schedule the explorer found (sim/explore/schedule_file.h) in the studio: `gopherbus --schedule FILE`
// and Run > Explore. The run takes the machine's shape the schedule was made with and replays its choices on the
// controlled machine; the studio then goes to the moment it went wrong. No ImGui.
#pragma once

#include <optional>
#include <string>

#include "sim/explore/schedule_file.h"
#include "studio_model.h"

namespace gb::ui {

// Puts `s` on `c` (cores, GOMAXPROCS, protocol, seed, the choices; no store buffers or planted bug, the race
// detector on when what it found was a race). An error when `s` was made for another text than `program_text`.
std::optional<std::string> apply_schedule(const explore::ScheduleFile& s, const std::string& program_text,
                                          StudioConfig& c);

// Reads and parses a schedule file, then applies it as above.
std::optional<std::string> apply_schedule_file(const std::string& path, const std::string& program_text,
                                               StudioConfig& c, explore::ScheduleFile* out = nullptr);

}  // namespace gb::ui
