// Frame statistics for --measure.
#include "frame_meter.h"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace gb::ui {

double FrameMeter::total_seconds() const {
  return std::accumulate(frames_.begin(), frames_.end(), 0.0);
}

double FrameMeter::quantile(double q) const {
  if (frames_.empty()) return 0.0;
  std::vector<double> sorted = frames_;
  std::sort(sorted.begin(), sorted.end());
  const double at = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
  return sorted[static_cast<std::size_t>(std::lround(at))];
}

double FrameMeter::cycles_per_second() const {
  const double t = total_seconds();
  return t > 0 ? static_cast<double>(sim_ns_) / t : 0.0;
}

double FrameMeter::instructions_per_second() const {
  const double t = total_seconds();
  return t > 0 ? static_cast<double>(instructions_) / t : 0.0;
}

std::string FrameMeter::summary() const {
  return fmt::format(
      "frames {} in {:.1f} s: {:.1f} fps, frame median {:.1f} ms, p95 {:.1f} ms; simulated {:.2f}M cycles/s, "
      "{:.2f}M instructions/s",
      frames(), total_seconds(), fps(), quantile(0.5) * 1e3, quantile(0.95) * 1e3, cycles_per_second() / 1e6,
      instructions_per_second() / 1e6);
}

}  // namespace gb::ui
