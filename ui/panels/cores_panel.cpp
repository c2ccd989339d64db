// The cores and caches panel: per core the M, P and G on it, its counters, and its L1 in one of three views:
// the valid lines listed (set, way, address, state in its colour, data words; a 32 KiB cache has 512 lines),
// every set and way as a grid of state squares, or memory's own copy of the lines the caches hold, stale ones
// grey.
#include "cores_panel.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "../bus_view.h"
#include "../cache_grid.h"
#include "../word_format.h"
#include "../strings.h"
#include "panel_common.h"
#include "spotlight_marks.h"
#include "sim/inspect/line_contents.h"

namespace gb::ui {

using inspect::LineOccupant, inspect::line_contents;

namespace {

// Below this a core's table is unreadable: wrap cores onto rows (the data words scroll sideways).
constexpr float kMinCoreWidth = 320.0f;

// `store_buffer_entries` is the configured size (0: buffers off, nothing shown).
void core_header(const CoreView& c, int store_buffer_entries, bool hex) {
  ImGui::TextUnformatted(trf(Str::CoresCore, c.id).c_str());
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
      ImGui::TextDisabled("%s", tr(Str::CoresNoG));
    }
  } else {
    ImGui::TextDisabled("%s", tr(Str::CoresIdle));
  }
  ImGui::TextDisabled("%s", trf(Str::CoresCounters, c.clock_ns, c.instructions, c.stats.accesses() - c.stats.misses(),
                                c.stats.misses(), c.stats.invalidations)
                                .c_str());
  if (store_buffer_entries <= 0) return;
  // x86-TSO: this core's stores that other cores cannot see yet, oldest first (the next to drain).
  std::string sb = fmt::format("store buffer {}/{}:", c.buffered.size(), store_buffer_entries);
  if (c.buffered.empty()) sb += " empty";
  for (const auto& [addr, value] : c.buffered)
    sb += fmt::format(" [{:#x}] = {}", addr, word_text(value, hex));
  ImGui::PushStyleColor(ImGuiCol_Text, c.buffered.empty() ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)
                                                           : to_vec4(kBusActive));
  ImGui::TextWrapped("%s", sb.c_str());
  ImGui::PopStyleColor();
}

// The words of the line at `address` (`words` of them, e.g. memory's or a cache's copy), each with the Go
// variables it holds: the point of watching a line move.
void words_with_names(const StudioModel& model, Addr address, const std::vector<Word>& words, bool hex) {
  const std::vector<LineOccupant> in_line =
      line_contents(model.machine()->runtime(), address,
                    model.machine()->config().machine.memory.geometry.block_bytes, &model.lines());
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::string names;
    for (const LineOccupant& o : in_line)
      if (o.offset < 8 * (w + 1) && o.offset + o.bytes > 8 * w) names += (names.empty() ? "" : ", ") + o.what;
    ImGui::Text("w%zu at %#llx: %s", w, static_cast<unsigned long long>(address + 8 * w),
                word_text(words[w], hex).c_str());
    if (!names.empty()) {
      ImGui::SameLine();
      text_coloured(kBusActive, names.c_str());
    }
  }
  if (in_line.empty()) ImGui::TextDisabled("no package variable or channel here (heap or runtime data)");
}

// A valid cache line's tooltip body: where it sits, whether memory is behind, and its words by variable.
void line_tooltip(const StudioModel& model, const LineView& l, bool hex) {
  ImGui::Text("line %#llx: set %u, way %u", static_cast<unsigned long long>(l.address), l.set, l.way);
  if (l.stale_memory) ImGui::TextUnformatted("memory's copy is stale: this dirty line holds the only value");
  words_with_names(model, l.address, l.words, hex);
  // Why the line is in this state: the newest transaction on it and the access that caused it.
  const std::string last = last_transaction_on_line(model, l.address);
  if (!last.empty()) {
    ImGui::Separator();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
    ImGui::TextDisabled("last transaction on this line:");
    ImGui::TextUnformatted(last.c_str());
    ImGui::PopTextWrapPos();
  }
}

