// Settings as TOML: [ui] scale, presentation, hex words, language and the panels; [run] the knobs; [play] how
// it plays.
// A value of the wrong type or out of range is ignored with a warning, so one bad line never loses the rest.
#include "settings.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "coherence/bugs.h"

namespace gb::ui {

std::optional<std::filesystem::path> default_settings_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "gopherbus" / "settings.toml";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0')
    return std::filesystem::path(home) / ".config" / "gopherbus" / "settings.toml";
  return std::nullopt;
}

namespace {

class Reader {
 public:
  explicit Reader(const toml::table& t) : t_(t) {}
  const std::string& warnings() const { return warnings_; }

  template <typename T>
  void number(std::string_view section, std::string_view key, T& out, T lo, T hi) {
    const toml::node* n = t_.at_path(fmt::format("{}.{}", section, key)).node();
    if (n == nullptr) return;
    std::optional<double> v;
    if (n->is_floating_point())
      v = n->value<double>();  // not value<int64_t>: toml++ would convert 1e300 to an integer (undefined)
    else if (const auto i = n->value<std::int64_t>())
      v = static_cast<double>(*i);
    // Written so that NaN is in no range (nan and inf are TOML floats; fuzz/regressions/fuzz_settings).
    if (!v || !(*v >= static_cast<double>(lo) && *v <= static_cast<double>(hi))) {
      warn(section, key, fmt::format("expects a number from {} to {}", lo, hi));
      return;
    }
    out = static_cast<T>(*v);
  }
  void flag(std::string_view section, std::string_view key, bool& out) {
    const toml::node* n = t_.at_path(fmt::format("{}.{}", section, key)).node();
    if (n == nullptr) return;
    if (const auto b = n->value<bool>())
      out = *b;
    else
      warn(section, key, "expects true or false");
  }
  std::optional<std::string> text(std::string_view section, std::string_view key) {
    const toml::node* n = t_.at_path(fmt::format("{}.{}", section, key)).node();
    if (n == nullptr) return std::nullopt;
    if (const auto s = n->value<std::string>()) return *s;
    warn(section, key, "expects a string");
    return std::nullopt;
  }
  void warn(std::string_view section, std::string_view key, std::string_view why) {
    warnings_ += fmt::format("{}{}.{} {}", warnings_.empty() ? "" : "; ", section, key, why);
  }

 private:
  const toml::table& t_;
  std::string warnings_;
};

// A whole number: an integer, or a float that is one (2.0). toml++ 3.3 converts a float to an integer without
// checking that it fits (undefined behaviour for 1e300, found by fuzz_settings), so the range is checked here.
std::optional<std::int64_t> whole(const toml::node* n) {
  if (n == nullptr) return std::nullopt;
  if (n->is_floating_point()) {
    const double d = *n->value<double>();
    if (!(d > -9.2e18 && d < 9.2e18)) return std::nullopt;
  }
  return n->value<std::int64_t>();
}

// The settings in a parsed file (`name` for the warning).
LoadedSettings read_settings(const toml::table& t, const std::string& name) {
  LoadedSettings out;
  Settings& s = out.settings;
  Reader r(t);
  r.number("ui", "scale", s.scale, 0.5f, 4.0f);
  r.flag("ui", "presentation", s.presentation);
  r.flag("ui", "hex_words", s.hex_words);
  for (const PanelEntry& p : kPanels) r.flag("panels", p.key, s.panels.*p.shown);
  const auto choice = [&](std::string_view key, const auto& names, int& chosen) {
    const auto v = r.text("ui", key);
    if (!v) return;
    for (std::size_t i = 0; i < std::size(names); ++i)
      if (*v == names[i]) {
        chosen = static_cast<int>(i);
        return;
      }
    r.warn("ui", key, "is not one of the choices");
  };
  choice("cache_view", kCacheViewNames, s.cache_view);
  choice("bottom_tab", kBottomTabNames, s.bottom_tab);
  if (const auto v = r.text("ui", "language")) {
    if (const auto lang = parse_lang(*v))
      s.language = *lang;
    else
      r.warn("ui", "language", "expects en or zh");
  }
  r.number("run", "cores", s.run.cores, 1, StudioModel::kMaxCores);
  r.number("run", "gomaxprocs", s.run.gomaxprocs, 1, StudioModel::kMaxProcs);
  if (const auto p = r.text("run", "protocol")) {
    if (const auto k = parse_protocol(*p))
      s.run.protocol = *k;
    else
      r.warn("run", "protocol", "expects msi, mesi, moesi or dragon");
  }
  r.number("run", "seed", s.run.seed, std::uint64_t{0}, std::uint64_t{1} << 53);
  r.number("run", "time_scale", s.run.time_scale, 1e-6, 1e6);
  r.number("run", "store_buffers", s.run.store_buffers, 0, StudioModel::kMaxStoreBuffer);
  r.number("run", "jitter", s.run.jitter, 0.0, StudioModel::kMaxJitter);
  if (const auto b = r.text("run", "bug")) {
    if (bug_applies(s.run.protocol, *b))
      s.run.bug = *b;
    else
      r.warn("run", "bug", fmt::format("'{}' is not a bug of {}", *b, protocol_name(s.run.protocol)));
  }
  r.flag("run", "check", s.run.check);
  r.number("run", "payments", s.run.payments, std::uint64_t{0}, std::uint64_t{10'000'000});
  r.number("play", "speed", s.speed, 1.0, 100000.0);
  if (const auto k = r.text("play", "kind")) {
    if (const auto kind = parse_step_kind(*k))
      s.play_kind = *kind;
    else
      r.warn("play", "kind", "expects a step kind (instruction, statement, access, bus, cycle, sched)");
  }
  r.flag("play", "by_time", s.play_by_time);
  r.number("play", "time_rate", s.time_rate, 1.0, 1e9);
  // [lessons.ID]: furthest = K, chosen = { question = choice }, shown = [ question ... ]. A lesson entry that is
  // not a table, or a value of the wrong type, is skipped (the rest of the progress stays).
  if (const toml::table* lessons = t["lessons"].as_table()) {
    for (const auto& [id, node] : *lessons) {
      const toml::table* l = node.as_table();
      if (l == nullptr) continue;
      LessonProgress p;
      p.furthest = static_cast<int>(std::clamp<std::int64_t>(whole(l->get("furthest")).value_or(-1), -1, 1000));
      if (const toml::table* chosen = (*l)["chosen"].as_table())
        for (const auto& [q, v] : *chosen)
          if (const auto c = whole(&v); c && *c >= 0 && *c < 100) p.chosen[std::string(q.str())] = static_cast<int>(*c);
      if (const toml::array* shown = (*l)["shown"].as_array())
        for (const auto& v : *shown)
          if (const auto q = v.value<std::string>()) p.shown[*q] = true;
      s.lessons[std::string(id.str())] = std::move(p);
    }
  }
  if (!r.warnings().empty()) out.warning = fmt::format("{}: ignored {}", name, r.warnings());
  return out;
}

LoadedSettings parse_error_settings(const toml::parse_error& e, const std::string& name) {
  LoadedSettings out;
  const auto& where = e.source().begin;
  out.warning = fmt::format("{}:{}:{}: {} (using the defaults)", name, where.line, where.column, e.description());
  return out;
}

}  // namespace

