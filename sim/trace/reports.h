// What `gopherbus-cli trace` prints: smp_cache's 12-counter report, JSON statistics, and a plain summary.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trace_run.h"

namespace gb {

// smp_cache's "memory transactions" (item 08), which the course defines per protocol (reference/coherence.md §5).
std::uint64_t smp_cache_memory_transactions(ProtocolKind protocol, const CacheStats& s);

// The report in exactly the layout of ../shared/conformance/smp_cache/*.val; `trace_label` is the path as given.
std::string smp_cache_report(const TraceOptions& options, const TraceResult& result, std::string_view trace_label);

nlohmann::json trace_json(const TraceOptions& options, const TraceResult& result);

std::string trace_summary(const TraceOptions& options, const TraceResult& result, double seconds);

}  // namespace gb
