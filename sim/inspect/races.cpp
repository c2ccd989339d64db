// Races in words (races.h).
#include "sim/inspect/races.h"

#include <fmt/format.h>

namespace gb::inspect {

namespace {

RaceSide side(const vm::Vm& vm, const vm::RaceDetector::Access& a) {
  RaceSide s;
  s.g = a.g;
  s.write = a.write;
  s.atomic = a.atomic;
  for (const vm::RaceFrame& f : vm.race_detector()->stack(a.stack)) {
    const std::uint32_t line = vm.race_frame_line(f);
    if (line == 0) continue;
    s.func = f.func;
    s.line = line;
    break;
  }
  return s;
}

std::string words(const RaceSide& s) {
  std::string w = fmt::format("G{}'s {}{}", s.g, s.atomic ? "atomic " : "", s.write ? "write" : "read");
  if (s.line != 0) w += fmt::format(" at line {}", s.line);
  return w;
}

}  // namespace

RaceView race_view(const vm::Vm& vm, const vm::Vm::RaceRecord& r, CauseNamer& namer) {
  RaceView v;
  v.current = side(vm, r.report.current);
  v.previous = side(vm, r.report.previous);
  const vm::Word w = r.report.address;
  constexpr vm::Word kTagged = vm::Word{7} << 60;  // the detector's addresses of maps, channels and annotations
  if ((w & kTagged) != 0) {
    v.variable = "a map or channel";
  } else if (vm.memory().machine()) {
    v.variable = namer.variable(vm.memory().byte_address(w));
  } else {
    v.variable = fmt::format("word {}", w);
  }
  v.text = fmt::format("data race on {}: {}, {}, not ordered", v.variable, words(v.current), words(v.previous));
  return v;
}

}  // namespace gb::inspect
