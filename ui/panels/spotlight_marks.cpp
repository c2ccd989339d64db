// A lesson's spotlight on screen (spotlight_marks.h).
#include "spotlight_marks.h"

#include <algorithm>
#include <cmath>

#include "../palette.h"
#include "../spot_outline.h"
#include "../theme.h"
#include "panel_common.h"

// After imgui.h: the current window's inner clip rectangle.
#include <imgui_internal.h>
#include "panel_common.h"

namespace gb::ui {

namespace {

std::optional<SpotTarget> target;
std::vector<DrawnSpot> marks;

// A lesson names panels by the View menu's keys; the windows' ids differ for some.
std::string_view panel_window_id(std::string_view key) {
  if (key == "events") return "studio-events";
  return key;
}

}  // namespace

void begin_spot_frame(std::optional<SpotTarget> t) {
  target = std::move(t);
  marks.clear();
}

const SpotTarget* spot_target() {
  return target ? &*target : nullptr;
}

bool spot_is(lessons::Spotlight::Kind kind, std::string_view name, int number) {
  if (!target || target->spot.kind != kind) return false;
  if (!name.empty() && target->spot.name != name) return false;
  return number < 0 || target->spot.number == number;
}

bool spot_is_line(Addr line) {
  return target && target->line && *target->line == line;
}

bool spot_is_panel_id(std::string_view window_id) {
  if (!target || target->spot.kind != lessons::Spotlight::Kind::Panel) return false;
  const std::size_t hashes = window_id.rfind("###");
  if (hashes != std::string_view::npos) window_id.remove_prefix(hashes + 3);
  return window_id == panel_window_id(target->spot.name);
}

void mark_spot(ImVec2 p0, ImVec2 p1) {
  // The window's visible inside, not the draw list's clip rectangle: in a table that is one column's, and a
  // row's mark spans the row.
  const ImRect clip = ImGui::GetCurrentWindow()->InnerClipRect;
  const ImVec2 c0 = clip.Min, c1 = clip.Max;
  DrawnSpot d{std::max(p0.x, c0.x), std::max(p0.y, c0.y), std::min(p1.x, c1.x), std::min(p1.y, c1.y)};
  if (d.x1 - d.x0 < 1.0f || d.y1 - d.y0 < 1.0f) return;  // out of view
  // The rows of one element drawn one under another (a source line wrapped over three rows) are one mark.
  if (!marks.empty()) {
    DrawnSpot& last = marks.back();
    if (std::abs(last.x0 - d.x0) < 1.0f && std::abs(last.x1 - d.x1) < 1.0f && std::abs(last.y1 - d.y0) < 2.0f) {
      last.y1 = d.y1;
      return;
    }
  }
  marks.push_back(d);
}

void mark_spot_item() {
  mark_spot(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void draw_spot_outlines(float scale) {
  if (marks.empty()) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float m = kSpotOutlineMargin * scale, t = kSpotOutlineThickness * scale;
  for (const DrawnSpot& d : marks) {
    const ImVec2 p0(d.x0 - m, d.y0 - m), p1(d.x1 + m, d.y1 + m);
    dl->AddRectFilled(p0, p1, to_u32(kSpotlight, 28));
    dl->AddRect(p0, p1, to_u32(kSpotlight), 3.0f * scale, 0, t);
  }
}

std::vector<DrawnSpot> drawn_spots() {
  return marks;
}

}  // namespace gb::ui
