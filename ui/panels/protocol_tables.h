// The protocol's processor-side and snoop-side tables drawn as ImGui tables, the rows that fired highlighted
// (and scrolled to when `scroll`); shared by the demo's protocol panel and the studio's bus panel.
#pragma once

#include <vector>

#include "coherence/protocol.h"

namespace gb::ui {

void draw_proc_table(const Protocol& p, const std::vector<short>& fired, bool scroll, float height);
// The snoop-side rows of a cache with no copy (from I) say nothing and are left out.
void draw_snoop_table(const Protocol& p, const std::vector<short>& fired, bool scroll, float height);
// A lesson's protocol-row spotlight (`protocol-row E PrWr`): that row of either table on one wrapped line (from,
// event, bus request, next state, why), outlined, so it shows however little room the tables have. Nothing when
// no such spotlight is on or the protocol has no such row.
void draw_spotlit_row(const Protocol& p);

}  // namespace gb::ui
