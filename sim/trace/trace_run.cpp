// The trace runner: file-order execution for smp_cache, per-core streams on the clock for CS4223.
#include "trace_run.h"

#include <fmt/format.h>

#include "coherence/bugs.h"
#include "coherence/memory_system.h"
#include "line_reader.h"
#include "trace_records.h"

namespace gb {

std::optional<std::string> validate(const TraceOptions& o) {
  if (o.cores < 1 || o.cores > kMaxCores)
    return fmt::format("--cores {} is outside 1..{}", o.cores, kMaxCores);
  if (o.geometry.size_bytes == 0) return std::string("cache size is zero");
  if (o.geometry.assoc == 0) return std::string("associativity is zero");
  if (o.geometry.block_bytes == 0) return std::string("block size is zero");
  if (auto err = o.geometry.validate()) return err;
  Protocol p = make_protocol(o.protocol);
  for (const std::string& bug : o.bugs)
    if (auto err = inject_bug(p, bug)) return err;
  if (o.files.empty()) return std::string("no trace file given");
  if (o.format == TraceFormat::SmpCache && o.files.size() != 1)
    return fmt::format("the smp_cache format takes one interleaved trace file, {} given", o.files.size());
  if (o.format == TraceFormat::Cs4223 && o.files.size() != static_cast<std::size_t>(o.cores))
    return fmt::format("the cs4223 format takes one file per core: --cores {} but {} file(s)", o.cores,
                       o.files.size());
  if (o.functional && o.format != TraceFormat::Cs4223)
    return std::string("--functional applies to cs4223 traces (smp_cache is functional unless --timing)");
  return std::nullopt;
}

namespace {

MemorySystem make_system(const TraceOptions& o) {
  Protocol p = make_protocol(o.protocol);
  for (const std::string& bug : o.bugs) inject_bug(p, bug);
  return MemorySystem(o.cores, o.geometry, std::move(p));
}

void collect(const MemorySystem& m, TraceResult& r) {
  r.protocol_name = m.protocol().name;
  for (int c = 0; c < m.cores(); ++c) r.stats.push_back(m.stats(c));
  r.bus_transactions = m.transactions();
  r.state_hash = m.state_hash();
  if (m.violation()) {
    r.violation = m.violation();
    r.exit_code = 1;
  }
}

// smp_cache: one file, executed in file order; each write stores a fresh value (its record number) so the
// data-value invariant has something to check. With timing, an access issues when its core is free and after the
// previous record issued, and bus transactions serialise on the bus.
TraceResult run_smp_cache(const TraceOptions& o, EventSink* events,
                          const std::function<void(std::uint64_t)>& progress) {
  TraceResult result;
  LineReader in(o.files[0]);
  if (!in.ok()) {
    result.exit_code = 2;
    result.error = fmt::format("{}: cannot read: {}", o.files[0], in.error());
    return result;
  }
  MemorySystem m = make_system(o);
  m.set_sink(events);
  m.set_checking(o.check);
  std::vector<Cycle> ready(static_cast<std::size_t>(o.cores), 0);
  Cycle issue = 0, bus_free = 0;
  std::string_view line;
  SmpCacheRecord rec;
  bool skip = false;
  const std::uint32_t words = m.cache(0).words_per_line();
  while (in.next(line)) {
    std::string err = parse_smp_cache(line, rec, skip);
    if (skip) continue;
    if (err.empty() && rec.core >= o.cores)
      err = fmt::format("core {} is out of range (--cores {} allows 0..{})", rec.core, o.cores, o.cores - 1);
    if (!err.empty()) {
      result.exit_code = 2;
      result.error = fmt::format("{}:{}: {}", o.files[0], in.line_number(), err);
      return result;
    }
    ++result.records;
    const ProcOp op = rec.write ? ProcOp::Write : ProcOp::Read;
    if (o.timing) {
      Cycle& core_ready = ready[static_cast<std::size_t>(rec.core)];
      Cycle start = std::max(core_ready, issue);
      const bool bus = m.needs_bus(rec.core, op, rec.addr);
      if (bus) start = std::max(start, bus_free);
      issue = start;
      m.set_cycle(start);
      const AccessResult r = m.access(rec.core, op, rec.addr, result.records);
      Cycle lat = o.latencies.hit;
      if (bus) {
        const std::uint32_t t = transaction_latency(o.latencies, r, words);
        bus_free = start + t;
        result.bus_busy_cycles += t;
        lat += t;
      }
      core_ready = start + lat;
    } else {
      m.set_cycle(result.records);
      m.access(rec.core, op, rec.addr, result.records);
    }
    if (o.check && m.violation()) {
      result.violation_at = result.records;
      break;
    }
    if (progress && (result.records & 0xfffff) == 0) progress(result.records);
  }
  if (!in.error().empty()) {
    result.exit_code = 2;
    result.error = fmt::format("{}:{}: read error: {}", o.files[0], in.line_number() + 1, in.error());
    return result;
  }
  result.references = result.records;
  if (o.timing) {
    result.timed = true;
    for (Cycle c : ready) result.cycles = std::max(result.cycles, c);
  }
  collect(m, result);
  return result;
}

// CS4223: one program-ordered file per core. Stores write a fresh value so data values are checkable.
class Cs4223Streams final : public OpStream {
 public:
  explicit Cs4223Streams(const std::vector<std::string>& files) {
    for (const std::string& f : files) readers_.push_back(std::make_unique<LineReader>(f));
  }
  std::optional<std::string> open_error() const {
    for (const auto& r : readers_)
      if (!r->ok()) return fmt::format("{}: cannot read: {}", r->path(), r->error());
    return std::nullopt;
  }
  bool next(CoreId core, MicroOp& op) override {
    if (!error_.empty()) return false;
    LineReader& in = *readers_[static_cast<std::size_t>(core)];
    std::string_view line;
    Cs4223Record rec;
    bool skip = false;
    while (in.next(line)) {
      if (!parse_cs4223_fast(line, rec)) {
        const std::string err = parse_cs4223(line, rec, skip);
        if (skip) continue;
        if (!err.empty()) {
          error_ = fmt::format("{}:{}: {}", in.path(), in.line_number(), err);
          return false;
        }
      }
      ++records_;
      switch (rec.label) {
        case 0: op = MicroOp{OpKind::Load, rec.value, 0, 0, -1}; ++references_; break;
        case 1: op = MicroOp{OpKind::Store, rec.value, ++store_values_, 0, -1}; ++references_; break;
        default: op = MicroOp{OpKind::Compute, 0, 0, static_cast<std::uint32_t>(rec.value), -1}; break;
      }
      return true;
    }
    if (!in.error().empty()) error_ = fmt::format("{}:{}: read error: {}", in.path(), in.line_number() + 1, in.error());
    return false;
  }
  const std::string& error() const { return error_; }
  std::uint64_t records() const { return records_; }
  std::uint64_t references() const { return references_; }

