// Runs gopherbus-cli as a user would, capturing exit status, stdout and stderr.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace gb::test {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `args` is appended to the CLI path as shell words (tests quote their own paths); `dir`, when given, is the
// working folder it runs in.
inline CliResult run_cli_in(const std::string& dir, const std::string& args) {
  static int counter = 0;
  const std::string base = "/tmp/gb_cli_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  const std::string cd = dir.empty() ? std::string() : "cd '" + dir + "' && ";
  const std::string cmd = cd + std::string(GB_CLI) + " " + args + " >" + base + ".out 2>" + base + ".err";
  const int raw = std::system(cmd.c_str());
  CliResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

inline CliResult run_cli(const std::string& args) { return run_cli_in("", args); }

// A temporary file holding `text`, removed when the object goes.
class TempFile {
 public:
  explicit TempFile(const std::string& text, const std::string& suffix = ".trace") {
    static int counter = 0;
    path_ = "/tmp/gb_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + suffix;
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace gb::test
