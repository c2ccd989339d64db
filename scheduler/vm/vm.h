// The Gopherbus interpreter: runs a compiled Program's goroutines on the G/P scheduler (scheduler.h) with Go's
// runtime semantics (channels, select, timers, semaphores, defer/panic/recover, maps), deterministically for a
// seed. The whole machine is plain data: copying a Vm is a snapshot, and the copy runs on independently.
//
// Simulated time: every bytecode instruction costs kNsPerInstruction ns of the one simulated clock (whichever P
// runs it); blocking costs nothing, and when every P is idle with timers pending the clock jumps to the next
// timer. A G that keeps its P for forcePreemptNS (10 ms) of simulated time without a new schedtick is preempted to
// the global queue, as sysmon's retake does. With GOMAXPROCS > 1 the Ps take turns of `quantum` instructions on
// the host thread.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coherence/chooser.h"
#include "scheduler/channel.h"
#include "scheduler/scheduler.h"
#include "scheduler/vm/bytecode.h"
#include "scheduler/vm/gc_state.h"
#include "scheduler/vm/goroutine.h"
#include "scheduler/vm/hchan_layout.h"
#include "scheduler/vm/layout.h"
#include "scheduler/vm/maps.h"
#include "scheduler/vm/memory.h"
#include "scheduler/vm/native.h"
#include "scheduler/vm/race_detector.h"
#include "scheduler/vm/run_chooser.h"
#include "scheduler/vm/timers.h"
#include "scheduler/vm/world_host.h"

