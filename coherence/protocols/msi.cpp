// MSI as Solihin teaches it (smp_cache): S -> M by BusRdX, an M snooper flushes to memory on BusRd and BusRdX.
#include "../table_builders.h"

namespace gb {

Protocol make_msi() {
  using enum LineState;
  using namespace table;
  Protocol p;
  p.name = "MSI";
  p.states = {I, S, M};
  p.requests = {BusOp::BusRd, BusOp::BusRdX};
  p.cache_to_cache = false;  // the owner's Flush updates memory; the requester is served by memory
  p.proc_rows = {
      request(I, ProcOp::Read, BusOp::BusRd, S, S, "read miss: BusRd, memory supplies"),
      request(I, ProcOp::Write, BusOp::BusRdX, M, M, "write miss: BusRdX invalidates every other copy"),
      hit(S, ProcOp::Read, "read hit"),
      request(S, ProcOp::Write, BusOp::BusRdX, M, M, "write to S: BusRdX (MSI has no upgrade)"),
      evict(S, false, "S evicted silently"),
      hit(M, ProcOp::Read, "read hit"),
      hit(M, ProcOp::Write, "write hit"),
      evict(M, true, "M evicted: write back"),
  };
  p.snoop_rows = {
      snoop(I, BusOp::BusRd, I, "no copy"),
      snoop(I, BusOp::BusRdX, I, "no copy"),
      snoop(S, BusOp::BusRd, S, "another reader: stay S"),
      snoop(S, BusOp::BusRdX, I, "another writer: invalidate"),
      snoop(M, BusOp::BusRd, S, "owner flushes to memory, keeps a shared copy", Supply::Flush, true),
      snoop(M, BusOp::BusRdX, I, "owner flushes to memory and invalidates", Supply::Flush, true),
  };
  return p;
}

}  // namespace gb
