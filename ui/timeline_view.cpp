// The timeline's view window and its bounded query over the machine's run slices, bus log and wake-ups.
#include "timeline_view.h"

#include <algorithm>
#include <cmath>

#include "studio_model.h"

namespace gb::ui {

// [SECTION] View window

double time_at(const TimelineView& v, double px) {
  return v.start_ns + px * v.ns_per_px;
}

double px_at(const TimelineView& v, double ns) {
  return (ns - v.start_ns) / v.ns_per_px;
}

void zoom_at(TimelineView& v, double px, double factor) {
  if (!(factor > 0)) return;
  const double t = time_at(v, px);
  v.ns_per_px = std::max(TimelineView::kMinNsPerPx, v.ns_per_px / factor);
  v.start_ns = t - px * v.ns_per_px;
  if (factor != 1) v.fit = false;
}

void pan_px(TimelineView& v, double dx) {
  v.start_ns -= dx * v.ns_per_px;
  if (dx != 0) v.follow = v.fit = false;
}

namespace {

// The widest view: the whole run plus a small margin (at least a microsecond, so an empty run has a scale).
double widest_ns_per_px(double end_ns, double width_px) {
  return std::max(std::max(end_ns, 1000.0) * 1.06 / std::max(width_px, 1.0), TimelineView::kMinNsPerPx);
}

}  // namespace

void clamp_view(TimelineView& v, double end_ns, double width_px) {
  v.ns_per_px = std::clamp(v.ns_per_px, TimelineView::kMinNsPerPx, widest_ns_per_px(end_ns, width_px));
  const double span = v.ns_per_px * std::max(width_px, 1.0);
  const double lo = -0.02 * span;
  const double hi = std::max(lo, end_ns - 0.1 * span);
  v.start_ns = std::clamp(v.start_ns, lo, hi);
}

void fit_view(TimelineView& v, double end_ns, double width_px) {
  v.ns_per_px = widest_ns_per_px(end_ns, width_px);
  v.start_ns = -0.02 * v.ns_per_px * std::max(width_px, 1.0);
  v.fitted = true;
}

bool in_view(const TimelineView& v, double ns, double width_px) {
  return ns >= v.start_ns && ns <= time_at(v, width_px);
}

void follow_now(TimelineView& v, double now_ns, double width_px) {
  if (!v.follow) return;
  const double span = v.ns_per_px * std::max(width_px, 1.0);
  if (now_ns < v.start_ns || now_ns > v.start_ns + 0.98 * span) v.start_ns = now_ns - 0.85 * span;
}

void settle_view(TimelineView& v, double end_ns, double now_ns, double width_px) {
  if (v.lock_axis) {
    v.ns_per_px = std::max(v.ns_per_px, TimelineView::kMinNsPerPx);
    v.fitted = true;
    return;
  }
  if (v.fit || !v.fitted) fit_view(v, end_ns, width_px);
  if (!v.fit) follow_now(v, now_ns, width_px);
  clamp_view(v, end_ns, width_px);
}

// [SECTION] Row indices

void TimelineIndex::update(const vm::Vm& rt) {
  const auto& sl = rt.run_slices();
  const auto& bl = rt.memory().bus_log();
  const int nc = static_cast<int>(rt.cores().size());
  const int np = rt.scheduler().gomaxprocs();
  // A fingerprint that no longer matches means another run: index it from scratch.
  const bool same_slices =
      slices == 0 || (slices <= sl.size() && sl[slices - 1].start_ns == last_slice_start &&
                      sl[slices - 1].g == last_slice_g);
  const bool same_bus = bus == 0 || (bus <= bl.size() && bl[bus - 1].start_ns == last_bus_start);
  const bool shrunk = slices > sl.size() || bus > bl.size();
  // After a step back the new last slice must be one already indexed under its core and G.
  bool prefix = true;
  if (slices > sl.size() && !sl.empty()) {
    const vm::RunSlice& s = sl[sl.size() - 1];
    const auto n = static_cast<std::uint32_t>(sl.size() - 1);
    auto holds = [n](const std::vector<std::vector<std::uint32_t>>& rows, int r) {
      return r >= 0 && static_cast<std::size_t>(r) < rows.size() &&
             std::binary_search(rows[static_cast<std::size_t>(r)].begin(),
                                rows[static_cast<std::size_t>(r)].end(), n);
    };
    prefix = holds(core_slices, s.core) && holds(g_slices, s.g);
  }
  if (nc != cores || !prefix || (!shrunk && (!same_slices || !same_bus))) {
    *this = TimelineIndex{};
    cores = nc;
    core_slices.resize(static_cast<std::size_t>(nc));
    core_bus.resize(static_cast<std::size_t>(nc));
  }
  procs = np;
  if (p_slices.size() < static_cast<std::size_t>(np)) p_slices.resize(static_cast<std::size_t>(np));
  // Stepping back: the logs are a prefix of what was indexed.
  auto drop_from = [](std::vector<std::uint32_t>& row, std::size_t n) {
    while (!row.empty() && row.back() >= n) row.pop_back();
  };
  if (slices > sl.size()) {
    for (auto* rows : {&core_slices, &p_slices, &g_slices})
      for (auto& row : *rows) drop_from(row, sl.size());
    slices = sl.size();
  }
  if (bus > bl.size()) {
    for (auto& row : core_bus) drop_from(row, bl.size());
    bus = bl.size();
  }
  for (; slices < sl.size(); ++slices) {
    const vm::RunSlice& s = sl[slices];
    const auto i = static_cast<std::uint32_t>(slices);
    if (s.core >= 0 && s.core < nc) core_slices[static_cast<std::size_t>(s.core)].push_back(i);
    if (s.p >= 0) {
      if (static_cast<std::size_t>(s.p) >= p_slices.size())
        p_slices.resize(static_cast<std::size_t>(s.p) + 1);
      p_slices[static_cast<std::size_t>(s.p)].push_back(i);
    }
    if (s.g > 0) {
      if (static_cast<std::size_t>(s.g) >= g_slices.size())
        g_slices.resize(static_cast<std::size_t>(s.g) + 1);
      g_slices[static_cast<std::size_t>(s.g)].push_back(i);
    }
  }
  for (; bus < bl.size(); ++bus) {
    const vm::BusRecord& b = bl[bus];
    if (b.core >= 0 && b.core < nc)
      core_bus[static_cast<std::size_t>(b.core)].push_back(static_cast<std::uint32_t>(bus));
  }
  if (slices > 0) {
    last_slice_start = sl[slices - 1].start_ns;
    last_slice_g = sl[slices - 1].g;
  }
  if (bus > 0) last_bus_start = bl[bus - 1].start_ns;
}

// [SECTION] What is visible

double timeline_end_ns(const StudioModel& model) {
  if (!model.loaded()) return 0;
  const vm::Vm& rt = model.machine()->runtime();
  double end = static_cast<double>(rt.now());
  for (const vm::CoreRun& c : rt.cores()) end = std::max(end, static_cast<double>(c.clock));
  return end;
}

namespace {

// The first position in row[lo, hi) whose key is not below `t` (rows are in time order).
template <class Key>
std::size_t first_at(const std::vector<std::uint32_t>& row, std::size_t lo, std::size_t hi, double t,
                     Key key) {
  const auto b = row.begin();
  return static_cast<std::size_t>(std::partition_point(b + static_cast<std::ptrdiff_t>(lo),
                                                       b + static_cast<std::ptrdiff_t>(hi),
                                                       [&](std::uint32_t i) { return key(i) < t; }) -
                                  b);
}

// The same answer as first_at, searched outward from `lo` (1, 2, 4, ... entries on), for when the answer is
// usually near: stepping a pixel at a time costs the log of a pixel's entries, not of the whole row.
template <typename Key>
std::size_t next_at(const std::vector<std::uint32_t>& row, std::size_t lo, std::size_t hi, double t, Key key) {
  std::size_t step = 1;
  std::size_t below = lo;  // every entry before `below` is known to be < t
  while (below + step < hi && key(row[below + step - 1]) < t) {
    below += step;
    step *= 2;
  }
  return first_at(row, below, std::min(hi, below + step), t, key);
}

struct SliceRows {
  const vm::Vm& rt;
  // Per core, the slice still running there (its end grows to the core's clock), or SIZE_MAX.
  std::vector<std::size_t> live;

