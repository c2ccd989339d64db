// Schedules in the studio (schedule_open.h).
#include "schedule_open.h"


#include <fmt/format.h>

namespace gb::ui {

std::optional<std::string> apply_schedule(const explore::ScheduleFile& s, const std::string& program_text,
                                          StudioConfig& c) {
  if (auto wrong = explore::wrong_program(s, program_text)) return wrong;
  const auto protocol = parse_protocol(s.protocol);
  if (!protocol) return fmt::format("the schedule names an unknown protocol '{}'", s.protocol);
  if (s.cores > StudioModel::kMaxCores || s.gomaxprocs > StudioModel::kMaxProcs)
    return fmt::format("the schedule's machine ({} cores, GOMAXPROCS {}) is larger than the studio shows ({}, {})",
                       s.cores, s.gomaxprocs, StudioModel::kMaxCores, StudioModel::kMaxProcs);
  c.cores = s.cores;
  c.gomaxprocs = s.gomaxprocs;
  c.protocol = *protocol;
  c.seed = s.seed;
  c.store_buffers = 0;
  c.bug.clear();
  if (s.found.rfind("data race", 0) == 0) c.race = true;
  c.schedule = std::make_shared<const std::vector<std::uint32_t>>(s.choices);
  return std::nullopt;
}

std::optional<std::string> apply_schedule_file(const std::string& path, const std::string& program_text,
                                               StudioConfig& c, explore::ScheduleFile* out) {
  std::string error;
  const std::optional<explore::ScheduleFile> s = explore::load_schedule(path, program_text, error);
  if (!s) return error;
  if (auto bad = apply_schedule(*s, program_text, c)) return fmt::format("{}: {}", path, *bad);
  if (out != nullptr) *out = *s;
  return std::nullopt;
}

}  // namespace gb::ui