void line_table(const StudioModel& model, const CoresPanelState& s, const UiState& common, int core,
                const std::optional<BusView>& bus) {
  const std::vector<LineView> lines = model.cache_lines(core);
  if (lines.empty()) {
    ImGui::TextDisabled("%s", tr(Str::CoresAllInvalid));
    return;
  }
  const std::size_t words = lines.front().words.size();
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                    ImGuiTableFlags_RowBg;
  push_mono(common);
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
        const ImVec2 row_min = ImGui::GetItemRectMin();
        ImGui::TableNextColumn();
        ImGui::Text("%#llx", static_cast<unsigned long long>(l.address));
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          line_tooltip(model, l, s.hex_words);
          ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        cache_state_cell(l.state);
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(l.lru));
        for (Word w : l.words) {
          ImGui::TableNextColumn();
          const std::string t = word_text(w, s.hex_words);
          if (w == 0) {
            ImGui::TextDisabled("%s", t.c_str());
          } else {
            ImGui::TextUnformatted(t.c_str());
          }
        }
        // A lesson's spotlight on a variable outlines its line's row in every cache that holds it.
        if (spot_is_line(l.address)) mark_spot(row_min, ImGui::GetItemRectMax());
      }
    }
    ImGui::EndTable();
  }
  pop_mono(common);
}

// [SECTION] Sets x ways grid
// Every core's cache side by side on shared rows, one row per set: the same set in every core is on one line,
// so a line moving between caches (M here, I there) reads across. All cores scroll together.

// Whether the last step's bus transaction moved this way's line: a valid copy of it, or this core's copy it
// invalidated (an invalid way keeps its old tag; it counts only if the transaction changed this core).
bool moved_by_bus(const LineView& l, int core, const std::optional<BusView>& bus) {
  if (!bus || !bus->in_last_step || bus->line_address != l.address) return false;
  if (is_valid(l.state)) return true;
  for (std::uint8_t i = 0; i < bus->record.change_count; ++i)
    if (bus->record.changes[i].core == core) return true;
  return false;
}

// Sets flow down `groups` columns of `rows` sets; each column is a set label, then per core one square per
// way. Squares as large as fit (up to a little over a text line) so the whole cache is in view when it can
// be; below the smallest readable size the grid scrolls.
struct GridLayout {
  int cores = 1, ways = 1, groups = 1, rows = 1;
  float square = 10, gap = 3, label_w = 0, core_gap = 0, group_gap = 0, header_h = 0;
  float pitch() const { return square + gap; }
  float block_w() const { return static_cast<float>(ways) * pitch(); }
  float group_w() const {
    return label_w + static_cast<float>(cores) * (block_w() + core_gap) - core_gap + group_gap;
  }
};

