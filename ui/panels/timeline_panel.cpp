// The timeline panel: per core and per P a Gantt of which G ran when (boxes in the G's colour), the bus
// transactions as ticks under each core's row, wake-up arrows between the Ps' rows and the current moment as
// a line. Mouse wheel zooms about the cursor, left-drag pans (as in Tracy); "Fit" shows the whole run,
// "Follow" keeps the current moment in view.
#include "timeline_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

namespace gb::ui {

namespace {

constexpr ImU32 kRowBg = IM_COL32(34, 36, 42, 255);
constexpr ImU32 kRowBgAlt = IM_COL32(40, 42, 49, 255);
constexpr ImU32 kGrid = IM_COL32(70, 74, 84, 255);
constexpr ImU32 kRulerText = IM_COL32(200, 204, 214, 255);
constexpr ImU32 kMixed = IM_COL32(125, 128, 140, 255);
constexpr ImU32 kNowLine = IM_COL32(255, 214, 60, 255);
constexpr ImU32 kNowJoin = IM_COL32(255, 214, 60, 110);  // joins the rows' presents
constexpr ImU32 kArrow = IM_COL32(235, 235, 245, 230);
constexpr ImU32 kLabelDark = IM_COL32(20, 20, 20, 255);
constexpr ImU32 kGcBand = IM_COL32(120, 215, 130, 46);   // the collector's mark phase, over every row
constexpr ImU32 kGcStw = IM_COL32(240, 90, 90, 230);     // its stop-the-world pauses, as a line
constexpr ImU32 kGcStwBand = IM_COL32(240, 90, 90, 120);  // ... wide enough to shade
constexpr ImU32 kGcLabel = IM_COL32(160, 235, 170, 255);
constexpr ImU32 kGcTab = IM_COL32(22, 44, 28, 230);

// Bus kinds, close to but not exactly the states they lead to (so the screenshot probes count only caches).
ImU32 bus_colour(BusOp op) {
  switch (op) {
    case BusOp::BusRd:
      return IM_COL32(70, 140, 235, 255);
    case BusOp::BusRdX:
      return IM_COL32(235, 70, 70, 255);
    case BusOp::BusUpgr:
      return IM_COL32(245, 150, 40, 255);
    case BusOp::BusUpd:
      return IM_COL32(40, 190, 170, 255);
    case BusOp::Flush:
    case BusOp::FlushOpt:
      return IM_COL32(210, 210, 210, 255);
    case BusOp::None:
      break;
  }
  return IM_COL32(150, 150, 150, 255);
}

// The bus kinds' colours, inline after the toolbar (BusUpd only where an update protocol uses it).
void bus_legend(bool updates) {
  const float h = ImGui::GetTextLineHeight();
  for (const BusOp op : {BusOp::BusRd, BusOp::BusRdX, BusOp::BusUpgr, BusOp::BusUpd, BusOp::Flush}) {
    if (op == BusOp::BusUpd && !updates) continue;
    ImGui::SameLine(0, 14);
    const ImVec2 q = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + h * 0.3f), ImVec2(q.x + 10, q.y + h * 0.8f),
                                              bus_colour(op));
    ImGui::Dummy(ImVec2(12, h));
    ImGui::SameLine(0, 4);
    const std::string_view n = name(op);
    ImGui::TextUnformatted(n.data(), n.data() + n.size());
  }
}

