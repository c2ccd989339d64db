// Goroutine identity and states, with the runtime's own numbering (runtime/runtime2.go) so traces match Go's.
#pragma once

#include <array>
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

// The wait reasons goroutines park with, in Go 1.19's words (runtime/runtime2.go's waitReasonStrings), as
// goroutine dumps print them. The runtime parks with these; conditions (`park "chan receive"`) name them. The
// last two are the runtime's own goroutines': a background mark worker between cycles, the finalizer goroutine
// with nothing to run. (Others park once at start and never again: "GC sweep wait", "GC scavenge wait", ...)
namespace wait_reason {
inline constexpr std::string_view kChanReceive = "chan receive";
inline constexpr std::string_view kChanSend = "chan send";
inline constexpr std::string_view kChanReceiveNil = "chan receive (nil chan)";
inline constexpr std::string_view kChanSendNil = "chan send (nil chan)";
inline constexpr std::string_view kSelect = "select";
inline constexpr std::string_view kSelectNoCases = "select (no cases)";
inline constexpr std::string_view kSemacquire = "semacquire";  // sync.Mutex, RWMutex and WaitGroup in 1.19
inline constexpr std::string_view kSleep = "sleep";
inline constexpr std::string_view kGcWorkerIdle = "GC worker (idle)";
inline constexpr std::string_view kFinalizerWait = "finalizer wait";
inline constexpr std::array<std::string_view, 10> kAll = {kChanReceive, kChanSend,      kChanReceiveNil, kChanSendNil,
                                                          kSelect,      kSelectNoCases, kSemacquire,     kSleep,
                                                          kGcWorkerIdle, kFinalizerWait};
}  // namespace wait_reason

}  // namespace gb