GridLayout grid_layout(ImVec2 avail, int cores, int sets, int ways, float scale) {
  GridLayout g;
  g.cores = cores;
  g.ways = ways;
  const float text_h = ImGui::GetTextLineHeight();
  g.gap = std::max(2.0f, std::round(3.0f * scale));
  g.label_w = ImGui::CalcTextSize(fmt::format("{}", sets - 1).c_str()).x + 6.0f * scale;
  g.core_gap = std::round(8.0f * scale);
  g.group_gap = std::round(12.0f * scale);
  g.header_h = 2.0f * text_h + 4.0f;  // core names, way numbers
  // Smaller than about 10 px a square's colour is hard to tell at a glance (8 cores once drew 6 px squares):
  // below that the grid scrolls instead of shrinking.
  const float s_min = std::floor(std::max(10.0f * scale, text_h * 0.6f)), s_max = std::floor(text_h * 1.4f);
  const float cf = static_cast<float>(cores);
  const auto fit = [&](int groups) {
    const int rows = (sets + groups - 1) / groups;
    const float gf = static_cast<float>(groups);
    const float fixed = gf * (g.label_w + (cf - 1.0f) * g.core_gap + g.group_gap) - g.group_gap;
    const float by_w = (avail.x - fixed) / (gf * cf * static_cast<float>(ways)) - g.gap;
    const float by_h = (avail.y - g.header_h) / static_cast<float>(rows) - g.gap;
    return std::floor(std::min({by_w, by_h, s_max}));
  };
  float best = -1;
  for (int k = 1; k <= 8 && k <= sets; ++k) {
    const float s = fit(k);
    if (s > best + 0.5f) {
      best = s;
      g.groups = k;
    }
  }
  if (best < s_min) {
    // Too many sets for the height at a readable size: as many columns of sets as the width holds at that size
    // (at least one), scrolling down.
    const auto by_w = [&](int groups) {
      const float gf = static_cast<float>(groups);
      const float fixed = gf * (g.label_w + (cf - 1.0f) * g.core_gap + g.group_gap) - g.group_gap +
                          ImGui::GetStyle().ScrollbarSize;
      return std::floor((avail.x - fixed) / (gf * cf * static_cast<float>(ways)) - g.gap);
    };
    g.groups = 1;
    for (int k = 2; k <= 8 && k <= sets; ++k)
      if (by_w(k) >= s_min) g.groups = k;
    best = by_w(g.groups);
  }
  g.square = std::clamp(best, s_min, s_max);
  g.rows = (sets + g.groups - 1) / g.groups;
  return g;
}

void grid_tooltip(const StudioModel& model, const std::vector<LineView>& grid, const LineView& l, int core,
                  int ways, bool hex) {
  ImGui::Text("core %d, set %u, way %u:", core, l.set, l.way);
  ImGui::SameLine();
  state_chip(l.state);
  if (!is_valid(l.state)) {
    if (l.lru == 0) {
      ImGui::TextDisabled("never filled");
    } else {
      ImGui::TextDisabled("invalid; it last held line %#llx (invalidated or replaced)",
                          static_cast<unsigned long long>(l.address));
    }
    return;
  }
  // Rank among the set's valid ways by last use: in a full set the last one is the next victim.
  int rank = 1, valid = 0;
  for (int w = 0; w < ways; ++w) {
    const LineView& o =
        grid[static_cast<std::size_t>(l.set) * static_cast<std::size_t>(ways) + static_cast<std::size_t>(w)];
    if (!is_valid(o.state)) continue;
    ++valid;
    if (o.lru > l.lru) ++rank;
  }
  ImGui::Text("LRU: stamp %llu, %d of %d valid ways by last use%s", static_cast<unsigned long long>(l.lru),
              rank, valid, rank == valid && valid == ways ? " (the next victim)" : "");
  line_tooltip(model, l, hex);
}

