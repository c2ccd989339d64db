// The smp_cache validation runs (NCSU ECE 506) must match line for line, as `diff -iw` compares them.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/trace/reports.h"

namespace {

// diff -iw: case is ignored and all white space within a line is ignored.
std::string normalise(const std::string& line) {
  std::string out;
  for (char c : line)
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(normalise(l));
  return lines;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());  // a golden-file test must fail when the golden file is absent
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("smp_cache validation runs match line for line", "[conformance][smp_cache]") {
  const std::string dir = std::string(GB_SHARED_DIR) + "/conformance/smp_cache/";
  const auto [kind, file] = GENERATE(table<gb::ProtocolKind, std::string>({
      {gb::ProtocolKind::MSI, "MSI_debug.val"},
      {gb::ProtocolKind::MESI, "MESI_debug.val"},
      {gb::ProtocolKind::Dragon, "Dragon_debug.val"},
  }));
  gb::TraceOptions o;
  o.format = gb::TraceFormat::SmpCache;
  o.files = {dir + "canneal.04t.debug"};
  o.protocol = kind;
  o.cores = 4;
  o.geometry = {8192, 8, 64};
  o.check = true;  // the invariants must also hold on the way
  const gb::TraceResult r = gb::run_trace(o, nullptr);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.references == 10000);
  const auto got = lines_of(gb::smp_cache_report(o, r, "trace/canneal.04t.debug"));
  const auto want = lines_of(read_file(dir + file));
  INFO(file);
  REQUIRE(want.size() == 63);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("line " << i + 1);
    CHECK(got[i] == want[i]);
  }
}
