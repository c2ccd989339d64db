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

StudioLayout compute_studio_layout(float width, float height, float scale) {
  StudioLayout l;
  // The controls need about 300 px at scale 1 for their button rows; the rest goes to the machine.
  const float cw =
      std::round(std::min(std::clamp(width * 0.21f, 280.0f * scale, 360.0f * scale), width * 0.4f));
  const float rw = width - cw;
  // The controls' buttons and knobs fit in about 640 px at scale 1; output takes what is left below them.
  const float ch = std::round(std::clamp(640.0f * scale, height * 0.5f, height * 0.8f));
  const float top = std::round(height * 0.56f);
  const float src = std::round(rw * 0.46f);
  l.controls = {0, 0, cw, ch};
  l.output = {0, ch, cw, height - ch};
  l.source = {cw, 0, src, top};
  l.scheduler = {cw + src, 0, rw - src, top};
  // The bottom row: the cores, then channels and locks, then the event log.
  const float cores_w = std::round(rw * 0.42f);
  const float sync_w = std::round(rw * 0.25f);
  l.cores = {cw, top, cores_w, height - top};
  l.sync = {cw + cores_w, top, sync_w, height - top};
  l.events = {cw + cores_w + sync_w, top, rw - cores_w - sync_w, height - top};
  return l;
}

}  // namespace gb::ui
