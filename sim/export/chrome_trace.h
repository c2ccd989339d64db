// Chrome Trace Event JSON of a RunTimeline (reference/go-runtime.md §8), for Perfetto and chrome://tracing.
#pragma once

#include <string>

#include "sim/export/run_timeline.h"

namespace gb {

// Layout of the file:
//   pid 1 "Procs": one thread per P ("Proc 0"...), G slices as X "G17 main.worker", instants, counters (C)
//   pid 2 "Cores": one thread per core ("Core 0"...), X "M3 (P1)" for the M a core ran
//   pid 3 "Bus":   one thread "Bus", X per transaction named by its op
//   flows: an s/f pair per Flow with the same id, cat and name; f carries bp:"e"
// Every row used by an event gets process_name/thread_name/process_sort_index/thread_sort_index M events.
// ts and dur are microseconds (ns / 1000, fractional); "displayTimeUnit" is "ns".
//
// Output is deterministic: metadata first, then events sorted by (ts, phase, insertion); at one ts instants
// come before slices and flows after them (see chrome_trace.cpp for why). One event per line, so runs diff
// well.
//
// Perfetto binds a flow end to the slice on top of that thread's stack when it reads the end, not to the
// slice that encloses its ts by time. So each flow end is moved, if needed, to a ts inside the slice it
// belongs to and before any later event on that row: `from` to the slice running at from.ts_ns (else the last
// one before it), `to` to the slice running at to.ts_ns (else the woken G's next slice). A flow whose row has
// no slice at all is left out (both halves), since neither viewer could draw it.
std::string chrome_trace_json(const RunTimeline& timeline);

// Writes chrome_trace_json(timeline) to `path`. Returns "" on success, else a message naming the file.
std::string write_chrome_trace(const RunTimeline& timeline, const std::string& path);

// Process and thread ids of a row. Perfetto keys thread names by tid alone, so tids are unique across the
// three processes: pid * 1000000 + index.
int chrome_trace_pid(RowKind row);
int chrome_trace_tid(RowKind row, int index);

}  // namespace gb
