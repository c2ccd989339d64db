// Seeded and scripted choosers.
#include "chooser.h"

namespace gb {

std::uint64_t SeededChooser::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::size_t SeededChooser::choose(std::size_t n, ChoiceKind) {
  if (n <= 1) return 0;
  return static_cast<std::size_t>(next() % n);
}

std::size_t ScriptedChooser::choose(std::size_t n, ChoiceKind) {
  if (pos_ >= script_.size()) return 0;
  const std::size_t pick = script_[pos_++];
  return pick < n ? pick : n - 1;
}

}  // namespace gb
