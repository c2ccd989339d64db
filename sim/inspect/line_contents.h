// What lives in one cache line, in Go's words: the package variables (by field and element path: "main.mu",
// "main.tight[1]"), channels' hchans and buffers, so hovering a line in the cores panel says which variable
// is ping-ponging. Read from the run-time type table and the machine's byte layout; no ImGui.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scheduler/vm/vm.h"
#include "sim/inspect/sync_state.h"

namespace gb::inspect {

struct LineOccupant {
  std::uint32_t offset = 0;  // first byte within the line
  std::uint32_t bytes = 0;   // how many of the line's bytes it covers
  std::string what;          // "main.counter int", "main.mu sync.Mutex", "hchan of channel 2"
};

// The occupants of the `block_bytes` line at byte address `line`, in address order, at most `limit` of them
// (a larger aggregate that lies wholly inside the line is one occupant, not its fields). Empty outside
// machine mode and for lines nothing named lives in (heap objects, goroutine-local escapes, the runtime's own
// words). `source` (the program's lines) lets a local channel be named from its make line, as the channels
// panel does.
std::vector<LineOccupant> line_contents(const vm::Vm& vm, std::uint64_t line, std::uint32_t block_bytes,
                                        const std::vector<std::string>* source = nullptr,
                                        std::size_t limit = 12);

// The same walk for one byte: the Go variable holding byte address `byte`, down to the scalar ("main.balance",
// "main.mu.state", "main.tight[1]", "hchan of channel jobs (1).lock", "buffer of channel jobs (1)"), else the
// typed heap object holding it (Vm::heap_objects: "heap sync.WaitGroup.sema", "heap [4]int[2]"); empty when
// none does. `chans` (channel_views) names the channels.
std::string variable_at(const vm::Vm& vm, std::uint64_t byte, const std::vector<ChanView>& chans);

}  // namespace gb::inspect
