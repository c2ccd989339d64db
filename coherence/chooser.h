// The one place every open choice of the simulation is made: seeded, scripted or exhaustive.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gb {

// What a choice is about, so a script or an explorer can tell choices apart and the UI can say why. Timing is
// hardware and OS noise (machine mode's jitter): how many extra nanoseconds a bus transaction, a thread's wake-up,
// an OS time slice or sysmon's retake takes this time.
enum class ChoiceKind : std::uint8_t { BusArbitration, Interleaving, StoreBufferDrain, Scheduler, Other, Timing };

class Chooser {
 public:
  virtual ~Chooser() = default;
  // Picks one of `n` (n >= 1) alternatives, 0-based.
  virtual std::size_t choose(std::size_t n, ChoiceKind kind) = 0;
};

// Deterministic pseudo-random choices from a seed (splitmix64): same seed, same run.
class SeededChooser final : public Chooser {
 public:
  explicit SeededChooser(std::uint64_t seed) : state_(seed) {}
  std::size_t choose(std::size_t n, ChoiceKind kind) override;
  std::uint64_t next();

 private:
  std::uint64_t state_;
};

// Always the first alternative: the canonical order (lowest core first, oldest first).
class FirstChooser final : public Chooser {
 public:
  std::size_t choose(std::size_t, ChoiceKind) override { return 0; }
};

// Replays a recorded list of choices (a lesson's script, or one path of an explorer), then falls back to 0.
class ScriptedChooser final : public Chooser {
 public:
  explicit ScriptedChooser(std::vector<std::size_t> script) : script_(std::move(script)) {}
  std::size_t choose(std::size_t n, ChoiceKind kind) override;
  bool exhausted() const { return pos_ >= script_.size(); }

 private:
  std::vector<std::size_t> script_;
  std::size_t pos_ = 0;
};

}  // namespace gb
