// The scheduler board: each P with its running G, runnext slot and local run queue as boxes of G ids, the
// global run queue, and a table of the goroutines (id, status, Go's wait reason, function:line, P).
#include "scheduler_panel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"

namespace gb::ui {

namespace {

// An empty slot drawn as a dashed-looking grey box, so runnext reads as a slot even when empty.
void empty_slot() {
  const ImVec2 size(g_chip_width(9), ImGui::GetTextLineHeight() + 2.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(110, 110, 120, 255),
                                      3.0f);
  ImGui::Dummy(size);
}

// A G badge's tooltip: what the model says about that G (function, state, where it sits, creator, role).
void g_hover(const StudioModel& model, GId g) {
  if (spot_is(lessons::Spotlight::Kind::Goroutine, {}, static_cast<int>(g))) mark_spot_item();
  if (!ImGui::IsItemHovered()) return;
  const std::vector<std::string> lines = model.describe_g(g);
  if (lines.empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  for (const std::string& l : lines) ImGui::TextUnformatted(l.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// Boxes of G ids that wrap at the panel's edge, at most kChipRows rows of them; the rest are counted ("+243
// more", with the ids in the tooltip), so a queue of hundreds neither floods the board nor the renderer.
constexpr int kChipRows = 2;

void chip_row(const StudioModel& model, const std::vector<GId>& gs) {
  if (gs.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(Str::Empty));
    return;
  }
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float more_w = ImGui::CalcTextSize("+000 more").x;
  int rows = 1;
  for (std::size_t i = 0; i < gs.size(); ++i) {
    const float w = g_chip_width(gs[i]);
    ImGui::SameLine(0, 3.0f);
    const bool last_row = rows == kChipRows;
    // On the last row keep room for the count of what does not fit.
    const float need = last_row && i + 1 < gs.size() ? w + more_w : w;
    if (ImGui::GetCursorScreenPos().x + need > right) {
      if (last_row) {
        ImGui::TextDisabled("+%zu more", gs.size() - i);
        if (ImGui::IsItemHovered()) {
          std::string ids;
          for (std::size_t j = i; j < gs.size() && j < i + 64; ++j) ids += fmt::format("G{} ", gs[j]);
          if (gs.size() > i + 64) ids += "...";
          ImGui::SetTooltip("%s", ids.c_str());
        }
        return;
      }
      ImGui::NewLine();
      ++rows;
    }
    g_chip(gs[i], false);
    g_hover(model, gs[i]);
  }
}

// The Ms: what each thread does, the P it holds or the G it is blocked with, and its core; sysmon runs on its
// own M without a P.
void m_row(const StudioModel& model) {
  const std::vector<MView> ms = model.threads();
  if (ms.empty()) return;
  ImGui::TextUnformatted(trf(Str::SchedulerMs, ms.size()).c_str());
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (const MView& m : ms) {
    std::string text = fmt::format("M{} {}", m.id, name(m.status));
    if (m.p >= 0) text += fmt::format(" P{}", m.p);
    if (m.status == MStatus::Syscall && m.g != kNoG) text += fmt::format(" G{}", m.g);
    if (m.core >= 0) text += fmt::format(" @core {}", m.core);
    const float w = ImGui::CalcTextSize(text.c_str()).x + 10.0f;
    ImGui::SameLine(0, 6.0f);
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    const Rgb colour = m.status == MStatus::Running    ? kOkText
                       : m.status == MStatus::Spinning ? Rgb{240, 190, 80}
                       : m.status == MStatus::Syscall  ? Rgb{140, 180, 255}
                                                       : Rgb{150, 150, 165};
    text_coloured(colour, text.c_str());
  }
}

void p_board(const StudioModel& model) {
  if (const auto code = model.exit_code()) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kOkText));
    ImGui::TextWrapped("exited with status %d: no G runs, every M has stopped", *code);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("what was still in a run queue never ran");
  }
  for (const PView& p : model.processors()) {
    ImGui::PushID(p.id);
    ImGui::Text("P%d", p.id);
    ImGui::SameLine();
    ImGui::TextDisabled("%.*s, schedtick %u, %s", static_cast<int>(name(p.status).size()),
                        name(p.status).data(), p.schedtick,
                        p.m < 0       ? "no M"
                        : p.core >= 0 ? fmt::format("M{} on core {}", p.m, p.core).c_str()
                                      : fmt::format("M{} off-core", p.m).c_str());
    ImGui::Indent();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("running");
    ImGui::SameLine();
    if (p.current != kNoG) {
      g_chip(p.current, true);
      g_hover(model, p.current);
    } else {
      empty_slot();
    }
    ImGui::SameLine(0, 16.0f);
    // A lesson's spotlight on this P's run queue outlines its runnext slot and its queue together.
    ImGui::BeginGroup();
    ImGui::TextUnformatted("runnext");
    ImGui::SameLine();
    if (p.runnext != kNoG) {
      g_chip(p.runnext, false);
      g_hover(model, p.runnext);
    } else {
      empty_slot();
    }
    ImGui::SameLine(0, 16.0f);
    ImGui::Text("runq (%zu)", p.runq.size());
    chip_row(model, p.runq);
    ImGui::EndGroup();
    if (spot_is(lessons::Spotlight::Kind::RunQueue, {}, p.id)) mark_spot_item();
    ImGui::Unindent();
    ImGui::PopID();
  }
  const std::vector<GId> global = model.global_queue();
  ImGui::BeginGroup();
  ImGui::TextUnformatted(trf(Str::SchedulerGlobalQueue, global.size()).c_str());
  chip_row(model, global);
  ImGui::EndGroup();
  if (spot_is(lessons::Spotlight::Kind::GlobalQueue)) mark_spot_item();
  m_row(model);
}

void g_summary(const StudioModel& model) {
  int running = 0, runnable = 0, waiting = 0, other = 0;
  for (const GRow& g : model.goroutines()) {
    if (g.system || g.status == GStatus::Dead) continue;
    if (g.status == GStatus::Running) ++running;
    else if (g.status == GStatus::Runnable) ++runnable;
    else if (g.status == GStatus::Waiting) ++waiting;
    else ++other;
  }
  const std::string others = other > 0 ? trf(Str::SchedulerOther, other) : std::string();
  ImGui::TextDisabled("%s", trf(Str::SchedulerGoroutines, running, runnable, waiting, others).c_str());
}

void g_table(const StudioModel& model, SchedulerPanelState& s, const UiState& common) {
  ImGui::Checkbox(tr(Str::SchedulerShowAll), &s.show_all_gs);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  push_mono(common);
  // The rest of the panel, but never fewer than about seven rows (then the panel scrolls instead).
  const float min_h = ImGui::GetTextLineHeightWithSpacing() * 8.0f;
  const float h = std::max(ImGui::GetContentRegionAvail().y, min_h);
  // A lesson's spotlit goroutine while its row is still to be scrolled to: the table may be below the panel's
  // fold, and ImGui does not draw a table out of view, so the panel scrolls to the table first.
  if (s.spot_frames > 0 || (spot_target() != nullptr && spot_target()->spot.kind == lessons::Spotlight::Kind::Goroutine &&
                            s.spot_seen != static_cast<GId>(spot_target()->spot.number)))
    ImGui::SetScrollHereY(0.0f);
  if (ImGui::BeginTable("gs", 5, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("G");
    ImGui::TableSetupColumn(tr(Str::SchedulerStatus));
    ImGui::TableSetupColumn(tr(Str::SchedulerWaitReason));
    ImGui::TableSetupColumn(tr(Str::SchedulerFunctionLine), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("P");
    ImGui::TableHeadersRow();
    std::vector<GRow> rows = model.goroutines();
    if (!s.show_all_gs)
      std::erase_if(rows, [](const GRow& g) { return g.system || g.status == GStatus::Dead; });
    // Only the rows in view are drawn: a thousand goroutines cost what a screenful does.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    // A lesson's spotlight on a goroutine: its row is drawn (and scrolled to) even when out of view.
    // A window's scroll is clamped to the content it measured the frame before, so the request is repeated
    // over a few frames (a fresh lesson's first frames have measured nothing yet).
    s.spot_row = -1;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (spot_is(lessons::Spotlight::Kind::Goroutine, {}, static_cast<int>(rows[i].id))) {
        if (s.spot_seen != rows[i].id) {
          s.spot_seen = rows[i].id;
          s.spot_frames = 4;
        }
        if (s.spot_frames > 0) {
          --s.spot_frames;
          clipper.ForceDisplayRangeByIndices(static_cast<int>(i), static_cast<int>(i) + 1);
          s.spot_row = static_cast<int>(i);
        }
      }
    while (clipper.Step())
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const GRow& g = rows[static_cast<std::size_t>(row)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        g_chip(g.id, g.status == GStatus::Running);
        if (row == s.spot_row) {
          ImGui::SetScrollHereY(0.5f);
        }
        g_hover(model, g.id);
        ImGui::TableNextColumn();
        const std::string_view st = name(g.status);
        if (g.status == GStatus::Running) {
          text_coloured(kOkText, std::string(st).c_str());
        } else if (g.status == GStatus::Dead) {
          ImGui::TextDisabled("%.*s", static_cast<int>(st.size()), st.data());
        } else {
          ImGui::TextUnformatted(st.data(), st.data() + st.size());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(g.wait_reason.data(), g.wait_reason.data() + g.wait_reason.size());
        ImGui::TableNextColumn();
        if (!g.function.empty()) {
          const std::string where = g.line != 0 ? fmt::format("{}:{}", g.function, g.line) : g.function;
          ImGui::TextUnformatted(where.c_str());
          if (!g.inside.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("in %s", g.inside.c_str());
          }
        }
        ImGui::TableNextColumn();
        if (g.p >= 0) ImGui::Text("P%d", g.p);
      }
    ImGui::EndTable();
  }
  pop_mono(common);
}

}  // namespace

void draw_scheduler_panel(const StudioModel& model, SchedulerPanelState& s, const PanelContext& ctx,
                          const Rect& r) {
  if (begin_panel(tr(Str::TitleScheduler), r)) {
    if (!model.loaded()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      // Side by side when there is room: the board on the left, the goroutine table on the right at the
      // panel's full height (stacked, the table was squeezed to two rows at 1600x900).
      const float w = ImGui::GetContentRegionAvail().x;
      const float row = ImGui::GetFrameHeightWithSpacing();
      if (w >= 640.0f * ctx.common.scale) {
        ImGui::BeginChild("##board", ImVec2(std::round(w * 0.5f), 0), false);
        p_board(model);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##gtable", ImVec2(0, 0), false);
        g_table(model, s, ctx.common);
        ImGui::EndChild();
      } else {
        p_board(model);
        ImGui::Separator();
        // On a projector the P rows come first: the table of goroutines needs a few rows' height, else one
        // line counts them (hovering a G chip says the rest).
        if (ctx.presentation && ImGui::GetContentRegionAvail().y < 5.0f * row) {
          if (!model.exit_code()) g_summary(model);  // after the exit the line above says it all
        } else {
          g_table(model, s, ctx.common);
        }
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
