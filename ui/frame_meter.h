// What `gopherbus --measure` reports: frame times (median, 95th percentile, frames per second) and how fast
// the simulation advanced while the window redrew. Plain numbers, no window: tested headless.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace gb::ui {

// How long one frame may spend simulating while playing: what a 30 frames/s frame leaves after drawing (the
// last frame's draw time, plus a little slack), at least 2 ms so playing always moves and at most 12 ms so a
// fast renderer redraws at 60.
inline double play_budget_seconds(double last_draw_seconds) {
  constexpr double kFrame = 1.0 / 30.0, kSlack = 0.002, kMin = 0.002, kMax = 0.012;
  return std::clamp(kFrame - last_draw_seconds - kSlack, kMin, kMax);
}

class FrameMeter {
 public:
  void add_frame(double seconds) { frames_.push_back(seconds); }
  // The simulated time and instructions at the start and end of the measured stretch.
  void set_simulation(std::int64_t ns0, std::int64_t ns1, std::uint64_t instr0, std::uint64_t instr1) {
    sim_ns_ = ns1 - ns0;
    instructions_ = instr1 - instr0;
  }
  std::size_t frames() const { return frames_.size(); }
  double total_seconds() const;
  double fps() const {
    return total_seconds() > 0 ? static_cast<double>(frames_.size()) / total_seconds() : 0;
  }
  // The q-quantile of the frame times (0.5: the median), in seconds; 0 with no frames.
  double quantile(double q) const;
  // Simulated ns (= cycles at 1 GHz) per second of wall time over the measured frames.
  double cycles_per_second() const;
  double instructions_per_second() const;
  // One line: "frames 600 in 10.0 s: 60.0 fps, frame median 4.1 ms, p95 6.0 ms; simulated 1.2M cycles/s ...".
  std::string summary() const;

 private:
  std::vector<double> frames_;
  std::int64_t sim_ns_ = 0;
  std::uint64_t instructions_ = 0;
};

}  // namespace gb::ui
