// The studio's bus panel: the latest transaction animated (the request goes from its core down to the bus,
// the snoopers react, the line comes back from the cache or memory that supplied it), the protocol rows that
// fired, the lane of recent transactions and the whole protocol table.
#include "studio_bus_panel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../bus_view.h"
#include "../settings.h"
#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"
#include "protocol_tables.h"

namespace gb::ui {

namespace {

constexpr std::size_t kLaneRows = 48;
constexpr Rgb kData{90, 200, 110};    // the line in flight, and whoever supplied it
constexpr Rgb kInvalid{235, 95, 85};  // a copy invalidated
constexpr Rgb kUpdate{60, 190, 190};  // a copy updated (Dragon)
constexpr Rgb kBoxFill{35, 38, 46};
constexpr Rgb kDim{150, 150, 155};

struct Box {
  ImVec2 min, max;
  ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

void centred_text(ImDrawList* dl, ImVec2 centre, ImU32 colour, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  dl->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), colour, text);
}

// A state's name in its colour at `p`; returns the width.
float draw_state(ImDrawList* dl, ImVec2 p, LineState s) {
  const std::string_view n = name(s);
  const ImVec2 t = ImGui::CalcTextSize(n.data(), n.data() + n.size());
  dl->AddRectFilled(p, ImVec2(p.x + t.x + 8, p.y + t.y + 2), to_u32(state_colour(s)), 3.0f);
  dl->AddText(ImVec2(p.x + 4, p.y + 1), IM_COL32_WHITE, n.data(), n.data() + n.size());
  return t.x + 8;
}

// "S -> I" as chips, centred at `c`; `done` says whether the change has happened yet in the animation.
void draw_change(ImDrawList* dl, ImVec2 c, LineState from, LineState to, bool done) {
  const char* arrow = "->";
  const float aw = ImGui::CalcTextSize(arrow).x;
  const float w1 = ImGui::CalcTextSize(name(from).data(), name(from).data() + name(from).size()).x + 8;
  const float w2 = ImGui::CalcTextSize(name(to).data(), name(to).data() + name(to).size()).x + 8;
  const float h = ImGui::GetTextLineHeight() + 2;
  if (!done) {
    draw_state(dl, ImVec2(c.x - w1 * 0.5f, c.y - h * 0.5f), from);
    return;
  }
  const float total = w1 + aw + w2 + 6;
  float x = c.x - total * 0.5f;
  x += draw_state(dl, ImVec2(x, c.y - h * 0.5f), from) + 3;
  dl->AddText(ImVec2(x, c.y - h * 0.5f + 1), to_u32(kDim), arrow);
  x += aw + 3;
  draw_state(dl, ImVec2(x, c.y - h * 0.5f), to);
}

// Where a dot moving along a polyline of points is at `t` in 0..1 (equal time per unit of length).
ImVec2 along(const std::vector<ImVec2>& pts, float t) {
  float total = 0;
  for (std::size_t i = 1; i < pts.size(); ++i)
    total += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  float want = std::clamp(t, 0.0f, 1.0f) * total;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const float len = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (want <= len && len > 0) {
      const float f = want / len;
      return ImVec2(pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f,
                    pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f);
    }
    want -= len;
  }
  return pts.back();
}

void dot(ImDrawList* dl, ImVec2 p, Rgb c, float r) {
  dl->AddCircleFilled(p, r * 1.8f, to_u32(c, 70));
  dl->AddCircleFilled(p, r, to_u32(c));
}

// Advances the animation: it restarts whenever a step brought a new transaction (or the same one again).
void advance_animation(const StudioModel& model, BusPanelState& st, bool presentation,
                       const BusTransaction& t) {
  if (t.index != st.animated || (t.in_last_step && model.steps_taken() != st.animated_steps)) {
    const bool first_look = st.animated == SIZE_MAX;
    st.animated = t.index;
    st.animated_steps = model.steps_taken();
    st.phase = first_look && !t.in_last_step ? 1.0f : 0.0f;
  }
  // Presentation mode slows every transition so a room can follow it.
  const float secs = std::max(0.05f, st.animation_seconds) * (presentation ? kPresentationSlowdown : 1.0f);
  st.phase = std::min(1.0f, st.phase + ImGui::GetIO().DeltaTime / secs);
}

