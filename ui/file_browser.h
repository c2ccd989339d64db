// The open dialog's model: one directory's listing (subdirectories and Go files), moving between directories,
// and reading a chosen program with a clear error instead of a crash. No ImGui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gb::ui {

struct DirEntry {
  std::string name;
  bool directory = false;
  std::uintmax_t bytes = 0;
};

class FileBrowser {
 public:
  // Lists `dir` (the working directory when empty or unreadable).
  explicit FileBrowser(const std::filesystem::path& dir = {});

  const std::filesystem::path& dir() const { return dir_; }
  // ".." (unless at the root), then directories, then files, each sorted by name; files are .go ones unless
  // show_all_files.
  const std::vector<DirEntry>& entries() const { return entries_; }
  // Why the last move or listing failed (the listing stays as it was); empty after a success.
  const std::string& error() const { return error_; }
  bool show_all_files() const { return show_all_; }
  void set_show_all_files(bool on);

  // Into a subdirectory of dir() or ".." for the parent; false (nothing changes) with error() set.
  bool enter(const std::string& name);
  // To any directory; false with error() set when it is not one or cannot be read.
  bool go_to(const std::filesystem::path& dir);
  void refresh() { go_to(dir_); }

 private:
  std::filesystem::path dir_;
  std::vector<DirEntry> entries_;
  std::string error_;
  bool show_all_ = false;
};

// Programs larger than this are refused (a lesson fits in a few KB; this stops a wrong pick loading a video).
inline constexpr std::uintmax_t kMaxProgramBytes = 4u << 20;

// The file's text, or nullopt with `error` saying why ("cannot open x.go: No such file or directory",
// "x.bin is not a text file").
std::optional<std::string> read_program(const std::filesystem::path& file, std::string& error);

}  // namespace gb::ui
