// Command-line options of the desktop app, parsed without any window so they can be tested headless.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "demo/demo_model.h"
#include "lessons/lesson.h"
#include "strings.h"
#include "studio_model.h"

namespace gb::ui {

// The studio's keyboard shortcuts, for --help and the controls panel.
inline constexpr const char* kStudioKeysHelp =
    "Keys: I instruction, S or F11 step into, F10 step over, Shift+F11 step out, A memory access, "
    "B bus transaction, O bus op (of the chosen kind), Y machine cycle, E scheduler event, Right the last kind "
    "again; Shift+I/S/A/B/O/Y/E step back by that kind, Shift+F10 back over, Left or Backspace back by the last "
    "kind; J just my code on/off; "
    "C or F5 run to breakpoint (Shift+C back to the last), End run to the end (a breakpoint stops it); right-click "
    "a line's gutter for a breakpoint with a condition; "
    "Space or P play/pause, Up/Down faster/slower, R restart. "
    "Knobs (each restarts the run): [ ] cores, Shift+[ ] GOMAXPROCS, 1-4 MSI/MESI/MOESI/Dragon, "
    "T store buffers on/off, X next planted bug, K invariant checking, N next seed, Z teaching time scale, "
    "- and = payments halved or doubled. V the caches as lines, grid or memory; "
    "H memory words in hex or decimal; Ctrl+1-6 timeline, event log, "
    "channels and locks, stats, variables, runs. Ctrl+O open, Ctrl+E edit, Ctrl+0 reset layout, F12 presentation mode, "
    "Ctrl+Q quit. In a lesson: PageDown or Shift+Right the next checkpoint, PageUp or Shift+Left the previous, "
    "Home back to its start; Esc closes the map of the lessons.";

struct AppOptions {
  bool help = false;
  std::optional<std::string> screenshot;  // render one frame to this PNG and exit
  std::optional<std::string> cell_map;    // with it: where each cache line's state cell was drawn
  unsigned width = 1440;
  unsigned height = 900;
  // Steps applied before the first frame: demo actions (default kOpeningSteps), or studio steps of
  // `granularity`.
  std::optional<std::size_t> steps;
  float scale = 1.0f;                // UI scale: font size and spacing
  std::string font;                  // empty = the Noto CJK font if installed
  bool demo_mode = false;            // --demo: the hand-stepped coherence demo instead of a Go program
  DemoConfig demo;
  std::optional<std::string> program;  // the Go file to open; none = the built-in example
  StudioConfig studio;
  // --granularity: what --step counts (instruction when not given), and what Play and the Right key step by
  // (a statement when not given).
  std::optional<StepKind> granularity;
  bool run_knobs_given = false;  // a knob of `studio` was given: it overrides the remembered knobs
  bool scale_given = false;      // likewise --scale
  bool presentation = false;
  std::optional<std::string> example;        // --example: a built-in example's file name
  std::optional<std::string> settings_file;  // --settings
  bool no_settings = false;
  std::optional<int> bottom_tab;      // --tab: which bottom panel shows first (a BottomTab value)
  std::optional<int> cache_view;      // --cache-view: how the cores panel shows the caches (a CacheView)
  std::optional<std::uint64_t> seek;  // --seek: go to this instruction before the first frame (and --step)
  std::optional<std::string> schedule_file;  // --schedule: replay an explorer's schedule, opened where it failed
  double measure_seconds = 0.0;       // --measure: run this long, then print frame and simulation rates
  std::optional<double> play_rate;    // --play-rate: start playing by machine time at this many ns per second
  std::optional<std::string> lesson;  // --lesson: open this lesson (id, number, folder or path)
  std::optional<int> checkpoint;      // --checkpoint: ... at this checkpoint (0 the introduction, 1 the first)
  static constexpr int kLastCheckpoint = -2;  // --checkpoint last
  std::optional<Lang> lang;           // --lang: the studio's and the lessons' language; overrides the remembered one
  std::optional<std::string> spot_map;  // with --screenshot: where the spotlight's outlines were drawn
  // --knob NAME=VALUE (repeatable): program knobs set in turn, each after the run went as far as --seek and
  // --step take it, so the Runs tab keeps a row per setting.
  std::vector<std::pair<std::string, std::string>> knobs;
  std::optional<std::string> compare;        // --compare: open Compare with this pair (a ComparePreset id)
  std::optional<std::string> compare_until;  // --compare-until: step both sides until this condition
};

struct OptionsError {
  std::string message;  // one line, for stderr
};

std::variant<AppOptions, OptionsError> parse_options(const std::vector<std::string>& args);
std::string usage();

}  // namespace gb::ui