namespace gb::vm {

inline constexpr std::int64_t kNsPerInstruction = 1;
inline constexpr std::int64_t kForcePreemptNs = 10'000'000;  // runtime/proc.go forcePreemptNS
inline constexpr std::int64_t kRunqgrabSleepNs = 3'000;       // runqgrab's usleep(3) before stealing runnext
// time.Time's word is Unix nanoseconds; the simulated clock's zero is 2009-11-10 23:00:00 UTC (time.go).
inline constexpr std::int64_t kClockEpochUnixNs = 1257894000LL * 1000000000LL;

// Machine mode (issue 4): the Ps' threads (Ms) run on simulated cores, and Go memory is loads and stores through
// those cores' caches (memory.h). Each core has its own clock: an instruction costs one cycle (1 ns at the 1 GHz
// the clock stands for) plus the bus transactions its accesses needed; the core with the earliest clock runs
// next (ties go to the Chooser), `interleave` instructions at a time, so goroutines on different cores
// interleave at instruction grain and unsynchronised updates can be lost. With fewer cores than Ps an OS model
// time-slices the Ms onto the cores (round robin, `os_slice_ns`, a context switch costs `context_switch_ns`).
// Ps are held by Ms as in proc.go (scheduler_threads.cpp): spinning Ms look for work (on their core for
// `spin_ns`) and wake the next, idle Ms park and come back through wakep/startm, an M blocked in a syscall has
// its P handed off. Simplified: a spinning M searches once at the end of its spin, and one bus is held for each
// transaction's latency (a core that finds it busy waits) with nothing else serialised across cores.
struct MachineOptions {
  MachineMemoryConfig memory;
  std::uint32_t interleave = 8;
  std::int64_t os_slice_ns = 3'000'000;   // Linux CFS's minimum granularity on a multi-core machine (~3 ms)
  std::int64_t context_switch_ns = 2'000;  // the direct cost of a switch (a few microseconds)
  // A spinning M with no G spends this long on its core in stealWork's passes before it takes what it found or
  // gives up (simplified: one search at the end of the spin, where proc.go loops over the Ps four times).
  std::int64_t spin_ns = 1'000;
  // Timing noise, as a multiple of the hardware's (README, "Seeds that vary like hardware"): every latency below
  // varies from run to run as it does on a real machine, each draw a ChoiceKind::Timing choice of the Chooser, so
  // different seeds give different interleavings and one seed gives one run. 0 is fully regular timing (no draw
  // at all: the Chooser only breaks exact ties, and every seed gives the same interleaving).
  double jitter = 1.0;
  bool check_coherence = false;  // check SWMR and the data-value invariant after every access (tests)
  bool record = false;           // keep run_slices() and the memory's bus_log() for trace export
  // Watch the accesses for lost updates (memory's lost_updates(); lost_updates.h) even when not recording;
  // recording always watches.
  bool detect_lost_updates = false;
  // The schedule explorer's mode (sim/explore): which core runs next is a choice of the Chooser
  // (ChoiceKind::Interleaving, over the cores that can run) after every access of shared memory, every write of
  // output and every change of the scheduler's state, whatever the clocks say; between those points a core runs
  // on. Jitter is off, so the choices are the only source of variation.
  bool controlled = false;
};

// The timing noise MachineOptions::jitter 1 stands for, each a uniform draw from [0, max] nanoseconds (the README's
// "Seeds that vary like hardware" says what each stands for and why this size). jitter scales them all.
inline constexpr std::int64_t kJitterWakeNs = 2'000;       // a thread getting a core: futex wake, IPI, C-state exit
inline constexpr std::uint32_t kJitterDramNs = 20;         // a bus transaction that reaches DRAM: row buffer, refresh
inline constexpr std::uint32_t kJitterBusNs = 4;           // any other transaction: arbitration, distance on the ring
inline constexpr std::int64_t kJitterSliceNs = 4'000'000;  // an OS slice ends at a scheduler tick (250 Hz); scaled
inline constexpr std::int64_t kJitterSysmonNs = 20'000;    // sysmon's phase against a syscall (it looks every 20 us)

// What one simulated core did (machine mode).
struct CoreRun {
  int thread = -1;              // the M running here, -1 when the core is idle
  std::int64_t clock = 0;       // this core's time in ns (= cycles at 1 GHz)
  std::int64_t slice_start = 0; // when the current thread got the core
  std::int64_t slice_extra = 0; // how much longer than os_slice_ns this slice runs (jitter: the OS's tick)
  std::uint64_t instructions = 0;
  std::uint64_t stall_cycles = 0;     // cycles spent in bus transactions
  std::uint64_t context_switches = 0;
  std::int64_t spin_until = -1;       // a spinning M is looking for work here until then
};

// One stretch of a G running on a P's M on a core (machine mode, when recording): consecutive bursts merge.
struct RunSlice {
  int core = 0;
  int m = 0;
  int p = 0;
  GId g = kNoG;
  std::uint32_t func = UINT32_MAX;  // the G's entry function (its bottom frame when the slice began), if known
  std::int64_t start_ns = 0;
  std::int64_t end_ns = 0;
  std::string end_reason;     // why it stopped: a wait reason, "runnable" (yield, preemption), "exit", or ""
  // Instructions executed (the Session's position) when the slice's first burst began: the slice is first in
  // run_slices() at a later position, within that burst.
  std::uint64_t instr = 0;
};

// The scheduler's load at a moment (machine mode, when recording; a sample is kept when it changes): the trace's
// counters.
struct LoadSample {
  std::int64_t ts_ns = 0;
  std::uint32_t running = 0;   // Gs on a P
  std::uint32_t runnable = 0;  // in runnext slots, local queues and the global queue
  std::uint32_t global = 0;    // in the global queue
  std::uint32_t syscall = 0;   // blocked in system calls
  bool same_counts(const LoadSample& o) const {
    return running == o.running && runnable == o.runnable && global == o.global && syscall == o.syscall;
  }
};

// A typed heap allocation (machine mode, when recording or watching for lost updates): `count` elements of type
// `elem` from word `first`, so a cause can name "heap main.Account.balance" (sim/inspect/causes.h). Allocation
// only moves forward, so the log is in address order.
struct HeapObject {
  Word first = 0;
  std::uint64_t count = 0;
  TypeId elem = kNoType;
};

// Who made whom runnable, when (machine mode, when recording): the trace's flow arrows.
struct WakeRecord {
  GId waker = kNoG;  // kNoG: a timer
  int waker_p = 0;
  std::int64_t ts_ns = 0;
  GId woken = kNoG;
  std::size_t slices_before = 0;  // run_slices() recorded before the wake: the woken G's next one comes after
  // Instructions executed when the burst that made it began (or, between bursts, when it was made): before the
  // position it shows at, so seeking to it and stepping finds the wake happening.
  std::uint64_t instr = 0;
};

struct VmOptions {
  std::uint64_t seed = 1;
  int gomaxprocs = 1;
  // Instructions a P runs per turn when GOMAXPROCS > 1 (the interleaving grain).
  std::uint32_t quantum = 64;
  // runtime.main's finalizer goroutine (created by package os's init; fmt imports os): -1 = when the program uses
  // fmt or os, 0 = never, 1 = always. It takes goroutine id 5, so user goroutines start at 6 as in real Go.
  int finalizer_goroutine = -1;
  // When set, program output goes here as it is written instead of being kept in stdout_text()/stderr_text().
  std::function<void(bool is_stderr, std::string_view bytes)> output;
  // The runtime's time constants (the 10 ms preemption slice, sync.Mutex's 1 ms starvation threshold, sysmon's
  // 20 us tick and 10 ms syscall rule, the OS's time slice) are multiplied by this: 1 is real Go; a lesson's
  // teaching scale (say 0.001) makes them happen within a few hundred steps.
  double time_scale = 1.0;
  // The program's command-line arguments after its name: os.Args is {"main", args...}.
  std::vector<std::string> args;
  // The program's environment, "KEY=value" each (os.Getenv, LookupEnv, Environ): empty unless given.
  std::vector<std::string> env;
  // A recorded schedule (run_chooser.h): its entries answer the choices of more than one alternative, in order,
  // before the seed takes over.
  std::shared_ptr<const std::vector<std::uint32_t>> schedule;
  // Run on simulated cores and caches (see MachineOptions); absent: flat memory, Ps take turns of `quantum`.
  std::optional<MachineOptions> machine;
  // Detect data races (race_detector.h) and report them as a Go binary built with -race does: each on stderr as
  // it happens, "Found N data race(s)" at the end and exit status 66.
  bool race = false;
};

struct RunResult {
  bool finished = false;            // the program ended (main returned, os.Exit, fatal error, unrecovered panic)
  int exit_code = 0;
  std::uint64_t instructions = 0;   // instructions executed by this call
};

class Vm final : public NativeHost {
 public:
  explicit Vm(Program program, VmOptions options = {});
  Vm(std::shared_ptr<const Program> program, VmOptions options = {});
  // A copy is a snapshot: it shares only the immutable Program. (The scheduler's chooser pointer is re-aimed at
  // the copy's own chooser before every use, so the defaulted copy is safe.)
  Vm(const Vm& other) = default;
  Vm& operator=(const Vm& other) = default;
  ~Vm() override = default;

  // Runs until the program ends, `max_instructions` more instructions ran, or the simulated clock reached
  // `until_ns` (an idle machine sleeping towards a timer stops there, so observers see the quiet time too).
  RunResult run(std::uint64_t max_instructions = UINT64_MAX, std::int64_t until_ns = INT64_MAX);
  // One instruction of one goroutine (scheduling work in between is free). False once the program has ended.
  bool step();

  bool finished() const { return exited_; }
  int exit_code() const { return exit_code_; }
  std::uint64_t instructions() const { return instructions_; }
  // Goroutines made runnable so far (goready: a channel handoff, an unlock's semrelease, a timer), recorded or
  // not: a scheduler-event step stops at each wake-up.
  std::uint64_t readies() const { return readies_; }
  std::int64_t now() const { return now_; }
  // Machine mode: the machine's present, the clock of the earliest running core (each core keeps its own).
  std::int64_t machine_time() const { return floor_; }
  const std::string& stdout_text() const { return out_; }
  const std::string& stderr_text() const { return err_; }
  // A hash of the whole simulated state (memory, goroutines, queues, channels, maps, timers, clock, output).
  std::uint64_t state_hash() const;

