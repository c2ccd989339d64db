// Directory listings with std::filesystem (errors as codes, never exceptions), and reading a program file.
#include "file_browser.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gb::ui {

namespace fs = std::filesystem;

FileBrowser::FileBrowser(const fs::path& dir) {
  std::error_code ec;
  if (dir.empty() || !go_to(dir)) go_to(fs::current_path(ec));
}

void FileBrowser::set_show_all_files(bool on) {
  show_all_ = on;
  refresh();
}

bool FileBrowser::go_to(const fs::path& target) {
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(fs::absolute(target, ec), ec);
  if (ec || !fs::is_directory(dir, ec)) {
    error_ = target.string() + " is not a directory";
    return false;
  }
  std::vector<DirEntry> dirs, files;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = "cannot read " + dir.string() + ": " + ec.message();
    return false;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& e = *it;
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files, as a file dialog hides them
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      dirs.push_back({name, true, 0});
    } else if (show_all_ || e.path().extension() == ".go") {
      std::error_code size_ec;
      const std::uintmax_t bytes = e.file_size(size_ec);
      files.push_back({name, false, size_ec ? 0 : bytes});
    }
  }
  const auto by_name = [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; };
  std::sort(dirs.begin(), dirs.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  entries_.clear();
  if (dir.has_parent_path() && dir.parent_path() != dir) entries_.push_back({"..", true, 0});
  entries_.insert(entries_.end(), dirs.begin(), dirs.end());
  entries_.insert(entries_.end(), files.begin(), files.end());
  dir_ = dir;
  error_.clear();
  return true;
}

bool FileBrowser::enter(const std::string& name) {
  if (name == "..") return go_to(dir_.parent_path());
  return go_to(dir_ / name);
}

std::optional<std::string> read_program(const fs::path& file, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    error = file.string() + " is a directory";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "cannot open " + file.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  const std::uintmax_t bytes = fs::file_size(file, ec);
  if (!ec && bytes > kMaxProgramBytes) {
    error = file.string() + " is too large for a program (" + std::to_string(bytes) + " bytes)";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.find('\0') != std::string::npos) {
    error = file.string() + " is not a text file";
    return std::nullopt;
  }
  return text;
}

}  // namespace gb::ui