// `phase`: how far through the animation (BusPanelState::phase).
void draw_diagram(const StudioModel& model, const UiState& common, float phase, const BusTransaction& t,
                  float height) {
  const float s = common.scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int n = model.machine()->runtime().memory().system().cores();
  const float line_h = ImGui::GetTextLineHeight();
  const float gap = 8.0f * s;
  const float box_w = std::min(130.0f * s, (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n));
  const float box_h = line_h * 2.5f;
  const float row_w = box_w * static_cast<float>(n) + gap * static_cast<float>(n - 1);
  const float x0 = origin.x + std::max(0.0f, (width - row_w) * 0.5f);
  const float top = origin.y + 2.0f;
  const float bus_y = top + box_h + line_h * 1.6f;
  const float thick = 7.0f * s;
  const float mem_h = line_h * 1.7f;
  const float mem_y = std::min(origin.y + height - mem_h - 2.0f, bus_y + thick + line_h * 1.4f);
  const float mem_w = std::min(width * 0.4f, 150.0f * s);
  const Box memory{ImVec2(origin.x + width - mem_w - 2, mem_y), ImVec2(origin.x + width - 2, mem_y + mem_h)};

  const bool requesting = phase < 1.0f / 3.0f;
  const bool snooped = phase >= 2.0f / 3.0f;  // the snoopers have taken their new states
  const bool done = phase >= 1.0f;            // the requester has the line
  const ImU32 active = to_u32(kBusActive);
  const ImU32 idle = to_u32(kBusIdle);

  // The bus: lit from the requester outwards while the request spreads, then lit whole.
  const float bus_x0 = origin.x + 2, bus_x1 = origin.x + width - 2;
  dl->AddRectFilled(ImVec2(bus_x0, bus_y - thick * 0.5f), ImVec2(bus_x1, bus_y + thick * 0.5f), idle, 3.0f);
  std::vector<Box> boxes(static_cast<std::size_t>(n));
  for (int c = 0; c < n; ++c) {
    const float x = x0 + static_cast<float>(c) * (box_w + gap);
    boxes[static_cast<std::size_t>(c)] = {ImVec2(x, top), ImVec2(x + box_w, top + box_h)};
  }
  const float req_x = t.record.core < n ? boxes[static_cast<std::size_t>(t.record.core)].centre().x : bus_x0;
  {
    const float f = requesting ? std::clamp((phase * 3.0f - 0.4f) / 0.6f, 0.0f, 1.0f) : 1.0f;
    const float l = req_x - (req_x - bus_x0) * f, r = req_x + (bus_x1 - req_x) * f;
    if (f > 0)
      dl->AddRectFilled(ImVec2(l, bus_y - thick * 0.5f), ImVec2(r, bus_y + thick * 0.5f),
                        to_u32(kBusActive, done ? 150 : 255), 3.0f);
  }
  // The request's name on the bus, left of memory.
  const std::string label =
      fmt::format("{} line {:#x}", bus_op_text(t.record.op, t.record.then_op), t.line_address);
  dl->AddText(ImVec2(bus_x0 + 2, bus_y + thick * 0.5f + 3), active, label.c_str());

  // Stubs, boxes and what happened to each cache.
  for (int c = 0; c < n; ++c) {
    const Box& b = boxes[static_cast<std::size_t>(c)];
    const BusParticipant* p = t.part(c);
    const bool req = p != nullptr && p->requester;
    Rgb role = kBusIdle;
    std::string tag, short_tag;  // the short one when the long one does not fit beside the connector
    if (req) {
      role = kBusActive;
      tag = fmt::format("{}{}", name(t.op), t.supplier == kNoData ? " (no data)" : "");
      short_tag = std::string(name(t.op));
    } else if (p != nullptr) {
      if (p->supplied) {
        role = kData;
        tag = p->flushed ? "supplies (Flush)" : "supplies";
        short_tag = p->flushed ? "Flush" : "supplies";
      } else if (p->flushed) {
        role = kData;
        tag = "flushes to mem";
        short_tag = "flush";
      }
      if (p->invalidated) {
        if (tag.empty()) role = kInvalid;
        tag += tag.empty() ? "invalidated" : ", inval.";
        short_tag += short_tag.empty() ? "inval." : ", inv.";
      } else if (p->updated) {
        if (tag.empty()) role = kUpdate;
        tag += tag.empty() ? "takes update" : ", update";
        short_tag += short_tag.empty() ? "update" : ", upd.";
      } else if (tag.empty()) {
        tag = "keeps a copy";
        short_tag = "keeps";
        role = {170, 170, 175};
      }
    }
    const bool lit = p != nullptr && (req || !requesting);
    dl->AddLine(ImVec2(b.centre().x, b.max.y), ImVec2(b.centre().x, bus_y - thick * 0.5f),
                lit ? to_u32(role) : idle, lit ? 3.0f * s : 1.5f * s);
    dl->AddRectFilled(b.min, b.max, to_u32(kBoxFill), 4.0f);
    dl->AddRect(b.min, b.max, p != nullptr ? to_u32(role) : idle, 4.0f, 0, req ? 3.0f * s : 1.5f * s);
    const std::string title = box_w > 70 * s ? fmt::format("core {}", c) : fmt::format("C{}", c);
    centred_text(dl, ImVec2(b.centre().x, b.min.y + line_h * 0.65f), IM_COL32_WHITE, title.c_str());
    const ImVec2 change_at(b.centre().x, b.min.y + line_h * 1.75f);
    if (p != nullptr) {
      draw_change(dl, change_at, p->from, p->to, req ? done : snooped);
    } else {
      centred_text(dl, change_at, to_u32(kDim), "no copy");
    }
    if (!tag.empty() && !requesting) {
      // Beside the connector (which runs from the box's middle down to the bus), never across it or the next
      // core's: from just right of this one to just left of the next one (or the panel's edge).
      const float tx = b.centre().x + 4.0f * s;
      const float room =
          (c + 1 < n ? boxes[static_cast<std::size_t>(c + 1)].centre().x - 4.0f * s : origin.x + width) - tx;
      const std::string& shown = ImGui::CalcTextSize(tag.c_str()).x <= room ? tag : short_tag;
      dl->PushClipRect(ImVec2(tx, b.max.y), ImVec2(tx + std::max(room, 0.0f), bus_y), true);
      dl->AddText(ImVec2(tx, b.max.y + 2), to_u32(role), shown.c_str());
      dl->PopClipRect();
      if (shown != tag && ImGui::IsMouseHoveringRect(ImVec2(tx, b.max.y), ImVec2(tx + room, bus_y)))
        ImGui::SetTooltip("core %d: %s", c, tag.c_str());
    }
  }

  // Memory: supplies the line, takes a flush, or only listens.
  const bool mem_supplies = t.supplier == kFromMemory;
  const bool mem_role = mem_supplies || t.memory_updated;
  dl->AddLine(ImVec2(memory.centre().x, bus_y + thick * 0.5f), ImVec2(memory.centre().x, memory.min.y),
              mem_role && !requesting ? to_u32(kData) : idle, mem_role ? 3.0f * s : 1.5f * s);
  dl->AddRectFilled(memory.min, memory.max, to_u32(kBoxFill), 4.0f);
  dl->AddRect(memory.min, memory.max, mem_role ? to_u32(kData) : idle, 4.0f, 0,
              mem_role ? 2.5f * s : 1.5f * s);
  std::string mem_text = "memory";
  if (mem_supplies && t.memory_updated)
    mem_text = "memory: takes flush, supplies";
  else if (mem_supplies)
    mem_text = "memory supplies";
  else if (t.memory_updated)
    mem_text = "memory takes flush";
  const ImVec2 ms = ImGui::CalcTextSize(mem_text.c_str());
  if (ms.x + 8 < memory.max.x - memory.min.x) {
    centred_text(dl, memory.centre(), IM_COL32_WHITE, mem_text.c_str());
  } else {
    centred_text(dl, memory.centre(), IM_COL32_WHITE, "memory");
    dl->AddText(ImVec2(memory.min.x - ms.x - 6, memory.centre().y - ms.y * 0.5f), to_u32(kData),
                mem_text.c_str());
  }

  // The moving dot: request down to the bus, snoop up to every other cache, data back to the requester.
  if (!done) {
    const float r = 5.0f * s;
    const ImVec2 req_bottom(req_x, top + box_h);
    const ImVec2 req_bus(req_x, bus_y);
    if (requesting) {
      dot(dl, along({req_bottom, req_bus}, phase * 3.0f / 0.4f), kBusActive, r);
    } else if (!snooped) {
      const float f = phase * 3.0f - 1.0f;
      for (int c = 0; c < n; ++c) {
        if (c == t.record.core) continue;
        const Box& b = boxes[static_cast<std::size_t>(c)];
        dot(dl, along({ImVec2(b.centre().x, bus_y), ImVec2(b.centre().x, b.max.y)}, f), kBusActive, r * 0.8f);
      }
      dot(dl, along({ImVec2(memory.centre().x, bus_y), ImVec2(memory.centre().x, memory.min.y)}, f),
          kBusActive, r * 0.8f);
    } else {
      const float f = phase * 3.0f - 2.0f;
      ImVec2 from = req_bus;
      if (t.supplier >= 0 && t.supplier < n) {
        const Box& b = boxes[static_cast<std::size_t>(t.supplier)];
        from = ImVec2(b.centre().x, b.max.y);
      } else if (t.supplier == kFromMemory) {
        from = ImVec2(memory.centre().x, memory.min.y);
      }
      const Rgb c = t.supplier == kNoData ? kBusActive : kData;
      dot(dl, along({from, ImVec2(from.x, bus_y), req_bus, req_bottom}, f), c, r);
    }
  }
  ImGui::Dummy(ImVec2(width, std::max(height, memory.max.y - origin.y + 2)));
}

