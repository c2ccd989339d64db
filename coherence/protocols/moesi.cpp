// MOESI: MESI plus O (dirty and shared); M + BusRd -> O supplies the line without updating memory.
#include "../table_builders.h"

namespace gb {

Protocol make_moesi() {
  using enum LineState;
  using namespace table;
  Protocol p;
  p.name = "MOESI";
  p.states = {I, S, E, O, M};
  p.requests = {BusOp::BusRd, BusOp::BusRdX, BusOp::BusUpgr};
  p.cache_to_cache = true;
  p.proc_rows = {
      request(I, ProcOp::Read, BusOp::BusRd, E, S, "read miss: BusRd; E if the shared line stays low, else S"),
      request(I, ProcOp::Write, BusOp::BusRdX, M, M, "write miss: BusRdX invalidates every other copy"),
      hit(S, ProcOp::Read, "read hit"),
      request(S, ProcOp::Write, BusOp::BusUpgr, M, M, "write to S: BusUpgr invalidates the others"),
      evict(S, false, "S evicted silently"),
      hit(E, ProcOp::Read, "read hit"),
      silent(E, ProcOp::Write, M, "write to E: silently to M"),
      evict(E, false, "E evicted silently (clean)"),
      hit(O, ProcOp::Read, "read hit"),
      request(O, ProcOp::Write, BusOp::BusUpgr, M, M, "write to O: BusUpgr invalidates the sharers"),
      evict(O, true, "O evicted: the owner writes back"),
      hit(M, ProcOp::Read, "read hit"),
      hit(M, ProcOp::Write, "write hit"),
      evict(M, true, "M evicted: write back"),
  };
  p.snoop_rows = {
      snoop(I, BusOp::BusRd, I, "no copy"),
      snoop(I, BusOp::BusRdX, I, "no copy"),
      snoop(I, BusOp::BusUpgr, I, "no copy"),
      snoop(S, BusOp::BusRd, S, "assert shared; may supply the clean line", Supply::FlushOpt),
      snoop(S, BusOp::BusRdX, I, "invalidate", Supply::FlushOpt),
      snoop(S, BusOp::BusUpgr, I, "another cache upgrades: invalidate"),
      snoop(E, BusOp::BusRd, S, "supply the clean line; E -> S", Supply::FlushOpt),
      snoop(E, BusOp::BusRdX, I, "supply the clean line; invalidate", Supply::FlushOpt),
      snoop(O, BusOp::BusRd, O, "owner supplies; memory stays stale", Supply::Flush, false),
      snoop(O, BusOp::BusRdX, I, "owner supplies the dirty line; invalidate", Supply::Flush, false),
      snoop(O, BusOp::BusUpgr, I, "a sharer upgrades: give up ownership", Supply::None),
      snoop(M, BusOp::BusRd, O, "supply without updating memory; M -> O", Supply::Flush, false),
      snoop(M, BusOp::BusRdX, I, "supply the dirty line; invalidate", Supply::Flush, false),
  };
  return p;
}

}  // namespace gb
