// From a machine-mode run (scheduler/vm) to the export records (sim/export): the Chrome trace timeline (G slices
// per P, M slices per core, bus transactions with their state changes) and the schedtrace snapshot.
#pragma once

#include "scheduler/vm/vm.h"
#include "sim/export/run_timeline.h"
#include "sim/export/schedtrace.h"

namespace gb {

// Needs a run with MachineOptions::record on; a flat run gives an empty timeline with its P rows.
RunTimeline timeline_of(const vm::Vm& vm);

// The scheduler as GODEBUG=schedtrace sees it now. Our model has one M per P plus sysmon's, and no spinning Ms.
SchedSnapshot sched_snapshot(const vm::Vm& vm);

}  // namespace gb
