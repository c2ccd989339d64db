// Where cores get their micro-ops: one program-ordered stream per core (a trace file, a litmus test, later Go).
#pragma once

#include "coherence/types.h"
#include "micro_op.h"

namespace gb {

class OpStream {
 public:
  virtual ~OpStream() = default;
  // The next micro-op of `core`, or false when its stream has ended.
  virtual bool next(CoreId core, MicroOp& op) = 0;
};

}  // namespace gb