void grids_view(const StudioModel& model, const CoresPanelState& s, const UiState& common,
                const std::vector<CoreView>& cores, const std::optional<BusView>& bus) {
  const MemorySystem& sys = model.machine()->runtime().memory().system();
  const int n = static_cast<int>(cores.size());
  std::vector<std::vector<LineView>> grids;
  for (int c = 0; c < n; ++c) grids.push_back(cache_grid(sys, c));
  if (grids.empty() || grids.front().empty()) return;
  const int sets = static_cast<int>(sys.cache(0).sets()), ways = static_cast<int>(sys.cache(0).assoc());
  push_mono(common);
  ImGui::BeginChild("grid", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const GridLayout g = grid_layout(ImGui::GetContentRegionAvail(), n, sets, ways, common.scale);
  const float p = g.pitch(), gw = g.group_w();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(
      ImVec2(gw * static_cast<float>(g.groups) - g.group_gap, g.header_h + p * static_cast<float>(g.rows)));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip0 = dl->GetClipRectMin(), clip1 = dl->GetClipRectMax();
  const float text_h = ImGui::GetTextLineHeight();
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 white = IM_COL32(255, 255, 255, 255);
  const auto block_x = [&](int group, int core) {
    return origin.x + gw * static_cast<float>(group) + g.label_w +
           static_cast<float>(core) * (g.block_w() + g.core_gap);
  };
  // The header stays at the top while the rows scroll under it.
  const float head_y = std::max(origin.y, clip0.y);
  const float top = origin.y + g.header_h;
  const int first = std::max(0, static_cast<int>(std::floor((head_y + g.header_h - top) / p)));
  const int last = std::min(g.rows, static_cast<int>(std::ceil((clip1.y - top) / p)) + 1);
  // A set number on every row when it fits, else every few rows.
  const int label_every = std::max(1, static_cast<int>(std::ceil(text_h / p)));
  const bool letters = g.square >= text_h * 0.85f;
  std::vector<std::pair<ImVec2, ImVec2>> outlines;  // the bus's line, drawn last so no neighbour covers them
  ImGui::PushClipRect(ImVec2(clip0.x, head_y + g.header_h), clip1, true);
  for (int k = 0; k < g.groups; ++k) {
    for (int r = first; r < last; ++r) {
      const int set = k * g.rows + r;
      if (set >= sets) break;
      const float y = top + p * static_cast<float>(r);
      if (set % label_every == 0) {
        const std::string t = fmt::format("{}", set);
        dl->AddText(ImVec2(origin.x + gw * static_cast<float>(k), y + (g.square - text_h) * 0.5f), dim,
                    t.c_str());
      }
      for (int c = 0; c < n; ++c) {
        const float x0 = block_x(k, c);
        for (int w = 0; w < ways; ++w) {
          const LineView& l = grids[static_cast<std::size_t>(c)][static_cast<std::size_t>(set * ways + w)];
          const ImVec2 a(x0 + p * static_cast<float>(w), y);
          const ImVec2 b(a.x + g.square, a.y + g.square);
          dl->AddRectFilled(a, b, to_u32(state_colour(l.state)));  // square corners: 4 vertices each
          note_drawn_cell(a, b, l.state);
          if (is_valid(l.state) && spot_is_line(l.address)) mark_spot(a, b);
          if (letters && is_valid(l.state)) {
            const std::string_view nm = name(l.state);
            const ImVec2 ts = ImGui::CalcTextSize(nm.data(), nm.data() + nm.size());
            dl->AddText(ImVec2(a.x + (g.square - ts.x) * 0.5f, a.y + (g.square - ts.y) * 0.5f), white,
                        nm.data(), nm.data() + nm.size());
          }
          if (moved_by_bus(l, c, bus)) outlines.emplace_back(a, b);
        }
      }
    }
  }
  for (const auto& [a, b] : outlines)
    dl->AddRect(ImVec2(a.x - 2.0f, a.y - 2.0f), ImVec2(b.x + 2.0f, b.y + 2.0f), to_u32(kBusActive), 3.0f, 0,
                2.5f);
  ImGui::PopClipRect();
  // The header: each core's name and G, then the way numbers when a digit fits a square.
  const float digit_w = ImGui::CalcTextSize("0").x;
  for (int k = 0; k < g.groups; ++k) {
    dl->AddText(ImVec2(origin.x + gw * static_cast<float>(k), head_y + text_h + 2.0f), dim, "set");
    for (int c = 0; c < n; ++c) {
      const float x0 = block_x(k, c);
      ImGui::PushClipRect(ImVec2(x0, head_y),
                          ImVec2(x0 + g.block_w() + g.core_gap * 0.5f, head_y + g.header_h), true);
      const CoreView& cv = cores[static_cast<std::size_t>(c)];
      // With one core every column of sets is that core's: name it once, over the first column (it used to be
      // repeated over each), and say which sets each further column holds.
      if (n == 1 && k > 0) {
        const int set0 = k * g.rows, set1 = std::min(sets, (k + 1) * g.rows) - 1;
        ImGui::PopClipRect();
        ImGui::PushClipRect(ImVec2(x0, head_y), ImVec2(x0 + gw, head_y + g.header_h), true);
        dl->AddText(ImVec2(x0, head_y), dim, fmt::format("sets {}-{}", set0, set1).c_str());
      } else {
        const float name_w = n == 1 ? gw * static_cast<float>(g.groups) : g.block_w();
        const std::string label =
            name_w >= ImGui::CalcTextSize("core 0 ").x ? fmt::format("core {}", c) : fmt::format("c{}", c);
        if (n == 1) {
          ImGui::PopClipRect();
          ImGui::PushClipRect(ImVec2(x0, head_y), ImVec2(x0 + name_w, head_y + g.header_h), true);
        }
        dl->AddText(ImVec2(x0, head_y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        if (cv.g != kNoG)
          draw_g_chip(dl, ImVec2(x0 + ImGui::CalcTextSize(label.c_str()).x + 4.0f, head_y), cv.g, true);
      }
      if (g.square >= digit_w + 2.0f)
        for (int w = 0; w < ways; ++w) {
          const std::string t = fmt::format("{}", w);
          dl->AddText(
              ImVec2(x0 + p * static_cast<float>(w) + (g.square - digit_w) * 0.5f, head_y + text_h + 2.0f),
              dim, t.c_str());
        }
      ImGui::PopClipRect();
    }
  }
  // What is under the mouse, found by arithmetic rather than one hover item per square.
  if (ImGui::IsWindowHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int k = static_cast<int>(std::floor((m.x - origin.x) / gw));
    const float in_group = m.x - origin.x - gw * static_cast<float>(k) - g.label_w;
    const int c = static_cast<int>(std::floor(in_group / (g.block_w() + g.core_gap)));
    const float in_block = in_group - static_cast<float>(c) * (g.block_w() + g.core_gap);
    const int w = static_cast<int>(std::floor(in_block / p));
    if (k >= 0 && k < g.groups && in_group >= 0 && c < n && w < ways) {
      if (m.y < head_y + g.header_h) {
        ImGui::BeginTooltip();
        core_header(cores[static_cast<std::size_t>(c)], model.config().store_buffers, s.hex_words);
        ImGui::EndTooltip();
      } else {
        const int r = static_cast<int>(std::floor((m.y - top) / p));
        const int set = k * g.rows + r;
        if (r >= 0 && r < g.rows && set < sets && in_block - p * static_cast<float>(w) < g.square &&
            m.y - top - p * static_cast<float>(r) < g.square) {
          ImGui::BeginTooltip();
          grid_tooltip(model, grids[static_cast<std::size_t>(c)],
                       grids[static_cast<std::size_t>(c)][static_cast<std::size_t>(set * ways + w)], c, ways,
                       s.hex_words);
          ImGui::EndTooltip();
        }
      }
    }
  }
  ImGui::EndChild();
  pop_mono(common);
}

// [SECTION] Memory's copy

void memory_view(const StudioModel& model, const CoresPanelState& s, const UiState& common,
                 const std::optional<BusView>& bus) {
  const MemorySystem& sys = model.machine()->runtime().memory().system();
  const std::vector<MemoryLineView> lines = memory_lines(sys);
  std::size_t stale = 0;
  for (const MemoryLineView& l : lines) stale += l.stale ? 1 : 0;
  ImGui::TextDisabled(
      "Memory's copy of the %zu cached lines; %zu stale (grey): a dirty cache line is newer, * marks its "
      "changed words.",
      lines.size(), stale);
  if (lines.empty()) return;
  const std::size_t words = lines.front().words.size();
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                    ImGuiTableFlags_RowBg;
  push_mono(common);
  if (ImGui::BeginTable("memory", 4 + static_cast<int>(words), flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("address");
    ImGui::TableSetupColumn("held by");
    ImGui::TableSetupColumn("memory's copy");
    for (std::size_t w = 0; w < words; ++w) ImGui::TableSetupColumn(fmt::format("w{}", w).c_str());
    ImGui::TableSetupColumn(tr(Str::CoresGoVariable));
    ImGui::TableHeadersRow();
    const std::uint32_t block = model.machine()->config().machine.memory.geometry.block_bytes;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const MemoryLineView& l = lines[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        if (bus && bus->in_last_step && bus->line_address == l.address) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(90, 80, 30, 255));
        } else if (l.stale) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(48, 48, 52, 255));
        }
        if (l.stale) ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kStaleText));
        ImGui::TableNextColumn();
        ImGui::Text("%#llx", static_cast<unsigned long long>(l.address));
        if (spot_is_line(l.address)) {
          const ImVec2 p0 = ImGui::GetItemRectMin();
          mark_spot(p0, ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                               ImGui::GetItemRectMax().y));
        }
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::Text("line %#llx in memory:", static_cast<unsigned long long>(l.address));
          words_with_names(model, l.address, l.words, s.hex_words);
          if (l.owner >= 0) {
            ImGui::Separator();
            ImGui::Text("core %d's %s copy%s:", l.owner, std::string(name(l.owner_state)).c_str(),
                        l.stale ? " (the value a program reads)" : " (the same words)");
            words_with_names(model, l.address, l.owner_words, s.hex_words);
          }
          ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        for (std::size_t h = 0; h < l.holders.size(); ++h) {
          if (h > 0) ImGui::SameLine();
          ImGui::Text("c%d", l.holders[h].core);
          ImGui::SameLine(0, 2.0f);
          state_chip(l.holders[h].state);
        }
        ImGui::TableNextColumn();
        // The note in full colour: it is the news; the words it qualifies are grey.
        if (l.stale) {
          ImGui::PopStyleColor();
          ImGui::Text("stale: core %d holds it in %s", l.owner, std::string(name(l.owner_state)).c_str());
          ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(kStaleText));
        } else if (l.owner >= 0) {
          ImGui::TextDisabled("current (core %d's %s agrees)", l.owner,
                              std::string(name(l.owner_state)).c_str());
        } else {
          ImGui::TextDisabled("current");
        }
        for (std::size_t w = 0; w < l.words.size(); ++w) {
          ImGui::TableNextColumn();
          const Word v = l.words[w];
          // A word the owner has overtaken, marked so the eye finds the difference.
          const bool differs = l.stale && w < l.owner_words.size() && l.owner_words[w] != v;
          const std::string t = word_text(v, s.hex_words) + (differs ? "*" : "");
          if (v == 0 && !differs) {
            ImGui::TextDisabled("%s", t.c_str());
          } else {
            ImGui::TextUnformatted(t.c_str());
          }
        }
        ImGui::TableNextColumn();
        const std::vector<LineOccupant> in_line =
            line_contents(model.machine()->runtime(), l.address, block, &model.lines(), 3);
        std::string names;
        for (const LineOccupant& o : in_line) names += (names.empty() ? "" : ", ") + o.what;
        if (names.empty()) {
          ImGui::TextDisabled("-");
        } else {
          ImGui::TextUnformatted(names.c_str());
        }
        if (l.stale) ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }
  pop_mono(common);
}

