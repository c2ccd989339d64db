// gopherbus-cli's lesson subcommands: `lessons` lists the lessons, `lesson` runs one headless (and checks it).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace gb::cli {

class LessonsCommand {
 public:
  explicit LessonsCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  std::string lang_ = "en";
  std::string dir_;
  bool json_ = false;
};

class LessonCommand {
 public:
  explicit LessonCommand(CLI::App& app);
  int run();

 private:
  CLI::App* sub_;
  std::string name_;
  std::string lang_ = "en";
  std::string dir_;
  bool check_ = false;
  bool no_claims_ = false;
  bool json_ = false;
};

}  // namespace gb::cli
