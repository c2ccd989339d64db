// Chrome Trace Event JSON writer: turns a RunTimeline into the traceEvents object Perfetto loads.
#include "sim/export/chrome_trace.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace gb {

namespace {

// Keys keep the order we insert them in, so a human reading the file sees name, ph, ts first.
using Json = nlohmann::ordered_json;

// Order of phases at one timestamp. An instant goes before a slice starting at the same ts, so the slice, not
// the zero-length instant, is on top of the row's stack when a flow end at that ts is read; flows go last so
// the slice they bind to has been opened.
enum Rank : int { kInstant = 0, kSlice = 1, kCounter = 2, kFlowStart = 3, kFlowEnd = 4 };

struct Pending {
  std::int64_t ts_ns;
  int rank;
  std::int64_t dur_ns;  // slices only: a longer slice opening at the same ts is the parent, so it goes first
  std::size_t seq;      // insertion order breaks the remaining ties
  Json event;
};

// Strings below are built with append, not "literal" + std::string: g++ 12 reports a false -Wrestrict on the
// latter at -O2.

double micros(std::int64_t ns) {
  return static_cast<double>(ns) / 1000.0;
}

std::int64_t nonnegative(std::int64_t d) {
  return d < 0 ? 0 : d;
}

const char* row_label(RowKind row) {
  switch (row) {
    case RowKind::P:
      return "Proc";
    case RowKind::Core:
      return "Core";
    case RowKind::Bus:
      return "Bus";
  }
  return "?";
}

const char* section_name(RowKind row) {
  switch (row) {
    case RowKind::P:
      return "Procs";
    case RowKind::Core:
      return "Cores";
    case RowKind::Bus:
      return "Bus";
  }
  return "?";
}

std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

using RowKey = std::pair<int, int>;  // (RowKind, index), ordered so metadata comes out in a stable order

RowKey key(RowKind row, int index) {
  return {static_cast<int>(row), index};
}

// What a flow end needs to know about one row: its slices in emission order and when anything else that
// Perfetto pushes on the row's stack (slices and instants) begins.
struct Span {
  std::int64_t start;
  std::int64_t end;
};
struct RowShape {
  std::vector<Span> slices;
  std::vector<std::int64_t> opens;  // start of every slice and instant on the row, sorted
};

// The slice a flow end belongs to, by the rule in chrome_trace.h; slices are sorted by start. A row's slices
// do not overlap (a P runs one G, a core one M, the bus one transaction), so only the last slice starting at
// or before ts can be running at ts.
std::optional<std::size_t> pick_slice(const std::vector<Span>& slices, std::int64_t ts, bool prefer_next) {
  const auto by_start = [](const Span& s, std::int64_t v) { return s.start < v; };
  const auto first_at_or_after = std::lower_bound(slices.begin(), slices.end(), ts, by_start);
  const auto first_after = std::upper_bound(slices.begin(), slices.end(), ts,
                                            [](std::int64_t v, const Span& s) { return v < s.start; });
  std::optional<std::size_t> before, after;
  if (first_after != slices.begin()) before = static_cast<std::size_t>(first_after - slices.begin()) - 1;
  if (first_at_or_after != slices.end()) after = static_cast<std::size_t>(first_at_or_after - slices.begin());
  if (before && ts <= slices[*before].end) return before;
  if (prefer_next) return after ? after : before;
  return before ? before : after;
}

// A ts inside `s` at which `s` is still the top of its row's stack: strictly after it opens and before the
// next slice or instant on the row opens. Falls back to the slice's own start, where the phase order still
// puts the flow after the slice.
std::int64_t place_in(const RowShape& shape, const Span& s, std::int64_t want) {
  std::int64_t hi = s.end;
  auto next = std::upper_bound(shape.opens.begin(), shape.opens.end(), s.start);
  if (next != shape.opens.end()) hi = std::min(hi, *next);
  if (hi - s.start < 2) return s.start;
  return std::clamp(want, s.start + 1, hi - 1);
}

Json metadata(const char* name, RowKind row, int tid, Json args) {
  Json e;
  e["name"] = name;
  e["ph"] = "M";
  e["pid"] = chrome_trace_pid(row);
  e["tid"] = tid;
  e["args"] = std::move(args);
  return e;
}

}  // namespace

int chrome_trace_pid(RowKind row) {
  return static_cast<int>(row) + 1;
}

