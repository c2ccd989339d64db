// The open dialog's model: listings (parent, directories, Go files), moving around, and reading programs with
// clear errors.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "ui/file_browser.h"

using namespace gb::ui;
namespace fs = std::filesystem;

namespace {

struct Tree {
  fs::path root;
  Tree() {
    char tmpl[] = "/tmp/gb_browser_XXXXXX";
    root = ::mkdtemp(tmpl);
    fs::create_directories(root / "lessons" / "deep");
    fs::create_directories(root / "alpha");
    std::ofstream(root / "b.go") << "package main\n";
    std::ofstream(root / "a.go") << "package main\nfunc main() {}\n";
    std::ofstream(root / "notes.txt") << "hello\n";
    std::ofstream(root / ".hidden.go") << "package main\n";
    std::ofstream(root / "binary.go", std::ios::binary) << std::string("pack\0age", 8);
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

std::vector<std::string> names(const FileBrowser& b) {
  std::vector<std::string> out;
  for (const DirEntry& e : b.entries()) out.push_back(e.name);
  return out;
}

}  // namespace

TEST_CASE("file browser: the parent, then directories, then Go files, each sorted, with hidden files left out") {
  Tree t;
  FileBrowser b(t.root);
  CHECK(b.error().empty());
  CHECK(names(b) == std::vector<std::string>{"..", "alpha", "lessons", "a.go", "b.go", "binary.go"});
  b.set_show_all_files(true);
  CHECK(names(b) == std::vector<std::string>{"..", "alpha", "lessons", "a.go", "b.go", "binary.go", "notes.txt"});
}

TEST_CASE("file browser: entering directories and going back up") {
  Tree t;
  FileBrowser b(t.root);
  REQUIRE(b.enter("lessons"));
  CHECK(b.dir() == fs::canonical(t.root / "lessons"));
  CHECK(names(b) == std::vector<std::string>{"..", "deep"});
  REQUIRE(b.enter(".."));
  CHECK(b.dir() == fs::canonical(t.root));
  CHECK_FALSE(b.enter("a.go"));
  CHECK_THAT(b.error(), Catch::Contains("not a directory"));
  CHECK(b.dir() == fs::canonical(t.root));  // a failed move changes nothing
  CHECK_FALSE(b.go_to(t.root / "missing"));
  CHECK(names(b).size() == 6);
}

TEST_CASE("file browser: reading a program, and the errors for what is not one") {
  Tree t;
  std::string error;
  const auto text = read_program(t.root / "a.go", error);
  REQUIRE(text);
  CHECK(*text == "package main\nfunc main() {}\n");
  CHECK_FALSE(read_program(t.root / "missing.go", error));
  CHECK_THAT(error, Catch::Contains("cannot open") && Catch::Contains("missing.go"));
  CHECK_FALSE(read_program(t.root / "binary.go", error));
  CHECK_THAT(error, Catch::Contains("not a text file"));
  CHECK_FALSE(read_program(t.root / "alpha", error));
  CHECK_THAT(error, Catch::Contains("is a directory"));
}
