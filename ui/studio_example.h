// The built-in example the studio opens with no program given (the first of examples.h): two cores
// ping-ponging one sync.Mutex.
#pragma once

#include <string_view>

namespace gb::ui {

inline constexpr std::string_view kExampleFile = "pingpong.go";
// Two goroutines lock a sync.Mutex and increment a shared counter; with GOMAXPROCS 2 on 2 cores the mutex's
// and the counter's cache lines move between the cores on every Lock (BusRdX / BusUpgr, the other copy to I).
std::string_view example_program();

}  // namespace gb::ui
