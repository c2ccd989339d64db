// The planted bugs, as table edits.
#include "bugs.h"

namespace gb {

const std::vector<PlantedBug>& planted_bugs() {
  static const std::vector<PlantedBug> bugs = {
      {"read-miss-always-e", "a read miss goes to E (or Dragon's E) even when another cache shares the line"},
      {"s-ignores-busupgr", "a cache in S ignores BusUpgr and keeps its stale copy (MESI, MOESI)"},
      {"s-ignores-busrdx", "a cache in S ignores BusRdX and keeps its stale copy (MSI, MESI, MOESI)"},
      {"m-evict-no-writeback", "an M line is evicted without writing it back"},
      {"m-no-flush", "an M owner does not flush on BusRd, so the reader gets stale memory"},
      {"sc-ignores-busupd", "Dragon: a cache in Sc ignores BusUpd and keeps the old word"},
  };
  return bugs;
}

namespace {
std::string not_applicable(const Protocol& p, std::string_view bug) {
  return std::string(bug) + " does not apply to " + p.name;
}
}  // namespace

std::optional<std::string> inject_bug(Protocol& p, std::string_view bug) {
  using enum LineState;
  if (auto err = p.finalize()) return err;  // the edits below go through the dense lookup
  if (bug == "read-miss-always-e") {
    ProcRow* r = p.proc_mut(I, ProcOp::Read);
    if (!p.uses(E) || r == nullptr) return not_applicable(p, bug);
    r->to_shared = E;
    r->why = "BUG: a read miss always goes to E";
  } else if (bug == "s-ignores-busupgr") {
    SnoopRow* r = p.snoop_mut(S, BusOp::BusUpgr);
    if (r == nullptr) return not_applicable(p, bug);
    r->to = S;
    r->why = "BUG: S ignores BusUpgr";
  } else if (bug == "s-ignores-busrdx") {
    SnoopRow* r = p.snoop_mut(S, BusOp::BusRdX);
    if (r == nullptr) return not_applicable(p, bug);
    r->to = S;
    r->supply = Supply::None;
    r->why = "BUG: S ignores BusRdX";
  } else if (bug == "m-evict-no-writeback") {
    ProcRow* r = p.proc_mut(M, ProcOp::Evict);
    if (r == nullptr) return not_applicable(p, bug);
    r->writeback = false;
    r->why = "BUG: M evicted without writeback";
  } else if (bug == "m-no-flush") {
    SnoopRow* r = p.snoop_mut(M, BusOp::BusRd);
    if (r == nullptr) return not_applicable(p, bug);
    r->supply = Supply::None;
    r->memory_takes = false;
    // Keep the row's next state, so only the missing data is wrong. For MOESI M -> O without data would leave
    // the reader stale as well.
    r->why = "BUG: M does not flush on BusRd";
  } else if (bug == "sc-ignores-busupd") {
    SnoopRow* r = p.snoop_mut(Sc, BusOp::BusUpd);
    if (r == nullptr) return not_applicable(p, bug);
    r->take_update = false;
    r->why = "BUG: Sc ignores BusUpd";
  } else {
    std::string known;
    for (const PlantedBug& b : planted_bugs()) known += (known.empty() ? "" : ", ") + std::string(b.name);
    return "unknown bug '" + std::string(bug) + "' (known: " + known + ")";
  }
  return std::nullopt;
}

bool bug_applies(ProtocolKind kind, std::string_view bug) {
  if (bug.empty()) return true;
  Protocol p = make_protocol(kind);
  return !inject_bug(p, bug).has_value();
}

}  // namespace gb
