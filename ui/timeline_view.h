// The timeline's view window (which stretch of simulated time is on screen, zoom and pan as in Tracy) and the
// query that says what is visible in it: run slices per core and per P, bus ticks per core, wake-up arrows,
// with bounded work at any zoom (binary search per row, items narrower than a pixel merged). No ImGui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "coherence/bus_op.h"
#include "scheduler/g_status.h"

namespace gb::vm {
class Vm;
}

namespace gb::ui {

class StudioModel;

// [SECTION] View window
struct TimelineView {
  static constexpr double kMinNsPerPx = 0.02;  // 1 ns is 50 px at the deepest zoom
  double start_ns = 0;                         // the time at the left edge
  double ns_per_px = 10;
  bool follow = true;   // keep the current moment in view while the machine moves (off once the user pans)
  bool fitted = false;  // the first frame fits the run
  // Fit: the whole run stays in view as it grows, and after a restart (off once the user zooms or pans).
  bool fit = false;
  // Lock the axis: the zoom and pan stay as they are, whatever the run does (a restart with another knob, a
  // shorter run), so two runs can be compared on one time axis. Neither fits nor follows while on.
  bool lock_axis = false;
  float scroll_y = 0;  // rows scrolled under the ruler when they do not all fit (pixels; the panel clamps it)
};

double time_at(const TimelineView& v, double px);
double px_at(const TimelineView& v, double ns);
// Zooms by `factor` (> 1 zooms in) about the pixel `px`: the time under it stays under it.
void zoom_at(TimelineView& v, double px, double factor);
// Drags the view by `dx` pixels (positive: the content moves right, earlier times come into view). Stops
// following.
void pan_px(TimelineView& v, double dx);
// Keeps the view on the run [0, end_ns] for a `width_px` wide plot: no zooming out past the whole run (plus a
// margin), no deeper than kMinNsPerPx, and at least part of the run on screen.
void clamp_view(TimelineView& v, double end_ns, double width_px);
// The whole run in view.
void fit_view(TimelineView& v, double end_ns, double width_px);
// Whether `ns` is on screen.
bool in_view(const TimelineView& v, double ns, double width_px);
// In follow mode, shifts the view so `now_ns` is on screen (at 85% of the width once it passes 98%).
void follow_now(TimelineView& v, double now_ns, double width_px);
// What the view does each frame before drawing, for a run that has reached `end_ns` and is at `now_ns`: a
// locked axis stays (only the deepest zoom is enforced); otherwise Fit (or the first frame) fits the run,
// follow keeps now in view, and the view is kept on the run.
void settle_view(TimelineView& v, double end_ns, double now_ns, double width_px);

// [SECTION] Row indices
// Per-row lists of indices into the machine's append-only logs (run slices by core, by P and by G; bus
// transactions by core), extended with what each frame adds. Within a core, slices and bus transactions are
// in time order (a core's clock only goes forward), so each row can be binary-searched; the global logs are
// only nearly sorted (cores' clocks differ). Stepping back shrinks the logs to a prefix of the same entries,
// which the index drops; a different run is detected and indexed afresh.
struct TimelineIndex {
  std::vector<std::vector<std::uint32_t>> core_slices, p_slices, g_slices, core_bus;
  std::size_t slices = 0, bus = 0;  // log entries indexed so far
  // A fingerprint of the last indexed entries, to notice a different run behind the same sizes.
  std::int64_t last_slice_start = -1, last_bus_start = -1;
  GId last_slice_g = kNoG;
  int cores = -1, procs = -1;
  void update(const vm::Vm& rt);
};

// [SECTION] What is visible
// One box on a row: a run slice, or several slices too narrow to tell apart merged into one (count > 1).
struct TimelineItem {
  std::size_t first = 0;  // index in run_slices() of the first slice
  std::uint32_t count = 1;
  double start_ns = 0, end_ns = 0;
  GId g = kNoG;
  bool mixed = false;  // merged slices of more than one G
  bool live = false;   // the slice still running (drawn up to its core's clock)
};

// Bus transactions on a core within one pixel: the first one's kind and how many.
struct TimelineBusTick {
  std::size_t first = 0;  // index in bus_log()
  std::uint32_t count = 1;
  double start_ns = 0, end_ns = 0;
  BusOp op = BusOp::None;
};

// A wake-up: from the waker where it ran (kNoG: a timer) to the woken G's next slice (none yet: to_ns < 0).
struct TimelineArrow {
  std::size_t wake = 0;  // index in wakes()
  GId waker = kNoG, woken = kNoG;
  double from_ns = 0;
  int from_core = -1, from_p = -1;
  double to_ns = -1;
  int to_core = -1, to_p = -1;
  std::size_t to_slice = 0;
};

struct TimelineFrame {
  double t0 = 0, t1 = 0;  // the window queried
  double end_ns = 0;      // the run so far (the latest core clock)
  double now_ns = 0;      // the current moment (the runtime's clock: the core that ran last)
  // The present of each row: each core keeps its own clock, so a busy core's row is "now" at that core's
  // clock (a live stretch ends exactly there), an idle one's at now_ns; a P's row at the clock of the core
  // its M runs on, else now_ns.
  std::vector<double> core_now, proc_now;
  std::vector<std::vector<TimelineItem>> cores, procs;
  std::vector<std::vector<TimelineBusTick>> bus;  // per core
  std::vector<TimelineArrow> arrows;
  std::size_t wakes_in_view = 0;  // wake-ups in the window; arrows are drawn only when few enough
  bool arrows_hidden = false;
};

// What a TimelineFrame was queried for: a frame whose key equals the last one's reuses its result (a still
// picture costs no query).
struct TimelineFrameKey {
  const void* session = nullptr;  // the run (a restart makes a new one)
  std::uint64_t position = UINT64_MAX, steps = 0;
  double start_ns = 0, ns_per_px = 0, width_px = 0;
  bool operator==(const TimelineFrameKey&) const = default;
};

// The latest clock of the run (0 with no machine).
double timeline_end_ns(const StudioModel& model);
// What is visible in `view` on a plot `width_px` wide. Work per row is about O(width_px log n): items
// narrower than `min_px` are merged, so each row returns at most about 2 * width_px / min_px items. Arrows
// are given when at most `max_arrows` wake-ups fall in the window.
TimelineFrame timeline_query(const StudioModel& model, TimelineIndex& index, const TimelineView& view,
                             double width_px, double min_px = 1.0, std::size_t max_arrows = 200);

}  // namespace gb::ui