// The row of choices at the top of the panel.
void view_choice(CoresPanelState& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::CoresShow));
  ImGui::SameLine();
  ImGui::RadioButton(tr(Str::CoresViewLines), &s.cache_view, CacheView::Lines);
  ImGui::SameLine();
  ImGui::RadioButton(tr(Str::CoresViewGrid), &s.cache_view, CacheView::Grid);
  ImGui::SameLine();
  ImGui::RadioButton(tr(Str::CoresViewMemory), &s.cache_view, CacheView::Memory);
}

void state_legend(const StudioModel& model) {
  for (LineState s : model.machine()->runtime().memory().system().protocol().states) {
    ImGui::SameLine();
    state_chip(s);
  }
  // The outline's meaning, when there is room for it on the row.
  const char* note = "outline: this step's bus line";
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x >= ImGui::CalcTextSize(note).x) {
    ImGui::TextDisabled("%s", note);
  } else {
    ImGui::NewLine();
  }
}

}  // namespace

void draw_cores_panel(const StudioModel& model, CoresPanelState& s, const PanelContext& ctx,
                      bool bus_panel_shown, const Rect& r) {
  const std::string title =
      model.loaded() ? trf(Str::TitleCoresGeometry, protocol_name(model.config().protocol),
                                   model.machine()->config().machine.memory.geometry.size_bytes / 1024,
                                   model.machine()->config().machine.memory.geometry.assoc,
                                   model.machine()->config().machine.memory.geometry.block_bytes)
                     : std::string(tr(Str::TitleCores));
  if (begin_panel(title.c_str(), r)) {
    const std::vector<CoreView> cores = model.cores();
    const std::optional<BusView> bus = model.last_bus();
    if (cores.empty()) {
      ImGui::TextDisabled("%s", tr(Str::CoresNoProgram));
    } else {
      view_choice(s);
      if (s.cache_view == CacheView::Grid) state_legend(model);
      // In presentation mode the bus panel, on screen beside, says it: the caches get the line.
      if (ctx.presentation && bus_panel_shown && model.config().cores > 1) {
      } else if (bus) {
        const std::string text = describe_bus(bus->record);
        ImGui::TextUnformatted(tr(bus->in_last_step ? Str::CoresThisStepBus : Str::CoresLastBus));
        ImGui::SameLine();
        if (bus->in_last_step) {
          text_coloured(kBusActive, text.c_str());
        } else {
          ImGui::TextDisabled("%s", text.c_str());
        }
      } else {
        ImGui::TextDisabled("%s", tr(Str::CoresNoBus));
      }
      if (s.cache_view == CacheView::Memory) {
        memory_view(model, s, ctx.common, bus);
        ImGui::End();
        return;
      }
      if (s.cache_view == CacheView::Grid) {
        grids_view(model, s, ctx.common, cores, bus);
        ImGui::End();
        return;
      }
      const ImVec2 avail = ImGui::GetContentRegionAvail();
      const float spacing = ImGui::GetStyle().ItemSpacing.x;
      const int n = static_cast<int>(cores.size());
      // In presentation mode every core is on screen at once: up to four side by side (their tables scroll
      // sideways inside), two rows of them for eight cores, however narrow.
      const int per_row =
          ctx.presentation
              ? std::min(n, 4)
              : std::clamp(static_cast<int>((avail.x + spacing) / (kMinCoreWidth * ctx.common.scale + spacing)),
                           1, n);
      const int rows = (n + per_row - 1) / per_row;
      const float w = (avail.x - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
      // At least a handful of lines per cache; more cores than fit scroll the panel (not in presentation).
      const float fit =
          (avail.y - ImGui::GetStyle().ItemSpacing.y * static_cast<float>(rows - 1)) / static_cast<float>(rows);
      const float h = ctx.presentation ? std::floor(fit) : std::max(200.0f * ctx.common.scale, fit);
      for (int i = 0; i < n; ++i) {
        if (i % per_row != 0) ImGui::SameLine();
        ImGui::BeginChild(fmt::format("core{}", i).c_str(), ImVec2(w, h), true);
        core_header(cores[static_cast<std::size_t>(i)], model.config().store_buffers, s.hex_words);
        line_table(model, s, ctx.common, i, bus);
        ImGui::EndChild();
      }
    }
  }
  ImGui::End();
}

}  // namespace gb::ui
