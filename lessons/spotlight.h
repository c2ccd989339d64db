// What a checkpoint's narrative talks about, written as text, and parsed into a target the studio outlines:
//   variable NAME      the cache line holding a Go variable (in every core's cache) and its row in Variables
//   goroutine GN       a G's badge on the scheduler board
//   runqueue PN        P N's run queue (and its runnext slot)
//   global-queue       the scheduler's global run queue
//   channel NAME       a channel's hchan in Channels and locks
//   mutex NAME         a sync.Mutex's state word in Channels and locks
//   bus                the latest bus transaction in the bus panel
//   protocol-row STATE EVENT   a row of the protocol table (`protocol-row S PrWr`)
//   line N             a source line
//   output | stats | timeline | events   a whole panel
#pragma once

#include <string>
#include <string_view>

namespace gb::lessons {

struct Spotlight {
  enum class Kind { None, Variable, Goroutine, RunQueue, GlobalQueue, Channel, Mutex, Bus, ProtocolRow, Line, Panel };
  Kind kind = Kind::None;
  std::string name;  // Variable, Channel, Mutex: the Go name; ProtocolRow: the state; Panel: the panel
  std::string event; // ProtocolRow: the processor or bus event
  int number = -1;   // Goroutine: the G id; RunQueue: the P; Line: the line
};

// The target, or the reason the text names none (the message lists the forms).
struct ParsedSpotlight {
  Spotlight spotlight;
  std::string error;
};
ParsedSpotlight parse_spotlight(std::string_view text);

}  // namespace gb::lessons
