// What the collector keeps between cycles (gc.cpp): the pacer's goal from GOGC, the statistics runtime.MemStats
// reports, and the finalizers (runtime/mfinal.go's specials and finq). Plain data: copying it is a snapshot.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scheduler/g_status.h"
#include "scheduler/vm/bytecode.h"

namespace gb::vm {

struct Finalizer {
  Word object = 0;       // the object's first word
  Word object_type = 0;  // the pointer type it was set with (runtime.SetFinalizer's first argument)
  Word closure = 0;      // the finalizer func
  bool iface_arg = false;  // the finalizer takes an interface: it gets (object_type, object), else the pointer
};

// Off: allocation and the mutators alone. Mark: the world runs while background workers and assists scan grey
// objects, the write barrier is on and new objects are allocated black. The stop-the-world steps (sweep
// termination before Mark, mark termination and the sweep after it) are instants between them.
enum class GcPhase : std::uint8_t { Off, Mark };

// A stop-the-world moment of a cycle, kept when recording: the timeline draws the mark phase from a cycle's
// Start to its Termination (a cycle run whole by runtime.GC has both at the same moment).
struct GcEvent {
  enum class Kind : std::uint8_t { Start, Termination };
  Kind kind = Kind::Start;
  std::int64_t ns = 0;       // the runtime's clock
  std::uint32_t cycle = 0;   // NumGC when it began (the first cycle is 0)
  GId g = kNoG;              // the goroutine whose allocation (or runtime.GC) started it, or that ended it
  bool forced = false;       // runtime.GC
  std::uint64_t instr = 0;   // instructions executed when it happened
  std::uint64_t pause_ns = 0;  // the stop-the-world pause that begins at `ns`
};

struct GcState {
  static constexpr std::uint64_t kHeapMinimum = 4 << 20;  // mgc.go's heapminimum at GOGC=100: 4 MB
  int percent = 100;                 // GOGC; negative: off
  std::uint64_t goal = kHeapMinimum; // the heap size (bytes) the next cycle should finish by (the pacer's goal)
  std::uint64_t trigger = kHeapMinimum * 7 / 8;  // the heap size at which it starts, 7/8 of the way to the goal
  GcPhase phase = GcPhase::Off;
  bool fractional = false;           // GOMAXPROCS < 2: one worker shares its P (a fractional worker), yielding
  std::uint64_t cycle_scan = 0;      // words scanned in the current cycle
  std::uint64_t cycle_pause_ns = 0;  // the current cycle's stop-the-world time so far
  std::uint64_t assist_words = 0;    // words scanned by mark assists, all cycles (run stats)
  std::uint64_t worker_words = 0;    // words scanned by the background workers, all cycles (run stats)
  std::vector<GId> workers;          // the background mark workers (gcBgMarkWorker), made at the first cycle
  std::vector<Word> barrier_buffers; // per core (machine mode): the write barrier's buffer objects
  bool pending = false;              // a cycle is due: it runs at the next instruction boundary
  bool forced_request = false;       // ... asked for by runtime.GC
  std::uint32_t cycles = 0;          // NumGC
  std::uint32_t forced = 0;          // NumForcedGC (runtime.GC)
  std::uint64_t pause_total_ns = 0;
  std::array<std::uint64_t, 256> pause_ns{};  // circular, as MemStats.PauseNs
  std::array<std::uint64_t, 256> pause_end{};
  std::uint64_t last_ns = 0;
  std::uint64_t total_alloc = 0;     // bytes ever allocated
  std::uint64_t mallocs = 0;
  std::uint64_t frees = 0;
  std::uint64_t sys_high = 0;        // the most heap bytes the address space ever held (HeapSys)
  std::vector<Finalizer> finalizers; // set and not yet due
  std::vector<Finalizer> queue;      // due: their objects became unreachable; the finalizer goroutine runs them
  GId fing = kNoG;                   // the finalizer goroutine (runfinq), once there is one
};

}  // namespace gb::vm