  const Program& program() const { return *prog_; }
  const gb::Scheduler& scheduler() const { return sched_; }
  const Memory& memory() const { return mem_; }
  // Machine mode: the cores, and the P whose M each core runs.
  const std::vector<CoreRun>& cores() const { return cores_; }
  // Machine mode, "you are the scheduler" (sim/machine/scheduler_choice.h): while a core is forced (>= 0) and
  // has a thread, it takes every pick: a pending burst of another core ends before its next instruction (the
  // rest of it is dropped, as if an interrupt took that core), the other running cores are held (their clocks
  // raised to at least the forced core's, so time never goes back) and the forced core runs its burst. A forced
  // core with no thread is ignored. Not part of the state (never hashed): whoever drives the run sets it before
  // each call, and run(N) and N step()s forced alike reach the same state.
  void force_core(int core) { forced_core_ = core; }
  int forced_core() const { return forced_core_; }
  // The core whose burst an earlier call stopped inside, which runs next unless another core is forced (-1:
  // none).
  int pending_burst_core() const { return burst_.left != 0 ? burst_.core : -1; }
  // A controlled run (MachineOptions::controlled): the explorer that takes every choice (not owned, not copied).
  void set_explorer(Chooser* explorer) { chooser_.set_explorer(explorer); }
  // A recorded schedule's entries used so far, and whether one named an alternative that did not exist.
  std::size_t schedule_used() const { return chooser_.schedule_used(); }
  bool schedule_diverged() const { return chooser_.schedule_diverged(); }
  // A controlled run's choice point: the cores that may run next, and what the step that just ended did. The
  // explorer reads it when its Interleaving choice is asked for, and once more at the end of the run
  // (close_step()).
  struct ControlPoint {
    std::vector<int> cores;  // the alternatives, in core order
    // Per alternative: its P has no goroutine, so its step will be a search for work (schedule()).
    std::vector<std::uint8_t> searching;
    int previous = -1;       // the core whose step just ended (-1: none yet)
    GId previous_g = kNoG;   // the goroutine it ran (kNoG: it was between goroutines)
    std::vector<Memory::TracedAccess> accesses;  // that step's loads and stores, in order
    bool scheduler = false;  // it changed the scheduler's state: a goroutine made, readied, parked, switched, ended
    bool searched = false;   // it began as a search for work (it read the scheduler's state)
    bool output = false;     // it wrote program output
  };
  const ControlPoint& control_point() const { return point_; }
  // Ends the step in flight at the end of a run: control_point() then describes it (with no alternatives).
  void close_step();
  const TimerQueue& timers() const { return timers_; }
  std::uint64_t killed_goroutines() const { return killed_; }
  const AppendLog<RunSlice>& run_slices() const { return slices_; }
  const AppendLog<WakeRecord>& wakes() const { return wakes_; }
  const AppendLog<GcEvent>& gc_events() const { return gc_events_; }  // when recording (gc_state.h)
  const GcState& gc_state() const { return gc_; }  // the collector's counters and pacer (run stats, Stats panel)
  const AppendLog<LoadSample>& load_samples() const { return load_; }
  const AppendLog<HeapObject>& heap_objects() const { return heap_objects_; }
  // --race: the races reported so far, each with its report's text (as printed) and where the run was.
  struct RaceRecord {
    RaceDetector::Report report;
    std::string text;
    std::uint64_t instr = 0;
    std::int64_t ns = 0;
  };
  const AppendLog<RaceRecord>& races() const { return race_log_; }
  const RaceDetector* race_detector() const { return race_ ? &*race_ : nullptr; }
  // A race stack's frame: its function's name and its source line (pseudo-frames of the runtime have line 0).
  std::string race_frame_name(const RaceFrame& f) const;
  std::uint32_t race_frame_line(const RaceFrame& f) const;
  // Read-only views for the UI's channel and lock panel. Channel i has the handle (i + 1) | kChanTag; in
  // machine mode hchan_address(i) is its hchan's first word in memory() (0 otherwise). sema_waiters(): per
  // semaphore address, the goroutines waiting there in FIFO order (runtime/sema.go's treap, simplified).
  const std::vector<gb::Channel>& channels() const { return chans_; }
  Word hchan_address(std::size_t i) const { return i < chan_mem_.size() ? chan_mem_[i].hchan : 0; }
  // Its buffer's first word and the buffer's length in words (0, 0 when unbuffered or not in machine mode).
  Word chan_buffer_address(std::size_t i) const { return i < chan_mem_.size() ? chan_mem_[i].buf : 0; }
  std::uint64_t chan_buffer_words(std::size_t i) const {
    return i < chan_mem_.size() && i < chans_.size() ? std::uint64_t{chans_[i].cap()} * chan_mem_[i].elem_words : 0;
  }
  static constexpr std::uint64_t kHchanWords = hchan::kWords;  // hchan_layout.h
  const std::map<Word, std::vector<GId>>& sema_waiters() const { return sema_; }

  // The outside world the program's system calls reach (not owned). A copy of the Vm keeps pointing at the same
  // world: whoever owns both (sim's Machine) re-aims it after copying. Without one, such a call is a fatal error.
  void set_world(WorldHost* world) { world_ = world; }
  // A G blocked in a system call, until done_ns; `retaken` once sysmon handed its P to another M.
  struct PendingSyscall {
    GId g = kNoG;
    int p = 0;
    std::int64_t start_ns = 0;
    std::int64_t done_ns = 0;
    std::int64_t retake_extra = 0;  // how long after a sysmon tick sysmon looks at it (jitter: sysmon's phase)
    bool retaken = false;
  };
  const std::vector<PendingSyscall>& syscalls() const { return syscalls_; }
  std::uint64_t handoffs() const { return handoffs_; }
  // The last of them: the P sysmon retook and the goroutine whose system call held it.
  struct HandoffRecord {
    int p = -1;
    GId g = kNoG;
  };
  const HandoffRecord& last_handoff() const { return last_handoff_; }

