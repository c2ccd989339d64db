// The fixed tiling: controls down the left; caches across the top; bus and memory; then the table and the
// log.
#include "layout.h"

#include <algorithm>
#include <cmath>

namespace gb::ui {

Layout compute_layout(float width, float height, float scale, int cache_rows) {
  Layout l;
  const float cw = std::clamp(width * 0.22f, 250.0f * scale, 380.0f * scale);
  const float x0 = std::min(cw, width * 0.5f);
  const float rw = width - x0;
  // Title, three rows of buttons, the table header and its rows, at the default font size.
  const float wanted = (90.0f + 3 * 31.0f + static_cast<float>(cache_rows + 1) * 23.0f) * scale;
  const float ch = std::round(std::clamp(wanted, height * 0.2f, height * 0.5f));
  const float bh = std::round(height * 0.24f);
  const float split = std::round(rw * 0.52f);
  l.controls = {0, 0, x0, height};
  l.caches = {x0, 0, rw, ch};
  l.bus = {x0, ch, split, bh};
  l.memory = {x0 + split, ch, rw - split, bh};
  l.protocol = {x0, ch + bh, split, height - ch - bh};
  l.log = {x0 + split, ch + bh, rw - split, height - ch - bh};
  return l;
}

namespace {

// Splits `r` side by side at `fraction`, giving all of it to whichever side shows alone.
void split_row(const Rect& r, float fraction, bool left_shown, bool right_shown, Rect& left, Rect& right) {
  const float w = !right_shown ? r.w : !left_shown ? 0.0f : std::round(r.w * fraction);
  left = left_shown ? Rect{r.x, r.y, w, r.h} : Rect{};
  right = right_shown ? Rect{r.x + w, r.y, r.w - w, r.h} : Rect{};
}

}  // namespace

StudioLayout compute_studio_layout(float width, float height, float scale, const PanelVisibility& show,
                                   float menu_height) {
  StudioLayout l;
  const float y0 = std::round(menu_height);
  const float h = std::max(0.0f, height - y0);
  // The controls need about 300 px at scale 1 for their button rows; the rest goes to the machine.
  const float cw =
      std::round(std::min(std::clamp(width * 0.21f, 290.0f * scale, 370.0f * scale), width * 0.4f));
  const float rw = width - cw;
  // The controls' rows of step buttons and knobs want about 720 px at scale 1; output takes what is left.
  const float ch = show.output ? std::round(std::clamp(720.0f * scale, h * 0.55f, h * 0.8f)) : h;
  l.controls = {0, y0, cw, ch};
  if (show.output) l.output = {0, y0 + ch, cw, h - ch};

  const bool top = show.source || show.scheduler;
  const bool middle = show.cores || show.bus;
  const bool bottom = show.timeline || show.events || show.sync || show.stats || show.variables || show.runs;
  const float weights[3] = {top ? 0.31f : 0.0f, middle ? 0.39f : 0.0f, bottom ? 0.30f : 0.0f};
  const float total = weights[0] + weights[1] + weights[2];
  if (total <= 0.0f) return l;
  const float top_h = std::round(h * weights[0] / total);
  // The last row shown takes what rounding left, so the rows end exactly at the window's bottom.
  const float mid_h = bottom ? std::round(h * weights[1] / total) : h - top_h;
  const Rect top_row{cw, y0, rw, top_h};
  const Rect mid_row{cw, y0 + top_h, rw, mid_h};
  split_row(top_row, 0.42f, show.source, show.scheduler, l.source, l.scheduler);
  split_row(mid_row, 0.62f, show.cores, show.bus, l.cores, l.bus);
  if (bottom) {
    const float y = y0 + top_h + mid_h;
    const float strip = std::round(30.0f * scale);
    l.tabs = {cw, y, rw, strip};
    l.bottom = {cw, y + strip, rw, y0 + h - y - strip};
  }
  return l;
}

PanelVisibility presented_panels(const PanelVisibility& show, const ProgramUse& use) {
  PanelVisibility p = show;
  p.bus = p.bus && use.bus;
  p.sync = p.sync && use.sync;
  p.output = p.output && use.output;
  return p;
}

StudioLayout compute_presentation_layout(float width, float height, float scale, const PanelVisibility& show,
                                         const ProgramUse& use, float menu_height) {
  const PanelVisibility p = presented_panels(show, use);
  StudioLayout l;
  const float y0 = std::round(menu_height);
  const float h = std::max(0.0f, height - y0);
  // The left column: about 30% of the width, never narrower than the compact controls' step row.
  const float cw = std::round(std::min(std::max(width * 0.29f, 300.0f * scale), width * 0.45f));
  const float rw = width - cw;
  // Compact controls: status, up to six captions and a row of step buttons.
  const float ch = p.source ? std::round(std::clamp(275.0f * scale, h * 0.2f, h * 0.5f)) : h;
  l.controls = {0, y0, cw, ch};
  const float oh = p.output ? std::round(std::min(100.0f * scale, (h - ch) * 0.3f)) : 0.0f;
  if (p.source) l.source = {0, y0 + ch, cw, h - ch - oh};
  if (p.output) l.output = {0, y0 + h - oh, cw, oh};

  const bool top = p.scheduler || p.bus;
  const bool bottom = p.timeline || p.events || p.sync || p.stats || p.variables || p.runs;
  const float weights[3] = {top ? 0.34f : 0.0f, p.cores ? 0.34f : 0.0f, bottom ? 0.32f : 0.0f};
  const float total = weights[0] + weights[1] + weights[2];
  if (total <= 0.0f) return l;
  const float top_h = std::round(h * weights[0] / total);
  const float mid_h = bottom ? std::round(h * weights[1] / total) : h - top_h;
  split_row(Rect{cw, y0, rw, top_h}, 0.46f, p.scheduler, p.bus, l.scheduler, l.bus);
  if (p.cores) l.cores = {cw, y0 + top_h, rw, mid_h};
  if (bottom) {
    const float y = y0 + top_h + mid_h;
    const float strip = std::round(30.0f * scale);
    l.tabs = {cw, y, rw, strip};
    l.bottom = {cw, y + strip, rw, y0 + h - y - strip};
  }
  return l;
}

LessonColumn compute_lesson_column(float width, float height, float scale, bool notes, float menu_height) {
  LessonColumn c;
  const float w = std::min(width * 0.5f, std::max(width * 0.3f, 380.0f * scale));
  c.studio_width = width - w;
  const float h = height - menu_height;
  const float notes_h = notes ? std::floor(h * 0.3f) : 0.0f;
  c.lesson = {c.studio_width, menu_height, w, h - notes_h};
  if (notes) c.notes = {c.studio_width, menu_height + h - notes_h, w, notes_h};
  return c;
}

}  // namespace gb::ui
