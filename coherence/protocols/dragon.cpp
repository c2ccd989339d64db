// Dragon (update-based): writes to shared lines broadcast the word with BusUpd; nothing is ever invalidated.
#include "../table_builders.h"

namespace gb {

Protocol make_dragon() {
  using enum LineState;
  using namespace table;
  Protocol p;
  p.name = "Dragon";
  p.states = {I, E, Sc, Sm, M};
  p.requests = {BusOp::BusRd, BusOp::BusUpd};
  // As smp_cache counts Dragon: an owner's Flush updates memory and the requester is served by memory.
  p.cache_to_cache = false;
  ProcRow write_miss =
      request(I, ProcOp::Write, BusOp::BusRd, M, Sm, "write miss: BusRd; if shared, BusUpd the word -> Sm, else M");
  write_miss.then_if_shared = BusOp::BusUpd;
  p.proc_rows = {
      request(I, ProcOp::Read, BusOp::BusRd, E, Sc, "read miss: BusRd; Sc if shared, else E"),
      write_miss,
      hit(E, ProcOp::Read, "read hit"),
      silent(E, ProcOp::Write, M, "write to E: silently to M"),
      evict(E, false, "E evicted silently (clean)"),
      hit(Sc, ProcOp::Read, "read hit"),
      request(Sc, ProcOp::Write, BusOp::BusUpd, M, Sm, "write to Sc: BusUpd; Sm if still shared, else M"),
      evict(Sc, false, "Sc evicted silently"),
      hit(Sm, ProcOp::Read, "read hit"),
      request(Sm, ProcOp::Write, BusOp::BusUpd, M, Sm, "write to Sm: BusUpd; Sm if still shared, else M"),
      evict(Sm, true, "Sm evicted: the owner writes back"),
      hit(M, ProcOp::Read, "read hit"),
      hit(M, ProcOp::Write, "write hit"),
      evict(M, true, "M evicted: write back"),
  };
  p.snoop_rows = {
      snoop(I, BusOp::BusRd, I, "no copy"),
      snoop(I, BusOp::BusUpd, I, "no copy"),
      snoop(E, BusOp::BusRd, Sc, "another reader: E -> Sc"),
      snoop(Sc, BusOp::BusRd, Sc, "another reader: stay Sc"),
      snoop(Sc, BusOp::BusUpd, Sc, "take the broadcast word", Supply::None, false, true),
      snoop(Sm, BusOp::BusRd, Sm, "owner flushes, stays the owner", Supply::Flush, true),
      snoop(Sm, BusOp::BusUpd, Sc, "another writer took ownership: take the word, Sm -> Sc", Supply::None, false,
            true),
      snoop(M, BusOp::BusRd, Sm, "owner flushes; M -> Sm", Supply::Flush, true),
      // E/M + BusUpd cannot happen: a writer that broadcasts shares the line, so no exclusive copy exists.
  };
  return p;
}

}  // namespace gb