  // [SECTION] What conditions look for (sim/inspect/condition.h)
  // Machine mode, when recording: a count and the latest record of each kind of event a condition can name,
  // so a predicate over one instruction compares a count before and after it and reads the record. Kept beside
  // the state, never hashed: the run is the same without them.
  // A goroutine's channel operation: a send or receive statement (counted when made, whether it completes at
  // once, blocks or panics), a close, or a select's case (counted when chosen: at once, or as the goroutine
  // resumes from the select with it). Operations on a nil channel have no channel and are not counted.
  enum class ChanOp : std::uint8_t { Send, Recv, Close };
  struct ChanOpRecord {
    std::size_t chan = 0;  // index in channels()
    ChanOp op = ChanOp::Send;
    GId g = kNoG;
  };
  std::uint64_t chan_ops() const { return chan_ops_; }
  const ChanOpRecord& last_chan_op() const { return last_chan_op_; }
  // findRunnable's steals: P `thief` took G `g` (and half the rest) from P `victim`'s queue.
  struct StealRecord {
    int thief = -1;
    int victim = -1;
    GId g = kNoG;
  };
  std::uint64_t steals() const { return steals_; }
  const StealRecord& last_steal() const { return last_steal_; }
  // The goroutine the last burst ran and its innermost frame before the burst's first instruction (function,
  // pc, frames); `first`: that was the goroutine's first instruction ever. Under step() a burst is one
  // instruction, so this is where the last instruction was: what tells a goroutine's arrival at a line from
  // its progress along it.
  struct BurstOrigin {
    GId g = kNoG;
    std::uint32_t func = UINT32_MAX;
    std::uint32_t pc = 0;
    std::uint32_t depth = 0;
    bool first = false;
  };
  const BurstOrigin& burst_origin() const { return burst_origin_; }
  const GState& goroutine(GId id) const { return gs_[static_cast<std::size_t>(id)]; }
  // The goroutine that ran the last instruction, and the P it ran on.
  GId current_goroutine() const { return cur_g_; }
  int current_p() const { return cur_p_; }
  // Where goroutine `id` executes next: its function and that instruction's source line (line 0 when it has
  // none: not started, finished, in a native).
  struct Location {
    std::uint32_t func = UINT32_MAX;
    std::uint32_t line = 0;
    bool operator==(const Location&) const = default;
  };
  Location next_location(GId id) const {
    if (id <= kNoG || static_cast<std::size_t>(id) >= gs_.size() || gs_[static_cast<std::size_t>(id)].frames.empty())
      return {};
    const Frame& f = gs_[static_cast<std::size_t>(id)].frames.back();
    const Function& fn = prog_->functions[f.func];
    return {f.func, f.pc < fn.lines.size() ? fn.lines[f.pc] : 0};
  }
  // The last Load and Store instructions each goroutine ran (machine mode), and the accesses of its sync/atomic
  // calls (as made by the call in its innermost frame of package main, else the library's), for debuggers to
  // tell what its current statement has loaded and stored so far (sim/inspect/variables.h groups them by
  // statement with statement_begin). Other natives' and the runtime's own accesses are not kept. Recording is a
  // copy into a small ring, nothing more; kept beside the state, not in it: never hashed.
  struct RecentAccess {
    Word addr = 0;                  // the first word accessed
    std::uint32_t func = UINT32_MAX;
    std::uint32_t pc = 0;           // the Load or Store instruction
    std::uint32_t depth = 0;        // the goroutine's frames when it ran
    std::uint32_t words = 0;        // how many words (values holds at most kValueWords of them)
    bool store = false;
    bool atomic = false;            // made by a sync/atomic operation (a locked read-modify-write but Load)
    static constexpr std::uint32_t kValueWords = 2;
    std::array<Word, kValueWords> values{};
  };
  static constexpr std::size_t kRecentAccesses = 8;
  struct RecentAccesses {
    std::array<RecentAccess, kRecentAccesses> ring{};
    std::uint64_t count = 0;        // accesses recorded so far
    // The i-th newest (0: the last one), or null.
    const RecentAccess* newest(std::size_t i) const {
      return i < count && i < kRecentAccesses ? &ring[(count - 1 - i) % kRecentAccesses] : nullptr;
    }
  };
  const RecentAccesses* recent_accesses(GId id) const {
    const auto i = static_cast<std::size_t>(id);
    return id > kNoG && i < recent_.size() ? &recent_[i] : nullptr;
  }
  // The first instruction of the statement that instruction `pc` of function `func` belongs to.
  std::uint32_t statement_begin(std::uint32_t func, std::uint32_t pc) const;
  // The (key, value) word runs of map handle `m` read without touching the caches (for inspectors).
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> peek_map_entries(Word m) const;

  // User goroutines alive (runtime.NumGoroutine).
  int num_goroutine() const;
  // Where channel i was made: the function and line of its make (line 0: by a native, e.g. time.After).
  Location chan_origin(std::size_t i) const { return i < chan_origin_.size() ? chan_origin_[i] : Location{}; }

  // [SECTION] NativeHost
  Word* frame() override;
  const TypeTable& types() const override { return prog_->types; }
  Word load(Word address) override;
  void store(Word address, Word value) override;
  Word load_exclusive(Word address) override;
  Word allocate(std::uint32_t words) override;
  Word allocate_typed(TypeId elem, std::uint64_t count) override;
  std::uint64_t append_capacity(TypeId elem, std::uint64_t old_cap, std::uint64_t need) override;
  Word make_map(TypeId map_type) override;
  void map_store(Word m, const Word* key, const Word* value) override;
  std::string_view string_bytes(const Word* value) override;
  void make_string(std::string_view bytes, Word* out) override;
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> map_entries(Word m) override;
  std::int64_t map_len(Word m) override;
  std::optional<std::string> call_string_method(TypeId type, const Word* value, std::string_view name) override;
  void panic_value(Word type, Word data) override;
  void write_stdout(std::string_view bytes) override;
  void write_stderr(std::string_view bytes) override;
  void panic_error(std::string message, bool runtime_error) override;
  void panic_string(std::string message) override;
  void fatal(std::string message) override;

