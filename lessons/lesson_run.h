// A lesson run headless: its machine built from the lesson's spec (knobs set in the program), moved through the
// Session from checkpoint to checkpoint (each a condition, sim/inspect/condition_eval.h), its narrative's
// templates answered there, its questions answered and confirmed there, and its claims checked over runs to the
// end. `gopherbus-cli lesson` prints it; `--check` and the tests require every part to hold; the studio's
// lesson mode moves its own Session the same way.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lessons/lesson.h"
#include "sim/machine/machine.h"
#include "sim/machine/session.h"

namespace gb::lessons {

// The machine `spec` (over the lesson's) describes, with the program's knobs set; null with `error` when the
// program cannot be read, a knob is unknown or the program does not compile. `source` gets the program's lines.
std::unique_ptr<Machine> build_machine(const Lesson& lesson, const MachineSpec& spec, std::string& error,
                                       std::vector<std::string>* source = nullptr);
MachineConfig machine_config(const MachineSpec& spec);

// `{{query}}` templates of `text` answered on `m` (an answer that fails shows as ⟨error: ...⟩ and is reported).
std::string render(const std::string& text, const Machine& m, std::vector<std::string>* errors = nullptr);

struct CheckpointResult {
  std::string id;
  bool reached = false;
  std::uint64_t position = 0;  // instructions run when it was reached
  std::string narrative;       // rendered, in the run's language
  bool fell_back = false;      // a Chinese run showed the English text (missing or stale translation)
};

struct QuestionResult {
  std::string id;
  std::string ask;             // rendered
  std::string why;             // the explanation, rendered
  std::string machine_answer;  // the answer query's text
  bool confirmed = false;      // expect equals it / check holds
  std::string detail;          // why not, or the check's terms
};

struct ClaimResult {
  std::string id;
  bool holds = false;
  std::string account;         // the seeds run and the values the check saw (the failing ones when it fails)
};

struct LessonReport {
  std::vector<Problem> problems;  // everything that makes --check fail, as file:line messages
  std::vector<CheckpointResult> checkpoints;
  std::vector<QuestionResult> questions;
  std::vector<ClaimResult> claims;
  std::string intro;
  bool claims_hold() const;
};

struct RunOptions {
  Lang lang = Lang::En;
  bool claims = true;                        // run the claims (they run the program many times)
  std::uint64_t step_limit = 50'000'000;     // per move to a checkpoint, and per claim run
};

LessonReport run_lesson(const Lesson& lesson, const RunOptions& options = {});

// A lesson's timeline in the Session: the checkpoints' positions, found once by moving forward; going to
// checkpoint k (forward or back) is a seek there.
class LessonTimeline {
 public:
  // Null with `error` when the lesson's machine cannot be built.
  static std::unique_ptr<LessonTimeline> start(const Lesson& lesson, std::string& error,
                                               std::uint64_t step_limit = 50'000'000);
  Session& session() { return *session_; }
  const std::vector<std::string>& source() const { return source_; }
  // Positions of the checkpoints reached, in order (fewer than the lesson's when one is never reached).
  const std::vector<std::uint64_t>& positions() const { return positions_; }
  const std::vector<std::string>& failures() const { return failures_; }  // why a checkpoint was not reached
  void go_to(std::size_t checkpoint);

 private:
  std::unique_ptr<Session> session_;
  std::vector<std::string> source_;
  std::vector<std::uint64_t> positions_;
  std::vector<std::string> failures_;
};

}  // namespace gb::lessons
