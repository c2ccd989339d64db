// Shared by the two trace targets: a trace file's lines as sim/trace/line_reader.h promises them (split at '\n',
// one '\r' before it dropped, a last line without '\n' kept), and the LineReader itself over the same bytes
// (through a memfd, with a tiny buffer so that refills and growth happen on short inputs), which must agree.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "sim/trace/line_reader.h"

namespace gb::fuzz {

inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    const bool last = nl == std::string_view::npos;
    if (last) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    at = last ? text.size() : nl + 1;
  }
  return lines;
}

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "%s\n", what);
  __builtin_trap();
}

// Reads `text` through a LineReader with a buffer of `buffer_bytes` and checks it yields exactly `expected`.
inline void check_line_reader(std::string_view text, std::size_t buffer_bytes,
                              const std::vector<std::string_view>& expected) {
  static const int fd = memfd_create("gb_fuzz_trace", 0);
  if (fd < 0) return;  // no memfd: the parsers are still fuzzed
  if (ftruncate(fd, 0) != 0) return;
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = pwrite(fd, text.data() + done, text.size() - done, static_cast<off_t>(done));
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
  LineReader in("/proc/self/fd/" + std::to_string(fd), buffer_bytes);
  if (!in.ok()) fail("LineReader could not open the memfd");
  std::string_view line;
  std::size_t i = 0;
  while (in.next(line)) {
    if (i >= expected.size() || line != expected[i]) fail("LineReader yields a different line");
    if (in.line_number() != i + 1) fail("LineReader counts lines wrong");
    ++i;
  }
  if (i != expected.size() || !in.ok()) fail("LineReader stops early");
  if (in.bytes_read() != text.size()) fail("LineReader's bytes_read is not the file's size");
}

}  // namespace gb::fuzz
