// From a machine-mode run (scheduler/vm) to the export records (sim/export): the Chrome trace timeline (G slices
// per P, M slices per core, bus transactions with their state changes) and the schedtrace snapshot.
#pragma once

#include "scheduler/vm/vm.h"
#include "sim/export/run_timeline.h"
#include "sim/export/schedtrace.h"

namespace gb {

// Needs a run with MachineOptions::record on; a flat run gives an empty timeline with its P rows.
RunTimeline timeline_of(const vm::Vm& vm);

// The scheduler as GODEBUG=schedtrace sees it now: its Ps, the Ms (plus sysmon's), the goroutines.
// `detail`: also the P, M and G lines of scheddetail=1.
SchedSnapshot sched_snapshot(const vm::Vm& vm, bool detail = false);

}  // namespace gb