// The collector's cycles in [t0, t1] as bands over the rows [top, bottom], from sweep termination to the end of
// mark termination (to `now_ns` while one runs), each stop-the-world pause shaded red (a line at least, when it
// is narrower than a pixel), and "GC n" at the top.
void draw_gc_cycles(ImDrawList* dl, const TimelineView& v, float origin_x, const vm::Vm& rt, double t0, double t1,
                    double now_ns, float top, float bottom) {
  const auto& events = rt.gc_events();
  auto x = [&](double ns) { return origin_x + static_cast<float>(px_at(v, ns)); };
  auto stw = [&](double from, double pause) {
    if (from + pause < t0 || from > t1) return;
    const float x0 = x(from), x1 = x(from + pause);
    if (x1 - x0 < 1.5f) dl->AddLine(ImVec2(x0, top), ImVec2(x0, bottom), kGcStw, 1.5f);
    else dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), kGcStwBand);
  };
  auto band = [&](const vm::GcEvent* start, const vm::GcEvent* end) {
    const double from = static_cast<double>(start != nullptr ? start->ns : end->ns);
    const double to = end != nullptr ? static_cast<double>(end->ns + static_cast<std::int64_t>(end->pause_ns)) : now_ns;
    if (to < t0 || from > t1) return;
    const float x0 = x(from), x1 = std::max(x(to), x0 + 1.0f);
    dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), kGcBand);
    if (start != nullptr) stw(from, static_cast<double>(start->pause_ns));
    if (end != nullptr) stw(static_cast<double>(end->ns), static_cast<double>(end->pause_ns));
    // The label on a dark tab of its own, readable over any G's colour.
    const std::string label = fmt::format("GC {}", (start != nullptr ? start->cycle : end->cycle) + 1);
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    if (x1 - x0 > ts.x + 8) {
      dl->AddRectFilled(ImVec2(x0 + 2, top + 1), ImVec2(x0 + 6 + ts.x, top + 1 + ts.y), kGcTab, 3.0f);
      dl->AddText(ImVec2(x0 + 4, top + 1), kGcLabel, label.c_str());
    }
  };
  const vm::GcEvent* start = nullptr;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const vm::GcEvent& e = events[i];
    if (e.kind == vm::GcEvent::Kind::Start) {
      start = &e;
      continue;
    }
    band(start, &e);
    start = nullptr;
  }
  if (start != nullptr) band(start, nullptr);
}

// [SECTION] Time labels

// "850 ns", "12.5 us", "3.25 ms" with as many decimals as a tick step of `step_ns` needs.
std::string time_label(double ns, double step_ns) {
  double unit = 1, shown_step = step_ns;
  const char* name = "ns";
  if (step_ns >= 1e6 || std::abs(ns) >= 1e7) {
    unit = 1e6;
    name = "ms";
  } else if (step_ns >= 1e3 || std::abs(ns) >= 1e4) {
    unit = 1e3;
    name = "us";
  }
  shown_step = step_ns / unit;
  int decimals = 0;
  while (decimals < 6 && shown_step * std::pow(10.0, decimals) < 0.999) ++decimals;
  return fmt::format("{:.{}f} {}", ns / unit, decimals, name);
}

std::string duration_text(double ns) {
  if (ns < 1e3) return fmt::format("{:.0f} ns", ns);
  if (ns < 1e6) return fmt::format("{:.2f} us", ns / 1e3);
  return fmt::format("{:.3f} ms", ns / 1e6);
}

// A 1-2-5 step whose ticks are at least `min_px` apart.
double tick_step(double ns_per_px, double min_px) {
  const double want = ns_per_px * min_px;
  double step = std::pow(10.0, std::floor(std::log10(std::max(want, 1e-3))));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (step * m >= want) return step * m;
  }
  return step * 10;
}

// [SECTION] Drawing

struct Plot {
  ImDrawList* dl = nullptr;
  ImVec2 origin;  // top-left of the time area (right of the row labels)
  float width = 0, ruler_h = 0, row_h = 0, gap = 0;
  float scroll = 0;  // rows scrolled up out of view (pixels)
  const TimelineView* view = nullptr;
  float x(double ns) const { return origin.x + static_cast<float>(px_at(*view, ns)); }
  float row_top(int row) const { return origin.y + ruler_h + row_h * static_cast<float>(row) - scroll; }
};

