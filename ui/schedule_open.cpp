// Schedules in the studio (schedule_open.h).
#include "schedule_open.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace gb::ui {

std::optional<std::string> apply_schedule(const explore::ScheduleFile& s, const std::string& program_text,
                                          StudioConfig& c) {
  if (s.program_hash != explore::program_hash(program_text))
    return fmt::format("the schedule was made for {}, not this program's text (or it has changed since)",
                       s.file.empty() ? std::string("another program") : s.file);
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("cannot open the schedule {}", path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string error;
  const std::optional<explore::ScheduleFile> s = explore::parse_schedule(ss.str(), error);
  if (!s) return fmt::format("{}: {}", path, error);
  if (auto bad = apply_schedule(*s, program_text, c)) return fmt::format("{}: {}", path, *bad);
  if (out != nullptr) *out = *s;
  return std::nullopt;
}

}  // namespace gb::ui
