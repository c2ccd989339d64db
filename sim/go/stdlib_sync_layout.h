// sync.Mutex's state bits as the embedded standard library's sync.go declares them (mutexLocked, mutexWoken,
// mutexStarving, mutexWaiterShift, after sync/mutex.go), published for the layers that decode a mutex's state
// word (sim/inspect). A test reads sync.go and checks these against its constants.
#pragma once

#include <cstdint>

namespace gb::gostd {

inline constexpr std::int32_t kMutexLocked = 1, kMutexWoken = 2, kMutexStarving = 4, kMutexWaiterShift = 3;

}  // namespace gb::gostd
