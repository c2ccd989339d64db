// Hand-rolled parsing of the app's few options: each failure is one readable line (the caller exits 2).
#include "app_options.h"

#include <charconv>

#include "coherence/bugs.h"

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

}  // namespace

std::string usage() {
  return "Usage: gopherbus [options]\n"
         "The Gopherbus desktop app: step a coherence protocol by hand and watch every cache, the bus and "
         "memory.\n"
         "\n"
         "Options:\n"
         "  --help                 print this help and exit\n"
         "  --screenshot FILE.png  render one frame to a PNG and exit\n"
         "  --size WxH             window (or screenshot) size in pixels, default 1440x900\n"
         "  --steps N              demo steps to play before the first frame, default 4\n"
         "  --scale F              UI scale (font size and spacing), 0.5..4, default 1\n"
         "  --font FILE            a .ttf/.otf/.ttc font; default Noto Sans CJK, else ImGui's built-in font\n"
         "  --protocol P           msi, mesi, moesi or dragon, default mesi\n"
         "  --cores N              2..4, default 2\n"
         "  --ways N               cache associativity, 1 or 2, default 1\n"
         "  --bug NAME             plant a protocol bug (gopherbus-cli bugs lists them)\n"
         "\n"
         "Keys: Right/Space step forward, Left/Backspace step back, Home rewind, End play to the end.\n";
}

std::variant<AppOptions, OptionsError> parse_options(const std::vector<std::string>& args) {
  AppOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      o.help = true;
      continue;
    }
    static const char* const with_value[] = {"--screenshot", "--size",  "--steps", "--scale", "--font",
                                             "--protocol",   "--cores", "--ways",  "--bug"};
    bool known = false;
    for (const char* opt : with_value) known = known || a == opt;
    if (!known) return OptionsError{"unknown option '" + a + "' (see --help)"};
    if (i + 1 >= args.size()) return OptionsError{a + " needs a value"};
    const std::string& v = args[++i];
    if (a == "--screenshot") {
      if (v.empty()) return OptionsError{"--screenshot needs a file name"};
      o.screenshot = v;
    } else if (a == "--size") {
      if (!parse_size(v, o.width, o.height) || o.width < 320 || o.height < 240 || o.width > 8192 ||
          o.height > 8192)
        return OptionsError{"--size expects WxH between 320x240 and 8192x8192, got '" + v + "'"};
    } else if (a == "--steps") {
      std::size_t n = 0;
      if (!parse_number(v, n)) return OptionsError{"--steps expects a whole number, got '" + v + "'"};
      o.steps = n;
    } else if (a == "--scale") {
      float f = 0;
      if (!parse_number(v, f) || !(f >= 0.5f && f <= 4.0f))
        return OptionsError{"--scale expects a number from 0.5 to 4, got '" + v + "'"};
      o.scale = f;
    } else if (a == "--font") {
      o.font = v;
    } else if (a == "--protocol") {
      const auto k = parse_protocol(v);
      if (!k) return OptionsError{"--protocol expects msi, mesi, moesi or dragon, got '" + v + "'"};
      o.demo.protocol = *k;
    } else if (a == "--cores") {
      int n = 0;
      if (!parse_number(v, n) || n < DemoModel::kMinCores || n > DemoModel::kMaxCores)
        return OptionsError{"--cores expects 2, 3 or 4, got '" + v + "'"};
      o.demo.cores = n;
    } else if (a == "--ways") {
      int n = 0;
      if (!parse_number(v, n) || (n != 1 && n != 2))
        return OptionsError{"--ways expects 1 or 2, got '" + v + "'"};
      o.demo.ways = n;
    } else if (a == "--bug") {
      o.demo.bug = v;
    }
  }
  if (!o.demo.bug.empty()) {
    Protocol p = make_protocol(o.demo.protocol);
    if (auto err = inject_bug(p, o.demo.bug)) return OptionsError{"--bug: " + *err};
  }
  return o;
}

}  // namespace gb::ui
