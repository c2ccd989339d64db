// The bus panel: the cores and memory on one snooping bus, drawing what the last step put on it: the request,
// who answered with the data, and every state change it caused.
#include <algorithm>

#include <fmt/format.h>

#include "../panels/panel_common.h"
#include "demo_panels.h"

namespace gb::ui {

namespace {

struct Box {
  ImVec2 min, max;
  ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

void centred_text(ImDrawList* dl, ImVec2 centre, ImU32 colour, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  dl->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), colour, text.c_str());
}

// The transaction event of the last step, if it had one (a step may also evict first).
const CoherenceEvent* transaction(const DemoModel& model, const StepRecord& s) {
  for (std::size_t i = s.first_event; i < s.first_event + s.event_count; ++i)
    if (model.events()[i].kind == EventKind::Transaction) return &model.events()[i];
  return nullptr;
}

const CoherenceEvent* writeback(const DemoModel& model, const StepRecord& s) {
  for (std::size_t i = s.first_event; i < s.first_event + s.event_count; ++i)
    if (model.events()[i].kind == EventKind::Eviction && model.events()[i].writeback)
      return &model.events()[i];
  return nullptr;
}

}  // namespace

void draw_bus_panel(const DemoModel& model, UiState& ui, const Rect& r) {
  if (begin_panel("Snooping bus", r)) {
    const StepRecord* s = model.last_step();
    const CoherenceEvent* tx = s ? transaction(model, *s) : nullptr;
    const CoherenceEvent* wb = s ? writeback(model, *s) : nullptr;
    if (s == nullptr) {
      ImGui::TextDisabled("No step yet: press Step or a core's button.");
    } else {
      ImGui::Text("Step %zu: %s", model.cursor(), describe_action(s->action, s->value).c_str());
    }

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int n = model.system().cores();
    const float line_h = ImGui::GetTextLineHeight();
    const float box_h = line_h * 2.6f;
    const float gap = 12.0f * ui.scale;
    const float box_w =
        std::min(150.0f * ui.scale, (avail.x - gap * static_cast<float>(n)) / static_cast<float>(n + 1));
    const float bus_y = origin.y + box_h + std::max(line_h * 2.0f, (avail.y - 2 * box_h) * 0.5f);
    const float mem_y = std::min(origin.y + avail.y - box_h, bus_y + line_h * 1.8f);
    const Addr line = s ? DemoModel::slot_line(s->action.slot) : DemoModel::slot_line(0);

    std::vector<Box> cores(static_cast<std::size_t>(n));
    for (int c = 0; c < n; ++c) {
      const float x = origin.x + static_cast<float>(c) * (box_w + gap);
      cores[static_cast<std::size_t>(c)] = {ImVec2(x, origin.y + 2.0f),
                                            ImVec2(x + box_w, origin.y + 2.0f + box_h)};
    }
    const float mem_x = origin.x + static_cast<float>(n) * (box_w + gap);
    const Box memory{ImVec2(mem_x, mem_y), ImVec2(mem_x + box_w, mem_y + box_h)};
    const float bus_x0 = origin.x;
    const float bus_x1 = memory.max.x;

    const bool busy = tx != nullptr;
    const ImU32 idle = to_u32(kBusIdle);
    const ImU32 active = to_u32(kBusActive);
    const ImU32 data = IM_COL32(90, 200, 110, 255);
    const float thick = 6.0f * ui.scale;
    dl->AddRectFilled(ImVec2(bus_x0, bus_y - thick * 0.5f), ImVec2(bus_x1, bus_y + thick * 0.5f),
                      busy ? active : idle, 2.0f);

    // Stubs from each box to the bus: the requester's in the bus colour, the supplier's (or memory's) in
    // green.
    for (int c = 0; c < n; ++c) {
      const Box& b = cores[static_cast<std::size_t>(c)];
      const bool requester = s != nullptr && s->action.core == c;
      const bool supplier = tx != nullptr && tx->supplier == c;
      ImU32 col = idle;
      if (supplier)
        col = data;
      else if (requester && busy)
        col = active;
      dl->AddLine(ImVec2(b.centre().x, b.max.y), ImVec2(b.centre().x, bus_y), col,
                  supplier || requester ? 3.0f : 1.5f);
      if (supplier) dl->AddText(ImVec2(b.centre().x + 4, b.max.y + 2), data, name(tx->supply).data());
    }
    const bool from_memory = tx != nullptr && tx->supplier == kFromMemory;
    const bool to_memory = (tx != nullptr && tx->memory_updated) || wb != nullptr;
    const ImU32 mem_col = from_memory || to_memory ? data : idle;
    dl->AddLine(ImVec2(memory.centre().x, bus_y), ImVec2(memory.centre().x, memory.min.y), mem_col,
                from_memory || to_memory ? 3.0f : 1.5f);
    std::string mem_note;
    if (wb != nullptr) mem_note = "writeback";
    if (tx != nullptr && tx->memory_updated) mem_note = "takes the flush";
    if (from_memory) mem_note += mem_note.empty() ? "supplies the line" : ", supplies";
    if (!mem_note.empty()) {
      const ImVec2 size = ImGui::CalcTextSize(mem_note.c_str());
      dl->AddText(ImVec2(memory.min.x - size.x - 8, memory.centre().y - size.y * 0.5f), data,
                  mem_note.c_str());
    }

    // The boxes: the line's state in each core after the step, and what changed.
    for (int c = 0; c < n; ++c) {
      const Box& b = cores[static_cast<std::size_t>(c)];
      const bool requester = s != nullptr && s->action.core == c;
      const LineState st = model.system().state_of(c, line);
      dl->AddRectFilled(b.min, b.max, IM_COL32(35, 38, 46, 255), 4.0f);
      dl->AddRectFilled(ImVec2(b.max.x - line_h * 1.8f, b.min.y), b.max, to_u32(state_colour(st)), 4.0f,
                        ImDrawFlags_RoundCornersRight);
      centred_text(dl, ImVec2(b.max.x - line_h * 0.9f, b.centre().y), IM_COL32_WHITE, std::string(name(st)));
      dl->AddRect(b.min, b.max, requester ? active : idle, 4.0f, 0, requester ? 2.5f : 1.0f);
      dl->AddText(ImVec2(b.min.x + 6, b.min.y + 3), IM_COL32_WHITE, fmt::format("core {}", c).c_str());
      std::string change;
      if (s != nullptr)
        for (std::size_t i = s->first_event; i < s->first_event + s->event_count; ++i) {
          const CoherenceEvent& e = model.events()[i];
          if (e.line != line) continue;
          for (std::uint8_t k = 0; k < e.change_count; ++k)
            if (e.changes[k].core == c)
              change = fmt::format("{}->{}", name(e.changes[k].from), name(e.changes[k].to));
        }
      dl->AddText(ImVec2(b.min.x + 6, b.min.y + 3 + line_h),
                  change.empty() ? IM_COL32(150, 150, 150, 255) : active,
                  change.empty() ? (s ? slot_name(s->action.slot).c_str() : "") : change.c_str());
    }
    dl->AddRectFilled(memory.min, memory.max, IM_COL32(35, 38, 46, 255), 4.0f);
    dl->AddRect(memory.min, memory.max, to_memory ? data : idle, 4.0f, 0, to_memory ? 2.5f : 1.0f);
    centred_text(dl, memory.centre(), IM_COL32_WHITE, model.memory_stale(line) ? "memory (stale)" : "memory");

    // The request on the bus, written on it.
    std::string label;
    if (tx != nullptr) {
      label = fmt::format("{}{}{} {}  shared line {}", name(tx->bus), tx->then_bus != BusOp::None ? "+" : "",
                          tx->then_bus != BusOp::None ? name(tx->then_bus) : "", slot_name(s->action.slot),
                          tx->shared_line ? "HIGH" : "low");
    } else if (s != nullptr) {
      label = wb != nullptr ? "no request (eviction writeback)" : "idle: served inside the cache";
      for (std::size_t i = s->first_event; i < s->first_event + s->event_count; ++i)
        if (model.events()[i].kind == EventKind::Silent) label = "idle: silent upgrade inside the cache";
    }
    dl->AddText(ImVec2(bus_x0 + 4, bus_y + thick * 0.5f + 3), busy ? active : IM_COL32(170, 170, 170, 255),
                label.c_str());
    ImGui::Dummy(ImVec2(avail.x, memory.max.y - origin.y));
  }
  ImGui::End();
}

}  // namespace gb::ui