int chrome_trace_tid(RowKind row, int index) {
  return chrome_trace_pid(row) * 1000000 + index;
}

std::string chrome_trace_json(const RunTimeline& t) {
  std::vector<Pending> events;
  std::set<RowKey> rows;
  std::map<RowKey, RowShape> shapes;

  for (int i = 0; i < t.procs; ++i) rows.insert(key(RowKind::P, i));
  for (int i = 0; i < t.cores; ++i) rows.insert(key(RowKind::Core, i));
  rows.insert(key(RowKind::Bus, 0));

  auto push = [&](std::int64_t ts, int rank, std::int64_t dur, Json e) {
    events.push_back(Pending{ts, rank, dur, events.size(), std::move(e)});
  };
  auto slice = [&](RowKind row, int index, std::int64_t start, std::int64_t dur, const std::string& name,
                   const char* cat, Json args) {
    rows.insert(key(row, index));
    RowShape& shape = shapes[key(row, index)];
    shape.slices.push_back(Span{start, start + dur});
    shape.opens.push_back(start);
    Json e;
    e["name"] = name;
    e["cat"] = cat;
    e["ph"] = "X";
    e["ts"] = micros(start);
    e["dur"] = micros(dur);
    e["pid"] = chrome_trace_pid(row);
    e["tid"] = chrome_trace_tid(row, index);
    e["args"] = std::move(args);
    push(start, kSlice, dur, std::move(e));
  };

  for (const GSlice& g : t.g_slices) {
    std::string name = "G";
    name += std::to_string(g.goid);
    if (!g.name.empty()) name.append(" ").append(g.name);
    Json args;
    args["goid"] = g.goid;
    args["end_reason"] = g.end_reason;
    args["core"] = g.core;
    slice(RowKind::P, g.p, g.start_ns, nonnegative(g.end_ns - g.start_ns), name, "goroutine",
          std::move(args));
  }
  for (const CoreSlice& c : t.core_slices) {
    std::string name = "M";
    name += std::to_string(c.m);
    if (c.p >= 0) name.append(" (P").append(std::to_string(c.p)).append(")");
    Json args;
    args["m"] = c.m;
    args["p"] = c.p;
    slice(RowKind::Core, c.core, c.start_ns, nonnegative(c.end_ns - c.start_ns), name, "os", std::move(args));
  }
  for (const BusTransaction& b : t.bus) {
    Json args;
    args["addr"] = hex(b.addr);
    args["changes"] = b.changes;
    args["core"] = b.core;
    if (!b.cause.empty()) {
      args["cause"] = b.cause;
      if (b.g != 0) args["g"] = b.g;
      if (!b.site.empty()) args["site"] = b.site;
      args["access"] = b.access;
      if (!b.variable.empty()) args["variable"] = b.variable;
    }
    slice(RowKind::Bus, 0, b.start_ns, nonnegative(b.dur_ns), b.op, "bus", std::move(args));
  }

  for (const Instant& in : t.instants) {
    rows.insert(key(in.row, in.index));
    shapes[key(in.row, in.index)].opens.push_back(in.ts_ns);
    Json args = Json::object();
    for (const auto& [k, v] : in.args) args[k] = v;
    Json e;
    e["name"] = in.name;
    e["cat"] = "event";
    e["ph"] = "i";
    e["s"] = "t";
    e["ts"] = micros(in.ts_ns);
    e["pid"] = chrome_trace_pid(in.row);
    e["tid"] = chrome_trace_tid(in.row, in.index);
    e["args"] = std::move(args);
    push(in.ts_ns, kInstant, 0, std::move(e));
  }

  // Counters belong to a process in the format; the Procs section is where run queues and G counts live.
  if (!t.counters.empty()) rows.insert(key(RowKind::P, 0));
  for (const Counter& c : t.counters) {
    Json e;
    e["name"] = c.name;
    e["ph"] = "C";
    e["ts"] = micros(c.ts_ns);
    e["pid"] = chrome_trace_pid(RowKind::P);
    e["tid"] = chrome_trace_tid(RowKind::P, 0);
    e["args"] = Json{{"value", c.value}};
    push(c.ts_ns, kCounter, 0, std::move(e));
  }

  // Flow ends are placed once every slice and instant is known; stable sort keeps equal starts in insertion
  // order.
  for (auto& [k, shape] : shapes) {
    std::stable_sort(shape.slices.begin(), shape.slices.end(), [](const Span& a, const Span& b) {
      if (a.start != b.start) return a.start < b.start;
      return a.end > b.end;
    });
    std::sort(shape.opens.begin(), shape.opens.end());
  }
  for (const Flow& f : t.flows) {
    auto from_shape = shapes.find(key(f.from.row, f.from.index));
    auto to_shape = shapes.find(key(f.to.row, f.to.index));
    if (from_shape == shapes.end() || to_shape == shapes.end()) continue;
    auto from_slice = pick_slice(from_shape->second.slices, f.from.ts_ns, false);
    auto to_slice = pick_slice(to_shape->second.slices, f.to.ts_ns, true);
    if (!from_slice || !to_slice) continue;
    const std::int64_t from_ts =
        place_in(from_shape->second, from_shape->second.slices[*from_slice], f.from.ts_ns);
    // Perfetto drops an f read before its s, so the arrow's head aims no earlier than its tail. When an
    // instant on the woken row leaves no room before it, the head lands after the instant, still inside the
    // slice: Perfetto then hangs it on the instant, which beats losing the arrow.
    const Span& to_span = to_shape->second.slices[*to_slice];
    const std::int64_t head_want = std::max(f.to.ts_ns, from_ts);
    std::int64_t to_ts = place_in(to_shape->second, to_span, head_want);
    if (to_ts < from_ts && to_span.end - to_span.start >= 2)
      to_ts = std::clamp(head_want, to_span.start + 1, to_span.end - 1);

    // Perfetto matches s to f by (id, cat, name), so both halves carry all three.
    auto half = [&](const char* ph, const RowPoint& at, std::int64_t ts) {
      Json e;
      e["name"] = f.name;
      e["cat"] = "flow";
      e["ph"] = ph;
      e["id"] = f.id;
      e["ts"] = micros(ts);
      e["pid"] = chrome_trace_pid(at.row);
      e["tid"] = chrome_trace_tid(at.row, at.index);
      return e;
    };
    push(from_ts, kFlowStart, 0, half("s", f.from, from_ts));
    Json end = half("f", f.to, to_ts);
    end["bp"] = "e";
    push(to_ts, kFlowEnd, 0, std::move(end));
  }

  std::stable_sort(events.begin(), events.end(), [](const Pending& a, const Pending& b) {
    if (a.ts_ns != b.ts_ns) return a.ts_ns < b.ts_ns;
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.rank == kSlice && a.dur_ns != b.dur_ns) return a.dur_ns > b.dur_ns;
    return a.seq < b.seq;
  });

  std::vector<Json> meta;
  std::set<int> sections;
  for (const auto& [kind_int, index] : rows) {
    const auto row = static_cast<RowKind>(kind_int);
    if (sections.insert(kind_int).second) {
      meta.push_back(metadata("process_name", row, chrome_trace_tid(row, 0), {{"name", section_name(row)}}));
      meta.push_back(metadata("process_sort_index", row, chrome_trace_tid(row, 0),
                              {{"sort_index", chrome_trace_pid(row)}}));
    }
    const int tid = chrome_trace_tid(row, index);
    std::string label = row_label(row);
    if (row != RowKind::Bus) label.append(" ").append(std::to_string(index));
    meta.push_back(metadata("thread_name", row, tid, {{"name", label}}));
    meta.push_back(metadata("thread_sort_index", row, tid, {{"sort_index", index}}));
  }

  // Names come from the simulated program and may not be UTF-8: replace bad bytes rather than throw.
  std::string out = "{\"traceEvents\":[\n";
  bool first = true;
  auto emit = [&](const Json& e) {
    if (!first) out += ",\n";
    first = false;
    out += e.dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  for (const Json& m : meta) emit(m);
  for (const Pending& p : events) emit(p.event);
  out += "\n],\n\"displayTimeUnit\":\"ns\"}\n";
  return out;
}

std::string write_chrome_trace(const RunTimeline& timeline, const std::string& path) {
  const std::string text = chrome_trace_json(timeline);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return "cannot open '" + path + "' for writing: " + std::strerror(errno);
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.close();
  if (!file) return "cannot write '" + path + "': " + std::strerror(errno);
  return "";
}

}  // namespace gb
