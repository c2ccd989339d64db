// Illinois MESI (Culler & Singh): E on a lone read miss, silent E -> M, S -> M by BusUpgr, clean c2c supply.
#include "../table_builders.h"

namespace gb {

Protocol make_mesi() {
  using enum LineState;
  using namespace table;
  Protocol p;
  p.name = "MESI";
  p.states = {I, S, E, M};
  p.requests = {BusOp::BusRd, BusOp::BusRdX, BusOp::BusUpgr};
  p.cache_to_cache = true;  // a peer holding the line supplies it (FlushOpt when clean, Flush when dirty)
  p.proc_rows = {
      request(I, ProcOp::Read, BusOp::BusRd, E, S, "read miss: BusRd; E if the shared line stays low, else S"),
      request(I, ProcOp::Write, BusOp::BusRdX, M, M, "write miss: BusRdX invalidates every other copy"),
      hit(S, ProcOp::Read, "read hit"),
      request(S, ProcOp::Write, BusOp::BusUpgr, M, M, "write to S: BusUpgr (no data) invalidates the others"),
      evict(S, false, "S evicted silently"),
      hit(E, ProcOp::Read, "read hit"),
      silent(E, ProcOp::Write, M, "write to E: silently to M, no bus transaction"),
      evict(E, false, "E evicted silently (clean)"),
      hit(M, ProcOp::Read, "read hit"),
      hit(M, ProcOp::Write, "write hit"),
      evict(M, true, "M evicted: write back"),
  };
  p.snoop_rows = {
      snoop(I, BusOp::BusRd, I, "no copy"),
      snoop(I, BusOp::BusRdX, I, "no copy"),
      snoop(I, BusOp::BusUpgr, I, "no copy"),
      snoop(S, BusOp::BusRd, S, "assert shared; may supply the clean line", Supply::FlushOpt),
      snoop(S, BusOp::BusRdX, I, "may supply the clean line; invalidate", Supply::FlushOpt),
      snoop(S, BusOp::BusUpgr, I, "another cache upgrades: invalidate"),
      snoop(E, BusOp::BusRd, S, "assert shared; supply the clean line; E -> S", Supply::FlushOpt),
      snoop(E, BusOp::BusRdX, I, "supply the clean line; invalidate", Supply::FlushOpt),
      snoop(M, BusOp::BusRd, S, "owner flushes (requester and memory take it); M -> S", Supply::Flush, true),
      snoop(M, BusOp::BusRdX, I, "owner flushes; invalidate", Supply::Flush, true),
      // E/M + BusUpgr cannot happen: an upgrader holds S, so no exclusive copy exists.
  };
  return p;
}

}  // namespace gb
