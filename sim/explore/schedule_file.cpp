// Writing and reading schedule files (schedule_file.h has the format).
#include "sim/explore/schedule_file.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace gb::explore {

std::uint64_t program_hash(std::string_view source) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : source) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

template <typename T>
bool number(std::string_view text, T& out, int base = 10) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A value as its line reads it back: line breaks become spaces, and the spaces and tabs at either end go (the
// parser trims them), so that a file printed from a parsed one prints the same again (fuzz_schedule_file found
// "found \r\r...k!" printed with leading spaces the parser then dropped).
std::string one_line(std::string_view value) {
  std::string out(value);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return std::string(trim(out));
}

}  // namespace

std::string format_schedule(const ScheduleFile& s) {
  std::string out = "gopherbus-schedule 1\n";
  out += fmt::format("program {:016x}\n", s.program_hash);
  if (const std::string file = one_line(s.file); !file.empty()) out += fmt::format("file {}\n", file);
  out += fmt::format("cores {}\ngomaxprocs {}\nprotocol {}\nseed {}\n", s.cores, s.gomaxprocs, one_line(s.protocol),
                     s.seed);
  if (const std::string found = one_line(s.found); !found.empty()) out += fmt::format("found {}\n", found);
  if (s.at != 0) out += fmt::format("at {}\n", s.at);
  if (s.instructions != 0) out += fmt::format("instructions {}\n", s.instructions);
  out += fmt::format("choices {}\n", s.choices.size());
  for (std::size_t i = 0; i < s.choices.size(); ++i) {
    out += fmt::format("{}", s.choices[i]);
    out += (i + 1) % 32 == 0 || i + 1 == s.choices.size() ? '\n' : ' ';
  }
  return out;
}


std::optional<ScheduleFile> parse_schedule(std::string_view text, std::string& error) {
  ScheduleFile s;
  std::size_t line_no = 0;
  bool header = false, have_program = false, in_choices = false;
  std::uint64_t expected = 0;
  auto fail = [&](const std::string& what) -> std::optional<ScheduleFile> {
    error = fmt::format("line {}: {}", line_no, what);
    return std::nullopt;
  };
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      if (line != "gopherbus-schedule 1") return fail("not a schedule file (it must begin with \"gopherbus-schedule 1\")");
      header = true;
      continue;
    }
    if (in_choices) {
      std::string_view rest = line;
      while (!rest.empty()) {
        const std::size_t sp = rest.find_first_of(" \t");
        const std::string_view word = rest.substr(0, sp);
        std::uint32_t v = 0;
        if (!number(word, v)) return fail(fmt::format("'{}' is not a choice (a number from 0)", word));
        if (s.choices.size() == expected) return fail(fmt::format("more than the {} choices announced", expected));
        s.choices.push_back(v);
        rest = trim(rest.substr(sp == std::string_view::npos ? rest.size() : sp));
      }
      continue;
    }
    const std::size_t sp = line.find(' ');
    const std::string_view key = line.substr(0, sp);
    const std::string_view value = sp == std::string_view::npos ? std::string_view() : trim(line.substr(sp + 1));
    if (key == "program") {
      if (!number(value, s.program_hash, 16) || value.size() != 16)
        return fail("program wants the source's hash: 16 hex digits");
      have_program = true;
    } else if (key == "file") {
      s.file = std::string(value);
    } else if (key == "cores") {
      if (!number(value, s.cores) || s.cores < 1 || s.cores > 64) return fail("cores wants a number from 1 to 64");
    } else if (key == "gomaxprocs") {
      if (!number(value, s.gomaxprocs) || s.gomaxprocs < 1 || s.gomaxprocs > 256)
        return fail("gomaxprocs wants a number from 1 to 256");
    } else if (key == "protocol") {
      if (value.empty()) return fail("protocol wants a name");
      s.protocol = std::string(value);
    } else if (key == "seed") {
      if (!number(value, s.seed)) return fail("seed wants a number");
    } else if (key == "found") {
      s.found = std::string(value);
    } else if (key == "at") {
      if (!number(value, s.at)) return fail("at wants a number");
    } else if (key == "instructions") {
      if (!number(value, s.instructions)) return fail("instructions wants a number");
    } else if (key == "choices") {
      if (!number(value, expected) || expected > 100'000'000) return fail("choices wants how many follow");
      // Each choice takes at least two bytes ("0 "): a count the rest of the text cannot hold reserves no more
      // than it can (a file announcing 10^8 choices and giving none costs nothing).
      s.choices.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(expected, text.size() / 2 + 1)));
      in_choices = true;
    } else {
      return fail(fmt::format("unknown key '{}'", key));
    }
  }
  if (!header) {
    line_no = 0;
    return fail("empty: not a schedule file");
  }
  if (!have_program) return fail("no program line");
  if (!in_choices) return fail("no choices line");
  if (s.choices.size() != expected)
    return fail(fmt::format("{} choices announced, {} given", expected, s.choices.size()));
  return s;
}

std::optional<std::string> wrong_program(const ScheduleFile& s, std::string_view source) {
  if (s.program_hash == program_hash(source)) return std::nullopt;
  return fmt::format("the schedule was made for {}, not this program's text (or it has changed since)",
                     s.file.empty() ? std::string("another program") : s.file);
}

std::optional<ScheduleFile> load_schedule(const std::string& path, std::string_view source, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot open the schedule {}", path);
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::optional<ScheduleFile> s = parse_schedule(ss.str(), error);
  if (s) {
    if (auto wrong = wrong_program(*s, source)) {
      error = *wrong;
      s.reset();
    }
  }
  if (!s) error = fmt::format("{}: {}", path, error);
  return s;
}

}  // namespace gb::explore
