// gopherbus-cli trace as a user meets it: every kind of bad input gives one clear line and exit 2; --check,
// --json, --events and --report behave as documented.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using gb::test::run_cli;
using gb::test::TempFile;

namespace {
const std::string kShared = GB_SHARED_DIR;
const std::string kCanneal = kShared + "/conformance/smp_cache/canneal.04t.debug";

// One line on stderr, containing `needle`.
void check_one_line_error(const gb::test::CliResult& r, const std::string& needle) {
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find(needle) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
}  // namespace

TEST_CASE("bad trace lines name file:line and exit 2", "[cli][errors]") {
  SECTION("unknown op") {
    TempFile f("0 r 10\n1 x 20\n");
    check_one_line_error(run_cli("trace " + f.path()), f.path() + ":2: unknown op 'x'");
  }
  SECTION("bad hex") {
    TempFile f("0 r 10\n\n0 w 12zz\n");
    check_one_line_error(run_cli("trace " + f.path()), f.path() + ":3: bad hex address '12zz'");
  }
  SECTION("core out of range") {
    TempFile f("7 r 10\n");
    check_one_line_error(run_cli("trace --cores 4 " + f.path()), f.path() + ":1: core 7 is out of range");
  }
  SECTION("missing address") {
    TempFile f("0 r\n");
    check_one_line_error(run_cli("trace " + f.path()), f.path() + ":1: missing address");
  }
  SECTION("binary garbage") {
    TempFile f(std::string("\x01\x02\xff\xfe garbage\n", 13));
    check_one_line_error(run_cli("trace " + f.path()), f.path() + ":1:");
  }
  SECTION("a huge line with no newline does not hang") {
    TempFile f("0 r " + std::string(3'000'000, 'a'));
    check_one_line_error(run_cli("trace " + f.path()), f.path() + ":1: bad hex address");
  }
  SECTION("cs4223: bad label on line 3") {
    TempFile f("0 0x10\n2 0x5\n9 0x10\n");
    check_one_line_error(run_cli("trace --format cs4223 --cores 1 " + f.path()), f.path() + ":3: unknown label '9'");
  }
  SECTION("cs4223: bad value") {
    TempFile f("1 0xZZ\n");
    check_one_line_error(run_cli("trace --format cs4223 --cores 1 " + f.path()), f.path() + ":1: bad value");
  }
}

TEST_CASE("bad files and options exit 2 with one clear line", "[cli][errors]") {
  TempFile good("0 r 10\n");
  check_one_line_error(run_cli("trace /nonexistent/trace.txt"), "/nonexistent/trace.txt: cannot read");
  check_one_line_error(run_cli("trace /tmp"), "/tmp: cannot read: is a directory");
  check_one_line_error(run_cli("trace --cache-size 3000 " + good.path()), "cache size 3000 is not a power of two");
  check_one_line_error(run_cli("trace --assoc 0 " + good.path()), "associativity is zero");
  check_one_line_error(run_cli("trace --block 0 " + good.path()), "block size is zero");
  check_one_line_error(run_cli("trace --block 48 " + good.path()), "block size 48 is not a power of two");
  check_one_line_error(run_cli("trace --protocol mosi " + good.path()), "unknown protocol 'mosi'");
  check_one_line_error(run_cli("trace --format din " + good.path()), "unknown format 'din'");
  check_one_line_error(run_cli("trace --cores 0 " + good.path()), "--cores 0 is outside 1..16");
  check_one_line_error(run_cli("trace --inject-bug nonsense " + good.path()), "unknown bug 'nonsense'");
  check_one_line_error(run_cli("trace --protocol msi --inject-bug sc-ignores-busupd " + good.path()),
                       "sc-ignores-busupd does not apply to MSI");
  check_one_line_error(run_cli("trace --format cs4223 --cores 2 " + good.path()),
                       "one file per core: --cores 2 but 1 file(s)");
  CHECK(run_cli("trace --cores").status == 2);
  CHECK(run_cli("frobnicate").status == 2);
}

TEST_CASE("trace --help describes the trace options", "[cli]") {
  const auto r = run_cli("trace --help");
  CHECK(r.status == 0);
  for (const char* opt : {"--format", "--protocol", "--cores", "--cache-size", "--assoc", "--block", "--timing",
                          "--report", "--json", "--events", "--check", "--inject-bug"})
    CHECK(r.out.find(opt) != std::string::npos);
}

TEST_CASE("trace --report smp_cache reproduces the validation files through the CLI", "[cli][conformance]") {
  for (const char* proto : {"msi", "mesi", "dragon"}) {
    const auto r = run_cli(std::string("trace --protocol ") + proto +
                           " --report smp_cache --trace-label trace/canneal.04t.debug " + kCanneal);
    REQUIRE(r.status == 0);
    const std::string name = std::string(proto) == "msi" ? "MSI" : std::string(proto) == "mesi" ? "MESI" : "Dragon";
    TempFile got(r.out, ".val");
    const std::string cmd =
        "diff -iw " + got.path() + " " + kShared + "/conformance/smp_cache/" + name + "_debug.val >/dev/null";
    INFO(name);
    CHECK(std::system(cmd.c_str()) == 0);
  }
}

TEST_CASE("trace --check stops at the first violation with an account of it, exit 1", "[cli][check]") {
  const auto clean = run_cli("trace --check --protocol mesi " + kCanneal);
  CHECK(clean.status == 0);
  const auto r = run_cli("trace --check --protocol mesi --inject-bug m-evict-no-writeback " + kCanneal);
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("data-value invariant violated on line 0x") != std::string::npos);
  CHECK(r.err.find("found after trace record") != std::string::npos);
  CHECK(r.err.find("planted bug: m-evict-no-writeback") != std::string::npos);
}

TEST_CASE("trace --json gives every statistic with snake_case keys", "[cli][json]") {
  const auto r = run_cli("trace --json --protocol mesi " + kCanneal);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["cores"].size() == 4);
  for (const char* key : {"reads", "read_misses", "writes", "write_misses", "writebacks", "c2c_transfers",
                          "interventions", "invalidations", "flushes", "bus_rd", "bus_rdx", "bus_upgr"})
    CHECK(j["cores"][0].contains(key));
  CHECK(j["cores"][0]["reads"] == 2339);
  CHECK(j["cores"][0]["c2c_transfers"] == 174);
  CHECK(j["bus"]["transactions"].get<int>() > 0);
  CHECK_FALSE(j.contains("cycles"));  // functional mode

  const auto t = run_cli("trace --json --timing --protocol mesi " + kCanneal);
  REQUIRE(t.status == 0);
  CHECK(nlohmann::json::parse(t.out)["cycles"].get<long>() > 10000);
}

TEST_CASE("trace --events prints one line per transaction with every state change", "[cli][events]") {
  TempFile f("0 r 1000\n1 r 1000\n1 w 1000\n");
  const auto r = run_cli("trace --events --cores 2 --protocol mesi " + f.path());
  REQUIRE(r.status == 0);
  CHECK(r.out.find("core 0 PrRd 0x1000 line 0x40 BusRd alone: c0 I->E; data from memory") != std::string::npos);
  CHECK(r.out.find("core 1 PrRd 0x1000 line 0x40 BusRd shared: c1 I->S c0 E->S; data from c0 (FlushOpt)") !=
        std::string::npos);
  CHECK(r.out.find("core 1 PrWr 0x1000 line 0x40 BusUpgr shared: c1 S->M c0 S->I") != std::string::npos);
}
