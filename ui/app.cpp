// The app's frame loop, keyboard shortcuts and PNG capture.
#include "app.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>

#include <SFML/Graphics/Image.hpp>
#include <fmt/format.h>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Err.hpp>

#include "demo/demo_panels.h"
#include "frame_meter.h"
#include "schedule_open.h"
#include "imgui_bridge.h"
#include "layout.h"
#include "panels/panel_common.h"
#include "panels/spotlight_marks.h"
#include "studio_frame.h"
#include "theme.h"

namespace gb::ui {

App::App(const AppOptions& options, const std::string& program_file, const std::string& program_text)
    : options_(options) {
  ui_.fonts = &fonts_;
  ui_.scale = ui_.scale_request = options.scale;
  studio_ui_.common = &ui_;
  set_ui_language(options.lang.value_or(Lang::En));
  if (options.demo_mode) {
    demo_ = std::make_unique<DemoModel>(options.demo, DemoModel::demo_script(),
                                        options.steps.value_or(DemoModel::kOpeningSteps));
    return;
  }
  // A screenshot is a pure function of its command line: it neither reads nor writes the user's settings.
  Settings settings;
  settings.run = options.studio;
  if (!options.screenshot && !options.no_settings) {
    settings_path_ = options.settings_file ? std::optional(std::filesystem::path(*options.settings_file))
                                           : default_settings_path();
    if (settings_path_) {
      LoadedSettings loaded = load_settings(*settings_path_);
      studio_ui_.notice = loaded.warning;
      settings = loaded.settings;
      saved_ = loaded.settings;
    }
  }
  StudioConfig run = options.run_knobs_given ? options.studio : settings.run;
  std::optional<std::uint64_t> schedule_at;
  if (options.schedule_file) {
    explore::ScheduleFile s;
    if (auto error = apply_schedule_file(*options.schedule_file, program_text, run, &s))
      startup_error_ = "--schedule " + *error;
    else if (s.at != 0)
      schedule_at = s.at;
  }
  studio_ = std::make_unique<StudioModel>(program_file, program_text, run);
  apply_settings(settings, options);
  if (options.granularity) {
    studio_->set_play_by_time(false);
    studio_->set_play_kind(*options.granularity);
    studio_ui_.controls.step_kind = *options.granularity;
  }
  if (options.bottom_tab) studio_ui_.bottom_tab = *options.bottom_tab;
  if (options.cache_view) studio_ui_.cores.cache_view = *options.cache_view;
  studio_ui_.lesson.lang = ui_language();  // the lessons speak the studio's language
  studio_ui_.lesson.shelf.restore(settings.lessons);
  if (options.lesson) {
    // A lesson brings its own program and machine; --checkpoint K is the lesson panel's "k of n".
    const int k = options.checkpoint.value_or(0);
    if (!open_lesson(*studio_, studio_ui_.lesson, *options.lesson, k == AppOptions::kLastCheckpoint ? -1 : k - 1) ||
        !studio_ui_.lesson.error.empty())
      startup_error_ = studio_ui_.lesson.error;
    LessonMode* m = studio_ui_.lesson.shelf.current();
    if (m != nullptr && k == AppOptions::kLastCheckpoint && !m->go_to(*studio_, m->count() - 1))
      startup_error_ = fmt::format("lesson {} never reaches its last checkpoint ({} of {} reached)", m->lesson().id,
                                   m->reachable(), m->count());
    arrived_at_checkpoint(studio_ui_);
  } else if (!options.program && !options.example) {
    studio_ui_.lesson.map_open = true;  // no program given: the studio opens on the path
  }
  const auto go_on = [&] {
    if (options.seek) studio_->seek(*options.seek);
    else if (schedule_at) studio_->seek(*schedule_at);  // the moment the explorer's schedule went wrong
    const StepKind kind = options.granularity.value_or(StepKind::Instruction);
    for (std::size_t i = 0; i < options.steps.value_or(0) && !studio_->finished(); ++i) studio_->step(kind);
  };
  go_on();
  // Each --knob replaces the run (the Runs tab keeps it as a row), and the new run goes as far.
  studio_ui_.runs.history.attach(*studio_);
  for (const auto& [name, value] : options.knobs) {
    if (!studio_->set_knob(name, value))
      startup_error_ = fmt::format("--knob {}={}: {}", name, value, studio_->diagnostics());
    go_on();
  }
  if (options.compare) {
    if (const LessonMode* m = studio_ui_.lesson.shelf.current()) studio_ui_.compare.lesson_pairs = m->claim_pairs();
    studio_ui_.compare.open = true;
    studio_ui_.compare.preset_id = *options.compare;
    if (!make_compare(*studio_, studio_ui_.compare)) startup_error_ = studio_ui_.compare.error;
    std::string error;
    if (options.compare_until && studio_ui_.compare.compare &&
        !studio_ui_.compare.compare->run_until(*options.compare_until, error) && !error.empty())
      startup_error_ = fmt::format("--compare-until: {}", error);
  }
}

void App::apply_settings(const Settings& s, const AppOptions& options) {
  ui_.scale_request = options.scale_given ? options.scale : s.scale;
  studio_ui_.presentation = options.presentation || s.presentation;
  ui_.scale = effective_ui_scale();
  studio_ui_.panels = s.panels;
  studio_ui_.cores.cache_view = s.cache_view;
  studio_ui_.bottom_tab = s.bottom_tab;
  studio_ui_.cores.hex_words = s.hex_words;
  set_ui_language(options.lang.value_or(s.language));
  studio_->set_speed(s.speed);
  studio_->set_play_kind(s.play_kind);
  studio_->set_play_by_time(s.play_by_time);
  studio_->set_time_rate(s.time_rate);
}

float App::effective_ui_scale() const {
  return std::clamp(ui_.scale_request * (studio_ui_.presentation ? kPresentationScale : 1.0f), 0.5f, 6.0f);
}

Settings App::current_settings() const {
  Settings s;
  s.scale = ui_.scale_request;
  s.presentation = studio_ui_.presentation;
  s.panels = studio_ui_.panels;
  s.cache_view = studio_ui_.cores.cache_view;
  s.bottom_tab = studio_ui_.bottom_tab;
  s.hex_words = studio_ui_.cores.hex_words;
  // A lesson runs on its own machine: the knobs remembered for the studio's own programs stay as they were.
  s.run = studio_ui_.lesson.open() ? saved_.run : studio_->config();
  s.speed = studio_->speed();
  s.play_kind = studio_->play_kind();
  s.play_by_time = studio_->play_by_time();
  s.time_rate = studio_->time_rate();
  s.language = ui_language();
  s.lessons = studio_ui_.lesson.shelf.progress();
  return s;
}

void App::save_settings_if_changed(bool force) {
  if (!studio_ || !settings_path_) return;
  // Checked about once a second (and at exit): a dragged slider is written once it rests, not every frame.
  if (!force && since_save_ < 1.0) return;
  since_save_ = 0.0;
  const Settings now = current_settings();
  if (now == saved_) return;
  std::string error;
  if (save_settings(*settings_path_, now, error)) {
    saved_ = now;
  } else {
    studio_ui_.notice = "settings not saved: " + error;
    settings_path_.reset();  // say it once, not every second
  }
}

namespace {

// Without an X display SFML aborts the process as soon as a window object exists; say so plainly instead.
bool have_display() {
  const char* display = std::getenv("DISPLAY");
  if (display != nullptr && *display != '\0') return true;
  std::fprintf(stderr,
               "gopherbus: no display (DISPLAY is not set); for a headless screenshot run it under "
               "xvfb-run -a\n");
  return false;
}

}  // namespace

bool App::open(sf::RenderWindow& window, bool resizable) {
  sf::ContextSettings gl;
  gl.majorVersion = 2;
  gl.minorVersion = 1;
  const sf::Uint32 style = resizable ? sf::Style::Default : (sf::Style::Titlebar | sf::Style::Close);
  window.create(sf::VideoMode(options_.width, options_.height), "Gopherbus", style, gl);
  if (!window.isOpen()) {
    std::fprintf(stderr, "gopherbus: could not open a %ux%u OpenGL window\n", options_.width,
                 options_.height);
    return false;
  }
  return true;
}

void App::build_frame() {
  ImGui::PushFont(fonts_.ui);
  if (studio_) {
    const ImGuiIO& io = ImGui::GetIO();
    draw_studio(*studio_, studio_ui_, io.DisplaySize.x, io.DisplaySize.y);
  } else {
    build_demo_frame();
  }
  ImGui::PopFont();
}

void App::build_demo_frame() {
  DemoModel& model = *demo_;
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput) {
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_Space)) model.step_forward();
    if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_Backspace)) model.step_back();
    if (pressed(ImGuiKey_Home)) model.rewind();
    if (pressed(ImGuiKey_End)) model.seek(model.timeline().size());
  }
  const int rows = static_cast<int>(DemoModel::kSets) * model.config().ways;
  const Layout l = compute_layout(io.DisplaySize.x, io.DisplaySize.y, ui_.scale, rows);
  draw_controls_panel(model, ui_, l.controls);
  draw_cache_panel(model, ui_, l.caches);
  draw_bus_panel(model, ui_, l.bus);
  draw_memory_panel(model, ui_, l.memory);
  draw_protocol_panel(model, ui_, l.protocol);
  draw_event_log_panel(model, ui_, l.log);
}

