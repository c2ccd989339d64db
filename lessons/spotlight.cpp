// Spotlight targets parsed from text (spotlight.h).
#include "lessons/spotlight.h"

#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace gb::lessons {

namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "G6" / "P1" / "17" -> the number after the optional prefix letter.
int number_after(std::string_view w, char prefix) {
  if (prefix != 0) {
    if (w.empty() || (w[0] != prefix && w[0] != prefix + ('a' - 'A'))) return -1;
    w.remove_prefix(1);
  }
  int n = -1;
  const auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  return ec == std::errc{} && p == w.data() + w.size() && n >= 0 ? n : -1;
}

constexpr const char* kForms =
    "variable NAME, goroutine GN, runqueue PN, global-queue, channel NAME, mutex NAME, bus, "
    "protocol-row STATE EVENT, line N, output, stats, timeline, events";

}  // namespace

ParsedSpotlight parse_spotlight(std::string_view text) {
  ParsedSpotlight out;
  const std::vector<std::string_view> w = words(text);
  if (w.empty()) return out;  // no spotlight
  Spotlight& s = out.spotlight;
  auto bad = [&](std::string what) {
    out.error = fmt::format("{} (a spotlight is one of: {})", what, kForms);
    s = Spotlight{};
    return out;
  };
  const std::string_view k = w[0];
  if (k == "variable" || k == "channel" || k == "mutex") {
    if (w.size() != 2) return bad(fmt::format("`{}` takes one name", k));
    s.kind = k == "variable" ? Spotlight::Kind::Variable : k == "channel" ? Spotlight::Kind::Channel
                                                                          : Spotlight::Kind::Mutex;
    s.name = std::string(w[1]);
    return out;
  }
  if (k == "goroutine" || k == "runqueue" || k == "line") {
    const char prefix = k == "goroutine" ? 'G' : k == "runqueue" ? 'P' : 0;
    if (w.size() != 2 || number_after(w[1], prefix) < 0)
      return bad(k == "goroutine" ? "`goroutine` takes a G as G6" : k == "runqueue" ? "`runqueue` takes a P as P0"
                                                                                    : "`line` takes a line number");
    s.kind = k == "goroutine" ? Spotlight::Kind::Goroutine : k == "runqueue" ? Spotlight::Kind::RunQueue
                                                                             : Spotlight::Kind::Line;
    s.number = number_after(w[1], prefix);
    return out;
  }
  if (k == "protocol-row") {
    if (w.size() != 3) return bad("`protocol-row` takes a state and an event, as `protocol-row S PrWr`");
    s.kind = Spotlight::Kind::ProtocolRow;
    s.name = std::string(w[1]);
    s.event = std::string(w[2]);
    return out;
  }
  if (w.size() == 1 && (k == "bus" || k == "global-queue")) {
    s.kind = k == "bus" ? Spotlight::Kind::Bus : Spotlight::Kind::GlobalQueue;
    return out;
  }
  if (w.size() == 1 && (k == "output" || k == "stats" || k == "timeline" || k == "events")) {
    s.kind = Spotlight::Kind::Panel;
    s.name = std::string(k);
    return out;
  }
  return bad(fmt::format("unknown spotlight '{}'", text));
}

}  // namespace gb::lessons
