// Hand-rolled parsing of the app's few options: each failure is one readable line (the caller exits 2).
#include "app_options.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "coherence/bugs.h"
#include "examples.h"
#include "settings.h"

namespace gb::ui {

namespace {

template <typename T>
bool parse_number(const std::string& text, T& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

bool parse_size(const std::string& text, unsigned& w, unsigned& h) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos) return false;
  return parse_number(text.substr(0, x), w) && parse_number(text.substr(x + 1), h);
}

// Breaks `text` into lines of at most `width` columns at spaces.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out, line;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line.append(word);
    at = end + 1;
  }
  if (!line.empty()) out += line + "\n";
  return out;
}

}  // namespace

std::string usage() {
  return std::string(
             "Usage: gopherbus [options] [PROGRAM.go]\n"
             "The Gopherbus studio: a Go program on simulated cores and caches, stepped by instruction,\n"
             "statement, bus transaction or scheduler event. With no program (and no --example or --lesson)\n"
             "it opens on the map of the lessons, over a built-in example: two goroutines ping-ponging a\n"
             "sync.Mutex on two cores.\n"
             "\n"
             "Options:\n"
             "  --help                 print this help and exit\n"
             "  --screenshot FILE.png  render one frame to a PNG and exit (status 2: does not compile)\n"
             "  --cell-map FILE        with --screenshot: write where each cache line's state was drawn\n"
             "                         (x0 y0 x1 y1 STATE a line), for tests that check those pixels\n"
             "  --tab T                the bottom row shows T first: timeline, events, sync (channels and\n"
             "                         locks), stats, variables or runs (a row per run, kept across restarts)\n"
             "  --cache-view V         the cores panel shows the caches as V: lines (each core's valid\n"
             "                         lines), grid (every set and way, coloured by state) or memory\n"
             "                         (memory's copy of every cached line, stale ones grey); default lines\n"
             "  --size WxH             window (or screenshot) size in pixels, default 1440x900\n"
             "  --step N               steps to take before the first frame (alias --steps)\n"
             "  --seek N               go to instruction N first (before --step), in one replay burst\n"
             "  --schedule FILE        replay a schedule `gopherbus-cli explore` found (its machine's shape and\n"
             "                         every choice), opened at the moment it went wrong\n"
             "  --granularity G        instruction, statement, bus, sched, access or cycle: what --step counts\n"
             "                         (default instruction) and what Play and Right step by\n"
             "  --scale F              UI scale (font size and spacing), 0.5..4, default 1\n"
             "  --font FILE            a .ttf/.otf/.ttc font; default Noto Sans CJK, else ImGui's own\n"
             "  --cores N              simulated cores, 1..8 (default: GOMAXPROCS)\n"
             "  --gomaxprocs N         number of Ps, 1..8, default 2\n"
             "  --protocol P           msi, mesi, moesi or dragon, default mesi\n"
             "  --seed N               seed for every choice the runtime leaves open, default 1\n"
             "  --time-scale F         multiply the runtime's time constants (1 = real Go, 0.001 teaching)\n"
             "  --store-buffers N      x86-TSO store buffer entries per core, 0..64, default 0 (off)\n"
             "  --jitter F             timing noise as a multiple of real hardware's, 0..10, default 1;\n"
             "                         0 is fully regular timing (seeds then differ only through the\n"
             "                         runtime's own random choices: select, map order, stealing)\n"
             "  --bug NAME             plant a protocol bug (gopherbus-cli bugs lists them); checking turns on\n"
             "  --payments N           requests the payment clients send (the payment workload), default 200\n"
             "  --check                check the coherence and scheduler invariants after every access\n"
             "  --example NAME         open a built-in example (File > Examples): pingpong, lost_update,\n"
             "                         atomic_counter, false_sharing, private_data, pipeline, payment\n"
             "  --lesson ID            open a lesson (id, number or folder: gopherbus-cli lessons lists them)\n"
             "  --checkpoint K         with --lesson: start at checkpoint K (0 the introduction, 1 the first,\n"
             "                         last the last)\n"
             "  --spot-map FILE        with --screenshot: write where the lesson's spotlight outlines were\n"
             "                         drawn (x0 y0 x1 y1 a line), for tests that check those pixels\n"
             "  --knob NAME=VALUE      set a program knob (a Go literal; repeatable): each in turn, after the\n"
             "                         run went as far as --seek and --step take it, so the Runs tab keeps\n"
             "                         a row per setting\n"
             "  --compare PAIR         open Run > Compare with PAIR: protocol (MSI vs MESI), cores (1 vs 4),\n"
             "                         a bool knob's name (false vs true) or KNOB=VALUE (its value vs that)\n"
             "  --compare-until COND   with --compare: step both sides until COND fires (e.g. exit, line 17)\n"
             "  --presentation         start in presentation mode (larger fonts, slower animation; F12)\n"
             "  --lang L               the studio's and the lessons' language: en (English) or zh (Chinese);\n"
             "                         View > Language\n"
             "  --settings FILE        remember settings there instead of $XDG_CONFIG_HOME/gopherbus/settings.toml\n"
             "                         (else ~/.config/gopherbus/settings.toml)\n"
             "  --no-settings          neither read nor write settings (a --screenshot never does)\n"
             "  --play-rate NS         start playing by machine time: NS simulated ns (cycles) per second\n"
             "  --measure SECONDS      redraw uncapped for that long (after 30 warm-up frames), then print the\n"
             "                         frame rate, frame times and simulated cycles per second, and exit\n"
             "Knobs given here override the remembered ones, and are remembered in their turn.\n"
             "\n"
             "The coherence demo (step reads and writes by hand):\n"
             "  --demo                 open it instead of a Go program; --step N plays N steps (default 4)\n"
             "  --cores N              2..4 in the demo, default 2\n"
             "  --ways N               cache associativity, 1 or 2, default 1\n"
             "  --bug NAME             plant a protocol bug (gopherbus-cli bugs lists them)\n"
             "  Demo keys: Right/Space step forward, Left/Backspace back, Home rewind, End play to the end.\n"
             "\n") +
         wrap(kStudioKeysHelp, 100);
}

