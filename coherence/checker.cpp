// Checks SWMR, single ownership and data values for one line across every cache and memory.
#include "checker.h"

#include <set>
#include <vector>

#include <fmt/format.h>

#include "memory_system.h"

namespace gb {

std::string Violation::message() const {
  return fmt::format("{} invariant violated on line 0x{:x}: {}", invariant, line, detail);
}

std::optional<Violation> InvariantChecker::check_line(const MemorySystem& system, Addr line) const {
  const int n = system.cores();
  const std::uint32_t words = system.memory().words_per_line();
  std::string holders;
  int valid = 0, exclusive = 0, dirty = 0;
  for (int p = 0; p < n; ++p) {
    const LineState s = system.state_of(p, line);
    if (!is_valid(s)) continue;
    ++valid;
    exclusive += is_exclusive(s);
    dirty += is_dirty(s);
    holders += fmt::format("{}core {} in {}", holders.empty() ? "" : ", ", p, name(s));
  }
  if (exclusive > 0 && valid > 1)
    return Violation{"SWMR", line, "an exclusive copy coexists with others: " + holders};
  if (dirty > 1) return Violation{"single owner", line, "more than one dirty owner: " + holders};

  for (int p = 0; p < n; ++p) {
    const Cache& c = system.cache(p);
    const int way = c.find(line);
    if (way < 0) continue;
    for (std::uint32_t w = 0; w < words; ++w) {
      const Word want = expected(line, w, words);
      if (c.data(way)[w] != want)
        return Violation{"data-value", line,
                         fmt::format("core {} holds the line in {} with word {} = {}, but the last write stored {}",
                                     p, name(c.line(way).state), w, c.data(way)[w], want)};
    }
  }
  if (dirty == 0) {
    for (std::uint32_t w = 0; w < words; ++w) {
      const Word want = expected(line, w, words);
      const Word have = system.memory().read_word(line, w);
      if (have != want)
        return Violation{"data-value", line,
                         fmt::format("no cache owns the line ({}) but memory holds word {} = {}, while the last "
                                     "write stored {}",
                                     holders.empty() ? "no copies" : holders, w, have, want)};
    }
  }
  return std::nullopt;
}

std::optional<Violation> InvariantChecker::check_all(const MemorySystem& system) const {
  std::set<Addr> lines;
  const std::uint32_t words = system.memory().words_per_line();
  for (const auto& [key, value] : ghost_) lines.insert(key / words);
  for (const auto& [line, slot] : system.memory().written_lines()) lines.insert(line);
  for (int p = 0; p < system.cores(); ++p) {
    const Cache& c = system.cache(p);
    for (std::size_t i = 0; i < c.line_count(); ++i)
      if (is_valid(c.line(static_cast<int>(i)).state)) lines.insert(c.line(static_cast<int>(i)).tag);
  }
  for (Addr line : lines)
    if (auto v = check_line(system, line)) return v;
  return std::nullopt;
}

}  // namespace gb
