// The studio's frame: the menu bar, the shortcuts (as listed in kStudioKeysHelp), then the panels at their
// layout positions, with the bottom row's tab strip. Each panel draws from its own state; what one panel or
// key does to another (a click in the event log or the timeline moving the machine, the source following it,
// a program opened ending the editor) is wired here.
#include "studio_frame.h"

#include <algorithm>
#include <array>

#include <SFML/Window/Keyboard.hpp>

#include "app_options.h"
#include "coherence/bugs.h"
#include "event_log_view.h"
#include "examples.h"
#include "panels/panel_common.h"
#include "panels/lesson_map.h"
#include "panels/spotlight_marks.h"
#include "sim/inspect/variables.h"
#include "step_kinds.h"
#include "strings.h"

namespace gb::ui {

namespace {

// The bridge writes SFML key codes into io.KeysDown, so letters are looked up by their sf::Keyboard code.
bool pressed(sf::Keyboard::Key k) {
  return ImGui::IsKeyPressed(static_cast<int>(k));
}

sf::Keyboard::Key letter(char c) {
  return static_cast<sf::Keyboard::Key>(sf::Keyboard::A + (c - 'A'));
}

void toggle_presentation(StudioUiState& ui) {
  ui.presentation = !ui.presentation;
  ui.common->rebuild_fonts = true;  // the app re-rasterises the fonts at the new size between frames
}

// The knobs' keys (each change restarts the run, as the controls do): [ ] cores, Shift+[ ] GOMAXPROCS, 1-4
// protocol, T store buffers on/off, X the next planted bug, K invariant checking, N the next seed, Z real or
// teaching time scale, - and = the payments halved or doubled.
void knob_keys(StudioModel& model, bool shift) {
  StudioConfig c = model.config();
  const int step = pressed(sf::Keyboard::RBracket) ? 1 : pressed(sf::Keyboard::LBracket) ? -1 : 0;
  if (step != 0 && shift) c.gomaxprocs = std::clamp(c.gomaxprocs + step, 1, StudioModel::kMaxProcs);
  if (step != 0 && !shift) c.cores = std::clamp(c.cores + step, 1, StudioModel::kMaxCores);
  const ProtocolKind protocols[] = {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI,
                                    ProtocolKind::Dragon};
  for (int i = 0; i < 4; ++i)
    if (pressed(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + i))) c.protocol = protocols[i];
  if (pressed(letter('T'))) c.store_buffers = c.store_buffers > 0 ? 0 : 8;
  if (pressed(letter('K'))) c.check = !c.check;
  if (pressed(letter('N'))) ++c.seed;
  if (pressed(letter('Z'))) c.time_scale = c.time_scale == 1.0 ? 0.001 : 1.0;
  if (pressed(sf::Keyboard::Equal))
    c.payments = std::min<std::uint64_t>(10'000'000, std::max<std::uint64_t>(1, c.payments * 2));
  if (pressed(sf::Keyboard::Hyphen)) c.payments /= 2;
  if (pressed(letter('X'))) {
    // none, then each bug of this protocol in turn, then none again.
    std::vector<std::string> bugs{""};
    for (const PlantedBug& b : planted_bugs())
      if (bug_applies(c.protocol, std::string(b.name))) bugs.emplace_back(b.name);
    const auto at = std::find(bugs.begin(), bugs.end(), c.bug);
    c.bug = at == bugs.end() || at + 1 == bugs.end() ? bugs.front() : *(at + 1);
  }
  if (!(c == model.config())) model.set_config(c);
}

// Shortcuts with Ctrl work even while typing (the editor's Ctrl+Enter is its own); the others only when no
// text field has the keyboard. The step keys step by the controls panel's kind and set it; V and H change the
// cores panel's view.
void handle_keys(StudioModel& model, StudioUiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl) {
    if (pressed(letter('O'))) ui.open_dialog.requested = true;
    if (pressed(letter('Q'))) ui.quit_requested = true;
    if (pressed(letter('E')) && !ui.source.editing) start_editing(model, ui.source);
    if (pressed(sf::Keyboard::Num0)) ui.reset_layout = true;
    // Ctrl+1..6: the bottom row's timeline, event log, channels and locks, stats, variables, runs.
    for (int t = 0; t < 6; ++t)
      if (pressed(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + t))) ui.bottom_tab = t;
    return;
  }
  // F12 (F10, F11 and Shift+F11 are kept for step over, into and out, as debuggers have them).
  if (pressed(sf::Keyboard::F12)) toggle_presentation(ui);
  // A dialog over the studio (File > Open) has the keys: they never step or turn knobs behind it.
  const bool dialog = ui.open_dialog.requested || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  if (io.WantTextInput || io.KeyAlt || dialog || !model.loaded()) return;
  if (ui.lesson.map_open) {
    if (pressed(sf::Keyboard::Escape)) ui.lesson.map_open = false;
    return;  // the map covers the studio: its keys wait
  }
  // A lesson's keys first: PageDown/PageUp and Shift+Right/Left move between checkpoints, Home resets.
  if (lesson_keys(model, ui.lesson)) {
    arrived_at_checkpoint(ui);
    return;
  }
  const bool lesson_shift = ui.lesson.open() && io.KeyShift;
  // Shift with a step key steps back by that kind; Left steps back by the last kind used.
  ControlsPanelState& steps = ui.controls;
  for (const StepChoice& c : kStepChoices) {
    if (c.key == 0 || !pressed(letter(c.key))) continue;
    steps.step_kind = c.kind;
    if (io.KeyShift)
      model.step_back(c.kind, step_arg(c.kind, steps));
    else
      model.step(c.kind, step_arg(c.kind, steps));
  }
  // A debugger's keys: F10 step over (Shift+F10 back over), F11 step into, Shift+F11 step out.
  auto statement_key = [&](StepKind k, bool back) {
    steps.step_kind = k;
    if (back)
      model.step_back(k);
    else
      model.step(k);
  };
  if (pressed(sf::Keyboard::F10)) statement_key(StepKind::StatementOver, io.KeyShift);
  if (pressed(sf::Keyboard::F11))
    statement_key(io.KeyShift ? StepKind::StatementOut : StepKind::Statement, false);
  if (pressed(sf::Keyboard::Right) && !lesson_shift) model.step(steps.step_kind, step_arg(steps.step_kind, steps));
  if ((pressed(sf::Keyboard::Left) && !lesson_shift) || pressed(sf::Keyboard::BackSpace))
    model.step_back(steps.step_kind, step_arg(steps.step_kind, steps));
  if (pressed(sf::Keyboard::C) || pressed(sf::Keyboard::F5)) {
    // Shift: back to the previous moment a goroutine arrived at a breakpoint.
    if (io.KeyShift)
      model.step_back(StepKind::Continue);
    else
      model.run_to_breakpoint();
  }
  if (pressed(sf::Keyboard::End)) model.run_to_end();
  if (ImGui::IsKeyPressed(static_cast<int>(sf::Keyboard::Space), false) || pressed(sf::Keyboard::P))
    model.set_playing(!model.playing());
  if (pressed(sf::Keyboard::R)) model.restart();
  if (pressed(letter('V'))) ui.cores.cache_view = (ui.cores.cache_view + 1) % 3;  // lines, grid, memory
  if (pressed(letter('H'))) ui.cores.hex_words = !ui.cores.hex_words;
  if (pressed(letter('J'))) model.set_just_my_code(!model.just_my_code());
  knob_keys(model, io.KeyShift);
  // Up/Down: faster/slower, in whichever unit playing uses.
  const double factor = pressed(sf::Keyboard::Up) ? 2.0 : pressed(sf::Keyboard::Down) ? 0.5 : 1.0;
  if (factor != 1.0 && model.play_by_time())
    model.set_time_rate(std::clamp(model.time_rate() * factor, 10.0, 1e8));
  else if (factor != 1.0)
    model.set_speed(std::clamp(model.speed() * factor, 1.0, 100000.0));
}

