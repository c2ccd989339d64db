// What the interpreter keeps per goroutine: an explicit stack of frames over one vector of slot words (no C++
// recursion per Go call), the defer and panic chains of runtime/panic.go, and what a parked G waits for. All plain
// data: copying it is a snapshot.
#pragma once

#include <cstdint>
#include <vector>

#include "scheduler/g_status.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

inline constexpr std::uint32_t kNoSlot = UINT32_MAX;

enum class FrameKind : std::uint8_t {
  Normal,        // called by Call/CallClosure/CallIface, or a goroutine's entry
  DeferReturn,   // a deferred call run by its frame's Return/RunDefers (results discarded)
  DeferPanic,    // a deferred call run by a panic (recover works directly inside it)
  Nested,        // a method run to completion for a native (call_string_method)
};

struct Frame {
  std::uint32_t func = 0;
  std::uint32_t pc = 0;
  std::uint32_t base = 0;          // index of slot 0 in the goroutine's stack
  std::uint32_t ret = kNoSlot;     // caller's slot receiving the results (kNoSlot: discarded)
  Word closure = 0;                // the closure this frame was called through (0: direct call)
  std::uint32_t panic = 0;         // DeferPanic: index of the panic that started it, in GState::panics
  FrameKind kind = FrameKind::Normal;
  bool force_return = false;       // resumed by a recovery without recover_pc: finish returning
};

struct DeferRecord {
  Word closure = 0;
  std::uint32_t args = 0;          // offset of its argument words in GState::defer_args
  std::uint32_t nargs = 0;
  std::uint32_t frame = 0;         // depth (index in frames) of the frame that deferred it
  bool started = false;            // run by a panic and not yet returned
  std::uint32_t panic = 0;         // the panic that started it
};

struct PanicRecord {
  Word type = 0;                   // the panic value (an interface)
  Word data = 0;
  bool recovered = false;
  bool aborted = false;
};

enum class WaitKind : std::uint8_t { None, ChanSend, ChanRecv, Select, Sema, Sleep, Forever };

struct Wait {
  WaitKind kind = WaitKind::None;
  bool done = false;               // the partner completed it (channel ops, select)
  bool success = false;            // send: false = woken by close; recv: ok
  bool ticket = false;             // sema: handed the semaphore directly
  bool lifo = false;               // sema: queue at the front when re-queued
  std::uint32_t chan = 0;          // ChanSend/ChanRecv: the channel index
  std::uint32_t dst = kNoSlot;     // ChanRecv/Select: absolute stack index for the result (Select: the chosen case)
  std::uint32_t ok = kNoSlot;      // ChanRecv: absolute stack index of the ok word
  std::uint32_t elem_words = 0;
  std::uint32_t select = 0;        // Select: index into Program::selects; `base` is the frame base of its slots
  std::uint32_t base = 0;
  std::int32_t chosen = -1;
  Word sema = 0;                   // Sema: the semaphore's address
  std::vector<Word> value;         // ChanRecv/Select: the value received
};

struct GState {
  std::vector<Word> stack;
  std::vector<Frame> frames;
  std::vector<DeferRecord> defers;
  std::vector<Word> defer_args;
  std::vector<PanicRecord> panics;
  Wait wait;
  bool sig = false;                // the current panic chain started from a nil dereference (SIGSEGV line)
  bool send_closed = false;        // woken from a send by close: panics "send on closed channel" when resumed
  bool goexit = false;             // killed by the outside world: exits as runtime.Goexit when resumed
  bool exiting = false;            // in runtime.Goexit: its deferred calls run, then it ends (main too)
  bool system = false;             // a runtime goroutine (forcegc, bgsweep, bgscavenge, finalizer)
  bool started = false;            // it has run an instruction (Vm::burst_origin; not part of the state hash)
  // Where its `go` statement was (the creator's function and line), as Go's tracebacks say "created by";
  // UINT32_MAX for main and the runtime's own goroutines.
  std::uint32_t created_func = UINT32_MAX;
  std::uint32_t created_line = 0;
  std::uint32_t created_pc = 0;    // the instruction after the `go` (a traceback's +0x offset)
};

}  // namespace gb::vm