void draw_ruler(const Plot& p, double t0, double t1) {
  const double step = tick_step(p.view->ns_per_px, 110.0);
  const float y0 = p.origin.y, y1 = p.origin.y + p.ruler_h;
  p.dl->AddRectFilled(ImVec2(p.origin.x, y0), ImVec2(p.origin.x + p.width, y1), IM_COL32(28, 30, 35, 255));
  for (double t = std::ceil(t0 / step) * step; t <= t1; t += step) {
    if (std::abs(t) < step * 1e-6) t = 0;  // not "-0 ns"
    const float x = p.x(t);
    p.dl->AddLine(ImVec2(x, y1 - 6), ImVec2(x, y1), kRulerText);
    const std::string s = time_label(t, step);
    p.dl->AddText(ImVec2(x + 3, y0 + 2), kRulerText, s.c_str());
    for (int k = 1; k < 5; ++k) {
      const float xm = p.x(t + step * k / 5);
      p.dl->AddLine(ImVec2(xm, y1 - 3), ImVec2(xm, y1), kGrid);
    }
  }
}

// One slice box with its G's label when it fits.
void draw_item(const Plot& p, const TimelineItem& it, float top, float h) {
  const float x0 = std::max(p.x(it.start_ns), p.origin.x - 2);
  const float x1 = std::min(std::max(p.x(it.end_ns), x0 + 1.0f), p.origin.x + p.width + 2);
  const bool merged = it.count > 1;
  const ImU32 fill = it.mixed ? kMixed : to_u32(g_colour(it.g), merged ? 170 : 255);
  p.dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, top + h), fill, x1 - x0 > 6 ? 3.0f : 0.0f);
  if (it.live && x1 - x0 > 3)
    p.dl->AddRect(ImVec2(x0, top), ImVec2(x1, top + h), IM_COL32(255, 255, 255, 220), 3.0f, 0, 1.5f);
  if (merged || it.g == kNoG) return;
  char label[16];
  std::snprintf(label, sizeof label, "G%d", it.g);
  const ImVec2 ts = ImGui::CalcTextSize(label);
  if (x1 - x0 < ts.x + 6) return;
  // Keep the label on screen when the box runs off the left edge.
  const float lx = std::clamp(x0 + 4, p.origin.x + 2, x1 - ts.x - 3);
  p.dl->AddText(ImVec2(lx, top + (h - ts.y) * 0.5f), kLabelDark, label);
}

// A curved arrow from a waker to the woken G's next slice.
void draw_arrow(ImDrawList* dl, ImVec2 a, ImVec2 b) {
  const float bend = std::max(18.0f, std::abs(b.y - a.y) * 0.5f);
  const ImVec2 c1(a.x, a.y - (b.y <= a.y ? bend : -bend) * 0.2f);
  const ImVec2 c2(b.x - std::min(40.0f, std::abs(b.x - a.x) * 0.5f + 8), b.y);
  dl->AddBezierCubic(a, ImVec2(c1.x + 12, c1.y), c2, b, kArrow, 1.5f);
  dl->AddCircleFilled(a, 2.5f, kArrow);
  dl->AddTriangleFilled(b, ImVec2(b.x - 7, b.y - 4), ImVec2(b.x - 7, b.y + 4), kArrow);
}

void slice_tooltip(const StudioModel& model, const TimelineItem& it) {
  const vm::Vm& rt = model.machine()->runtime();
  ImGui::BeginTooltip();
  if (it.count > 1) {
    ImGui::Text("%u run slices here%s: zoom in to tell them apart", it.count,
                it.mixed ? " (several Gs)" : "");
    ImGui::Text("from %s for %s", duration_text(it.start_ns).c_str(),
                duration_text(it.end_ns - it.start_ns).c_str());
  } else {
    const vm::RunSlice& s = rt.run_slices()[it.first];
    g_chip(s.g, true);
    const auto& fns = rt.program().functions;
    if (s.func < fns.size()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(fns[s.func].name.c_str());
    }
    ImGui::Text("P%d, M%d, core %d", s.p, s.m, s.core);
    ImGui::Text("started at %s, ran %s", duration_text(it.start_ns).c_str(),
                duration_text(it.end_ns - it.start_ns).c_str());
    if (it.live)
      ImGui::TextUnformatted("still running");
    else
      ImGui::Text("then: %s", s.end_reason.empty() ? "-" : s.end_reason.c_str());
  }
  ImGui::EndTooltip();
}