void file_menu(StudioModel& model, StudioUiState& ui) {
  if (!ImGui::BeginMenu(tr(Str::MenuFile))) return;
  if (ImGui::MenuItem(tr(Str::MenuOpen), "Ctrl+O")) ui.open_dialog.requested = true;
  if (ImGui::MenuItem(tr(Str::MenuLessons))) ui.lesson.map_open = true;
  if (ui.lesson.open() && ImGui::MenuItem(tr(Str::MenuLeaveLesson)))
    ui.lesson.shelf.close();
  if (ImGui::BeginMenu(tr(Str::MenuExamples))) {
    for (const Example& e : examples()) {
      if (ImGui::MenuItem(e.title.data())) {
        ui.source.editing = false;
        ui.lesson.shelf.close();
        model.load(std::string(e.file), std::string(e.text));
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.summary.data());
    }
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem(tr(Str::MenuEditProgram), "Ctrl+E", ui.source.editing)) {
    if (ui.source.editing)
      ui.source.editing = false;
    else
      start_editing(model, ui.source);
  }
  ImGui::Separator();
  if (ImGui::MenuItem(tr(Str::MenuQuit), "Ctrl+Q")) ui.quit_requested = true;
  ImGui::EndMenu();
}

void run_menu(StudioModel& model, StudioUiState& ui) {
  if (!ImGui::BeginMenu(tr(Str::MenuRun))) return;
  if (ImGui::MenuItem(tr(model.playing() ? Str::MenuPause : Str::MenuPlay), "Space", false, !model.finished()))
    model.set_playing(!model.playing());
  if (ImGui::MenuItem(tr(Str::MenuRunToBreakpoint), "C", false, !model.finished() && !model.breakpoints().empty()))
    model.run_to_breakpoint();
  if (ImGui::MenuItem(tr(Str::MenuRunToEnd), "End", false, !model.finished())) model.run_to_end();
  bool jmc = model.just_my_code();
  if (ImGui::MenuItem(tr(Str::MenuJustMyCode), "J", &jmc)) model.set_just_my_code(jmc);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr(Str::MenuJustMyCodeTip));
  if (ImGui::MenuItem(tr(Str::MenuRestart), "R", false, model.loaded())) model.restart();
  ImGui::Separator();
  if (ImGui::MenuItem(tr(Str::MenuCompare), nullptr, ui.compare.open, model.loaded())) {
    ui.compare.open = !ui.compare.open;
    if (ui.compare.open) {
      // A lesson's claims over two runs come first; then the studio's program and knobs as they are now.
      const LessonMode* m = ui.lesson.shelf.current();
      ui.compare.lesson_pairs = m != nullptr ? m->claim_pairs() : std::vector<ComparePreset>{};
      make_compare(model, ui.compare);
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::MenuCompareTip));
  if (ImGui::MenuItem(tr(Str::MenuExplore), nullptr, ui.explore.open, model.loaded())) ui.explore.open = !ui.explore.open;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::MenuExploreTip));
  ImGui::EndMenu();
}

