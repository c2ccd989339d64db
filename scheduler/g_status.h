// Goroutine identity and states, with the runtime's own numbering (runtime/runtime2.go) so traces match Go's.
#pragma once

#include <cstdint>
#include <string_view>

namespace gb {

using GId = std::int32_t;  // goroutine id as Go prints it ("goroutine 18 [running]:")
inline constexpr GId kNoG = 0;

enum class GStatus : std::uint8_t {
  Idle = 0,
  Runnable = 1,
  Running = 2,
  Syscall = 3,
  Waiting = 4,
  Dead = 6,
  Preempted = 9,
};

constexpr std::string_view name(GStatus s) {
  switch (s) {
    case GStatus::Idle: return "idle";
    case GStatus::Runnable: return "runnable";
    case GStatus::Running: return "running";
    case GStatus::Syscall: return "syscall";
    case GStatus::Waiting: return "waiting";
    case GStatus::Dead: return "dead";
    case GStatus::Preempted: return "preempted";
  }
  return "?";
}

}  // namespace gb