  // Handles are tagged so a word says whether it is a map or a channel (NativeHost::map_len takes both).
  static constexpr Word kChanTag = Word{1} << 48;

 private:
  enum class Stop : std::uint8_t { Budget, Switch, NestedDone };
  enum class OwnNative : std::int16_t;
  struct NativeBinding {
    NativeFn fn = nullptr;
    std::int16_t own = -1;         // one of the scheduler's natives served here (OwnNative)
    std::uint32_t params = 0, results = 0;
    bool sized = false;            // params/results known from a Function
    bool atomic = false;           // a sync/atomic operation (its accesses join the goroutine's recent ones)
  };

  void init();
  void start_runtime_main();
  std::optional<std::string> verify() const;

  // [SECTION] Engine (vm.cpp)
  std::uint64_t advance(std::uint64_t budget);
  std::uint64_t advance_machine(std::uint64_t budget);  // machine_engine.cpp
  std::uint64_t run_burst(std::uint64_t budget);
  void cut_burst();  // ends the pending burst where it stands (a forced core takes the next pick)
  bool thread_ready(int m) const;
  // The core a controlled run takes next (controlled_engine.cpp): the one whose step goes on, or the Chooser's
  // pick among those that can run; -1 when none can (the engine then runs as the clocks say).
  int controlled_pick();
  bool step_in_flight_ended();
  std::vector<int> controlled_candidates() const;
  void sysmon_timers(std::int64_t t);
  void place_threads();
  void record_slice(std::size_t core, int m, int p, GId g, std::uint32_t func, std::int64_t start, std::int64_t end);
  void sample_load(std::int64_t ts);
  // Sysmon's retake for P p: preempts a G that held the P for forcePreemptNS. Returns the ns it may still run,
  // or -1 after preempting.
  std::int64_t preempt_check(int p);
  // A runtime time constant under VmOptions::time_scale (at least 1 ns).
  std::int64_t scaled(std::int64_t ns) const {
    const double v = static_cast<double>(ns) * opts_.time_scale;
    return v < 1.0 ? 1 : static_cast<std::int64_t>(v);
  }
  // A draw of timing noise in [0, most * jitter] ns (machine mode); 0, drawing nothing, when jitter is 0.
  std::int64_t timing_noise(std::int64_t most) {
    const double j = opts_.machine ? opts_.machine->jitter : 0.0;
    const auto top = static_cast<std::int64_t>(static_cast<double>(most) * j + 0.5);
    return top <= 0 ? 0 : static_cast<std::int64_t>(chooser_.choose(static_cast<std::size_t>(top) + 1, ChoiceKind::Timing));
  }
  bool schedule(int p);            // gives P p a G; false if it found none
  bool work_visible() const;
  bool resume_wait(GId g, int p);
  // checkTimers: runs the due timers on heap `heap` from P `p` (woken Gs go to p's runnext); true if any ran.
  bool run_timers(int heap, int p);
  void run_timers(int p) { run_timers(timer_heap(p), p); }
  // With Ms each P has its own timer heap; the flat engine keeps them all on heap 0.
  int timer_heap(int p) const { return sched_.threads() ? p : 0; }
  void check_deadlock_or_sleep();
  // `by_timer`: a timer's send (time.After's sendTime) woke them, not the goroutine that ran last.
  void wake(gb::Channel& c, const std::vector<GId>& woken, int p, bool by_timer = false);
  void park(std::string_view reason);
  bool recording() const { return opts_.machine && opts_.machine->record; }
  // Counts goroutine g's channel operation on channel handle `ch` (when recording; see chan_ops()).
  void note_chan_op(Word ch, ChanOp op, GId g) {
    if (!recording()) return;
    ++chan_ops_;
    last_chan_op_ = ChanOpRecord{chan_index(ch), op, g};
  }
  // goready, recorded for the trace's flow arrows when recording.
  void ready_g(GId g, int p, bool by_timer = false);
  void finish_program(int code);

  // [SECTION] Interpreter (interpreter.cpp)
  void account(std::uint64_t left);
  void note_access(const GState& g, std::uint32_t pc, Word addr, std::uint32_t n, const Word* values, bool store);
  // A sync/atomic native's access (when the running native is one), recorded as note_access does.
  void note_atomic_access(Word addr, Word value, bool store);
  void record_access(std::uint32_t func, std::uint32_t pc, std::uint32_t depth, Word addr, std::uint32_t n,
                     const Word* values, bool store, bool atomic);
  std::uint64_t run_g(std::uint64_t budget, std::uint32_t stop_depth, Stop& why);
  Stop dispatch(std::uint64_t budget);
  std::uint32_t recv_words(Word ch, TypeId elem);
  [[noreturn]] void slice_bounds_panic(std::int64_t lo, std::int64_t hi, std::int64_t max, std::int64_t cap,
                                       bool three, std::string_view what);

  // [SECTION] Calls (calls.cpp)
  std::uint32_t closure_function(Word closure);
  void push_frame(GState& g, std::uint32_t func, const Word* args, std::uint32_t nargs, std::uint32_t ret,
                  Word closure, FrameKind kind, std::uint32_t panic = 0);
  Word* invoke_native(std::uint32_t native, const Word* args, std::uint32_t nargs, std::uint32_t nresults);
  void run_native_frame(GState& g);
  void frame_return(GState& g);
  bool pop_frame(GState& g);
  void goroutine_exit(GState& g);
  // runtime.Goexit: every frame returns at once, so each one's deferred calls run in order (recover finds no
  // panic), and the bottom frame's return ends the goroutine (main's too: the program goes on, as in Go).
  void goexit(GState& g);
  void start_deferred(GState& g);
  std::vector<Word> nested_call(std::uint32_t func, const Word* args, std::uint32_t nargs);
  std::optional<std::string> run_string_method(TypeId type, const Word* value, std::string_view name);