 private:
  std::vector<std::unique_ptr<LineReader>> readers_;
  std::string error_;
  std::uint64_t records_ = 0;
  std::uint64_t references_ = 0;
  Word store_values_ = 0;
};

TraceResult run_cs4223(const TraceOptions& o, EventSink* events, const std::function<void(std::uint64_t)>& progress) {
  TraceResult result;
  Cs4223Streams streams(o.files);
  if (auto err = streams.open_error()) {
    result.exit_code = 2;
    result.error = *err;
    return result;
  }
  MemorySystem m = make_system(o);
  m.set_sink(events);
  m.set_checking(o.check);
  if (o.functional) {
    // Round-robin over the cores, one memory reference per turn; compute records take no time here.
    std::vector<bool> live(static_cast<std::size_t>(o.cores), true);
    int left = o.cores;
    MicroOp op;
    std::uint64_t step = 0;
    while (left > 0 && !m.violation()) {
      for (int c = 0; c < o.cores; ++c) {
        if (!live[static_cast<std::size_t>(c)]) continue;
        bool got = false;
        while ((got = streams.next(c, op)) && op.kind == OpKind::Compute) {
        }
        if (!got) {
          live[static_cast<std::size_t>(c)] = false;
          --left;
          continue;
        }
        m.set_cycle(step++);
        m.access(c, op.kind == OpKind::Store ? ProcOp::Write : ProcOp::Read, op.addr, op.value);
        if (m.violation()) break;
      }
      if (progress && (step & 0xfffff) < static_cast<std::uint64_t>(o.cores)) progress(streams.records());
    }
  } else {
    SeededChooser chooser(o.seed);
    TimedConfig config;
    config.latencies = o.latencies;
    config.store_buffers = o.store_buffers;
    TimedMachine machine(m, config, chooser);
    result.cycles = machine.run(streams, progress);
    result.timed = true;
    result.bus_busy_cycles = machine.bus_busy_cycles();
    for (int c = 0; c < o.cores; ++c) result.timing.push_back(machine.core(c));
  }
  if (!streams.error().empty()) {
    result.exit_code = 2;
    result.error = streams.error();
    return result;
  }
  result.records = streams.records();
  result.references = streams.references();
  if (m.violation()) result.violation_at = result.records;
  collect(m, result);
  return result;
}

}  // namespace

TraceResult run_trace(const TraceOptions& options, EventSink* events,
                      const std::function<void(std::uint64_t)>& progress) {
  if (auto err = validate(options)) {
    TraceResult r;
    r.exit_code = 2;
    r.error = *err;
    return r;
  }
  return options.format == TraceFormat::SmpCache ? run_smp_cache(options, events, progress)
                                                 : run_cs4223(options, events, progress);
}

}  // namespace gb
