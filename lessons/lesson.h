// A lesson as plain data: what lessons/README.md's format says, read by lesson_loader.h from one folder (a
// lesson.md in English with its TOML front matter, lesson.zh.md with the Chinese texts, and Go programs).
// Nothing here runs a machine: lesson_run.h does.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gb::lessons {

inline constexpr int kFormatVersion = 1;

enum class Lang { En, Zh };

// A text in both languages. `zh` is empty when the translation is missing; `zh_stale` when it translates an
// older English text (its recorded hash differs from the English text's).
struct Text {
  std::string en;
  std::string zh;
  bool zh_stale = false;
  std::uint32_t line = 0;     // where the English text begins in lesson.md
  // The text in `lang`; a missing or stale Chinese text falls back to English, and `fell_back` says so.
  const std::string& in(Lang lang, bool* fell_back = nullptr) const;
};

// Where something was written: for messages as file:line.
struct Origin {
  std::string file;
  std::uint32_t line = 0;
};

// The machine a lesson (or one run of a claim) runs on; any field left unset keeps the lesson's value.
struct MachineSpec {
  std::optional<int> cores, gomaxprocs, store_buffers;
  std::optional<std::string> protocol;   // MSI, MESI, MOESI, Dragon
  std::optional<double> time_scale, jitter;
  std::optional<std::uint64_t> seed, payments;
  // Program knobs: a top-level constant marked `// knob` in the program, set to this Go literal.
  std::map<std::string, std::string> knobs;
  std::optional<std::string> program;    // a program file of the lesson's folder (default: the lesson's)
  // `over` with the fields it sets replacing this one's.
  MachineSpec merged(const MachineSpec& over) const;
};

struct Checkpoint {
  std::string id;
  std::string when;        // a condition (sim/inspect/condition.h) that ends the move to this checkpoint
  std::string spotlight;   // what the narrative talks about: see spotlight.h's forms (empty: nothing)
  std::string step = "statement";  // the step kind suggested from here (studio's names: statement, over, bus ...)
  Text text;               // the narrative (Markdown with {{query}} templates)
  Origin origin;
  // "You are the scheduler": the student picks which goroutine runs next until `goal` (a condition) holds.
  std::string goal;
};

struct Question {
  std::string id;
  std::string at;          // the checkpoint where it is asked (the machine is there when it is answered)
  std::string answer;      // a query (sim/inspect/query.h): the machine's answer, shown at the reveal
  std::string expect;      // the author's answer, checked to equal the machine's (optional)
  std::string check;       // or a claim check over this machine (claim_expr.h), as "{value balance} < 400"
  std::vector<std::string> choices;  // what the student chooses from (empty: free text)
  std::string correct;     // the right choice (default: expect)
  std::vector<std::string> choices_zh;  // the choices in Chinese (lesson.zh.md's [choices]), or empty
  // The choices as shown in `lang` (Chinese when translated), and the index of the right one (-1: none).
  const std::vector<std::string>& choices_in(Lang lang) const {
    return lang == Lang::Zh && choices_zh.size() == choices.size() ? choices_zh : choices;
  }
  int correct_index() const;
  Text ask;                // the question
  Text why;                // the explanation shown with the reveal
  Origin origin;
};

// A claim: `check` (claim_expr.h) holds over runs of the lesson's program on named machines, for every seed of
// `seeds` (all) or for at least one (any).
struct Claim {
  std::string id;
  std::map<std::string, MachineSpec> runs;  // name -> machine over the lesson's (empty: one run named "run")
  std::uint64_t seed_from = 0, seed_to = 0; // 0, 0: the lesson's seed only
  bool any = false;
  std::string check;
  Text says;
  Origin origin;
};

struct InterviewQuestion {
  std::string id;
  Text ask;
  Text answer;
};

struct Lesson {
  int format = 0;
  std::string id;
  std::string folder;      // the lesson's directory
  int order = 0;           // its place on the path (the folder's number)
  Text title;
  std::string level;       // beginner, intermediate, advanced
  std::string stage;       // its place on the path's map (lesson_loader.h's stage_names()); empty: none given
  std::vector<std::string> prerequisites;  // lesson ids
  std::string program;     // the main program's file name in the folder
  MachineSpec machine;
  std::vector<std::string> panels;  // the panels the lesson uses (the studio dims the others)
  Text intro;              // shown before the first checkpoint
  std::vector<Checkpoint> checkpoints;
  std::vector<Question> questions;
  std::vector<Claim> claims;
  Text notes;              // presenter notes for interviewers
  std::vector<InterviewQuestion> interview;
};

// One problem a lesson has, as file:line: message.
struct Problem {
  Origin origin;
  std::string message;
  std::string text() const;  // "lessons/15-data-race/lesson.md:12: unknown panel 'caches'"
  static Problem at(std::string file, std::uint32_t line, std::string message);
};

}  // namespace gb::lessons