  // [SECTION] Panics (panics.cpp)
  [[noreturn]] void raise_runtime_error(std::string_view message, bool sig, TypeId type = kNoType);
  [[noreturn]] void throw_bounds_error(std::string_view message);
  [[noreturn]] void throw_runtime_error(std::string_view message);  // "runtime error: " + message
  [[noreturn]] void throw_plain_error(std::string_view message);
  [[noreturn]] void throw_nil_deref();
  [[noreturn]] void throw_index(std::int64_t i, std::int64_t n);
  [[noreturn]] void throw_type_assertion(TypeId iface, TypeId concrete, TypeId asserted, std::string_view missing);
  void start_panic(GState& g, Word type, Word data, bool sig);
  void continue_panic(GState& g);
  void after_panic_defer(GState& g, std::uint32_t panic);
  std::string panic_value_text(Word type, Word data);
  std::string traceback(const GState& g, std::size_t skip = 0) const;
  std::string goroutine_stacks(bool all) const;  // runtime.Stack's text
  std::string traceback_others(GId me) const;    // tracebackothers after a fatal error
  [[noreturn]] void fatal_panic(GState& g);
  [[noreturn]] void fatal_error(std::string_view message, GId g, std::string_view state = "running");
  // A fatal signal as the runtime's sighandler reports it ("SIGTRAP: trace trap"): the header, the goroutine's
  // traceback, exit status 2.
  [[noreturn]] void fatal_signal(std::string_view header, GId g);
  void make_string_value(std::string_view bytes, Word* out);

  // [SECTION] Values (values.cpp)
  Word new_words(std::uint64_t n);
  // `count` zeroed values of type `elem`, laid out as Go lays [count]elem out (machine mode; else new_words).
  Word new_typed(TypeId elem, std::uint64_t count);
  void box(TypeId t, const Word* value, Word* iface);
  void unbox(TypeId t, Word data, Word* out);
  bool values_equal(TypeId t, const Word* a, const Word* b);
  void encode_key(TypeId t, const Word* w, std::string& out);
  std::uint64_t go_size(TypeId t) const;
  const MethodEntry* lookup_method(TypeId dynamic, std::string_view name) const;
  std::int32_t find_method(TypeId dynamic, std::string_view name, bool& pointer_receiver) const;
  std::int32_t iface_method(TypeId iface, TypeId dynamic, std::uint32_t index, bool& pointer_receiver);
  std::string missing_method(TypeId iface, TypeId dynamic);

  // [SECTION] Slices (slices.cpp), maps (vm_maps.cpp), channels and select (channels.cpp)
  std::uint64_t grow_cap(std::uint64_t old_cap, std::uint64_t need, std::uint64_t elem_bytes) const;
  void make_slice(Word* out, std::int64_t len, std::int64_t cap, std::uint32_t elem_words, TypeId elem = kNoType);
  void append_values(Word* out, const Word* slice, std::uint64_t n, std::int32_t d, const Word* src_slots,
                     Word src_addr);
  void map_get(Word m, TypeId map_type, const Word* key, Word* out);
  void map_set(Word m, const Word* key, const Word* value);
  void map_delete(Word m, const Word* key);
  bool map_next(Word iterator, Word* out);
  Word make_chan(std::int64_t size, TypeId elem);
  // The function and line of the instruction the running goroutine is executing (its pc was saved past it).
  Location made_at() const {
    if (cur_g_ <= kNoG || static_cast<std::size_t>(cur_g_) >= gs_.size()) return {};
    const GState& g = gs_[static_cast<std::size_t>(cur_g_)];
    if (g.frames.empty()) return {};
    const Frame& f = g.frames.back();
    const Function& fn = prog_->functions[f.func];
    return {f.func, f.pc >= 1 && f.pc - 1 < fn.lines.size() ? fn.lines[f.pc - 1] : 0};
  }
  static std::size_t chan_index(Word handle) { return static_cast<std::size_t>((handle & ~kChanTag) - 1); }
  gb::Channel& chan(Word handle) {
    const std::size_t i = chan_index(handle);
    if ((handle & kChanTag) == 0 || i >= chans_.size()) bad_handle("channel");
    return chans_[i];
  }
  GoMap& map_at(Word handle) {
    if (handle - 1 >= maps_.maps.size()) bad_handle("map");
    return maps_.at(handle);
  }
  [[noreturn]] void bad_handle(const char* what);
  // Machine mode's hchan in simulated memory (hchan_memory.cpp).
  struct ChanMemory {
    Word hchan = 0;
    Word buf = 0;
    std::uint32_t elem_words = 0;
  };
  struct ChanState {  // the channel as it was when its lock was taken
    bool mirrored = false;
    std::uint32_t qcount = 0, sendx = 0, recvx = 0;
    bool closed = false;
    std::size_t senders = 0;
  };
  void hchan_make(std::uint32_t index, std::int64_t size, TypeId elem);
  ChanState hchan_lock(Word handle);
  void hchan_unlock(Word handle, const ChanState& before, ChanOp op, const Word* sent, Word* received);
  Word chan_len_cap(Word handle, bool cap);  // len(ch) / cap(ch): 0 for nil; on the machine, from the hchan
  bool chan_send(Word ch, const Word* value);                            // false: the G parked
  bool chan_recv(Word ch, std::uint32_t dst, std::uint32_t ok);          // absolute stack indices
  void chan_close(Word ch);
  bool select(std::uint32_t table, std::uint32_t base, std::uint32_t dst);
  std::vector<std::uint32_t> select_lock_order(const std::vector<std::uint32_t>& pollorder, std::uint32_t base,
                                               const SelectTable& t) const;
  void sellock(const std::vector<std::uint32_t>& lockorder, std::uint32_t base, const SelectTable& t,
               std::vector<ChanState>& before);

  // [SECTION] Scheduler natives (runtime_natives.cpp)
  void bind_natives();
  void call_own_native(std::int16_t id, Word* frame);
  // runtime.Callers and the symbol table behind CallersFrames and FuncForPC (callers.cpp).
  void own_callers(Word* frame);
  void own_func_info(Word* frame);
  bool try_sema(Word addr);
  // The cause of the runtime's next access (access_cause.h) for the goroutine whose burst runs: its innermost
  // bytecode frame's site and, when that is not in package main, the nearest package-main frame's.
  void note_cause(AccessKind kind, std::uint32_t detail = 0);
  // The nearest frame of package main among g's frames below index `below` (its function and the pc of its
  // call); func stays kNoFunc when there is none.
  void user_frame(const GState& g, std::size_t below, std::uint32_t& func, std::uint32_t& pc) const;
  void sema_acquire(Word addr, bool lifo);
  void sema_release(Word addr, bool handoff);
  void do_gomaxprocs(int n);

