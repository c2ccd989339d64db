// The lessons the studio offers: each lesson folder read once for the map of the path (title in both
// languages, level, stage, checkpoints, problems), every lesson's progress by id (the settings keep it), and the
// one lesson open now. No ImGui.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lesson_mode.h"
#include "lessons/lesson.h"

namespace gb::ui {

// One lesson on the map.
struct LessonCard {
  std::filesystem::path folder;
  std::string id;
  int order = 0;
  lessons::Text title;
  std::string level;
  std::string stage;
  int checkpoints = 0;
  std::size_t problems = 0;  // the loader's (the lesson still opens unless it cannot run)
};

// A stage of the path in the language asked ("locks" -> "Locks" or "锁").
std::string stage_title(const std::string& stage, lessons::Lang lang);

class LessonShelf {
 public:
  // The lessons in `root` (lessons::default_lessons_root() when empty), read by scan().
  explicit LessonShelf(std::filesystem::path root = {});
  // Reads every lesson folder once (later calls do nothing): the map and open() call it.
  void scan();
  const std::filesystem::path& root() const { return root_; }
  const std::vector<LessonCard>& cards() const { return cards_; }
  // The lessons of one stage, in path order.
  std::vector<const LessonCard*> stage(const std::string& stage) const;
  // Every Chinese text of every lesson (titles, narrative, questions, notes), for the font atlas: the lessons
  // use characters beyond ImGui's common Chinese set.
  const std::string& chinese_text() const { return chinese_; }
  // A lesson named by id, folder name, number or path (as `gopherbus-cli lesson` takes it); null when none.
  const LessonCard* find(const std::string& name) const;

  // [SECTION] The open lesson
  // Opens `name` in `model` at checkpoint `checkpoint` (-1: its introduction), the student's earlier answers
  // restored; the lesson open before keeps its progress. False with `error` when there is no such lesson or it
  // cannot run (the studio's program is then left as it was).
  bool open(const std::string& name, StudioModel& model, lessons::Lang lang, int checkpoint, std::string& error);
  void close();
  LessonMode* current() { return current_.get(); }
  const LessonMode* current() const { return current_.get(); }

  // [SECTION] Progress, by lesson id (the open lesson's included)
  std::map<std::string, LessonProgress> progress() const;
  void restore(std::map<std::string, LessonProgress> progress) { progress_ = std::move(progress); }
  // Checkpoints reached of a lesson (0 when never opened), for the map's bars.
  int reached(const std::string& id) const;

 private:
  std::filesystem::path root_;
  std::vector<LessonCard> cards_;
  bool scanned_ = false;
  std::string chinese_;
  std::unique_ptr<LessonMode> current_;
  std::map<std::string, LessonProgress> progress_;  // the lessons not open now
};

}  // namespace gb::ui