  explicit SliceRows(const vm::Vm& r, const TimelineIndex& index)
      : rt(r), live(index.core_slices.size(), SIZE_MAX) {
    const auto& sl = rt.run_slices();
    for (std::size_t c = 0; c < index.core_slices.size() && c < rt.cores().size(); ++c) {
      const auto& row = index.core_slices[c];
      if (row.empty() || rt.cores()[c].thread < 0 || rt.finished()) continue;
      if (sl[row.back()].end_reason.empty()) live[c] = row.back();
    }
  }
  bool is_live(std::size_t i) const {
    const int c = rt.run_slices()[i].core;
    return c >= 0 && static_cast<std::size_t>(c) < live.size() && live[static_cast<std::size_t>(c)] == i;
  }
  double start(std::size_t i) const { return static_cast<double>(rt.run_slices()[i].start_ns); }
  double end(std::size_t i) const {
    const vm::RunSlice& s = rt.run_slices()[i];
    const auto e = static_cast<double>(s.end_ns);
    return is_live(i) ? std::max(e, static_cast<double>(rt.cores()[static_cast<std::size_t>(s.core)].clock))
                      : e;
  }

  // The row's items in [t0, t1]: a slice as wide as `min_ns` is its own item; narrower ones are merged with
  // the others that start before `min_ns` has passed, so items start at least `min_ns` apart.
  std::vector<TimelineItem> visible(const std::vector<std::uint32_t>& row, double t0, double t1,
                                    double min_ns) const {
    std::vector<TimelineItem> out;
    const auto key = [&](std::uint32_t i) { return start(i); };
    std::size_t k = first_at(row, 0, row.size(), t0, key);
    // The slice that began before the window may still be running into it (a row's slices do not overlap, but
    // cores' clocks differ a little for a P's row: look back a few).
    for (int back = 0; back < 4 && k > 0 && end(row[k - 1]) > t0; ++back) --k;
    const std::size_t hi = first_at(row, k, row.size(), std::nextafter(t1, INFINITY), key);
    const auto& sl = rt.run_slices();
    while (k < hi) {
      const std::size_t i = row[k];
      TimelineItem it;
      it.first = i;
      it.start_ns = start(i);
      it.end_ns = end(i);
      it.g = sl[i].g;
      it.live = is_live(i);
      if (it.end_ns - it.start_ns >= min_ns) {
        out.push_back(it);
        ++k;
        continue;
      }
      std::size_t j = next_at(row, k + 1, hi, it.start_ns + min_ns, key);
      // The last one merged may itself be wide: it gets its own item next.
      if (j - 1 > k && end(row[j - 1]) - start(row[j - 1]) >= min_ns) --j;
      it.count = static_cast<std::uint32_t>(j - k);
      const std::size_t last = row[j - 1];
      it.end_ns = end(last);  // the drawing gives it at least a pixel
      it.mixed = sl[last].g != it.g;
      it.live = it.live || is_live(last);
      out.push_back(it);
      k = j;
    }
    return out;
  }
};

std::vector<TimelineBusTick> bus_visible(const vm::Vm& rt, const std::vector<std::uint32_t>& row, double t0,
                                         double t1, double min_ns) {
  std::vector<TimelineBusTick> out;
  const auto& bl = rt.memory().bus_log();
  const auto key = [&](std::uint32_t i) { return static_cast<double>(bl[i].start_ns); };
  const auto end = [&](std::uint32_t i) { return static_cast<double>(bl[i].start_ns + bl[i].dur_ns); };
  std::size_t k = first_at(row, 0, row.size(), t0, key);
  if (k > 0 && end(row[k - 1]) > t0) --k;
  const std::size_t hi = first_at(row, k, row.size(), std::nextafter(t1, INFINITY), key);
  while (k < hi) {
    const std::size_t i = row[k];
    TimelineBusTick t;
    t.first = i;
    t.start_ns = key(row[k]);
    t.op = bl[i].op;
    const std::size_t j = std::max(k + 1, next_at(row, k + 1, hi, t.start_ns + min_ns, key));
    t.count = static_cast<std::uint32_t>(j - k);
    t.end_ns = end(row[j - 1]);
    out.push_back(t);
    k = j;
  }
  return out;
}

// The position in the G's slices of the one running at `ts` (the last that began by then), or SIZE_MAX.
std::size_t slice_at(const vm::Vm& rt, const TimelineIndex& index, GId g, double ts) {
  if (g <= 0 || static_cast<std::size_t>(g) >= index.g_slices.size()) return SIZE_MAX;
  const auto& row = index.g_slices[static_cast<std::size_t>(g)];
  const auto& sl = rt.run_slices();
  const std::size_t k = first_at(row, 0, row.size(), std::nextafter(ts, INFINITY),
                                 [&](std::uint32_t i) { return static_cast<double>(sl[i].start_ns); });
  return k == 0 ? SIZE_MAX : row[k - 1];
}

// The G's first slice recorded at or after log index `from`, or SIZE_MAX.
std::size_t slice_after(const TimelineIndex& index, GId g, std::size_t from) {
  if (g <= 0 || static_cast<std::size_t>(g) >= index.g_slices.size()) return SIZE_MAX;
  const auto& row = index.g_slices[static_cast<std::size_t>(g)];
  const auto it = std::lower_bound(row.begin(), row.end(), from);
  return it == row.end() ? SIZE_MAX : *it;
}

}  // namespace

TimelineFrame timeline_query(const StudioModel& model, TimelineIndex& index, const TimelineView& view,
                             double width_px, double min_px, std::size_t max_arrows) {
  TimelineFrame f;
  f.t0 = view.start_ns;
  f.t1 = time_at(view, std::max(width_px, 1.0));
  if (!model.loaded()) return f;
  const vm::Vm& rt = model.machine()->runtime();
  index.update(rt);
  f.end_ns = timeline_end_ns(model);
  f.now_ns = static_cast<double>(rt.now());
  // An idle core's clock stays where it last ran: its present is the runtime's.
  for (const vm::CoreRun& c : rt.cores())
    f.core_now.push_back(c.thread >= 0 && !rt.finished() ? static_cast<double>(c.clock) : f.now_ns);
  for (const PView& p : model.processors())
    f.proc_now.push_back(p.core >= 0 && static_cast<std::size_t>(p.core) < f.core_now.size()
                             ? f.core_now[static_cast<std::size_t>(p.core)]
                             : f.now_ns);
  const double min_ns = std::max(min_px, 0.25) * view.ns_per_px;
  const SliceRows rows(rt, index);
  for (const auto& row : index.core_slices) f.cores.push_back(rows.visible(row, f.t0, f.t1, min_ns));
  for (const auto& row : index.p_slices) f.procs.push_back(rows.visible(row, f.t0, f.t1, min_ns));
  for (const auto& row : index.core_bus) f.bus.push_back(bus_visible(rt, row, f.t0, f.t1, min_ns));

  // Wake-ups are nearly in time order (each is stamped with its core's clock): binary search is close enough,
  // with a margin to the left for arrows whose waker is just off screen.
  const auto& wakes = rt.wakes();
  const auto ts = [&](std::size_t i) { return static_cast<double>(wakes[i].ts_ns); };
  const auto from = [&](double t) {
    std::size_t lo = 0, hi = wakes.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (ts(mid) < t)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  };
  const std::size_t w0 = from(f.t0), w1 = from(std::nextafter(f.t1, INFINITY));
  f.wakes_in_view = w1 - w0;
  if (f.wakes_in_view > max_arrows) {
    f.arrows_hidden = true;
    return f;
  }
  const auto& sl = rt.run_slices();
  for (std::size_t w = from(f.t0 - 0.25 * (f.t1 - f.t0)); w < w1; ++w) {
    const vm::WakeRecord& r = wakes[w];
    TimelineArrow a;
    a.wake = w;
    a.waker = r.waker;
    a.woken = r.woken;
    a.from_ns = ts(w);
    a.from_p = r.waker_p;
    const std::size_t src = slice_at(rt, index, r.waker, a.from_ns);
    if (src != SIZE_MAX) {
      a.from_core = sl[src].core;
      a.from_p = sl[src].p;
    }
    const std::size_t dst = slice_after(index, r.woken, r.slices_before);
    if (dst != SIZE_MAX) {
      a.to_slice = dst;
      a.to_ns = static_cast<double>(sl[dst].start_ns);
      a.to_core = sl[dst].core;
      a.to_p = sl[dst].p;
    }
    f.arrows.push_back(a);
  }
  return f;
}

}  // namespace gb::ui
