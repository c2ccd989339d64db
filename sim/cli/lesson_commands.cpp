// `gopherbus-cli lessons` and `gopherbus-cli lesson` (lesson_commands.h).
#include "lesson_commands.h"

#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lessons/lesson_loader.h"
#include "lessons/lesson_run.h"

namespace gb::cli {

namespace fs = std::filesystem;

namespace {

std::optional<lessons::Lang> parse_lang(const std::string& s) {
  if (s == "en") return lessons::Lang::En;
  if (s == "zh") return lessons::Lang::Zh;
  return std::nullopt;
}

void print_problems(const std::vector<lessons::Problem>& problems) {
  for (const lessons::Problem& p : problems) std::fprintf(stderr, "%s\n", p.text().c_str());
}

}  // namespace

LessonsCommand::LessonsCommand(CLI::App& app) {
  sub_ = app.add_subcommand("lessons", "List the lessons: id, title, level and number of checkpoints, in path order");
  sub_->add_option("--lang", lang_, "en or zh")->capture_default_str();
  sub_->add_option("--dir", dir_, "The lessons' directory (default: $GOPHERBUS_LESSONS, else the source tree's)");
  sub_->add_flag("--json", json_, "Print a JSON array");
}

int LessonsCommand::run() {
  const auto lang = parse_lang(lang_);
  if (!lang) {
    std::fprintf(stderr, "gopherbus-cli lessons: --lang is en or zh, not '%s'\n", lang_.c_str());
    return 2;
  }
  const fs::path root = dir_.empty() ? lessons::default_lessons_root() : fs::path(dir_);
  const auto folders = lessons::lesson_folders(root);
  if (folders.empty()) {
    std::fprintf(stderr, "gopherbus-cli lessons: no lessons in %s\n", root.string().c_str());
    return 2;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const fs::path& f : folders) {
    const lessons::Loaded l = lessons::load_lesson(f);
    bool fell_back = false;
    const std::string& title = l.lesson.title.in(*lang, &fell_back);
    if (json_) {
      out.push_back({{"id", l.lesson.id}, {"folder", f.filename().string()}, {"title", title},
                     {"level", l.lesson.level}, {"checkpoints", l.lesson.checkpoints.size()},
                     {"problems", l.problems.size()}});
    } else {
      std::printf("%-3d %-22s %-13s %2zu checkpoints  %s%s%s\n", l.lesson.order, l.lesson.id.c_str(),
                  l.lesson.level.c_str(), l.lesson.checkpoints.size(), fell_back ? "[EN] " : "", title.c_str(),
                  l.problems.empty() ? "" : fmt::format("  ({} problem(s): gopherbus-cli lesson {} --check)",
                                                        l.problems.size(), l.lesson.id).c_str());
    }
  }
  if (json_) std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

LessonCommand::LessonCommand(CLI::App& app) {
  sub_ = app.add_subcommand("lesson",
                            "Run a lesson headless: the narrative at each checkpoint with its computed values, each "
                            "question with the machine's answer, and its claims");
  sub_->add_option("lesson", name_, "The lesson's id (data-race), folder (15-data-race), number (15) or path")
      ->required();
  sub_->add_option("--lang", lang_, "en or zh (a missing or stale translation shows the English, marked [EN])")
      ->capture_default_str();
  sub_->add_option("--dir", dir_, "The lessons' directory (default: $GOPHERBUS_LESSONS, else the source tree's)");
  sub_->add_flag("--check", check_,
                 "Verify the lesson: well formed, translated, every checkpoint reached in order, every answer as "
                 "the author expects, every claim true. Exit 0 when all hold, 1 when one fails, 2 for a bad lesson");
  sub_->add_flag("--no-claims", no_claims_, "Skip the claims (they run the program many times)");
  sub_->add_flag("--json", json_, "Print the run as JSON");
}

int LessonCommand::run() {
  const auto lang = parse_lang(lang_);
  if (!lang) {
    std::fprintf(stderr, "gopherbus-cli lesson: --lang is en or zh, not '%s'\n", lang_.c_str());
    return 2;
  }
  const fs::path root = dir_.empty() ? lessons::default_lessons_root() : fs::path(dir_);
  const fs::path folder = lessons::find_lesson(root, name_);
  if (folder.empty()) {
    std::fprintf(stderr, "gopherbus-cli lesson: no lesson '%s' in %s (gopherbus-cli lessons lists them)\n",
                 name_.c_str(), root.string().c_str());
    return 2;
  }
  const lessons::Loaded l = lessons::load_lesson(folder);
  // A lesson that cannot be read or run is a bad lesson (2); translation and other problems found by reading
  // count against --check but do not stop the run.
  if (!l.usable()) {
    print_problems(l.problems);
    return 2;
  }
  lessons::RunOptions o;
  o.lang = *lang;
  o.claims = !no_claims_;
  const lessons::LessonReport rep = lessons::run_lesson(l.lesson, o);
  const lessons::Lesson& L = l.lesson;
  if (json_) {
    nlohmann::json j;
    j["id"] = L.id;
    j["title"] = L.title.in(*lang);
    j["intro"] = rep.intro;
    for (std::size_t k = 0; k < rep.checkpoints.size(); ++k) {
      const auto& c = rep.checkpoints[k];
      j["checkpoints"].push_back({{"id", c.id}, {"reached", c.reached}, {"instructions", c.position},
                                  {"narrative", c.narrative}, {"fell_back", c.fell_back}});
    }
    for (const auto& q : rep.questions)
      j["questions"].push_back({{"id", q.id}, {"ask", q.ask}, {"why", q.why}, {"answer", q.machine_answer},
                                {"confirmed", q.confirmed}, {"detail", q.detail}});
    for (const auto& c : rep.claims) j["claims"].push_back({{"id", c.id}, {"holds", c.holds}, {"account", c.account}});
    for (const auto& p : l.problems) j["problems"].push_back(p.text());
    for (const auto& p : rep.problems) j["problems"].push_back(p.text());
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    bool fell_back = false;
    const std::string& title = L.title.in(*lang, &fell_back);
    std::printf("# %s%s\n\n", fell_back ? "[EN] " : "", title.c_str());
    if (!rep.intro.empty()) std::printf("%s\n\n", rep.intro.c_str());
    for (std::size_t k = 0; k < rep.checkpoints.size(); ++k) {
      const auto& c = rep.checkpoints[k];
      if (!c.reached) {
        std::printf("## %zu/%zu %s — not reached\n\n", k + 1, rep.checkpoints.size(), c.id.c_str());
        continue;
      }
      std::printf("## %zu/%zu %s (instruction %llu)\n\n%s%s\n\n", k + 1, rep.checkpoints.size(), c.id.c_str(),
                  static_cast<unsigned long long>(c.position), c.fell_back ? "[EN] " : "", c.narrative.c_str());
      for (std::size_t qi = 0; qi < L.questions.size(); ++qi) {
        const lessons::Question& q = L.questions[qi];
        if (q.at != c.id) continue;
        const auto it = std::find_if(rep.questions.begin(), rep.questions.end(),
                                     [&](const lessons::QuestionResult& r) { return r.id == q.id; });
        if (it == rep.questions.end()) continue;
        std::printf("? %s\n", it->ask.c_str());
        const std::vector<std::string>& choices = q.choices_in(*lang);
        for (std::size_t ci = 0; ci < choices.size(); ++ci)
          std::printf("  %s %s\n", static_cast<int>(ci) == q.correct_index() ? "*" : "-", choices[ci].c_str());
        std::printf("  the machine: %s%s\n", it->machine_answer.c_str(), it->confirmed ? "" : "  (NOT CONFIRMED)");
        if (!it->why.empty()) std::printf("  why: %s\n", it->why.c_str());
        std::printf("\n");
      }
    }
    for (std::size_t i = 0; i < rep.claims.size(); ++i)
      std::printf("claim %s: %s — %s\n", rep.claims[i].id.c_str(), rep.claims[i].holds ? "holds" : "FAILS",
                  rep.claims[i].account.c_str());
  }
  std::fflush(stdout);  // the report first, then the problems on stderr
  if (!check_) return 0;
  print_problems(l.problems);
  print_problems(rep.problems);
  if (l.problems.empty() && rep.problems.empty()) {
    std::fprintf(stderr, "%s: all %zu checkpoint(s) reached, %zu answer(s) confirmed, %zu claim(s) hold\n",
                 L.id.c_str(), rep.checkpoints.size(), rep.questions.size(), rep.claims.size());
    return 0;
  }
  // A failed claim alone is a lesson whose claim is false (1); anything else is a bad lesson (2).
  const bool only_claims = l.problems.empty() &&
                           std::all_of(rep.problems.begin(), rep.problems.end(), [](const lessons::Problem& p) {
                             return p.message.rfind("claim ", 0) == 0;
                           });
  return only_claims ? 1 : 2;
}

}  // namespace gb::cli
