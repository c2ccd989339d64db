// hchan's layout in simulated memory (machine mode), published once: the runtime writes it
// (hchan_memory.cpp) and the inspection layer (sim/inspect) reads it. runtime/chan.go's hchan on amd64, one
// 8-byte word per field: qcount, dataqsiz, buf, elemsize/closed (sharing word 3), elemtype, sendx, recvx,
// recvq (2 words), sendq (2 words), lock: 12 words, 96 bytes.
#pragma once

#include <cstdint>

#include "scheduler/vm/bytecode.h"

namespace gb::vm::hchan {

inline constexpr Word kQcount = 0, kDataqsiz = 1, kBuf = 2, kClosed = 3, kElemtype = 4, kSendx = 5, kRecvx = 6,
                      kRecvq = 7, kSendq = 9, kLock = 11;
inline constexpr std::uint64_t kWords = 12;

}  // namespace gb::vm::hchan
