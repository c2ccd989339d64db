// The cores and caches panel: per core the M, P and G on it, its counters, and its L1's valid lines (set,
// way, address, state in its colour, data words). A 32 KiB cache has 512 lines: only valid ones are listed.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../line_contents.h"
#include "panel_common.h"
#include "studio_panels.h"

namespace gb::ui {

namespace {

// Below this a core's table is unreadable: wrap cores onto rows (the data words scroll sideways).
constexpr float kMinCoreWidth = 320.0f;

// Small words in decimal (counters, flags); large ones (pointers, addresses) in hex, which is how they read.
std::string word_text(Word w) {
  return w < 100000 ? fmt::format("{}", w) : fmt::format("{:#x}", w);
}

void core_header(const CoreView& c) {
  ImGui::Text("Core %d", c.id);
  ImGui::SameLine();
  if (c.m >= 0) {
    if (c.p >= 0) {
      ImGui::Text("M%d  P%d", c.m, c.p);
    } else {
      ImGui::Text("M%d", c.m);
    }
    ImGui::SameLine();
    if (c.g != kNoG) {
      g_chip(c.g, true);
    } else {
      ImGui::TextDisabled("no G (looking for work)");
    }
  } else {
    ImGui::TextDisabled("idle");
  }
  ImGui::TextDisabled("%lld ns, %llu instr, %llu hits, %llu misses, %llu invalidated",
                      static_cast<long long>(c.clock_ns), static_cast<unsigned long long>(c.instructions),
                      static_cast<unsigned long long>(c.stats.accesses() - c.stats.misses()),
                      static_cast<unsigned long long>(c.stats.misses()),
                      static_cast<unsigned long long>(c.stats.invalidations));
}

void line_table(const StudioModel& model, const StudioUiState& ui, int core,
                const std::optional<BusView>& bus) {
  const std::vector<LineView> lines = model.cache_lines(core);
  if (lines.empty()) {
    ImGui::TextDisabled("every line invalid");
    return;
  }
  const std::size_t words = lines.front().words.size();
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                    ImGuiTableFlags_RowBg;
  push_mono(*ui.common);
  if (ImGui::BeginTable("lines", 4 + static_cast<int>(words), flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("set.way");
    ImGui::TableSetupColumn("address");
    ImGui::TableSetupColumn("st");
    ImGui::TableSetupColumn("lru");
    for (std::size_t w = 0; w < words; ++w) ImGui::TableSetupColumn(fmt::format("w{}", w).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const LineView& l = lines[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        // The line the last step's bus transaction moved: the row to draw the eye to, in every cache holding
        // it.
        if (bus && bus->in_last_step && bus->line_address == l.address)
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(90, 80, 30, 255));
        ImGui::TableNextColumn();
        ImGui::Text("%u.%u", l.set, l.way);
        ImGui::TableNextColumn();
        ImGui::Text("%#llx", static_cast<unsigned long long>(l.address));
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::Text("line %#llx: set %u, way %u", static_cast<unsigned long long>(l.address), l.set, l.way);
          if (l.stale_memory)
            ImGui::TextUnformatted("memory's copy is stale: this dirty line holds the only value");
          // Which Go variables live here: the point of watching a line move.
          const std::vector<LineOccupant> in_line =
              line_contents(model.machine()->runtime(), l.address,
                            model.machine()->config().machine.memory.geometry.block_bytes, &model.lines());
          for (std::size_t w = 0; w < l.words.size(); ++w) {
            std::string names;
            for (const LineOccupant& o : in_line)
              if (o.offset < 8 * (w + 1) && o.offset + o.bytes > 8 * w)
                names += (names.empty() ? "" : ", ") + o.what;
            ImGui::Text("w%zu at %#llx: %#llx", w, static_cast<unsigned long long>(l.address + 8 * w),
                        static_cast<unsigned long long>(l.words[w]));
            if (!names.empty()) {
              ImGui::SameLine();
              text_coloured(kBusActive, names.c_str());
            }
          }
          if (in_line.empty()) ImGui::TextDisabled("no package variable or channel here (heap or runtime data)");
          ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        cache_state_cell(l.state);
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(l.lru));
        for (Word w : l.words) {
          ImGui::TableNextColumn();
          const std::string t = word_text(w);
          if (w == 0) {
            ImGui::TextDisabled("0");
          } else {
            ImGui::TextUnformatted(t.c_str());
          }
        }
      }
    }
    ImGui::EndTable();
  }
  pop_mono(*ui.common);
}

}  // namespace

void draw_cores_panel(const StudioModel& model, StudioUiState& ui, const Rect& r) {
  const std::string title =
      model.loaded() ? fmt::format("Cores and their L1 caches ({}, {} KiB, {}-way, {}-byte lines)###cores",
                                   protocol_name(model.config().protocol),
                                   model.machine()->config().machine.memory.geometry.size_bytes / 1024,
                                   model.machine()->config().machine.memory.geometry.assoc,
                                   model.machine()->config().machine.memory.geometry.block_bytes)
                     : std::string("Cores and their L1 caches###cores");
  if (begin_panel(title.c_str(), r)) {
    const std::vector<CoreView> cores = model.cores();
    const std::optional<BusView> bus = model.last_bus();
    if (cores.empty()) {
      ImGui::TextDisabled("no program is running");
    } else {
      if (bus) {
        const std::string text = describe_bus(bus->record);
        ImGui::TextUnformatted(bus->in_last_step ? "This step's last bus transaction:"
                                                 : "Last bus transaction:");
        ImGui::SameLine();
        if (bus->in_last_step) {
          text_coloured(kBusActive, text.c_str());
        } else {
          ImGui::TextDisabled("%s", text.c_str());
        }
      } else {
        ImGui::TextDisabled("No bus transaction yet.");
      }
      const ImVec2 avail = ImGui::GetContentRegionAvail();
      const float spacing = ImGui::GetStyle().ItemSpacing.x;
      const int n = static_cast<int>(cores.size());
      const int per_row = std::clamp(
          static_cast<int>((avail.x + spacing) / (kMinCoreWidth * ui.common->scale + spacing)), 1, n);
      const int rows = (n + per_row - 1) / per_row;
      const float w = (avail.x - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
      // At least a handful of lines per cache; more cores than fit scroll the panel.
      const float h =
          std::max(200.0f * ui.common->scale, (avail.y - ImGui::GetStyle().ItemSpacing.y * static_cast<float>(rows - 1)) /
                               static_cast<float>(rows));
      for (int i = 0; i < n; ++i) {
        if (i % per_row != 0) ImGui::SameLine();
        ImGui::BeginChild(fmt::format("core{}", i).c_str(), ImVec2(w, h), true);
        core_header(cores[static_cast<std::size_t>(i)]);
        line_table(model, ui, i, bus);
        ImGui::EndChild();
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