// The rows that fired, in words: what the requester's table said, then each snooper's.
// A table row's explanation, wrapped at the panel's edge (it follows the row's chips on the same line).
void why_text(std::string_view why) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(why.data(), why.data() + why.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void fired_rows(const Protocol& proto, const BusTransaction& t) {
  // Each row's "why" wraps at the panel's edge rather than running off it.
  ImGui::PushTextWrapPos(0.0f);
  for (const BusParticipant& p : t.parts) {
    if (p.requester && p.proc_row >= 0 && static_cast<std::size_t>(p.proc_row) < proto.proc_rows.size()) {
      const ProcRow& row = proto.proc_rows[static_cast<std::size_t>(p.proc_row)];
      ImGui::Text("core %d:", p.core);
      ImGui::SameLine();
      state_chip(row.from);
      ImGui::SameLine();
      ImGui::Text("%s -> %s", name(row.op).data(), name(row.bus).data());
      ImGui::SameLine();
      state_chip(p.to);
      ImGui::SameLine();
      why_text(row.why);
    }
  }
  for (const BusParticipant& p : t.parts) {
    if (p.requester) continue;
    for (short r : p.snoop_rows) {
      if (r < 0 || static_cast<std::size_t>(r) >= proto.snoop_rows.size()) continue;
      const SnoopRow& row = proto.snoop_rows[static_cast<std::size_t>(r)];
      ImGui::Text("core %d:", p.core);
      ImGui::SameLine();
      state_chip(row.from);
      ImGui::SameLine();
      ImGui::Text("sees %s%s%s ->", name(row.bus).data(), row.supply != Supply::None ? ", " : "",
                  row.supply != Supply::None ? name(row.supply).data() : "");
      ImGui::SameLine();
      state_chip(row.to);
      ImGui::SameLine();
      why_text(row.why);
    }
  }
  ImGui::PopTextWrapPos();
}

void lane(const StudioModel& model, const UiState& common) {
  const std::vector<BusLaneRow> rows = recent_transactions(model, kLaneRows);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                    ImGuiTableFlags_RowBg;
  push_mono(common);
  if (ImGui::BeginTable("lane", 5, flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("ns");
    ImGui::TableSetupColumn("core");
    ImGui::TableSetupColumn("op");
    ImGui::TableSetupColumn("address");
    ImGui::TableSetupColumn("state changes");
    ImGui::TableHeadersRow();
    for (const BusLaneRow& r : rows) {
      ImGui::TableNextRow();
      if (r.in_last_step) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, to_u32(kFiredRow));
      if (r.in_last_step) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(kFiredRow));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(r.start_ns));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("transaction #%zu, %u ns on the bus", r.index, r.dur_ns);
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.core);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(bus_op_text(r.op, r.then_op).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%#llx", static_cast<unsigned long long>(r.addr));
      ImGui::TableNextColumn();
      std::string changes;
      for (const StateChange& c : r.changes)
        changes += fmt::format("{}c{} {}->{}", changes.empty() ? "" : "  ", c.core, name(c.from), name(c.to));
      ImGui::TextUnformatted(changes.c_str());
    }
    ImGui::EndTable();
  }
  pop_mono(common);
}

}  // namespace