void bus_tooltip(const StudioModel& model, const TimelineBusTick& t) {
  const auto& log = model.machine()->runtime().memory().bus_log();
  ImGui::BeginTooltip();
  ImGui::Text("at %s", duration_text(t.start_ns).c_str());
  // The tick's transactions are the core's next ones in its row; the log's neighbours may be other cores', so
  // only the first is named exactly and the count says the rest.
  ImGui::TextUnformatted(describe_bus(log[t.first]).c_str());
  if (t.count > 1) ImGui::TextDisabled("and %u more on this core within a pixel", t.count - 1);
  ImGui::EndTooltip();
}

const TimelineItem* item_under(const Plot& p, const std::vector<TimelineItem>& row, float mx) {
  for (const TimelineItem& it : row) {
    if (mx >= p.x(it.start_ns) - 1 && mx <= std::max(p.x(it.end_ns), p.x(it.start_ns) + 1) + 1) return &it;
  }
  return nullptr;
}

}  // namespace

std::optional<LogEvent> draw_timeline_panel(const StudioModel& model, TimelinePanelState& st, const Rect& r) {
  std::optional<LogEvent> jump;
  if (begin_panel(tr(Str::TitleTimeline), r)) {
    TimelineView& view = st.view;
    const double end = timeline_end_ns(model);
    const float label_w = ImGui::CalcTextSize("core 00").x + 10;
    const float plot_w = std::max(50.0f, ImGui::GetContentRegionAvail().x - label_w);

    // Toolbar: Fit and Follow, and the locked axis that keeps both off.
    ImGui::BeginDisabled(view.lock_axis);
    if (ImGui::Checkbox(tr(Str::TimelineFit), &view.fit) && view.fit) view.follow = false;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", tr(Str::TimelineFitTip));
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::TimelineFollow), &view.follow) && view.follow) view.fit = false;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::TimelineLockAxis), &view.lock_axis) && view.lock_axis) view.fit = view.follow = false;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", tr(Str::TimelineLockAxisTip));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf(Str::TimelineHint, duration_text(view.ns_per_px * 100)).c_str());
    bus_legend(model.config().protocol == ProtocolKind::Dragon);
    if (model.machine() != nullptr && !model.machine()->runtime().gc_events().empty()) {
      ImGui::SameLine(0, 14);
      const float h = ImGui::GetTextLineHeight();
      const ImVec2 q = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + h * 0.2f), ImVec2(q.x + 12, q.y + h * 0.9f),
                                                IM_COL32(120, 215, 130, 120));
      ImGui::GetWindowDrawList()->AddLine(ImVec2(q.x, q.y + h * 0.2f), ImVec2(q.x, q.y + h * 0.9f), kGcStw, 1.5f);
      ImGui::Dummy(ImVec2(14, h));
      ImGui::SameLine(0, 4);
      ImGui::TextUnformatted(tr(Str::TimelineGcMark));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::TimelineGcMarkTip));
    }

    settle_view(view, end, static_cast<double>(model.now_ns()), plot_w);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("plot", ImVec2(std::max(avail.x, 60.0f), std::max(avail.y, 40.0f)));
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    const float mx = io.MousePos.x - (top_left.x + label_w);
    if (hovered && io.MouseWheel != 0) {
      zoom_at(view, mx, std::pow(1.25, io.MouseWheel));
      // Zooming away from the current moment means the user wants to look there: stop following.
      if (!in_view(view, static_cast<double>(model.now_ns()), plot_w)) view.follow = false;
    }
    const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f);
    if (dragging) pan_px(view, io.MouseDelta.x);
    if (!view.lock_axis) clamp_view(view, end, plot_w);

    const TimelineFrameKey key{model.session(), model.instructions(), model.steps_taken(), view.start_ns,
                               view.ns_per_px, static_cast<double>(plot_w)};
    if (!(key == st.key)) {
      st.frame = timeline_query(model, st.index, view, plot_w);
      st.key = key;
    }
    const TimelineFrame& f = st.frame;
    const int ncores = static_cast<int>(f.cores.size());
    const int nprocs = static_cast<int>(f.procs.size());
    const int rows = std::max(1, ncores + nprocs);
    Plot p;
    p.dl = ImGui::GetWindowDrawList();
    p.view = &view;
    p.origin = ImVec2(top_left.x + label_w, top_left.y);
    p.width = plot_w;
    p.ruler_h = ImGui::GetTextLineHeight() + 8;
    p.gap = 6;
    // Rows stay readable (a label's height and a little); when they do not all fit, a vertical drag scrolls
    // them under the ruler.
    const float rows_h = std::max(avail.y - p.ruler_h, 1.0f);
    p.row_h = std::clamp((rows_h - p.gap) / static_cast<float>(rows), ImGui::GetTextLineHeight() + 4, 34.0f);
    const float max_scroll = std::max(0.0f, p.row_h * static_cast<float>(rows) + p.gap - rows_h);
    if (dragging) view.scroll_y -= io.MouseDelta.y;
    view.scroll_y = std::clamp(view.scroll_y, 0.0f, max_scroll);
    p.scroll = view.scroll_y;
    const float rows_top = p.origin.y + p.ruler_h;
    const float panel_bottom = top_left.y + avail.y;
    auto shown = [&](float y) { return y + p.row_h >= rows_top && y <= panel_bottom; };

    draw_ruler(p, f.t0, f.t1);
    p.dl->PushClipRect(ImVec2(top_left.x, rows_top), ImVec2(p.origin.x + p.width, panel_bottom), true);
    // The Ps' rows come after the cores', a small gap between the two groups.
    auto row_y = [&](int i) { return p.row_top(i) + (i >= ncores ? p.gap : 0.0f); };
    // Row backgrounds and labels.
    for (int i = 0; i < ncores + nprocs; ++i) {
      const float yy = row_y(i);
      if (!shown(yy)) continue;
      p.dl->AddRectFilled(ImVec2(top_left.x, yy), ImVec2(p.origin.x + p.width, yy + p.row_h),
                          i % 2 ? kRowBgAlt : kRowBg);
      char label[24];  // "core " and any int
      if (i < ncores)
        std::snprintf(label, sizeof label, "core %d", i);
      else
        std::snprintf(label, sizeof label, "P%d", i - ncores);
      const float th = ImGui::GetTextLineHeight();
      p.dl->AddText(ImVec2(top_left.x + 4, yy + (p.row_h - th) * 0.5f), kRulerText, label);
    }

    p.dl->PopClipRect();
    p.dl->PushClipRect(ImVec2(p.origin.x, rows_top), ImVec2(p.origin.x + p.width, panel_bottom), true);
    // Grid lines under the boxes.
    const double step = tick_step(view.ns_per_px, 110.0);
    const float rows_bottom = row_y(ncores + nprocs - 1) + p.row_h;
    for (double t = std::ceil(f.t0 / step) * step; t <= f.t1; t += step)
      p.dl->AddLine(ImVec2(p.x(t), p.origin.y + p.ruler_h), ImVec2(p.x(t), rows_bottom), kGrid);
    // The run's end: time not yet simulated is shaded.
    if (f.end_ns < f.t1)
      p.dl->AddRectFilled(ImVec2(std::max(p.x(f.end_ns), p.origin.x), p.origin.y + p.ruler_h),
                          ImVec2(p.origin.x + p.width, rows_bottom), IM_COL32(18, 18, 22, 160));

    const float bus_h = std::max(4.0f, std::round(p.row_h * 0.22f));
    const TimelineItem* hover_item = nullptr;
    const TimelineBusTick* hover_bus = nullptr;
    const float my = io.MousePos.y;
    const bool over_rows = hovered && my >= rows_top;
    for (int c = 0; c < ncores; ++c) {
      const float y = row_y(c);
      if (!shown(y)) continue;
      const float box_h = p.row_h - bus_h - 4;
      for (const TimelineItem& it : f.cores[static_cast<std::size_t>(c)]) draw_item(p, it, y + 2, box_h);
      const float by = y + p.row_h - bus_h - 1;
      // Touching ticks of one colour are drawn as one bar: a busy bus at full zoom-out is a few rectangles,
      // not one per pixel (the vertex count is what a software renderer pays for).
      float run_x0 = 0, run_x1 = -1;
      ImU32 run_colour = 0;
      auto flush = [&] {
        if (run_x1 >= run_x0) p.dl->AddRectFilled(ImVec2(run_x0, by), ImVec2(run_x1, by + bus_h), run_colour);
      };
      for (const TimelineBusTick& t : f.bus[static_cast<std::size_t>(c)]) {
        const float x0 = p.x(t.start_ns);
        const float x1 = std::max(p.x(t.end_ns), x0 + 2.0f);
        const ImU32 colour = bus_colour(t.op);
        if (colour == run_colour && x0 <= run_x1 + 0.5f) {
          run_x1 = std::max(run_x1, x1);
          continue;
        }
        flush();
        run_x0 = x0;
        run_x1 = x1;
        run_colour = colour;
      }
      flush();
      if (over_rows && my >= y && my < y + p.row_h) {
        if (my >= by - 1) {
          for (const TimelineBusTick& t : f.bus[static_cast<std::size_t>(c)])
            if (io.MousePos.x >= p.x(t.start_ns) - 1 &&
                io.MousePos.x <= std::max(p.x(t.end_ns), p.x(t.start_ns) + 2))
              hover_bus = &t;
        }
        if (hover_bus == nullptr)
          hover_item = item_under(p, f.cores[static_cast<std::size_t>(c)], io.MousePos.x);
      }
    }
    for (int q = 0; q < nprocs; ++q) {
      const float y = row_y(ncores + q);
      if (!shown(y)) continue;
      for (const TimelineItem& it : f.procs[static_cast<std::size_t>(q)])
        draw_item(p, it, y + 3, p.row_h - 6);
      if (over_rows && my >= y && my < y + p.row_h)
        hover_item = item_under(p, f.procs[static_cast<std::size_t>(q)], io.MousePos.x);
    }
    // Wake-ups, between the Ps' rows: from where the waker ran to where the woken G ran next.
    for (const TimelineArrow& a : f.arrows) {
      if (a.to_ns < 0 || a.to_p < 0 || a.to_p >= nprocs || a.from_p < 0 || a.from_p >= nprocs) continue;
      const ImVec2 from(p.x(a.from_ns), row_y(ncores + a.from_p) + p.row_h * 0.5f);
      const ImVec2 to(p.x(a.to_ns), row_y(ncores + a.to_p) + p.row_h * 0.5f);
      draw_arrow(p.dl, from, to);
    }
    // The collector's cycles, over the rows they stopped and ran beside.
    if (model.machine() != nullptr)
      draw_gc_cycles(p.dl, view, p.origin.x, model.machine()->runtime(), f.t0, f.t1, f.now_ns, rows_top, rows_bottom);
    p.dl->PopClipRect();
    // The present: each core keeps its own clock, so each row has its own (a core's row at its clock, a P's
    // at the clock of the core its M is on), joined by a thin line where neighbours differ a little; the
    // ruler's marker is the runtime's clock.
    p.dl->PushClipRect(p.origin, ImVec2(p.origin.x + p.width, panel_bottom), true);
    const float nx = p.x(f.now_ns);
    p.dl->AddTriangleFilled(ImVec2(nx - 5, p.origin.y), ImVec2(nx + 5, p.origin.y),
                            ImVec2(nx, p.origin.y + 7), kNowLine);
    p.dl->AddLine(ImVec2(nx, p.origin.y), ImVec2(nx, p.origin.y + p.ruler_h), kNowLine, 2.0f);
    p.dl->PopClipRect();
    p.dl->PushClipRect(ImVec2(p.origin.x, rows_top), ImVec2(p.origin.x + p.width, panel_bottom), true);
    float prev_x = nx, prev_y = rows_top;
    for (int i = 0; i < ncores + nprocs; ++i) {
      const auto& nows = i < ncores ? f.core_now : f.proc_now;
      const auto k = static_cast<std::size_t>(i < ncores ? i : i - ncores);
      const float x = p.x(k < nows.size() ? nows[k] : f.now_ns);
      const float y = row_y(i);
      if (std::abs(x - prev_x) < 40.0f) p.dl->AddLine(ImVec2(prev_x, prev_y), ImVec2(x, y), kNowJoin, 1.0f);
      p.dl->AddLine(ImVec2(x, y), ImVec2(x, y + p.row_h), kNowLine, 2.0f);
      prev_x = x;
      prev_y = y + p.row_h;
    }
    p.dl->PopClipRect();
    // Where the rows are scrolled to, when they do not all fit.
    if (max_scroll > 0) {
      const float track = panel_bottom - rows_top;
      const float total = track + max_scroll;
      const float x = p.origin.x + p.width - 4;
      const float y0 = rows_top + track * (view.scroll_y / total);
      p.dl->AddRectFilled(ImVec2(x, y0), ImVec2(x + 3, y0 + track * (track / total)),
                          IM_COL32(160, 165, 180, 200), 2.0f);
    }
    if (f.arrows_hidden) {
      const std::string s = fmt::format("{} wake-ups: zoom in for arrows", f.wakes_in_view);
      // In the ruler's top right corner, on its own background so tick labels do not run through it.
      const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
      const ImVec2 at(p.origin.x + p.width - ts.x - 8, p.origin.y + 2);
      p.dl->AddRectFilled(ImVec2(at.x - 6, p.origin.y),
                          ImVec2(p.origin.x + p.width, p.origin.y + p.ruler_h - 6),
                          IM_COL32(28, 30, 35, 255));
      p.dl->AddText(at, kRulerText, s.c_str());
    }

    if (hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
      if (hover_bus != nullptr)
        bus_tooltip(model, *hover_bus);
      else if (hover_item != nullptr)
        slice_tooltip(model, *hover_item);
    }
    // A click (not the end of a drag) on a stretch or a bus tick chooses that moment for the frame to move
    // the machine to, as the event log's rows do: a stretch when it began running, a tick its first
    // transaction.
    const bool clicked = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                         io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 9.0f;
    if (clicked && (hover_bus != nullptr || hover_item != nullptr)) {
      const vm::Vm& vm = model.machine()->runtime();
      LogEvent e;
      if (hover_bus != nullptr) {
        e.layer = EventLayer::Bus;
        e.index = static_cast<std::uint32_t>(hover_bus->first);
        e.instr = vm.memory().bus_log()[hover_bus->first].instr;
      } else {
        e.layer = EventLayer::Scheduler;
        e.index = static_cast<std::uint32_t>(hover_item->first);
        e.instr = vm.run_slices()[hover_item->first].instr;
      }
      view.follow = false;  // the view stays where the user clicked
      jump = e;
    }
  }
  ImGui::End();
  return jump;
}

}  // namespace gb::ui
