// A lesson in the studio: the lesson's program and machine loaded into the StudioModel, its checkpoints found
// once (lessons/lesson_run.h's LessonTimeline, the same moves `gopherbus-cli lesson` makes) and then reached by
// seeking the studio's own Session there, forward or back. At each checkpoint the narrative and the machine's
// answers are rendered once, on arrival, so stepping on from there does not rewrite the prose under the
// student's eyes. The student's choices and reveals are kept here (and in the settings, by lesson id). No ImGui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compare_model.h"
#include "lesson_progress.h"
#include "lessons/lesson.h"
#include "lessons/spotlight.h"
#include "studio_model.h"

namespace gb::ui {

// The studio's knobs for a lesson's machine: the same MachineConfig lessons::machine_config(spec) builds
// (recording on, the lesson's payments), so the studio's run is the run the lesson was checked on.
StudioConfig lesson_studio_config(const lessons::MachineSpec& spec);

class LessonMode {
 public:
  // Loads the lesson in `folder`, puts its program and machine into `model` and finds its checkpoints. Null
  // with `error` (every problem the loader found, one a line, or why the machine cannot be built) for a lesson
  // that cannot run. A lesson with lesser problems (a stale translation) opens, its problems listed.
  static std::unique_ptr<LessonMode> open(const std::filesystem::path& folder, StudioModel& model,
                                          lessons::Lang lang, std::string& error);

  const lessons::Lesson& lesson() const { return lesson_; }
  const std::vector<lessons::Problem>& problems() const { return problems_; }
  // Checkpoints the run never reached (a lesson bug): why, one a line. The ones before still work.
  const std::vector<std::string>& failures() const { return failures_; }
  lessons::Lang lang() const { return lang_; }
  void set_lang(lessons::Lang lang, const StudioModel& model);

  // [SECTION] Where the lesson is: -1 the introduction (the start of the run), 0..count()-1 a checkpoint.
  int at() const { return at_; }
  int count() const { return static_cast<int>(lesson_.checkpoints.size()); }
  int reachable() const { return static_cast<int>(positions_.size()); }
  // The machine moves there (a seek in the studio's Session, forward or back); false when `k` is out of range
  // or was never reached. The rendered texts are made there.
  bool go_to(StudioModel& model, int k);
  bool next(StudioModel& model) { return go_to(model, at_ + 1); }
  bool previous(StudioModel& model) { return go_to(model, at_ - 1); }
  // Back to the lesson's own program and machine at the introduction (after a knob, the config or the program
  // was changed by hand).
  void reset(StudioModel& model);
  // The studio still runs the lesson's program on the lesson's machine (a knob or config changed by hand
  // leaves the lesson: its checkpoints no longer apply until reset()).
  bool on_track(const StudioModel& model) const;
  // The instruction position of checkpoint k (start position for -1).
  std::uint64_t position(int k) const;

  // [SECTION] What the lesson panel shows at the current place, rendered on arrival in lang()
  const lessons::Checkpoint* checkpoint() const;
  const std::string& narrative() const { return narrative_; }
  bool fell_back() const { return fell_back_; }  // the Chinese text is missing or stale: English shown
  std::vector<const lessons::Question*> questions() const;  // asked here
  // The machine's answer to `q` here (the answer query's text, or its error), and its texts rendered here.
  std::string machine_answer(const lessons::Question& q) const;
  std::string ask(const lessons::Question& q) const;
  std::string why(const lessons::Question& q) const;
  lessons::Spotlight spotlight() const;
  // The step kind the checkpoint suggests from here ("statement", "instruction", "bus" ...), as studio names it.
  std::string suggested_step() const;

  // [SECTION] Compare: each claim over two runs of the lesson's own program is a pair Compare offers (the claim's
  // run names as the sides' labels), so the student steps both machines the claim compares.
  const std::vector<ComparePreset>& claim_pairs() const { return claim_pairs_; }

  // [SECTION] "You are the scheduler": a checkpoint with a goal (a condition) the student reaches by stepping.
  const std::string& goal() const;  // empty when this checkpoint has none
  // Whether the goal fired on the way from this checkpoint to the machine's present position: checked by the
  // studio's Session as a conditional breakpoint the lesson sets while the goal is open.
  bool goal_reached() const { return goal_reached_; }
  // Called after each move of the machine: notices the goal's breakpoint in the last step.
  void after_step(const StudioModel& model);

  // [SECTION] The student's answers
  void choose(const std::string& question, int choice);
  std::optional<int> chosen(const std::string& question) const;
  void reveal(const std::string& question) { progress_.shown[question] = true; }
  bool revealed(const std::string& question) const;
  const LessonProgress& progress() const { return progress_; }
  void restore(const LessonProgress& p) { progress_ = p; }

 private:
  void render_here(const StudioModel& model);
  void arm_goal(StudioModel& model);

  lessons::Lesson lesson_;
  std::vector<lessons::Problem> problems_;
  std::vector<std::string> failures_;
  lessons::Lang lang_ = lessons::Lang::En;
  std::string file_, text_;      // the program as the lesson runs it (knobs set)
  StudioConfig config_;
  std::uint64_t start_ = 0;
  std::vector<std::uint64_t> positions_;
  int at_ = -1;
  std::string narrative_;
  bool fell_back_ = false;
  std::map<std::string, std::string> answers_;  // question id -> the machine's answer here
  std::map<std::string, std::string> asks_, whys_;  // question id -> its texts rendered here
  bool goal_reached_ = false;
  std::string armed_goal_;  // the goal set as a condition breakpoint in the model (empty: none)
  LessonProgress progress_;
  std::vector<ComparePreset> claim_pairs_;  // found once, at open
  std::vector<ComparePreset> find_claim_pairs() const;
};

}  // namespace gb::ui