void draw_studio_bus_panel(const StudioModel& model, BusPanelState& s, const PanelContext& ctx,
                           const Rect& r) {
  const std::string title =
      model.loaded() ? trf(Str::TitleBusCount, model.bus_transactions()) : std::string(tr(Str::TitleBus));
  if (begin_panel(title.c_str(), r)) {
    const std::optional<BusTransaction> t = latest_transaction(model);
    if (!t) {
      ImGui::TextDisabled("%s", tr(model.loaded() ? Str::BusNone : Str::CoresNoProgram));
    } else {
      advance_animation(model, s, ctx.presentation, *t);
      // The transaction, caption and diagram, is what a lesson's `bus` spotlight outlines.
      ImGui::BeginGroup();
      const Protocol& proto = model.machine()->runtime().memory().system().protocol();
      // Wrapped: a transaction's words may be longer than a narrow panel is wide.
      ImGui::PushStyleColor(ImGuiCol_Text, t->in_last_step ? to_vec4(kBusActive)
                                                           : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      const char* which = tr(t->in_last_step ? Str::BusThisStep : Str::BusLatest);
      if (ctx.presentation && !t->cause.empty()) {
        // On a projector the diagram tells the transaction (op, line, every state change): the caption gives
        // what the program did to cause it, in the height one caption had.
        ImGui::TextWrapped("%s%s", which, trf(Str::BusCausedBy, t->cause).c_str());
      } else {
        ImGui::TextWrapped("%s%s", which, t->text.c_str());
        // What made it, in the program's words: the goroutine, its line, the operation and the variable.
        if (!t->cause.empty()) ImGui::TextWrapped("%s", trf(Str::BusCausedBy, t->cause).c_str());
      }
      ImGui::PopStyleColor();
      const float avail = ImGui::GetContentRegionAvail().y;
      const float line_h = ImGui::GetTextLineHeight();
      if (ctx.presentation) {
        // On a projector the diagram and the fired rows are the point: they share the whole panel, and the
        // lane and the protocol's table (also in the event log and under the bus panel's tabs off
        // presentation mode) give way.
        std::size_t fired = 0;
        for (const BusParticipant& part : t->parts) fired += part.requester ? 1 : part.snoop_rows.size();
        const float rows = static_cast<float>(std::max<std::size_t>(1, fired));
        // A row's explanation may wrap onto a second line.
        const float row_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing();
        draw_diagram(model, ctx.common, s.phase, *t, std::max(line_h * 6.0f, avail - rows * row_h));
        fired_rows(proto, *t);
      } else {
        draw_diagram(model, ctx.common, s.phase, *t, std::clamp(avail * 0.4f, line_h * 7.5f, line_h * 9.0f));
        fired_rows(proto, *t);
      }
      ImGui::EndGroup();
      if (spot_is(lessons::Spotlight::Kind::Bus)) mark_spot_item();
      draw_spotlit_row(proto);
      // A lesson's spotlight on a protocol table row brings the table's tab forward and the panel down to it,
      // over a few frames after the spotlight changes (then the reader may scroll and switch back).
      bool table_spotlit = false;
      if (const SpotTarget* spot = spot_target(); spot != nullptr && spot->spot.kind == lessons::Spotlight::Kind::ProtocolRow) {
        const std::string key = spot->spot.name + " " + spot->spot.event;
        if (key != s.spot_seen) {
          s.spot_seen = key;
          s.spot_frames = 4;
        }
        if (s.spot_frames > 0) {
          --s.spot_frames;
          table_spotlit = true;
          if (!ctx.presentation) ImGui::SetScrollHereY(0.0f);
        }
      }
      if (!ctx.presentation && ImGui::BeginTabBar("bus tabs")) {
        if (ImGui::BeginTabItem(tr(Str::BusRecent))) {
          lane(model, ctx.common);
          ImGui::EndTabItem();
        }
        const ImGuiTabItemFlags table_flags = table_spotlit ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(trf(Str::BusProtocolTable, proto.name).c_str(), nullptr, table_flags)) {
          const bool scroll = s.table_seen != t->index;
          s.table_seen = t->index;
          const float h = (ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y) * 0.5f;
          draw_proc_table(proto, t->proc_rows, scroll, h);
          draw_snoop_table(proto, t->snoop_rows, scroll, h);
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
