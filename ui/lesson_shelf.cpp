// The lessons the studio offers (lesson_shelf.h).
#include "lesson_shelf.h"

#include <fmt/format.h>

#include "lessons/lesson_loader.h"

namespace gb::ui {

std::string stage_title(const std::string& stage, lessons::Lang lang) {
  struct Title {
    const char* stage;
    const char* en;
    const char* zh;
  };
  static constexpr Title kTitles[] = {
      {"concurrency", "Concurrency", "并发"},           {"goroutines", "Goroutines", "协程"},
      {"locks", "Locks", "锁"},                         {"message-queue", "Message queue", "消息队列"},
      {"single-core", "Single core", "单核"},           {"multi-core", "Multi-core", "多核"},
      {"mesi-and-the-bus", "MESI and the bus", "MESI 与总线"}, {"go-classics", "Go classics", "Go 经典题"},
  };
  for (const Title& t : kTitles)
    if (stage == t.stage) return lang == lessons::Lang::Zh ? t.zh : t.en;
  return stage;
}

LessonShelf::LessonShelf(std::filesystem::path root)
    : root_(root.empty() ? lessons::default_lessons_root() : std::move(root)) {}

void LessonShelf::scan() {
  if (scanned_) return;
  scanned_ = true;
  for (const std::filesystem::path& f : lessons::lesson_folders(root_)) {
    const lessons::Loaded l = lessons::load_lesson(f);
    LessonCard c;
    c.folder = f;
    c.id = l.lesson.id;
    c.order = l.lesson.order;
    c.title = l.lesson.title;
    c.level = l.lesson.level;
    c.stage = l.lesson.stage.empty() ? "go-classics" : l.lesson.stage;
    c.checkpoints = static_cast<int>(l.lesson.checkpoints.size());
    c.problems = l.problems.size();
    cards_.push_back(std::move(c));
    const lessons::Lesson& L = l.lesson;
    for (const lessons::Text* t : {&L.title, &L.intro, &L.notes}) chinese_ += t->zh;
    for (const lessons::Checkpoint& k : L.checkpoints) chinese_ += k.text.zh;
    for (const lessons::Question& q : L.questions) {
      chinese_ += q.ask.zh + q.why.zh;
      for (const std::string& choice : q.choices_zh) chinese_ += choice;
    }
    for (const lessons::InterviewQuestion& q : L.interview) chinese_ += q.ask.zh + q.answer.zh;
  }
}

std::vector<const LessonCard*> LessonShelf::stage(const std::string& stage) const {
  std::vector<const LessonCard*> out;
  for (const LessonCard& c : cards_)
    if (c.stage == stage) out.push_back(&c);
  return out;
}

const LessonCard* LessonShelf::find(const std::string& name) const {
  const std::filesystem::path folder = lessons::find_lesson(root_, name);
  for (const LessonCard& c : cards_)
    if (c.id == name || (!folder.empty() && c.folder == folder)) return &c;
  return nullptr;
}

bool LessonShelf::open(const std::string& name, StudioModel& model, lessons::Lang lang, int checkpoint,
                       std::string& error) {
  scan();
  std::filesystem::path folder;
  if (const LessonCard* c = find(name))
    folder = c->folder;
  else
    folder = lessons::find_lesson(root_, name);  // a lesson folder outside the shelf's root, by path
  if (folder.empty()) {
    error = fmt::format("no lesson '{}' in {}", name, root_.string());
    return false;
  }
  auto mode = LessonMode::open(folder, model, lang, error);
  if (!mode) return false;
  close();
  if (const auto it = progress_.find(mode->lesson().id); it != progress_.end()) mode->restore(it->second);
  current_ = std::move(mode);
  if (checkpoint >= 0 && !current_->go_to(model, checkpoint)) {
    error = fmt::format("lesson {} has no checkpoint {} (it reaches {} of {})", current_->lesson().id, checkpoint + 1,
                        current_->reachable(), current_->count());
    return true;  // open, at its introduction
  }
  return true;
}

void LessonShelf::close() {
  if (current_) progress_[current_->lesson().id] = current_->progress();
  current_.reset();
}

std::map<std::string, LessonProgress> LessonShelf::progress() const {
  std::map<std::string, LessonProgress> out = progress_;
  if (current_) out[current_->lesson().id] = current_->progress();
  return out;
}

int LessonShelf::reached(const std::string& id) const {
  if (current_ && current_->lesson().id == id) return current_->progress().furthest + 1;
  const auto it = progress_.find(id);
  return it == progress_.end() ? 0 : it->second.furthest + 1;
}

}  // namespace gb::ui
