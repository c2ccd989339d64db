// Building and validating a protocol table's dense lookup.
#include "protocol.h"

#include <algorithm>
#include <cctype>

namespace gb {

bool Protocol::uses(LineState s) const { return std::find(states.begin(), states.end(), s) != states.end(); }

std::optional<std::string> Protocol::finalize() {
  for (auto& row : proc_index) row.fill(-1);
  for (auto& row : snoop_index) row.fill(-1);
  for (std::size_t i = 0; i < proc_rows.size(); ++i) {
    const ProcRow& r = proc_rows[i];
    if (!uses(r.from) || !uses(r.to_alone) || !uses(r.to_shared))
      return name + ": processor row " + std::to_string(i) + " names a state the protocol does not use";
    short& slot = proc_index[static_cast<int>(r.from)][static_cast<int>(r.op)];
    if (slot >= 0) return name + ": two processor rows for " + std::string(gb::name(r.from)) + "/" +
                          std::string(gb::name(r.op));
    slot = static_cast<short>(i);
  }
  for (std::size_t i = 0; i < snoop_rows.size(); ++i) {
    const SnoopRow& r = snoop_rows[i];
    if (!uses(r.from) || !uses(r.to))
      return name + ": snoop row " + std::to_string(i) + " names a state the protocol does not use";
    short& slot = snoop_index[static_cast<int>(r.from)][static_cast<int>(r.bus)];
    if (slot >= 0)
      return name + ": two snoop rows for " + std::string(gb::name(r.from)) + "/" + std::string(gb::name(r.bus));
    slot = static_cast<short>(i);
  }
  // Every state must answer its own core's read and write, and every valid state must say how it is evicted.
  for (LineState s : states) {
    if (!proc(s, ProcOp::Read) || !proc(s, ProcOp::Write))
      return name + ": no processor row for state " + std::string(gb::name(s));
    if (is_valid(s) && !proc(s, ProcOp::Evict))
      return name + ": no eviction row for state " + std::string(gb::name(s));
  }
  return std::nullopt;
}

ProcRow* Protocol::proc_mut(LineState s, ProcOp op) {
  const short i = proc_index[static_cast<int>(s)][static_cast<int>(op)];
  return i < 0 ? nullptr : &proc_rows[static_cast<std::size_t>(i)];
}

SnoopRow* Protocol::snoop_mut(LineState s, BusOp b) {
  const short i = snoop_index[static_cast<int>(s)][static_cast<int>(b)];
  return i < 0 ? nullptr : &snoop_rows[static_cast<std::size_t>(i)];
}

Protocol make_protocol(ProtocolKind kind) {
  switch (kind) {
    case ProtocolKind::MSI: return make_msi();
    case ProtocolKind::MESI: return make_mesi();
    case ProtocolKind::MOESI: return make_moesi();
    case ProtocolKind::Dragon: return make_dragon();
  }
  return make_mesi();
}

std::optional<ProtocolKind> parse_protocol(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "msi") return ProtocolKind::MSI;
  if (lower == "mesi") return ProtocolKind::MESI;
  if (lower == "moesi") return ProtocolKind::MOESI;
  if (lower == "dragon") return ProtocolKind::Dragon;
  return std::nullopt;
}

std::string_view protocol_name(ProtocolKind kind) {
  switch (kind) {
    case ProtocolKind::MSI: return "MSI";
    case ProtocolKind::MESI: return "MESI";
    case ProtocolKind::MOESI: return "MOESI";
    case ProtocolKind::Dragon: return "Dragon";
  }
  return "?";
}

}  // namespace gb