LoadedSettings load_settings(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  try {
    return read_settings(toml::parse_file(file.string()), file.string());
  } catch (const toml::parse_error& e) {
    return parse_error_settings(e, file.string());
  }
}

LoadedSettings settings_from_text(std::string_view text, const std::string& name) {
  try {
    return read_settings(toml::parse(text, name), name);
  } catch (const toml::parse_error& e) {
    return parse_error_settings(e, name);
  }
}

bool save_settings(const std::filesystem::path& file, const Settings& s, std::string& error) {
  toml::table panels;
  for (const PanelEntry& p : kPanels) panels.insert(p.key, s.panels.*p.shown);
  toml::table t{
      {"ui", toml::table{{"scale", static_cast<double>(s.scale)},
                         {"presentation", s.presentation},
                         {"hex_words", s.hex_words},
                         {"cache_view", std::string(kCacheViewNames[std::clamp(s.cache_view, 0, 2)])},
                         {"bottom_tab", std::string(kBottomTabNames[std::clamp(s.bottom_tab, 0, static_cast<int>(std::size(kBottomTabNames)) - 1)])},
                         {"language", std::string(lang_code(s.language))}}},
      {"panels", panels},
      {"run", toml::table{{"cores", s.run.cores},
                          {"gomaxprocs", s.run.gomaxprocs},
                          {"protocol", std::string(protocol_name(s.run.protocol))},
                          {"seed", static_cast<std::int64_t>(s.run.seed)},
                          {"time_scale", s.run.time_scale},
                          {"store_buffers", s.run.store_buffers},
                          {"jitter", s.run.jitter},
                          {"bug", s.run.bug},
                          {"check", s.run.check},
                          {"payments", static_cast<std::int64_t>(s.run.payments)}}},
      {"play", toml::table{{"speed", s.speed},
                           {"kind", std::string(step_kind_name(s.play_kind))},
                           {"by_time", s.play_by_time},
                           {"time_rate", s.time_rate}}},
  };
  toml::table lessons;
  for (const auto& [id, p] : s.lessons) {
    toml::table chosen;
    for (const auto& [q, c] : p.chosen) chosen.insert(q, c);
    toml::array shown;
    for (const auto& [q, on] : p.shown)
      if (on) shown.push_back(q);
    lessons.insert(id, toml::table{{"furthest", p.furthest}, {"chosen", chosen}, {"shown", shown}});
  }
  if (!lessons.empty()) t.insert("lessons", lessons);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) {
    error = fmt::format("cannot create {}: {}", file.parent_path().string(), ec.message());
    return false;
  }
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# Gopherbus studio settings (written by the app; edit while it is closed)\n" << t << "\n";
    if (!out) {
      error = fmt::format("cannot write {}", tmp.string());
      return false;
    }
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    error = fmt::format("cannot replace {}: {}", file.string(), ec.message());
    return false;
  }
  return true;
}

}  // namespace gb::ui