std::variant<AppOptions, OptionsError> parse_options(const std::vector<std::string>& args) {
  AppOptions o;
  std::optional<int> cores;
  bool gomaxprocs_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      o.help = true;
      continue;
    }
    if (a == "--demo") {
      o.demo_mode = true;
      continue;
    }
    if (a == "--check") {
      o.studio.check = true;
      o.run_knobs_given = true;
      continue;
    }
    if (a == "--presentation") {
      o.presentation = true;
      continue;
    }
    if (a == "--no-settings") {
      o.no_settings = true;
      continue;
    }
    if (a.empty() || a[0] != '-') {
      if (o.program) return OptionsError{"one program at a time: '" + *o.program + "' and '" + a + "'"};
      o.program = a;
      continue;
    }
    static const char* const with_value[] = {"--screenshot", "--size",       "--steps",      "--step",
                                             "--scale",      "--font",       "--protocol",   "--cores",
                                             "--ways",       "--bug",        "--gomaxprocs", "--seed",
                                             "--time-scale", "--granularity", "--store-buffers", "--settings",
                                             "--example", "--measure", "--play-rate", "--seek", "--cell-map",
                                             "--tab", "--payments", "--cache-view", "--jitter",
                                             "--lesson", "--checkpoint", "--lang", "--spot-map",
                                             "--knob", "--compare", "--compare-until", "--schedule"};
    bool known = false;
    for (const char* opt : with_value) known = known || a == opt;
    if (!known) return OptionsError{"unknown option '" + a + "' (see --help)"};
    if (i + 1 >= args.size()) return OptionsError{a + " needs a value"};
    const std::string& v = args[++i];
    static const char* const run_knobs[] = {"--protocol", "--cores",      "--gomaxprocs",   "--seed",
                                            "--time-scale", "--bug", "--store-buffers", "--payments",
                                            "--jitter"};
    for (const char* knob : run_knobs) o.run_knobs_given = o.run_knobs_given || a == knob;
    if (a == "--screenshot") {
      if (v.empty()) return OptionsError{"--screenshot needs a file name"};
      o.screenshot = v;
    } else if (a == "--size") {
      if (!parse_size(v, o.width, o.height) || o.width < 320 || o.height < 240 || o.width > 8192 ||
          o.height > 8192)
        return OptionsError{"--size expects WxH between 320x240 and 8192x8192, got '" + v + "'"};
    } else if (a == "--steps" || a == "--step") {
      std::size_t n = 0;
      if (!parse_number(v, n)) return OptionsError{a + " expects a whole number, got '" + v + "'"};
      o.steps = n;
    } else if (a == "--granularity") {
      const auto k = parse_step_kind(v);
      if (!k)
        return OptionsError{"--granularity expects instruction, statement, bus, sched, access or cycle, got '" + v + "'"};
      o.granularity = *k;
    } else if (a == "--scale") {
      float f = 0;
      if (!parse_number(v, f) || !(f >= 0.5f && f <= 4.0f))
        return OptionsError{"--scale expects a number from 0.5 to 4, got '" + v + "'"};
      o.scale = f;
      o.scale_given = true;
    } else if (a == "--font") {
      o.font = v;
    } else if (a == "--protocol") {
      const auto k = parse_protocol(v);
      if (!k) return OptionsError{"--protocol expects msi, mesi, moesi or dragon, got '" + v + "'"};
      o.demo.protocol = o.studio.protocol = *k;
    } else if (a == "--cores") {
      int n = 0;
      if (!parse_number(v, n)) return OptionsError{"--cores expects a whole number, got '" + v + "'"};
      cores = n;
    } else if (a == "--gomaxprocs") {
      int n = 0;
      if (!parse_number(v, n) || n < 1 || n > StudioModel::kMaxProcs)
        return OptionsError{"--gomaxprocs expects 1 to 8, got '" + v + "'"};
      o.studio.gomaxprocs = n;
      gomaxprocs_given = true;
    } else if (a == "--seed") {
      if (!parse_number(v, o.studio.seed))
        return OptionsError{"--seed expects a whole number, got '" + v + "'"};
    } else if (a == "--time-scale") {
      double f = 0;
      if (!parse_number(v, f) || !(f >= 1e-6 && f <= 1e6))
        return OptionsError{"--time-scale expects a number from 0.000001 to 1000000, got '" + v + "'"};
      o.studio.time_scale = f;
    } else if (a == "--ways") {
      int n = 0;
      if (!parse_number(v, n) || (n != 1 && n != 2))
        return OptionsError{"--ways expects 1 or 2, got '" + v + "'"};
      o.demo.ways = n;
    } else if (a == "--bug") {
      o.demo.bug = o.studio.bug = v;
    } else if (a == "--store-buffers") {
      int n = 0;
      if (!parse_number(v, n) || n < 0 || n > StudioModel::kMaxStoreBuffer)
        return OptionsError{"--store-buffers expects 0 to " + std::to_string(StudioModel::kMaxStoreBuffer) +
                            ", got '" + v + "'"};
      o.studio.store_buffers = n;
    } else if (a == "--jitter") {
      double f = 0;
      if (!parse_number(v, f) || !(f >= 0.0 && f <= StudioModel::kMaxJitter))
        return OptionsError{"--jitter expects a number from 0 to 10, got '" + v + "'"};
      o.studio.jitter = f;
    } else if (a == "--payments") {
      if (!parse_number(v, o.studio.payments) || o.studio.payments > 10'000'000)
        return OptionsError{"--payments expects 0 to 10000000, got '" + v + "'"};
    } else if (a == "--tab") {
      for (int t = 0; t < static_cast<int>(std::size(kBottomTabNames)); ++t)
        if (v == kBottomTabNames[t]) o.bottom_tab = t;
      if (!o.bottom_tab) return OptionsError{"--tab expects timeline, events, sync, stats, variables or runs, got '" + v + "'"};
    } else if (a == "--cache-view") {
      for (int c = 0; c < static_cast<int>(std::size(kCacheViewNames)); ++c)
        if (v == kCacheViewNames[c]) o.cache_view = c;
      if (!o.cache_view) return OptionsError{"--cache-view expects lines, grid or memory, got '" + v + "'"};
    } else if (a == "--lang") {
      o.lang = parse_lang(v);
      if (!o.lang) return OptionsError{"--lang expects en or zh, got '" + v + "'"};
    } else if (a == "--knob") {
      const std::size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
        return OptionsError{"--knob expects NAME=VALUE (a Go literal), got '" + v + "'"};
      o.knobs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (a == "--compare") {
      if (v.empty()) return OptionsError{"--compare needs a pair: protocol, cores, a bool knob or KNOB=VALUE"};
      o.compare = v;
    } else if (a == "--compare-until") {
      if (v.empty()) return OptionsError{"--compare-until needs a condition (e.g. exit)"};
      o.compare_until = v;
    } else if (a == "--cell-map") {
      if (v.empty()) return OptionsError{"--cell-map needs a file name"};
      o.cell_map = v;
    } else if (a == "--schedule") {
      if (v.empty()) return OptionsError{"--schedule needs a file name"};
      o.schedule_file = v;
    } else if (a == "--seek") {
      std::uint64_t n = 0;
      if (!parse_number(v, n)) return OptionsError{"--seek expects an instruction count, got '" + v + "'"};
      o.seek = n;
    } else if (a == "--measure") {
      if (!parse_number(v, o.measure_seconds) || !(o.measure_seconds > 0.0 && o.measure_seconds <= 3600.0))
        return OptionsError{"--measure expects seconds, from 0 to 3600, got '" + v + "'"};
    } else if (a == "--play-rate") {
      double rate = 0;
      if (!parse_number(v, rate) || !(rate >= 1.0 && rate <= 1e10))
        return OptionsError{"--play-rate expects simulated ns per second, 1 to 1e10, got '" + v + "'"};
      o.play_rate = rate;
    } else if (a == "--settings") {
      if (v.empty()) return OptionsError{"--settings needs a file name"};
      o.settings_file = v;
    } else if (a == "--lesson") {
      if (v.empty()) return OptionsError{"--lesson needs a lesson id, number or folder (gopherbus-cli lessons lists them)"};
      o.lesson = v;
    } else if (a == "--checkpoint") {
      std::uint64_t k = 0;
      if (v == "last")
        o.checkpoint = AppOptions::kLastCheckpoint;
      else if (!parse_number(v, k) || k > 1000)
        return OptionsError{"--checkpoint expects a checkpoint number (0: the introduction, 1: the first) or last, "
                            "got '" + v + "'"};
      else
        o.checkpoint = static_cast<int>(k);
    } else if (a == "--spot-map") {
      if (v.empty()) return OptionsError{"--spot-map needs a file name"};
      o.spot_map = v;
    } else if (a == "--example") {
      if (find_example(v) == nullptr && find_example(v + ".go") == nullptr) {
        std::string names;
        for (const Example& e : examples()) names += (names.empty() ? "" : ", ") + std::string(e.file);
        return OptionsError{"--example expects one of " + names + ", got '" + v + "'"};
      }
      o.example = find_example(v) != nullptr ? v : v + ".go";
    }
  }
  // --cores means a different machine in each mode, so it is checked once the mode is known.
  if (o.demo_mode) {
    if (cores) {
      if (*cores < DemoModel::kMinCores || *cores > DemoModel::kMaxCores)
        return OptionsError{"--cores expects 2, 3 or 4 in the demo, got '" + std::to_string(*cores) + "'"};
      o.demo.cores = *cores;
    }
    if (o.program) return OptionsError{"--demo opens no program ('" + *o.program + "' given)"};
  } else if (cores) {
    if (*cores < 1 || *cores > StudioModel::kMaxCores)
      return OptionsError{"--cores expects 1 to 8, got '" + std::to_string(*cores) + "'"};
    o.studio.cores = *cores;
  } else if (gomaxprocs_given) {
    // As gopherbus-cli run: without --cores, one core per P.
    o.studio.cores = std::min(o.studio.gomaxprocs, StudioModel::kMaxCores);
  }
  if (!o.demo.bug.empty()) {
    Protocol p = make_protocol(o.demo_mode ? o.demo.protocol : o.studio.protocol);
    if (auto err = inject_bug(p, o.demo.bug)) return OptionsError{"--bug: " + *err};
  }
  if (o.cell_map && !o.screenshot) return OptionsError{"--cell-map goes with --screenshot"};
  if (o.spot_map && !o.screenshot) return OptionsError{"--spot-map goes with --screenshot"};
  if (o.checkpoint && !o.lesson) return OptionsError{"--checkpoint goes with --lesson"};
  if (o.schedule_file && (o.lesson || o.demo_mode || (!o.program && !o.example)))
    return OptionsError{"--schedule replays a program: give the program it was made for"};
  if (o.lesson && (o.program || o.example || o.demo_mode))
    return OptionsError{"--lesson opens the lesson's own program: give no program, --example or --demo with it"};
  if (o.program && o.example)
    return OptionsError{"one program at a time: '" + *o.program + "' and --example " + *o.example};
  return o;
}

}  // namespace gb::ui
