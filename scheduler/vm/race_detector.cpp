// The race detector's clocks and shadow memory (race_detector.h).
#include "scheduler/vm/race_detector.h"

#include <algorithm>

namespace gb::vm {

RaceDetector::StackId RaceDetector::intern(const std::vector<RaceFrame>& frames) {
  const auto it = stack_ids_.find(frames);
  if (it != stack_ids_.end()) return it->second;
  const auto id = static_cast<StackId>(stacks_.size());
  stacks_.push_back(frames);
  stack_ids_.emplace(frames, id);
  return id;
}

RaceDetector::GoroutineState& RaceDetector::state(GId g) {
  const auto i = static_cast<std::size_t>(std::max<GId>(g, 0));
  if (i >= gs_.size()) gs_.resize(i + 1);
  GoroutineState& s = gs_[i];
  if (s.clock.size() <= i) s.clock.resize(i + 1, 0);
  if (s.clock[i] == 0) s.clock[i] = 1;  // a goroutine's own component starts at 1: its first epoch
  return s;
}

void RaceDetector::join(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (std::size_t i = 0; i < from.size(); ++i) into[i] = std::max(into[i], from[i]);
}

void RaceDetector::tick(GId g) { ++clock(g)[static_cast<std::size_t>(g)]; }

bool RaceDetector::before(const Epoch& e, GId g) {
  if (e.g == g) return true;
  const std::vector<std::uint32_t>& c = clock(g);
  const auto i = static_cast<std::size_t>(e.g);
  return i < c.size() && e.clock <= c[i];
}

void RaceDetector::go(GId parent, GId child, StackId created_at) {
  std::vector<std::uint32_t> c = clock(parent);
  GoroutineState& s = state(child);
  join(s.clock, c);
  s.created_at = created_at;
  tick(parent);  // what the parent does after the go statement is not seen by the child
}

std::optional<RaceDetector::StackId> RaceDetector::created_at(GId g) const {
  const auto i = static_cast<std::size_t>(g);
  return g > kNoG && i < gs_.size() ? gs_[i].created_at : std::nullopt;
}

void RaceDetector::acquire(GId g, Word sync) {
  if (disabled(g)) return;
  const auto it = syncs_.find(sync);
  if (it != syncs_.end()) join(clock(g), it->second);
}

void RaceDetector::release(GId g, Word sync) {
  if (disabled(g)) return;
  syncs_[sync] = clock(g);
  tick(g);
}

void RaceDetector::release_merge(GId g, Word sync) {
  if (disabled(g)) return;
  join(syncs_[sync], clock(g));
  tick(g);
}

void RaceDetector::release_acquire(GId g, Word sync) {
  if (disabled(g)) return;
  std::vector<std::uint32_t>& s = syncs_[sync];
  std::vector<std::uint32_t> old = s;
  s = clock(g);
  join(clock(g), old);
  tick(g);
}

void RaceDetector::acquire_release(GId g, Word sync) {
  if (disabled(g)) return;
  std::vector<std::uint32_t>& s = syncs_[sync];
  join(clock(g), s);
  s = clock(g);
  tick(g);
}

void RaceDetector::sync_both(GId a, GId b) {
  std::vector<std::uint32_t> m = clock(a);
  join(m, clock(b));
  join(clock(a), m);
  join(clock(b), m);
  tick(a);
  tick(b);
}

std::optional<RaceDetector::Report> RaceDetector::access(GId g, Word address, std::uint32_t words, bool write,
                                                         bool atomic, StackId stack) {
  std::optional<Report> found;
  const std::uint32_t now = clock(g)[static_cast<std::size_t>(g)];
  for (std::uint32_t w = 0; w < std::max<std::uint32_t>(words, 1); ++w) {
    const Word word = address + w;
    Shadow& sh = shadow_[word];
    std::optional<Epoch> conflict;
    bool conflict_write = false;
    if (sh.write.g != kNoG && !before(sh.write, g) && !(atomic && sh.write.atomic)) {
      conflict = sh.write;
      conflict_write = true;
    }
    if (write && !conflict) {
      for (const Epoch& r : sh.reads) {
        if (!before(r, g) && !(atomic && r.atomic)) {
          conflict = r;
          break;
        }
      }
    }
    if (conflict && !found) {
      const bool seen_word = std::find(reported_words_.begin(), reported_words_.end(), word) != reported_words_.end();
      const std::pair<StackId, StackId> pair{std::min(stack, conflict->stack), std::max(stack, conflict->stack)};
      const bool seen_pair = std::find(reported_pairs_.begin(), reported_pairs_.end(), pair) != reported_pairs_.end();
      if (!seen_word) reported_words_.push_back(word);
      if (!seen_word && !seen_pair) {
        reported_pairs_.push_back(pair);
        ++reported_;
        Report r;
        r.address = word;
        r.current = Access{g, write, atomic, stack};
        r.previous = Access{conflict->g, conflict_write, conflict->atomic, conflict->stack};
        found = r;
      }
    }
    const Epoch mine{g, now, atomic, stack};
    if (write) {
      sh.write = mine;
      sh.reads.clear();
    } else {
      const auto it = std::find_if(sh.reads.begin(), sh.reads.end(), [&](const Epoch& r) { return r.g == g; });
      if (it != sh.reads.end()) *it = mine;
      else sh.reads.push_back(mine);
    }
  }
  return found;
}

}  // namespace gb::vm
