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

}  // namespace gb::ui
