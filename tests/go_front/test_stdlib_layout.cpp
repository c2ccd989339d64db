// The layouts the standard library's Go source defines and C++ layers above read (sim/go/stdlib_sync_layout.h):
// the published constants must be the ones the Go source declares.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/go/stdlib_sync_layout.h"

namespace {

// The value of `name = N` in a const block of the embedded sync package's source.
long sync_constant(const std::string& name) {
  std::ifstream f(std::filesystem::path(GB_REPO_DIR) / "sim/go/stdlib/sync.go");
  REQUIRE(f);
  std::ostringstream text;
  text << f.rdbuf();
  const std::string s = text.str();
  std::smatch m;
  REQUIRE(std::regex_search(s, m, std::regex("\\n\\s*" + name + "\\s*=\\s*([0-9]+)")));
  return std::stol(m[1].str());
}

}  // namespace

TEST_CASE("stdlib layout: sync.Mutex's state bits are the ones sync.go declares") {
  CHECK(sync_constant("mutexLocked") == gb::gostd::kMutexLocked);
  CHECK(sync_constant("mutexWoken") == gb::gostd::kMutexWoken);
  CHECK(sync_constant("mutexStarving") == gb::gostd::kMutexStarving);
  CHECK(sync_constant("mutexWaiterShift") == gb::gostd::kMutexWaiterShift);
}