  // [SECTION] The race detector's hooks (race_hooks.cpp)
  void race_init();
  // The stack of goroutine `gs` at an access by its innermost frame's instruction `pc` (an atomic: the native
  // named `pseudo`, and the frame that called it is lost, as in Go's reports).
  RaceDetector::StackId race_stack(const GState& gs, std::uint32_t pc, std::uint32_t pseudo = UINT32_MAX,
                                   bool drop_innermost = false);
  void race_access(GId g, std::uint32_t pc, Word addr, std::uint32_t words, bool write);
  void race_atomic(Word addr, bool load, bool exclusive);  // a sync/atomic native's access
  void race_map(Word m, bool write, const char* op);        // a map operation: an access of the map
  void race_object_access(Word object, bool write, const char* op);
  void race_report(const RaceDetector::Report& r);
  void race_go(GId parent, GId child);
  void race_frame(GState& g, std::uint32_t func, Word receiver, bool entry);  // sync's annotations
  // A channel operation that completed: `partner` the goroutine it met (kNoG: none), `slot` the buffer slot it
  // used (or UINT32_MAX), `closed` a receive that found the channel closed.
  void race_chan(Word ch, bool send, GId partner, std::uint32_t slot, bool closed);
  void race_close(Word ch, const std::vector<GId>& woken);
  void race_annotated_access(GState& g, Word address, bool write);
  // The channel operations' outcomes as race_chan wants them (the slot indices as they were before the operation).
  void race_chan_send(Word ch, const gb::ChanOutcome& out, std::uint32_t sendx, std::uint32_t recvx) {
    if (out.status != gb::ChanStatus::Done) return;  // parked: its receiver completes it
    const GId partner = out.wake.empty() ? kNoG : out.wake.front();
    race_chan(ch, true, partner, partner > kNoG ? recvx : sendx, false);
  }
  void race_chan_recv(Word ch, const gb::ChanOutcome& out, std::uint32_t recvx) {
    race_chan(ch, false, out.wake.empty() ? kNoG : out.wake.front(), recvx, !out.received);
  }
  void race_finish(int& code);
  std::uint32_t race_pseudo(std::string_view name);

  // [SECTION] The garbage collector (gc.cpp)
  bool pointer_free(TypeId t);                        // no pointers in a value of t: its objects are noscan
  // Counts an allocation of `bytes` (Go's size class); a cycle is due once the heap reaches the trigger.
  void note_allocation(Word a, std::uint64_t words, std::uint64_t bytes);
  void mark_word(Word w);
  void mark_words(const Word* w, std::size_t n);
  // Shades what the write barrier caught, then scans grey objects until `budget` words are scanned (on the
  // machine with `through_cache`, each load through the running core's cache). Returns the words scanned.
  std::uint64_t scan_grey(std::uint64_t budget, bool through_cache);
  void mark_roots();
  void open_cycle();                                  // the mark phase begins: nothing grey, nothing scanned
  // A stop-the-world pause of `pause_ns` begins now: recorded, and every running core's time moves past it.
  void stop_the_world(GcEvent::Kind kind, bool forced, std::uint64_t pause_ns);
  void collect(bool forced);                          // one whole cycle, the world stopped
  void collect_at_safe_point();                       // the due step (start, termination), unless in a native
  void gc_start();                                    // sweep termination: roots grey, barrier on, workers go
  bool gc_mark_work(std::uint64_t budget);            // scans up to `budget` words; true if grey work is left
  void gc_mark_termination(bool forced);              // rescans the roots, drains, finalizers, sweeps
  void gc_worker_step();                              // one call of a background mark worker's loop
  void set_gc_goal();                                 // the pacer: goal and trigger from the live heap and GOGC
  void set_finalizer(const Word* frame);              // runtime.SetFinalizer(obj, finalizer any)
  void wake_finalizers();                             // readies the finalizer goroutine if it waits
  bool start_finalizer(GState& g);                    // pushes the next due finalizer's frame on g
  void mem_stats(Word* frame);                        // func readMemStats(m *MemStats)

  // [SECTION] System calls (syscalls.cpp)
  void world_syscall(int call, Word* frame);
  // Sysmon's retake of Ps blocked in syscalls and the returns of finished syscalls, at time `t`.
  void service_syscalls(std::int64_t t);
  std::optional<std::int64_t> next_syscall_event() const;

