// `run --race` against real Go's -race on tests/race (tests/race/README.md): for every program the same verdict,
// the same pairs of source lines in the same kind of access (tests/race/summarise.sh's summary of the reports),
// the same exit status (66 after a race) and the same standard output.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_runner.h"

namespace {

const std::string kRaceDir = std::string(GB_REPO_DIR) + "/tests/race";

}  // namespace

TEST_CASE("race: every program of tests/race gets real Go's verdict, lines and exit status", "[race][cli][corpus]") {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kRaceDir))
    if (e.path().extension() == ".go") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 20);
  int racy = 0;
  // As regen.sh ran real Go: from the folder, the bare file name, GOMAXPROCS 1 (the CLI's default); and on the
  // machine's 2 cores, where the interleaving differs but happens-before does not.
  for (const std::string mode : {"", "--cores 2 --gomaxprocs 2 "})
  for (const std::string& name : names) {
    INFO(mode << name);
    const auto in_dir = gb::test::run_cli_in(kRaceDir, "run --race " + mode + name + ".go");
    const std::string summary = "/tmp/gb_race_" + std::to_string(getpid()) + "_" + name;
    {
      std::ofstream out(summary + ".err");
      out << in_dir.err;
    }
    // The reports summarised by the scripts that summarised Go's.
    const std::string cmd = "cd '" + kRaceDir + "' && sh normalise.sh < " + summary + ".err > " + summary +
                            ".norm && sh summarise.sh " + summary + ".norm > " + summary + ".races";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string ours = gb::test::slurp(summary + ".races");
    const std::string go = gb::test::slurp(kRaceDir + "/" + name + ".races");
    CHECK(ours == go);
    CHECK(std::to_string(in_dir.status) + "\n" == gb::test::slurp(kRaceDir + "/" + name + ".exit"));
    CHECK(in_dir.out == gb::test::slurp(kRaceDir + "/" + name + ".stdout"));
    racy += go.empty() ? 0 : 1;
    for (const char* ext : {".err", ".norm", ".races"}) std::remove((summary + ext).c_str());
  }
  CHECK(racy >= 20);  // ten or more racy programs, in both modes
}

TEST_CASE("race: without --race a racy program runs as before: no report, its own exit status", "[race][cli]") {
  const auto r = gb::test::run_cli_in(kRaceDir, "run race_lost_update.go");
  CHECK(r.status == 0);
  CHECK(r.err.find("DATA RACE") == std::string::npos);
}
