// Formatting of trace results.
#include "reports.h"

#include <fmt/format.h>

namespace gb {

std::uint64_t smp_cache_memory_transactions(ProtocolKind protocol, const CacheStats& s) {
  switch (protocol) {
    case ProtocolKind::MSI: return s.read_misses + s.bus_rdx + s.writebacks;
    case ProtocolKind::MESI:
    case ProtocolKind::MOESI: return s.read_misses + s.write_misses + s.writebacks - s.c2c_transfers;
    case ProtocolKind::Dragon: return s.read_misses + s.write_misses + s.writebacks;
  }
  return 0;
}

namespace {
double miss_rate_percent(const CacheStats& s) {
  return s.accesses() == 0 ? 0.0 : 100.0 * static_cast<double>(s.misses()) / static_cast<double>(s.accesses());
}
}  // namespace

std::string smp_cache_report(const TraceOptions& o, const TraceResult& r, std::string_view trace_label) {
  std::string out =
      "===== 506 Personal information =====\n"
      "FirstName (MiddleNames) LastName (Change it to your own name)\n"
      "UnityID (Change it to your own UID)\n"
      "ECE492 Students? YES/NO (Change it according to your own section)\n"
      "===== 506 SMP Simulator configuration =====\n";
  out += fmt::format("L1_SIZE: {}\nL1_ASSOC: {}\nL1_BLOCKSIZE: {}\nNUMBER OF PROCESSORS: {}\n", o.geometry.size_bytes,
                     o.geometry.assoc, o.geometry.block_bytes, o.cores);
  out += fmt::format("COHERENCE PROTOCOL: {}\nTRACE FILE: {}\n", r.protocol_name, trace_label);
  for (std::size_t c = 0; c < r.stats.size(); ++c) {
    const CacheStats& s = r.stats[c];
    out += fmt::format("============ Simulation results (Cache {}) ============\n", c);
    out += fmt::format("01. number of reads:\t\t\t\t{}\n", s.reads);
    out += fmt::format("02. number of read misses:\t\t\t{}\n", s.read_misses);
    out += fmt::format("03. number of writes:\t\t\t\t{}\n", s.writes);
    out += fmt::format("04. number of write misses:\t\t\t{}\n", s.write_misses);
    out += fmt::format("05. total miss rate:\t\t\t\t{:.2f}%\n", miss_rate_percent(s));
    out += fmt::format("06. number of writebacks:\t\t\t{}\n", s.writebacks);
    out += fmt::format("07. number of cache-to-cache transfers:\t\t{}\n", s.c2c_transfers);
    out += fmt::format("08. number of memory transactions:\t\t{}\n", smp_cache_memory_transactions(o.protocol, s));
    out += fmt::format("09. number of interventions:\t\t\t{}\n", s.interventions);
    out += fmt::format("10. number of invalidations:\t\t\t{}\n", s.invalidations);
    out += fmt::format("11. number of flushes:\t\t\t\t{}\n", s.flushes);
    out += fmt::format("12. number of BusRdX:\t\t\t\t{}\n", s.bus_rdx);
  }
  return out;
}

nlohmann::json trace_json(const TraceOptions& o, const TraceResult& r) {
  using nlohmann::json;
  json cores = json::array();
  CacheStats total;
  for (std::size_t c = 0; c < r.stats.size(); ++c) {
    const CacheStats& s = r.stats[c];
    json j = {
        {"core", c},
        {"reads", s.reads},
        {"read_misses", s.read_misses},
        {"writes", s.writes},
        {"write_misses", s.write_misses},
        {"miss_rate", miss_rate_percent(s) / 100.0},
        {"writebacks", s.writebacks},
        {"c2c_transfers", s.c2c_transfers},
        {"interventions", s.interventions},
        {"invalidations", s.invalidations},
        {"flushes", s.flushes},
        {"bus_rd", s.bus_rd},
        {"bus_rdx", s.bus_rdx},
        {"bus_upgr", s.bus_upgr},
        {"bus_upd", s.bus_upd},
        {"memory_reads", s.memory_reads},
        {"silent_upgrades", s.silent_upgrades},
        {"smp_cache_memory_transactions", smp_cache_memory_transactions(o.protocol, s)},
    };
    if (r.timed && c < r.timing.size()) {
      const CoreTiming& t = r.timing[c];
      j["cycles"] = t.finish;
      j["compute_cycles"] = t.compute_cycles;
      j["bus_wait_cycles"] = t.bus_wait_cycles;
      j["memory_stall_cycles"] = t.memory_stall_cycles;
      j["loads"] = t.loads;
      j["stores"] = t.stores;
    }
    cores.push_back(std::move(j));
    total.bus_rd += s.bus_rd;
    total.bus_rdx += s.bus_rdx;
    total.bus_upgr += s.bus_upgr;
    total.bus_upd += s.bus_upd;
    total.flushes += s.flushes;
    total.writebacks += s.writebacks;
    total.c2c_transfers += s.c2c_transfers;
    total.invalidations += s.invalidations;
    total.memory_reads += s.memory_reads;
  }
  json out = {
      {"protocol", r.protocol_name},
      {"cores", std::move(cores)},
      {"config",
       {{"cores", o.cores},
        {"cache_size", o.geometry.size_bytes},
        {"assoc", o.geometry.assoc},
        {"block", o.geometry.block_bytes},
        {"timing", r.timed}}},
      {"bus",
       {{"transactions", r.bus_transactions},
        {"bus_rd", total.bus_rd},
        {"bus_rdx", total.bus_rdx},
        {"bus_upgr", total.bus_upgr},
        {"bus_upd", total.bus_upd},
        {"flushes", total.flushes},
        {"writebacks", total.writebacks},
        {"c2c_transfers", total.c2c_transfers},
        {"invalidations", total.invalidations},
        {"memory_reads", total.memory_reads}}},
      {"references", r.references},
      {"records", r.records},
      {"state_hash", fmt::format("{:016x}", r.state_hash)},
  };
  if (r.timed) {
    out["cycles"] = r.cycles;
    out["bus"]["busy_cycles"] = r.bus_busy_cycles;
  }
  if (r.violation) out["violation"] = r.violation->message();
  return out;
}

std::string trace_summary(const TraceOptions& o, const TraceResult& r, double seconds) {
  std::string out = fmt::format("{} on {} cores, {} B {}-way caches with {} B blocks: {} references", r.protocol_name,
                                o.cores, o.geometry.size_bytes, o.geometry.assoc, o.geometry.block_bytes,
                                r.references);
  if (r.timed) out += fmt::format(", {} cycles", r.cycles);
  out += fmt::format(", {} bus transactions\n", r.bus_transactions);
  out += "core     reads  rd_miss    writes  wr_miss  miss%   wb   c2c  inval  flush  BusRd BusRdX BusUpgr BusUpd\n";
  for (std::size_t c = 0; c < r.stats.size(); ++c) {
    const CacheStats& s = r.stats[c];
    out += fmt::format("{:>4} {:>9} {:>8} {:>9} {:>8} {:>6.2f} {:>4} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}\n", c,
                       s.reads, s.read_misses, s.writes, s.write_misses, miss_rate_percent(s), s.writebacks,
                       s.c2c_transfers, s.invalidations, s.flushes, s.bus_rd, s.bus_rdx, s.bus_upgr, s.bus_upd);
  }
  if (seconds > 0)
    out += fmt::format("{:.3f} s host time, {:.2f} M references/s\n", seconds,
                       static_cast<double>(r.references) / seconds / 1e6);
  return out;
}

}  // namespace gb