  // [SECTION] State
  std::shared_ptr<const Program> prog_;
  VmOptions opts_;
  RunChooser chooser_;
  gb::Scheduler sched_;
  Memory mem_;
  LayoutCache layout_;                              // Go's sizes and offsets of the program's types
  std::vector<std::vector<ByteSlot>> patterns_;     // per TypeId: where each word of a value lives (machine mode)
  std::vector<CoreRun> cores_;                      // machine mode
  // schedule() found only a running P's runnext to steal, which runqgrab takes after a usleep(3): the machine
  // engine lets that pass on the M's core before it searches again (set and consumed within one engine step).
  bool steal_sleep_ = false;
  std::vector<int> thread_last_core_;               // per M: the core it ran on last (the OS prefers it)
  int os_next_ = 0;                                 // round-robin start of the OS's ready list
  std::int64_t floor_ = 0;                          // the earliest clock of a running core: global "now"
  struct PendingBurst {                             // a core's run that a call's budget cut short
    int core = -1;
    int p = -1;
    std::uint64_t left = 0;                         // instructions it may still run (0: none pending)
    std::int64_t start = 0;
    std::uint32_t func = UINT32_MAX;
    std::uint64_t instr = 0;                        // instructions_ when it began (for the records' stamps)
  } burst_;
  std::uint64_t stall_slack_ = 0;                   // burst instructions beyond the running dispatch's budget
  int forced_core_ = -1;                            // force_core(): not state, never hashed
  // A controlled run's bookkeeping (controlled_engine.cpp): the step in flight, and per core the scheduler
  // version at which its search for work last came back empty (it waits for a change before it is offered).
  struct ControlledStep {
    int core = -1;
    GId g = kNoG;
    std::uint64_t readies = 0;
    std::size_t goroutines = 0;
    std::uint64_t output = 0;
    bool searching = false;
  } step_;
  ControlPoint point_;
  bool point_read_ = true;                          // a choice has read point_ (the next step starts it over)
  std::uint64_t sched_version_ = 0;
  std::vector<std::uint64_t> search_failed_at_;
  std::uint64_t output_bytes_ = 0;                  // program output written so far
  AppendLog<RunSlice> slices_;                       // machine mode, when recording
  AppendLog<WakeRecord> wakes_;
  AppendLog<GcEvent> gc_events_;
  AppendLog<LoadSample> load_;
  AppendLog<HeapObject> heap_objects_;              // machine mode, when recording or watching
  std::optional<RaceDetector> race_;                // --race
  AppendLog<RaceRecord> race_log_;
  std::vector<std::uint8_t> race_shown_;            // per function: instrumented (its accesses and frames count)
  std::vector<std::int8_t> race_hook_;              // per function: a sync annotation (race_hooks.cpp's RaceHook)
  std::vector<std::string> race_pseudo_;            // names of the runtime's pseudo-frames (atomics, maps)
  struct RaceAtomic {
    std::uint32_t frame = 0;  // its pseudo-frame (race_pseudo)
    bool store = false;       // a Store: a release store (the others read-modify-write)
  };
  std::vector<RaceAtomic> race_atomics_;            // per native (sync/atomic's only)
  Word race_rmw_ = 0;                               // the word an atomic native's locked load took
  std::vector<std::int32_t> open_slice_;            // per core: index in slices_ of the slice still growing
  std::vector<GState> gs_;                          // index = goid
  std::vector<gb::Channel> chans_;
  std::vector<ChanMemory> chan_mem_;                // machine mode: per channel, its hchan and buffer addresses
  std::vector<Location> chan_origin_;               // per channel, where it was made (for the UI)
  MapTable maps_;
  GcState gc_;
  std::vector<HeapSpans::Object> gc_work_;          // the collector's grey objects (empty between cycles)
  std::vector<std::int8_t> noscan_;                 // per TypeId: 1 pointer-free, 0 not, -1 not known yet
  std::int32_t gc_worker_func_ = -1;                // runtime.gcBgMarkWorker (-1: absent, cycles stop the world)
  TimerQueue timers_;
  std::map<Word, std::vector<GId>> sema_;           // per-address FIFO of waiters (runtime/sema.go)
  std::vector<std::pair<Word, Word>> strings_;      // Program::strings in the literals' arena
  std::vector<Word> func_closures_;                 // LoadFunc's closure per function (0: not made yet)
  std::vector<NativeBinding> natives_;
  std::vector<std::vector<Word>> native_frames_;    // one per nesting level of natives
  std::uint32_t native_depth_ = 0;
  std::uint32_t cur_native_ = UINT32_MAX;           // the native running (index into Program::natives)
  std::shared_ptr<const std::vector<std::uint8_t>> user_funcs_;  // 1 per function of package main
  std::vector<std::uint32_t> barriers_;             // frame depths of nested dispatches (call_string_method)
  std::vector<Word> nested_result_;
  std::vector<Word> scratch_;
  std::unordered_map<std::uint64_t, std::int32_t> method_cache_;  // (iface, dynamic, index) -> function | recv
  TypeId error_string_ = kNoType, plain_error_ = kNoType, tae_ = kNoType, tae_ptr_ = kNoType;
  TypeId mem_stats_ = kNoType;                      // runtime.MemStats, filled by ReadMemStats by field name
  TypeId bounds_error_ = kNoType;                   // runtime.boundsError if the library declares it (a string type)
  std::vector<std::uint32_t> select_order_;
  std::string key_buf_;

  WorldHost* world_ = nullptr;
  std::vector<PendingSyscall> syscalls_;
  std::uint64_t handoffs_ = 0;
  HandoffRecord last_handoff_;
  // What conditions look for (not hashed; see chan_ops()).
  std::uint64_t chan_ops_ = 0;
  ChanOpRecord last_chan_op_;
  std::uint64_t steals_ = 0;
  StealRecord last_steal_;
  BurstOrigin burst_origin_;
  std::uint64_t killed_ = 0;                        // goroutines the outside world killed (WorldReply::kill_caller)
  std::int64_t now_ = 0;
  std::int64_t until_ns_ = INT64_MAX;               // run()'s time limit
  std::uint64_t instructions_ = 0;
  std::uint64_t readies_ = 0;
  std::vector<std::uint32_t> last_tick_;            // per P: schedtick seen by the preemption check
  std::vector<std::int64_t> tick_time_;             // per P: when that schedtick began
  int rr_p_ = 0;                                    // the P whose turn it is
  std::uint64_t rr_left_ = 0;
  int cur_p_ = -1;
  GId cur_g_ = kNoG;
  std::uint64_t left_ = 0;                          // budget left in the running dispatch
  std::uint64_t mark_ = 0;                          // budget when the clock was last brought up to date
  std::uint32_t stop_depth_ = 0;                    // a nested dispatch ends when its frame returns
  bool switch_ = false;                             // the running G stopped (parked, yielded, exited)
  bool nested_done_ = false;                        // the nested call (call_string_method) returned
  int system_goroutines_ = 0;
  std::vector<RecentAccesses> recent_;              // per goid (machine mode): recent_accesses(); not hashed
  std::uint64_t nan_keys_ = 0;

  bool exited_ = false;
  int exit_code_ = 0;
  std::string out_, err_;
};

}  // namespace gb::vm
