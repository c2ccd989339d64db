// Channels and locks: the run's channels (click one for its hchan: the ring buffer with sendx/recvx, the
// sendq and recvq of waiting goroutines, the closed flag) and sync.Mutexes (click one for its state bits,
// the semaphore's waiter queue and starvation mode).
#include "sync_panel.h"

#include <algorithm>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"
#include "sim/inspect/sync_state.h"

namespace gb::ui {

using inspect::ChanView, inspect::ChanWaiter, inspect::MutexView, inspect::channel_view, inspect::channel_views,
    inspect::mutex_views, inspect::format_value;

namespace {

constexpr Rgb kSendColour{120, 210, 130};  // sendx, sendq
constexpr Rgb kRecvColour{110, 170, 255};  // recvx, recvq
constexpr Rgb kSlotFull{70, 90, 130};
constexpr Rgb kSlotEmpty{45, 48, 56};
constexpr Rgb kBitOn{230, 170, 40};
constexpr Rgb kBitOff{60, 62, 70};
constexpr Rgb kClosedColour{235, 90, 90};
constexpr std::uint32_t kMaxSlotsDrawn = 64;

// A labelled row of G chips ("sendq  G7 G9"), wrapping at the panel's edge; `values` under each chip.
void waiter_row(const char* label, Rgb colour, const std::vector<ChanWaiter>& ws) {
  text_coloured(colour, label);
  if (ws.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(Str::Empty));
    return;
  }
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (const ChanWaiter& w : ws) {
    std::string text = w.value.empty() ? std::string() : "<- " + w.value;
    if (text.size() > 14) text = text.substr(0, 13) + "…";
    const float width =
        g_chip_width(w.g) + (text.empty() ? 0.0f : ImGui::CalcTextSize(text.c_str()).x + 4.0f);
    ImGui::SameLine(0, 8.0f);
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    g_chip(w.g, false);
    if (!text.empty()) {
      ImGui::SameLine(0, 3.0f);
      ImGui::TextDisabled("%s", text.c_str());
    }
  }
}

// The ring buffer as boxes, recvx's arrow above its slot and sendx's below, values inside the full slots.
void ring(const ChanView& c, const UiState& ui) {
  if (c.cap == 0) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("unbuffered: a send waits for a receiver and hands its value over directly");
    ImGui::PopTextWrapPos();
    return;
  }
  const std::uint32_t shown = std::min(c.cap, kMaxSlotsDrawn);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float box_w = std::max(ImGui::CalcTextSize("-0000").x + 10.0f, 42.0f * ui.scale);
  const float box_h = line * 1.9f;
  const float gap = 3.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const auto per_row = std::max<std::uint32_t>(1, static_cast<std::uint32_t>((avail + gap) / (box_w + gap)));
  const std::uint32_t rows = (shown + per_row - 1) / per_row;
  const float row_h = box_h + 2.2f * line;  // arrow and label above and below each row
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (std::uint32_t i = 0; i < shown; ++i) {
    const float x = origin.x + static_cast<float>(i % per_row) * (box_w + gap);
    const float y = origin.y + static_cast<float>(i / per_row) * row_h + 1.1f * line;
    const ImVec2 a(x, y), b(x + box_w, y + box_h);
    const bool full = i < c.slots.size() && c.slots[i].has_value();
    dl->AddRectFilled(a, b, to_u32(full ? kSlotFull : kSlotEmpty), 3.0f);
    dl->AddRect(a, b, IM_COL32(150, 155, 170, 255), 3.0f);
    const std::string idx = fmt::format("{}", i);
    dl->AddText(ImVec2(x + 3.0f, y + 1.0f), IM_COL32(150, 150, 160, 255), idx.c_str());
    if (full) {
      std::string v = *c.slots[i];
      const float maxw = box_w - 6.0f;
      while (v.size() > 1 && ImGui::CalcTextSize(v.c_str()).x > maxw) v.pop_back();
      const float tw = ImGui::CalcTextSize(v.c_str()).x;
      dl->AddText(ImVec2(x + (box_w - tw) * 0.5f, y + box_h - line - 2.0f), IM_COL32(255, 255, 255, 255),
                  v.c_str());
    }
    const float cx = x + box_w * 0.5f;
    if (i == c.recvx) {  // recvx: the next slot a receive takes from, arrow pointing down onto the box
      const ImU32 col = to_u32(kRecvColour);
      const float tw = ImGui::CalcTextSize("recvx").x;
      dl->AddText(ImVec2(cx - tw * 0.5f, y - 1.1f * line), col, "recvx");
      dl->AddTriangleFilled(ImVec2(cx - 5, y - 6), ImVec2(cx + 5, y - 6), ImVec2(cx, y - 1), col);
    }
    if (i == c.sendx) {  // sendx: the next slot a send fills, arrow pointing up from below
      const ImU32 col = to_u32(kSendColour);
      const float tw = ImGui::CalcTextSize("sendx").x;
      dl->AddTriangleFilled(ImVec2(cx - 5, b.y + 6), ImVec2(cx + 5, b.y + 6), ImVec2(cx, b.y + 1), col);
      dl->AddText(ImVec2(cx - tw * 0.5f, b.y + 6), col, "sendx");
    }
  }
  ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * row_h + 2.0f));
  if (shown < c.cap) ImGui::TextDisabled("(first %u of %u slots)", shown, c.cap);
}

