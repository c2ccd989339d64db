// Helpers shared by the panels.
#include "panel_common.h"

#include "spotlight_marks.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace gb::ui {

namespace {

struct Placement {
  bool movable = false;
  bool apply = false;
  bool untitled = false;
};
Placement placement;  // like ImGui's own context: one per process, set by the frame before its panels
std::vector<DrawnCell>* drawn_cells = nullptr;  // the screenshot's cell map, while one is kept

}  // namespace

void set_panel_placement(bool movable, bool apply) {
  placement = {movable, apply, false};
}

void set_panel_untitled(bool untitled) {
  placement.untitled = untitled;
}

void keep_drawn_cells(std::vector<DrawnCell>* sink) {
  drawn_cells = sink;
}

void note_drawn_cell(ImVec2 p0, ImVec2 p1, LineState s) {
  if (drawn_cells == nullptr) return;
  // Clipped to the window's visible part (a row half scrolled out is only half there).
  const ImVec2 clip0 = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip1 = ImGui::GetWindowDrawList()->GetClipRectMax();
  DrawnCell c{std::max(p0.x, clip0.x), std::max(p0.y, clip0.y), std::min(p1.x, clip1.x),
              std::min(p1.y, clip1.y), s};
  if (c.x1 - c.x0 >= 4.0f && c.y1 - c.y0 >= 4.0f) drawn_cells->push_back(c);
}

void cache_state_cell(LineState s) {
  if (drawn_cells != nullptr) {
    // The cell's text row.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    note_drawn_cell(p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + ImGui::GetTextLineHeight()), s);
  }
  state_cell(s);
}

bool begin_panel(const char* title, const Rect& r) {
  const ImGuiCond cond = !placement.movable || placement.apply ? ImGuiCond_Always : ImGuiCond_Appearing;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), cond);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), cond);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  if (!placement.movable)
    flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (placement.untitled) flags |= ImGuiWindowFlags_NoTitleBar;
  const bool open = ImGui::Begin(title, nullptr, flags);
  // A lesson's spotlight on a whole panel ("output"): the window's content is the element.
  if (open && spot_is_panel_id(title)) {
    const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    mark_spot(p, ImVec2(p.x + size.x, p.y + size.y));
  }
  return open;
}

void state_cell(LineState s) {
  ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, to_u32(state_colour(s)));
  const std::string_view n = name(s);
  const float w = ImGui::CalcTextSize(n.data(), n.data() + n.size()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
  ImGui::TextUnformatted(n.data(), n.data() + n.size());
  ImGui::PopStyleColor();
}

void state_chip(LineState s) {
  const std::string_view n = name(s);
  const ImVec2 text = ImGui::CalcTextSize(n.data(), n.data() + n.size());
  const ImVec2 pad(4.0f, 1.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + text.x + 2 * pad.x, p.y + text.y + 2 * pad.y), to_u32(state_colour(s)),
                    3.0f);
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32(255, 255, 255, 255), n.data(), n.data() + n.size());
  ImGui::Dummy(ImVec2(text.x + 2 * pad.x, text.y + 2 * pad.y));
}

void push_mono(const UiState& ui) {
  if (ui.fonts != nullptr && ui.fonts->mono != nullptr) ImGui::PushFont(ui.fonts->mono);
}

void pop_mono(const UiState& ui) {
  if (ui.fonts != nullptr && ui.fonts->mono != nullptr) ImGui::PopFont();
}

void text_coloured(Rgb c, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(c));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

namespace {

struct GLabel {
  char text[16];
  explicit GLabel(int g) { std::snprintf(text, sizeof text, "G%d", g); }
};

}  // namespace

float g_chip_width(int g) {
  return ImGui::CalcTextSize(GLabel(g).text).x + 8.0f;
}

float draw_g_chip(ImDrawList* dl, ImVec2 p, int g, bool filled) {
  const GLabel label(g);
  const ImVec2 text = ImGui::CalcTextSize(label.text);
  const ImVec2 pad(4.0f, 1.0f);
  const ImVec2 q(p.x + text.x + 2 * pad.x, p.y + text.y + 2 * pad.y);
  const Rgb c = g_colour(g);
  if (filled) {
    dl->AddRectFilled(p, q, to_u32(c), 3.0f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32(20, 20, 20, 255), label.text);
  } else {
    dl->AddRect(p, q, to_u32(c), 3.0f, 0, 1.5f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), to_u32(c), label.text);
  }
  return q.x - p.x;
}

void g_chip(int g, bool filled) {
  const float w = draw_g_chip(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), g, filled);
  ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight() + 2.0f));
}

}  // namespace gb::ui
