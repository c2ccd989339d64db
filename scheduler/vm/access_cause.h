// Why a memory access happened, in compact form (DESIGN.md principle 5: every event carries its cause). The
// interpreter and the runtime set the current cause on the memory seam before an access (Memory::set_site,
// Vm::note_cause); every bus transaction the access makes stores it (BusRecord::cause), and so does a lost
// update. The words ("G6 main.deposit:17 store main.balance") are made on demand by sim/inspect/causes.h, which
// knows the program's functions, lines and variables; nothing here costs more than a few stores per access.
#pragma once

#include <cstdint>

#include "scheduler/g_status.h"

namespace gb::vm {

enum class AccessKind : std::uint8_t {
  Runtime,        // the runtime's own work not named below (allocation, copies, appends, maps, closures)
  Load,           // a plain load of the bytecode (Op::Load): reading a variable, a field, an element
  Store,          // a plain store of the bytecode (Op::Store)
  NativeLoad,     // a native function's load (detail: the native's index in Program::natives)
  NativeStore,    // a native function's store (detail: the native)
  NativeRmw,      // a native's locked read-modify-write: sync/atomic's Add, CAS, Swap, Load, Store (detail: the native)
  ChanLock,       // lock(&c.lock) of a channel operation (detail: the channel's index)
  ChanUnlock,     // unlock(&c.lock)
  ChanSlotWrite,  // a send's typedmemmove into the buffer slot
  ChanSlotRead,   // a receive's read of the buffer slot
  ChanField,      // qcount, sendx, recvx or closed updated; or the hchan's fields set by make
  Sema,           // a semaphore's count (semacquire / semrelease)
  ChanFieldRead,  // len or cap of a channel: chanlen/chancap's plain load of qcount or dataqsiz, without the lock
};

inline constexpr std::uint32_t kNoFunc = UINT32_MAX;

struct AccessCause {
  GId g = kNoG;                    // the goroutine whose code made it (kNoG: the scheduler between bursts)
  std::uint32_t func = kNoFunc;    // the innermost bytecode function (index into Program::functions)
  std::uint32_t pc = 0;            // its instruction (Function::lines gives the source line)
  std::uint32_t user_func = kNoFunc;  // for accesses made inside the standard library or a native on behalf of
  std::uint32_t user_pc = 0;          // package main: the nearest package-main frame and its call's pc
  std::uint32_t detail = 0;        // the native (Native*), the channel's index (Chan*)
  AccessKind kind = AccessKind::Runtime;
};

// "load", "store", "locked RMW", "channel lock", ... (the operation without its subject).
inline const char* access_kind_name(AccessKind k) {
  switch (k) {
    case AccessKind::Runtime: return "runtime";
    case AccessKind::Load: return "load";
    case AccessKind::Store: return "store";
    case AccessKind::NativeLoad: return "load";
    case AccessKind::NativeStore: return "store";
    case AccessKind::NativeRmw: return "locked RMW";
    case AccessKind::ChanLock: return "channel lock";
    case AccessKind::ChanUnlock: return "channel unlock";
    case AccessKind::ChanSlotWrite: return "send's slot write";
    case AccessKind::ChanSlotRead: return "receive's slot read";
    case AccessKind::ChanField: return "hchan field update";
    case AccessKind::Sema: return "semaphore";
    case AccessKind::ChanFieldRead: return "hchan field read";
  }
  return "?";
}

}  // namespace gb::vm