void App::apply_pending_font_change() {
  if (!ui_.rebuild_fonts) return;
  ui_.rebuild_fonts = false;
  ui_.scale = studio_ ? effective_ui_scale() : ui_.scale_request;
  load_fonts(fonts_, ui_.scale, options_.font);
  apply_style(ui_.scale);
  if (bridge_ != nullptr) bridge_->reload_fonts();
}

namespace {

void clear_window() {
  glClearColor(0.08f, 0.09f, 0.10f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

namespace {

// One line a cell: "x0 y0 x1 y1 STATE" in pixels of the screenshot.
bool write_cell_map(const std::string& file, const std::vector<DrawnCell>& cells) {
  std::FILE* out = std::fopen(file.c_str(), "w");
  if (out == nullptr) return false;
  for (const DrawnCell& c : cells) {
    const std::string_view n = name(c.state);
    std::fprintf(out, "%.0f %.0f %.0f %.0f %.*s\n", c.x0, c.y0, c.x1, c.y1, static_cast<int>(n.size()), n.data());
  }
  return std::fclose(out) == 0;
}

// "scale S" (the outline's margin and thickness scale with the UI), "spotlight TARGET" (the checkpoint's, or
// none), then one line an outlined element: "x0 y0 x1 y1" in pixels of the screenshot.
bool write_spot_map(const std::string& file, const std::string& spotlight, const std::vector<DrawnSpot>& spots,
                    float scale) {
  std::FILE* out = std::fopen(file.c_str(), "w");
  if (out == nullptr) return false;
  std::fprintf(out, "scale %.3f\nspotlight %s\n", static_cast<double>(scale), spotlight.c_str());
  for (const DrawnSpot& d : spots) std::fprintf(out, "%.0f %.0f %.0f %.0f\n", d.x0, d.y0, d.x1, d.y1);
  return std::fclose(out) == 0;
}

}  // namespace

bool App::start_renderer(sf::RenderWindow& window, ImGuiBridge& bridge) {
  if (!bridge.init(window)) {
    std::fprintf(stderr, "gopherbus: could not start the OpenGL2 renderer\n");
    return false;
  }
  bridge_ = &bridge;
  // The lessons' Chinese goes beyond ImGui's common set: the atlas gets every character they use.
  if (studio_) {
    studio_ui_.lesson.shelf.scan();
    fonts_.extra_glyphs = studio_ui_.lesson.shelf.chinese_text();
  }
  load_fonts(fonts_, ui_.scale, options_.font);
  apply_style(ui_.scale);
  return true;
}

int App::run() {
  if (!startup_error_.empty()) {
    std::fprintf(stderr, "gopherbus: %s\n", startup_error_.c_str());
    if (!studio_ui_.lesson.open()) return 2;
  }
  if (!have_display()) return 1;
  sf::RenderWindow window;
  if (!open(window, true)) return 1;
  // --measure runs uncapped, to show the headroom a 60 Hz display leaves; otherwise 60 frames a second.
  const bool measuring = options_.measure_seconds > 0.0;
  window.setFramerateLimit(measuring ? 0 : 60);
  ImGuiBridge bridge;
  if (!start_renderer(window, bridge)) return 1;
  if (studio_ && options_.play_rate) {
    studio_->set_play_by_time(true);
    studio_->set_time_rate(*options_.play_rate);
    studio_->set_playing(true);
  }
  FrameMeter meter;
  constexpr int kWarmUpFrames = 30;  // fonts uploaded, tables sized, the first indices built
  int frame = 0;
  std::int64_t ns0 = 0;
  std::uint64_t instr0 = 0;
  double last_draw = 0.0;  // seconds the last frame took to build, render and display
  sf::Clock clock;
  sf::Clock since_input;
  auto handle = [&](const sf::Event& e) {
    if (e.type == sf::Event::Closed) window.close();
    bridge.process_event(e);
    since_input.restart();
  };
  while (window.isOpen()) {
    sf::Event e;
    // Unless the studio plays, nothing on screen moves by itself: after a second without input, sleep until
    // the next event instead of redrawing 60 times a second (which keeps a software renderer busy on a
    // projector laptop).
    const bool playing = studio_ && studio_->playing();
    const bool animating = studio_ && studio_ui_.bus.animating();
    if (!playing && !animating && !measuring && since_input.getElapsedTime() > sf::seconds(1.0f) &&
        window.waitEvent(e))
      handle(e);
    while (window.pollEvent(e)) handle(e);
    // Keys tapped faster than the frames come are given to ImGui one change a frame: keep drawing until all
    // are.
    if (bridge.input_pending()) since_input.restart();
    if (studio_ui_.quit_requested) window.close();
    if (!window.isOpen()) break;
    apply_pending_font_change();
    const float dt = clock.restart().asSeconds();
    since_save_ += dt;
    save_settings_if_changed(false);
    if (measuring && studio_) {
      if (frame == kWarmUpFrames) {
        ns0 = studio_->now_ns();
        instr0 = studio_->instructions();
      } else if (frame > kWarmUpFrames) {
        meter.add_frame(dt);
      }
      ++frame;
      if (meter.total_seconds() >= options_.measure_seconds) window.close();
    }
    if (playing) {
      // Play within a frame's budget, so the window keeps redrawing (at 30 frames/s or more) however slow the
      // chosen step and the renderer are.
      sf::Clock budget;
      const sf::Time limit = sf::seconds(static_cast<float>(play_budget_seconds(last_draw)));
      studio_->tick(dt, [&] { return budget.getElapsedTime() > limit; });
      since_input.restart();
    }
    sf::Clock draw;
    bridge.new_frame(window, dt);
    build_frame();
    clear_window();
    bridge.render();
    window.display();
    last_draw = static_cast<double>(draw.getElapsedTime().asSeconds());
  }
  bridge_ = nullptr;
  save_settings_if_changed(true);
  if (measuring && studio_) {
    meter.set_simulation(ns0, studio_->now_ns(), instr0, studio_->instructions());
    std::printf("%s\n", meter.summary().c_str());
  }
  return 0;
}

int App::screenshot() {
  // A lesson that cannot open (or lacks the checkpoint asked for) is bad input, as a program that does not
  // compile is: nothing is drawn.
  if (!startup_error_.empty()) {
    std::fprintf(stderr, "gopherbus: %s\n", startup_error_.c_str());
    return 2;
  }
  if (!have_display()) return 1;
  // SFML chats on stderr while it makes a context ("Setting vertical sync not supported" under Xvfb). A
  // screenshot run stays quiet unless it fails, and then shows what SFML said.
  std::ostringstream sfml_log;
  std::streambuf* const sfml_err = sf::err().rdbuf(sfml_log.rdbuf());
  struct Restore {
    std::streambuf* buf;
    std::ostringstream& log;
    bool failed = true;
    ~Restore() {
      sf::err().rdbuf(buf);
      if (failed && !log.str().empty()) std::fputs(log.str().c_str(), stderr);
    }
  } restore{sfml_err, sfml_log};
  sf::RenderWindow window;
  if (!open(window, false)) return 1;
  ImGuiBridge bridge;
  if (!start_renderer(window, bridge)) return 1;
  // ImGui sizes tables and auto-fit windows over the first frames; draw a few before capturing.
  constexpr int kSettleFrames = 4;
  sf::Image image;
  std::vector<DrawnCell> cells;  // the last frame's cache-line state cells, for --cell-map
  std::vector<DrawnSpot> spots;  // ... and the lesson spotlight's outlines, for --spot-map
  for (int f = 0; f <= kSettleFrames; ++f) {
    sf::Event e;
    while (window.pollEvent(e)) {
    }
    bridge.new_frame(window, 1.0f / 60.0f);
    if (f == kSettleFrames) keep_drawn_cells(&cells);
    build_frame();
    keep_drawn_cells(nullptr);
    if (f == kSettleFrames) spots = drawn_spots();
    clear_window();
    bridge.render();
    if (f == kSettleFrames) {
      // Read the back buffer before display() swaps it away.
      sf::Texture texture;
      const sf::Vector2u size = window.getSize();
      if (!texture.create(size.x, size.y)) {
        std::fprintf(stderr, "gopherbus: could not create a %ux%u texture for the screenshot\n", size.x,
                     size.y);
        return 1;
      }
      texture.update(window);
      image = texture.copyToImage();
    }
    window.display();
  }
  bridge_ = nullptr;
  if (!image.saveToFile(*options_.screenshot)) {
    std::fprintf(stderr, "gopherbus: could not write %s\n", options_.screenshot->c_str());
    return 1;
  }
  if (options_.cell_map && !write_cell_map(*options_.cell_map, cells)) {
    std::fprintf(stderr, "gopherbus: could not write %s\n", options_.cell_map->c_str());
    return 1;
  }
  std::string spotlight = "none";
  if (const LessonMode* m = studio_ui_.lesson.shelf.current())
    if (const lessons::Checkpoint* c = m->checkpoint(); c != nullptr && !c->spotlight.empty()) spotlight = c->spotlight;
  if (options_.spot_map && !write_spot_map(*options_.spot_map, spotlight, spots, ui_.scale)) {
    std::fprintf(stderr, "gopherbus: could not write %s\n", options_.spot_map->c_str());
    return 1;
  }
  restore.failed = false;
  // A program that does not compile is drawn with its errors inline, and the run fails as `go build` would.
  if (studio_ && !studio_->diagnostics().empty()) {
    std::fputs(studio_->diagnostics().c_str(), stderr);
    if (studio_->diagnostics().back() != '\n') std::fputc('\n', stderr);
    return 2;
  }
  return 0;
}

}  // namespace gb::ui