// The studio's words (strings.h) and the lesson texts in `lang`; the open lesson is rendered again.
void set_language(StudioModel& model, StudioUiState& ui, Lang lang) {
  set_ui_language(lang);
  ui.lesson.lang = lang;
  if (LessonMode* m = ui.lesson.shelf.current()) m->set_lang(lang, model);
}

void view_menu(StudioModel& model, StudioUiState& ui) {
  if (!ImGui::BeginMenu(tr(Str::MenuView))) return;
  PanelVisibility& v = ui.panels;
  for (const PanelEntry& p : kPanels) ImGui::MenuItem(tr(p.label), nullptr, &(v.*p.shown));
  ImGui::Separator();
  ImGui::MenuItem(tr(Str::MenuHexWords), "H", &ui.cores.hex_words);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr(Str::MenuHexWordsTip));
  if (ImGui::MenuItem(tr(Str::MenuResetLayout), "Ctrl+0")) ui.reset_layout = true;
  if (ImGui::MenuItem(tr(Str::MenuPresentation), "F12", ui.presentation)) toggle_presentation(ui);
  ImGui::MenuItem(tr(Str::MenuPresenterNotes), nullptr, &ui.lesson.show_notes,
                  ui.lesson.open());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  ImGui::SliderFloat(tr(Str::MenuUiScale), &ui.common->scale_request, 0.5f, 4.0f, "%.2f");
  // Fonts are re-rasterised (not stretched) at the new scale once the slider is let go.
  if (ImGui::IsItemDeactivatedAfterEdit()) ui.common->rebuild_fonts = true;
  // Both languages' glyphs are always in the font atlas: switching needs no rebuild.
  if (ImGui::BeginMenu(tr(Str::MenuLanguage))) {
    if (ImGui::MenuItem(tr(Str::LanguageEnglish), nullptr, ui_language() == Lang::En)) set_language(model, ui, Lang::En);
    if (ImGui::MenuItem(tr(Str::LanguageChinese), nullptr, ui_language() == Lang::Zh)) set_language(model, ui, Lang::Zh);
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void help_menu() {
  if (!ImGui::BeginMenu(tr(Str::MenuHelp))) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(tr(Str::KeysHelp));
  ImGui::PopTextWrapPos();
  ImGui::EndMenu();
}

void menu_bar(StudioModel& model, StudioUiState& ui) {
  if (!ImGui::BeginMainMenuBar()) return;
  file_menu(model, ui);
  run_menu(model, ui);
  view_menu(model, ui);
  help_menu();
  if (!ui.notice.empty()) {
    ImGui::Separator();
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", ui.notice.c_str());
    if (ImGui::SmallButton("x")) ui.notice.clear();
  }
  ImGui::EndMainMenuBar();
}

// The bottom row's panels, in tab order: each shows when its View flag is on and its tab is chosen.
struct BottomTabEntry {
  Str label;
  bool PanelVisibility::*shown;
  void (*draw)(StudioModel&, StudioUiState&, const PanelContext&, const Rect&);
};

// In BottomTab's order. A click on a timeline stretch or tick, or on an event log row, moves the whole
// machine to that moment (and every panel follows it).
const std::array<BottomTabEntry, 6> kBottomTabs{{
    {Str::PanelTimeline, &PanelVisibility::timeline,
     [](StudioModel& m, StudioUiState& ui, const PanelContext&, const Rect& r) {
       if (const std::optional<LogEvent> e = draw_timeline_panel(m, ui.timeline, r)) jump_to_event(m, *e);
     }},
    {Str::PanelEvents, &PanelVisibility::events,
     [](StudioModel& m, StudioUiState& ui, const PanelContext& ctx, const Rect& r) {
       if (const std::optional<LogEvent> e = draw_studio_event_log_panel(m, ui.events, ctx, r)) {
         jump_to_event(m, *e);
         // The user chose the row: the log does not scroll away from it to follow the move.
         ui.events.seen_steps = m.steps_taken();
       }
     }},
    {Str::PanelSync, &PanelVisibility::sync,
     [](StudioModel& m, StudioUiState& ui, const PanelContext& ctx, const Rect& r) {
       draw_sync_panel(m, ui.sync, ctx, r);
     }},
    {Str::PanelStats, &PanelVisibility::stats,
     [](StudioModel& m, StudioUiState& ui, const PanelContext& ctx, const Rect& r) {
       draw_stats_panel(m, ui.stats, ctx, r);
     }},
    {Str::PanelVariables, &PanelVisibility::variables,
     [](StudioModel& m, StudioUiState& ui, const PanelContext& ctx, const Rect& r) {
       draw_variables_panel(m, ui.variables, ctx, r);
     }},
    {Str::PanelRuns, &PanelVisibility::runs,
     [](StudioModel& m, StudioUiState& ui, const PanelContext& ctx, const Rect& r) {
       draw_runs_panel(m, ui.runs, ctx, r);
     }},
}};

// A strip of tabs (a borderless window over l.tabs), then the chosen panel below it.
void draw_bottom_row(StudioModel& model, StudioUiState& ui, const PanelContext& ctx, const StudioLayout& l,
                     const PanelVisibility& panels) {
  if (l.tabs.h <= 0.0f) return;
  ImGui::SetNextWindowPos(ImVec2(l.tabs.x, l.tabs.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(l.tabs.w, l.tabs.h), ImGuiCond_Always);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 2.0f));
  const bool open = ImGui::Begin("##bottomtabs", nullptr, flags);
  ImGui::PopStyleVar();
  int shown = -1;
  if (open && ImGui::BeginTabBar("##bottom")) {
    for (std::size_t i = 0; i < kBottomTabs.size(); ++i) {
      const BottomTabEntry& t = kBottomTabs[i];
      if (!(panels.*t.shown)) continue;
      // A tab chosen from outside (the settings, the event log's "show in timeline", a test) is selected
      // once; otherwise the user's clicks rule.
      const bool forced = ui.bottom_tab != ui.bottom_tab_shown && ui.bottom_tab == static_cast<int>(i);
      const ImGuiTabItemFlags f = forced ? ImGuiTabItemFlags_SetSelected : 0;
      // The tab's id stays when the language changes, so the chosen tab does too.
      const std::string label = std::string(tr(t.label)) + "###tab" + std::to_string(i);
      if (ImGui::BeginTabItem(label.c_str(), nullptr, f)) {
        shown = static_cast<int>(i);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
  if (shown < 0) return;
  ui.bottom_tab = ui.bottom_tab_shown = shown;
  set_panel_untitled(ui.presentation);  // the tab names it; a projector needs the line
  kBottomTabs[static_cast<std::size_t>(shown)].draw(model, ui, ctx, l.bottom);
  set_panel_untitled(false);
}

}  // namespace

void arrived_at_checkpoint(StudioUiState& ui) {
  const LessonMode* m = ui.lesson.shelf.current();
  if (m == nullptr) return;
  if (const std::optional<StepKind> k = parse_step_kind(m->suggested_step())) ui.controls.step_kind = *k;
  // What the spotlight names may sit under a bottom tab: that tab comes forward.
  using Kind = lessons::Spotlight::Kind;
  const lessons::Spotlight spot = m->spotlight();
  const auto uses = [&](const char* panel) {
    const auto& p = m->lesson().panels;
    return p.empty() || std::find(p.begin(), p.end(), panel) != p.end();
  };
  if (spot.kind == Kind::Variable && uses("variables")) ui.bottom_tab = BottomTab::Variables;
  if ((spot.kind == Kind::Channel || spot.kind == Kind::Mutex) && uses("sync")) ui.bottom_tab = BottomTab::Sync;
  if (spot.kind == Kind::Panel) {
    if (spot.name == "timeline") ui.bottom_tab = BottomTab::Timeline;
    if (spot.name == "events") ui.bottom_tab = BottomTab::Events;
    if (spot.name == "stats") ui.bottom_tab = BottomTab::Stats;
    if (spot.name == "sync") ui.bottom_tab = BottomTab::Sync;
    if (spot.name == "variables") ui.bottom_tab = BottomTab::Variables;
  }
}

// The panels on screen: the View menu's, less in presentation mode what the program does not use.
// The View menu's panels, or in lesson mode the ones the lesson uses.
PanelVisibility chosen_panels(const StudioUiState& ui) {
  const LessonMode* m = ui.lesson.shelf.current();
  if (m == nullptr || m->lesson().panels.empty()) return ui.panels;
  PanelVisibility v;
  for (const PanelEntry& p : kPanels)
    v.*p.shown = std::find(m->lesson().panels.begin(), m->lesson().panels.end(), p.key) != m->lesson().panels.end();
  return v;
}

PanelVisibility shown_panels(const StudioModel& model, const StudioUiState& ui) {
  const PanelVisibility chosen = chosen_panels(ui);
  return ui.presentation ? presented_panels(chosen, model.program_use()) : chosen;
}

StudioLayout studio_layout(const StudioUiState& ui, float width, float height, const ProgramUse& use) {
  const PanelVisibility chosen = chosen_panels(ui);
  if (ui.presentation)
    return compute_presentation_layout(width, height, ui.common->scale, chosen, use, ImGui::GetFrameHeight());
  return compute_studio_layout(width, height, ui.common->scale, chosen, ImGui::GetFrameHeight());
}

namespace {

// The lesson's spotlight resolved on the machine as it is now (a variable's cache line), for the panels to mark.
std::optional<SpotTarget> spot_target_of(const StudioModel& model, const StudioUiState& ui) {
  const LessonMode* m = ui.lesson.shelf.current();
  if (m == nullptr || ui.lesson.map_open || !m->on_track(model) || model.machine() == nullptr) return std::nullopt;
  SpotTarget t;
  t.spot = m->spotlight();
  if (t.spot.kind == lessons::Spotlight::Kind::None) return std::nullopt;
  // A package variable, else one in scope in some goroutine's innermost frame of package main.
  const vm::Vm& vm = model.machine()->runtime();
  auto find = [&]() -> std::optional<inspect::VariableView> {
    inspect::FoundVariable v = inspect::find_variable(vm, t.spot.name);
    for (GId g : inspect::live_goroutines(vm)) {
      if (v.view) break;
      v = inspect::find_variable(vm, t.spot.name, g);
      if (v.view) t.g = g;
    }
    return v.view;
  };
  if (t.spot.kind == lessons::Spotlight::Kind::Variable)
    if (const auto v = find(); v && v->in_memory) t.line = v->line_addr;
  if (t.spot.kind == lessons::Spotlight::Kind::Mutex)
    if (const auto v = find(); v && v->in_memory) t.word = v->word_addr;
  return t;
}

}  // namespace

void draw_studio(StudioModel& model, StudioUiState& ui, float width, float height) {
  // Every run the keys, menus or panels replace this frame becomes a row of the Runs tab (re-attached each
  // frame: the hook points at this state, which may have moved).
  ui.runs.history.attach(model);
  handle_keys(model, ui);
  menu_bar(model, ui);
  // Panels go back to their places on request, when the window's size or the UI scale changes (presentation
  // mode, the scale slider: the layout depends on it, so the result is the layout a start at that scale
  // gives), when presentation mode changes (it has its own tiling) and when one is shown or hidden; in
  // between the user may move and resize them.
  const PanelVisibility panels = shown_panels(model, ui);
  // Lesson mode: the lesson (and the presenter notes) down the right; the studio's panels tile the rest.
  const bool lesson = ui.lesson.open();
  const LessonColumn column =
      compute_lesson_column(width, height, ui.common->scale, ui.lesson.show_notes, ImGui::GetFrameHeight());
  const float studio_width = lesson ? column.studio_width : width;
  if (lesson != ui.laid_out_lesson || (lesson && ui.lesson.show_notes != ui.laid_out_notes)) {
    ui.reset_layout = true;
    ui.laid_out_lesson = lesson;
    ui.laid_out_notes = ui.lesson.show_notes;
  }
  if (width != ui.laid_out_w || height != ui.laid_out_h || ui.common->scale != ui.laid_out_scale ||
      !(panels == ui.laid_out_panels) || ui.presentation != ui.laid_out_presentation) {
    ui.reset_layout = true;
    ui.laid_out_w = width;
    ui.laid_out_h = height;
    ui.laid_out_scale = ui.common->scale;
    ui.laid_out_panels = panels;
    ui.laid_out_presentation = ui.presentation;
  }
  set_panel_placement(true, ui.reset_layout);
  ui.reset_layout = false;
  const StudioLayout l = studio_layout(ui, studio_width, height, model.program_use());
  const PanelContext ctx{*ui.common, ui.presentation};
  begin_spot_frame(spot_target_of(model, ui));
  draw_studio_controls_panel(model, ui.controls, ctx, l.controls);
  // Wherever the machine moved since (a step, a key, a jump from the event log or the timeline, a restart,
  // another program), the source brings the current statement into view.
  follow_machine(ui.source, model.steps_taken());
  if (panels.source) draw_source_panel(model, ui.source, ctx, l.source);
  if (panels.scheduler) draw_scheduler_panel(model, ui.scheduler, ctx, l.scheduler);
  if (panels.cores) draw_cores_panel(model, ui.cores, ctx, ui.panels.bus, l.cores);
  if (panels.output) draw_output_panel(model, ui.output, ctx, l.output);
  if (panels.bus) draw_studio_bus_panel(model, ui.bus, ctx, l.bus);
  draw_bottom_row(model, ui, ctx, l, panels);
  if (lesson) {
    const LessonPanelResult r = draw_lesson_panel(model, ui.lesson, ctx, column.lesson);
    if (r.moved) arrived_at_checkpoint(ui);
    if (r.compare) {  // the lesson's first claim pair, in the Compare window
      ui.compare.lesson_pairs = ui.lesson.shelf.current()->claim_pairs();
      ui.compare.preset_id = ui.compare.lesson_pairs.front().id;
      ui.compare.open = make_compare(model, ui.compare) || !ui.compare.error.empty();
    }
    draw_presenter_notes(ui.lesson, ctx, column.notes);
    if (LessonMode* m = ui.lesson.shelf.current()) m->after_step(model);
  }
  draw_compare_window(model, ui.compare, ctx, Rect{0, ImGui::GetFrameHeight(), width, height - ImGui::GetFrameHeight()});
  draw_explore_window(model, ui.explore, ctx, Rect{0, ImGui::GetFrameHeight(), width, height - ImGui::GetFrameHeight()});
  draw_spot_outlines(ui.common->scale);
  draw_lesson_map(model, ui.lesson, ctx, Rect{0, ImGui::GetFrameHeight(), width, height - ImGui::GetFrameHeight()});
  // A program opened from the dialog replaces the one being edited (and ends a lesson).
  if (draw_open_dialog(model, ui.open_dialog)) {
    ui.source.editing = false;
    ui.lesson.shelf.close();
  }
  set_panel_placement(false, false);
}

}  // namespace gb::ui
