// Reads a lesson folder into a Lesson (lesson.h) and reports every problem a reader can find without running
// it, each as file:line: unknown or mistyped front-matter keys, a checkpoint or question without its text or a
// text without its entry, a query, template or condition that does not parse, an unknown panel or spotlight
// form, a missing program or knob, a missing or stale translation. lesson_check.h finds the rest by running
// it. A bad lesson never throws: the problems say what is wrong.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lessons/knobs.h"
#include "lessons/lesson.h"

namespace gb::lessons {

struct Loaded {
  Lesson lesson;
  std::vector<Problem> problems;  // empty: the lesson is well formed
  bool usable() const;            // loaded well enough to run (it has a program and no structural error)
};

Loaded load_lesson(const std::filesystem::path& folder);

// A lesson's files by their names relative to its folder ("lesson.md", "lesson.zh.md", "main.go"): the text, or
// nullopt when there is no such file.
using LessonFiles = std::function<std::optional<std::string>(const std::string& name)>;
// The same checks over files given by `files` (load_lesson above reads them from `folder`); `folder` only names
// the lesson and its files in the problems. The fuzz target and its regression test load lessons from memory.
Loaded load_lesson(const std::filesystem::path& folder, const LessonFiles& files);

// The lessons in `root`: every subdirectory with a lesson.md, in the order of their folder names
// ("01-concurrency", "02-gmp", ...).
std::vector<std::filesystem::path> lesson_folders(const std::filesystem::path& root);
// A lesson named by id ("data-race"), folder name ("15-data-race") or path; empty when none.
std::filesystem::path find_lesson(const std::filesystem::path& root, const std::string& name);
// Where the lessons are: $GOPHERBUS_LESSONS, else the source tree's lessons/ (a build-time path).
std::filesystem::path default_lessons_root();

// The stages of the path, in order (a lesson's `stage`): concurrency → goroutines → locks → message queue →
// single core → multi-core → MESI and the bus, and the Go classics beside them.
const std::vector<std::string>& stage_names();

// The panel names a lesson may list (the studio's View menu keys).
const std::vector<std::string>& panel_names();

}  // namespace gb::lessons