void channel_detail(const StudioModel& model, const SyncPanelState& s, const UiState& common) {
  const std::optional<ChanView> v = channel_view(model.machine()->runtime(), s.chan, &model.lines());
  if (!v) return;
  // The hchan a lesson's spotlight names: the whole detail is outlined.
  const bool spot = spot_is(lessons::Spotlight::Kind::Channel, v->name) ||
                    spot_is(lessons::Spotlight::Kind::Channel, v->label());
  ImGui::BeginGroup();
  ImGui::TextUnformatted(v->label().c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("chan %s", v->elem_type.empty() ? "?" : v->elem_type.c_str());
  if (v->closed) {
    ImGui::SameLine();
    text_coloured(kClosedColour, "CLOSED");
  }
  ImGui::Text("len %u / cap %u", v->len, v->cap);
  if (v->line != 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("  made at line %u", v->line);
  }
  if (v->hchan_byte != 0) {
    const std::string at = fmt::format("hchan @{:#x}", v->hchan_byte);
    ImGui::SameLine(0, 12.0f);
    if (ImGui::CalcTextSize(at.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    ImGui::TextDisabled("%s", at.c_str());
  }
  ring(*v, common);
  waiter_row("sendq", kSendColour, v->sendq);
  waiter_row("recvq", kRecvColour, v->recvq);
  ImGui::EndGroup();
  if (spot) mark_spot_item();
}

void channel_list(const StudioModel& model, SyncPanelState& s, float height) {
  const std::vector<ChanView> chans = channel_views(model.machine()->runtime(), &model.lines());
  ImGui::Text("Channels (%zu)", chans.size());
  if (chans.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("none made yet");
    return;
  }
  // Nothing chosen yet: the first channel someone waits on, else the first one.
  if (s.chan >= chans.size()) {
    s.chan = 0;
    for (const ChanView& c : chans)
      if (c.waiters() > 0) {
        s.chan = c.index;
        break;
      }
  }
  // A lesson's spotlight on a channel shows that channel's hchan below.
  for (const ChanView& c : chans)
    if (spot_is(lessons::Spotlight::Kind::Channel, c.name) || spot_is(lessons::Spotlight::Kind::Channel, c.label()))
      s.chan = c.index;
  if (chans.size() == 1) return;  // the detail below says it all
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("chans", 4, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("channel", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("len/cap");
    ImGui::TableSetupColumn("waiting");
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(chans.size()));
    while (clip.Step()) {
      for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
        const ChanView& c = chans[static_cast<std::size_t>(row)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%zu", c.index + 1);
        ImGui::TableNextColumn();
        ImGui::PushID(row);
        if (ImGui::Selectable("##chan", s.chan == c.index,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
          s.chan = c.index;
        if (spot_is(lessons::Spotlight::Kind::Channel, c.name) ||
            spot_is(lessons::Spotlight::Kind::Channel, c.label()))
          mark_spot_item();
        ImGui::PopID();
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(c.label().c_str());
        if (!c.elem_type.empty()) {
          ImGui::SameLine();
          ImGui::TextDisabled("%s", c.elem_type.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%u/%u", c.len, c.cap);
        ImGui::TableNextColumn();
        if (c.closed) {
          text_coloured(kClosedColour, "closed");
          if (c.waiters() > 0) ImGui::SameLine();
        }
        if (!c.sendq.empty()) {
          text_coloured(kSendColour, fmt::format("{} send", c.sendq.size()).c_str());
          if (!c.recvq.empty()) ImGui::SameLine();
        }
        if (!c.recvq.empty()) text_coloured(kRecvColour, fmt::format("{} recv", c.recvq.size()).c_str());
      }
    }
    ImGui::EndTable();
  }
}

// One of the state word's fields as a lit or unlit box ("locked", "woken", "starving", "waiters 2").
void bit_box(const char* text, bool on) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 q(p.x + size.x + 12.0f, p.y + size.y + 6.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, q, to_u32(on ? kBitOn : kBitOff), 3.0f);
  dl->AddText(ImVec2(p.x + 6.0f, p.y + 3.0f), on ? IM_COL32(20, 20, 20, 255) : IM_COL32(170, 170, 180, 255),
              text);
  ImGui::Dummy(ImVec2(q.x - p.x, q.y - p.y));
}

std::string mutex_label(const MutexView& m) {
  if (!m.name.empty()) return m.name;
  if (m.byte_addr != 0) return fmt::format("mutex@{:#x}", m.byte_addr);
  return fmt::format("mutex@word {}", m.addr);
}

void mutex_detail(const vm::Vm& vm, const MutexView& m) {
  ImGui::TextUnformatted(mutex_label(m).c_str());
  if (m.byte_addr != 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("@%#llx", static_cast<unsigned long long>(m.byte_addr));
  }
  ImGui::TextDisabled("state %#010x  sema %u", static_cast<unsigned>(m.state), m.sema);
  // Most significant first, as the bits sit in the word: waiters (bits 31..3), starving, woken, locked.
  bit_box(fmt::format("waiters {}", m.waiter_count()).c_str(), m.waiter_count() > 0);
  ImGui::SameLine(0, 4.0f);
  bit_box("starving", m.starving());
  ImGui::SameLine(0, 4.0f);
  bit_box("woken", m.woken());
  ImGui::SameLine(0, 4.0f);
  bit_box("locked", m.locked());
  ImGui::PushTextWrapPos(0.0f);
  if (m.starving()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kClosedColour));
    ImGui::TextUnformatted("starvation mode: Unlock hands the lock to the queue's front; newcomers queue");
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("normal mode: a woken waiter competes with arriving goroutines");
  }
  ImGui::PopTextWrapPos();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("sema queue");
  if (m.queue.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(Str::Empty));
  }
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < m.queue.size(); ++i) {
    ImGui::SameLine(0, i == 0 ? 8.0f : 4.0f);
    if (ImGui::GetCursorScreenPos().x + g_chip_width(m.queue[i]) > right) ImGui::NewLine();
    g_chip(m.queue[i], false);
    if (i == 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("front: the next to be woken");
  }
  if (!m.queue.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(front first)");
  }
  if (!m.in_lock.empty()) {
    ImGui::TextUnformatted("trying (in lockSlow)");
    for (GId g : m.in_lock) {
      ImGui::SameLine(0, 4.0f);
      g_chip(g, vm.scheduler().g(g).status == GStatus::Running);
    }
  }
}

void mutex_section(const StudioModel& model, SyncPanelState& s, float list_height) {
  const vm::Vm& vm = model.machine()->runtime();
  // Another run (a program loaded, a knob changed, a restart): the heap addresses seen before may mean
  // nothing.
  if (s.run != model.session()) {
    s.run = model.session();
    s.known_mutexes.clear();
    s.mutex = 0;
  }
  // A lesson's spotlit mutex is listed even while nobody locks it (a local one is otherwise found only then).
  if (const SpotTarget* t = spot_target(); t != nullptr && t->word &&
      std::find(s.known_mutexes.begin(), s.known_mutexes.end(), *t->word) == s.known_mutexes.end())
    s.known_mutexes.push_back(*t->word);
  const std::vector<MutexView> ms = mutex_views(vm, &s.known_mutexes);
  ImGui::Text("Mutexes (%zu)", ms.size());
  if (ms.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("no sync.Mutex found (package variables, or goroutines in Lock/Unlock)");
    return;
  }
  // A lesson's spotlight on a mutex shows that mutex's state below.
  for (const MutexView& m : ms)
    if (spot_is(lessons::Spotlight::Kind::Mutex, mutex_label(m)) || spot_is(lessons::Spotlight::Kind::Mutex, m.name))
      s.mutex = m.addr;
  const auto sel = std::find_if(ms.begin(), ms.end(), [&](const MutexView& m) { return m.addr == s.mutex; });
  const MutexView& chosen = sel != ms.end() ? *sel : ms.front();
  s.mutex = chosen.addr;
  const bool spot = spot_is(lessons::Spotlight::Kind::Mutex, mutex_label(chosen)) ||
                    spot_is(lessons::Spotlight::Kind::Mutex, chosen.name);
  if (ms.size() == 1) {
    ImGui::BeginGroup();
    mutex_detail(vm, chosen);
    ImGui::EndGroup();
    if (spot) mark_spot_item();
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("mutexes", 3, flags, ImVec2(0, list_height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("mutex", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("state");
    ImGui::TableSetupColumn("queued");
    ImGui::TableHeadersRow();
    for (const MutexView& m : ms) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(m.addr));
      if (ImGui::Selectable(mutex_label(m).c_str(), m.addr == chosen.addr,
                            ImGuiSelectableFlags_SpanAllColumns))
        s.mutex = m.addr;
      if (spot_is(lessons::Spotlight::Kind::Mutex, mutex_label(m)) || spot_is(lessons::Spotlight::Kind::Mutex, m.name))
        mark_spot_item();
      ImGui::PopID();
      ImGui::TableNextColumn();
      if (m.locked())
        text_coloured(kBitOn, m.starving() ? "locked, starving" : "locked");
      else if (m.starving())
        text_coloured(kClosedColour, "starving");
      else
        ImGui::TextDisabled("unlocked");
      ImGui::TableNextColumn();
      ImGui::Text("%zu", m.queue.size());
    }
    ImGui::EndTable();
  }
  ImGui::BeginGroup();
  mutex_detail(vm, chosen);
  ImGui::EndGroup();
  if (spot) mark_spot_item();
}

}  // namespace

void draw_sync_panel(const StudioModel& model, SyncPanelState& s, const PanelContext& ctx, const Rect& r) {
  if (begin_panel(tr(Str::TitleSync), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      const float line = ImGui::GetTextLineHeightWithSpacing();
      const std::size_t nchans = model.machine()->runtime().channels().size();
      const float chan_rows = static_cast<float>(std::clamp<std::size_t>(nchans, 1, 3));
      const std::size_t nmutex = std::max<std::size_t>(1, std::min<std::size_t>(s.known_mutexes.size(), 3));
      // Wide: channels and mutexes side by side; narrow: one above the other (the panel scrolls).
      const bool wide = ImGui::GetContentRegionAvail().x >= 620.0f * ctx.common.scale;
      if (wide) {
        ImGui::BeginChild("channels", ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0), false);
      }
      channel_list(model, s, line * (chan_rows + 1.3f));
      if (nchans > 0) channel_detail(model, s, ctx.common);
      if (wide) {
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("mutexes", ImVec2(0, 0), false);
      } else {
        ImGui::Separator();
      }
      mutex_section(model, s, line * (static_cast<float>(nmutex) + 1.3f));
      if (wide) ImGui::EndChild();
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
