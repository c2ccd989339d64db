// The lesson loader (lessons/lesson_loader.h): the fixture lesson loads clean in both languages, and each way a
// lesson can be wrong is a broken copy of it (one edit each) whose problem is reported at its file and line.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "fuzz/lesson_input.h"
#include "lessons/claim_expr.h"
#include "lessons/lesson_loader.h"
#include "lessons/lesson_text.h"
#include "lessons/spotlight.h"

namespace fs = std::filesystem;
using namespace gb::lessons;

namespace {

const fs::path kGood = fs::path(GB_REPO_DIR) / "tests" / "lessons" / "fixtures" / "good";

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// A copy of the good fixture with `from` replaced by `to` in `file` (the edit must apply).
fs::path broken_copy(const std::string& name, const std::string& file, const std::string& from, const std::string& to) {
  const fs::path dir = fs::temp_directory_path() / ("gb_lesson_" + name);
  fs::remove_all(dir);
  fs::copy(kGood, dir, fs::copy_options::recursive);
  std::string text = read(dir / file);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(dir / file, std::ios::binary) << text;
  return dir;
}

// The line of `needle` in `file` of the good fixture.
std::uint32_t line_of(const std::string& file, const std::string& needle) {
  const std::string text = read(kGood / file);
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string all(const Loaded& l) {
  std::string s;
  for (const Problem& p : l.problems) s += p.text() + "\n";
  return s;
}

}  // namespace

TEST_CASE("lessons: the fixture lesson loads with no problem", "[lessons]") {
  const Loaded l = load_lesson(kGood);
  INFO(all(l));
  CHECK(l.problems.empty());
  CHECK(l.usable());
  const Lesson& L = l.lesson;
  CHECK(L.id == "fixture");
  CHECK(L.title.in(Lang::Zh) == "一个测试课");
  CHECK(L.machine.cores == 2);
  REQUIRE(L.checkpoints.size() == 2);
  CHECK(L.checkpoints[0].when == "line 20");
  CHECK(L.checkpoints[0].text.en == "A goroutine is about to add: balance is {{value balance}}.");
  CHECK(L.checkpoints[0].text.line == line_of("lesson.md", "## checkpoint first-add"));
  CHECK(L.checkpoints[0].text.in(Lang::Zh).rfind("一个 goroutine", 0) == 0);
  REQUIRE(L.questions.size() == 1);
  CHECK(L.questions[0].why.en == "Updates were lost.");
  REQUIRE(L.claims.size() == 2);
  CHECK(L.claims[1].runs.at("small").knobs.at("rounds") == "10");
  REQUIRE(L.interview.size() == 1);
  CHECK(L.interview[0].answer.in(Lang::Zh) == "是的。");
  CHECK(L.notes.en == "Say little.");
}

TEST_CASE("lessons: each mistake is reported at its file and line", "[lessons]") {
  struct Case {
    const char* name;
    const char* file;
    const char* from;
    const char* to;
    const char* message;    // a part of the problem's text
    const char* line_near;  // the problem's line is this text's line in the good file ("" : line 0, the file)
  };
  const Case cases[] = {
      {"unknown-key", "lesson.md", "level = \"beginner\"", "levle = \"beginner\"", "unknown key `levle`",
       "level = \"beginner\""},
      {"bad-level", "lesson.md", "level = \"beginner\"", "level = \"easy\"", "level 'easy'", "+++"},
      {"bad-stage", "lesson.md", "level = \"beginner\"", "level = \"beginner\"\nstage = \"nowhere\"",
       "stage 'nowhere' is not one of the path's", "+++"},
      {"unknown-panel", "lesson.md", "\"variables\"]", "\"caches\"]", "unknown panel 'caches'", "+++"},
      {"bad-protocol", "lesson.md", "protocol = \"MESI\"", "protocol = \"MEOW\"", "unknown protocol 'MEOW'",
       "[machine]"},
      {"bad-spotlight", "lesson.md", "spotlight = \"variable balance\"", "spotlight = \"cache balance\"",
       "unknown spotlight 'cache balance'", "[[checkpoint]]"},
      {"no-answer", "lesson.md", "check = \"{value balance} < 400\"\n", "", "give `expect`", "[[question]]"},
      {"unknown-condition", "lesson.md", "when = \"line 20\"", "when = \"lien 20\"",
       "when:1:1: unknown condition kind 'lien'", "[[checkpoint]]"},
      {"bad-condition", "lesson.md", "when = \"exit\"", "when = \"exit and\"", "when:1:9", "id = \"end\""},
      {"bad-query", "lesson.md", "answer = \"value balance\"", "answer = \"valeu balance\"",
       "unknown query 'valeu'", "[[question]]"},
      {"bad-template", "lesson.md", "balance is {{value balance}}", "balance is {{balance}}", "template `{{balance}}`",
       "## checkpoint first-add"},
      {"unclosed-template", "lesson.md", "balance is {{value balance}}", "balance is {{value balance",
       "not closed by `}}`", "## checkpoint first-add"},
      {"wrong-choice", "lesson.md", "correct = \"less than 400\"", "correct = \"about 400\"",
       "'about 400' is not one of the choices", "[[question]]"},
      {"no-checkpoint", "lesson.md", "at = \"end\"", "at = \"ending\"", "no checkpoint 'ending'", "[[question]]"},
      {"no-text", "lesson.md", "## checkpoint end", "## checkpoint ended", "names no checkpoint",
       "## checkpoint end"},
      {"unknown-section", "lesson.md", "## notes", "## remarks", "unknown section `## remarks`", "## notes"},
      {"claim-bad-run", "lesson.md", "{small: value balance} <", "{smal: value balance} <", "names no run",
       "id = \"fewer-rounds\""},
      {"claim-unknown-key", "lesson.md", "check = \"{lost updates} > 0\"", "check = \"{lost updates} > 0\"\nsed = 3",
       "claim: unknown key `sed`", "id = \"loses\""},
      {"claim-bad-seeds", "lesson.md", "check = \"{lost updates} > 0\"", "check = \"{lost updates} > 0\"\nseeds = [5, 1]",
       "`seeds` should be [first, last]", "id = \"loses\""},
      {"claim-bad-expr", "lesson.md", "{lost updates} > 0", "{lost updates} >", "column", "id = \"loses\""},
      {"unknown-knob", "lesson.md", "rounds = 10", "laps = 10", "no knob `laps`", "id = \"fewer-rounds\""},
      {"missing-program", "lesson.md", "program = \"main.go\"", "program = \"race.go\"", "no program 'race.go'",
       "+++"},
      {"bad-format", "lesson.md", "format = 1", "format = 2", "format = 2 is not", "+++"},
      {"toml-syntax", "lesson.md", "cores = 2", "cores = = 2", "", "cores = 2"},
      {"stale-translation", "lesson.md", "Say little.", "Say very little.", "stale translation of notes", ""},
      {"missing-translation", "lesson.zh.md", "## notes\n<!-- en: ", "## notez\n<!-- en: ",
       "missing translation of notes", ""},
      {"no-hash", "lesson.zh.md", "## interview race\n<!-- en:", "## interview race\n<!-- xx:",
       "begin the translation with `<!-- en:", ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const fs::path dir = broken_copy(c.name, c.file, c.from, c.to);
    const Loaded l = load_lesson(dir);
    const std::string text = all(l);
    INFO(text);
    REQUIRE_FALSE(l.problems.empty());
    // Reported in the broken file, at the entry's line: the line of the text named, or the table holding it
    // (a line or two above it).
    bool found = false;
    for (const Problem& p : l.problems) {
      if (p.message.find(c.message) == std::string::npos || p.origin.file.find(dir.string()) != 0) continue;
      if (std::string(c.line_near).empty()) {
        found = true;
        continue;
      }
      const std::uint32_t near = line_of(c.file, c.line_near);
      found = found || (p.origin.line + 2 >= near && p.origin.line <= near + 8);
    }
    CHECK(found);
    fs::remove_all(dir);
  }
}

TEST_CASE("lessons: a folder without a lesson file, or without front matter, is a problem, not a crash", "[lessons]") {
  const fs::path empty = fs::temp_directory_path() / "gb_lesson_empty";
  fs::remove_all(empty);
  fs::create_directories(empty);
  CHECK_FALSE(load_lesson(empty).problems.empty());
  std::ofstream(empty / "lesson.md") << "# no front matter\n";
  const Loaded l = load_lesson(empty);
  REQUIRE(l.problems.size() == 1);
  CHECK(l.problems[0].origin.line == 1);
  CHECK_FALSE(l.usable());
  fs::remove_all(empty);
}

TEST_CASE("lessons: texts are cut at headings outside code, with their translation hashes", "[lessons]") {
  const LessonText t = split_lesson_text(
      "+++\nid = \"x\"\n+++\nintro\n\n## checkpoint a\n<!-- en: 0000abcd -->\ntext\n```go\n## not a heading\n```\n"
      "### why\nbecause\n");
  REQUIRE(t.error.empty());
  CHECK(t.front == "id = \"x\"\n");
  REQUIRE(t.sections.size() == 3);
  CHECK(t.sections[0].kind.empty());
  CHECK(t.sections[0].text == "intro");
  CHECK(t.sections[1].kind == "checkpoint");
  CHECK(t.sections[1].id == "a");
  CHECK(t.sections[1].translates == 0xabcdu);
  CHECK(t.sections[1].text == "text\n```go\n## not a heading\n```");
  CHECK(t.sections[1].line == 6);
  CHECK(t.sections[2].sub == "why");
  CHECK(text_hash("  a b\r\n") == text_hash("a b"));
  CHECK(text_hash("a b") != text_hash("a  b"));
  CHECK(hash_hex(0xabc) == "00000abc");
}

TEST_CASE("lessons: knobs set a marked constant and nothing else", "[lessons]") {
  const std::string prog = "package main\n\nconst padded = false // knob: one line per counter\nconst other = 1\n";
  KnobResult r = set_knobs(prog, {{"padded", "true"}});
  CHECK(r.error.empty());
  CHECK(r.text == "package main\n\nconst padded = true // knob: one line per counter\nconst other = 1\n");
  CHECK_FALSE(set_knobs(prog, {{"other", "2"}}).error.empty());  // not marked as a knob
  CHECK_FALSE(set_knobs(prog, {{"missing", "2"}}).error.empty());
  CHECK(set_knobs("const mode = \"mutex\" // knob\n", {{"mode", "\"atomic\""}}).text == "const mode = \"atomic\" // knob\n");
}

TEST_CASE("lessons: spotlights parse into targets or say which forms exist", "[lessons]") {
  CHECK(parse_spotlight("variable tight[1]").spotlight.kind == Spotlight::Kind::Variable);
  CHECK(parse_spotlight("goroutine G6").spotlight.number == 6);
  CHECK(parse_spotlight("runqueue P1").spotlight.number == 1);
  CHECK(parse_spotlight("protocol-row S PrWr").spotlight.event == "PrWr");
  CHECK(parse_spotlight("timeline").spotlight.kind == Spotlight::Kind::Panel);
  CHECK(parse_spotlight("").spotlight.kind == Spotlight::Kind::None);
  CHECK(parse_spotlight("goroutine 6").error.find("G6") != std::string::npos);
  CHECK(parse_spotlight("cache x").error.find("variable NAME") != std::string::npos);
}

TEST_CASE("lessons: claim checks compute over named runs' answers", "[lessons]") {
  auto parse = [](const char* s) {
    auto e = ClaimExpr::parse(s);
    if (auto* err = std::get_if<std::string>(&e)) FAIL(*err);
    return std::get<ClaimExpr>(e);
  };
  const ClaimExpr e = parse("{a: bus BusRdX} + {a: bus BusUpgr} >= 5 * ({b: bus BusRdX} + {b: bus BusUpgr})");
  REQUIRE(e.terms().size() == 4);
  CHECK(e.terms()[0].run == "a");
  CHECK(e.terms()[3].query == "bus BusUpgr");
  auto answers = [](double a1, double a2, double b1, double b2) {
    return [=](const ClaimTerm& t) -> std::variant<gb::inspect::Answer, std::string> {
      const double v = t.run == "a" ? (t.query == "bus BusRdX" ? a1 : a2) : (t.query == "bus BusRdX" ? b1 : b2);
      return gb::inspect::Answer{std::to_string(static_cast<int>(v)), v};
    };
  };
  CHECK(e.evaluate(answers(600, 100, 50, 90)).holds);       // 700 >= 5 * 140
  CHECK_FALSE(e.evaluate(answers(600, 100, 50, 91)).holds);  // 700 < 705
  CHECK(e.evaluate(answers(600, 100, 50, 91)).explain.find("{b: bus BusUpgr} = 91") != std::string::npos);
  const ClaimExpr texts = parse("{a: output} == {b: output} and not {a: time} == {b: time}");
  auto outputs = [](const char* a, const char* b, double ta, double tb) {
    return [=](const ClaimTerm& t) -> std::variant<gb::inspect::Answer, std::string> {
      if (t.query == "output") return gb::inspect::Answer{t.run == "a" ? a : b, std::nullopt};
      const double v = t.run == "a" ? ta : tb;
      return gb::inspect::Answer{std::to_string(v), v};
    };
  };
  CHECK(texts.evaluate(outputs("3\n", "3\n", 10, 20)).holds);
  CHECK_FALSE(texts.evaluate(outputs("3\n", "4\n", 10, 20)).holds);
  CHECK_FALSE(texts.evaluate(outputs("3\n", "3\n", 10, 10)).holds);
  // Mistakes: at their column when parsing, in words when evaluating.
  CHECK(std::get<std::string>(ClaimExpr::parse("{lost updates} >")).rfind("column 17", 0) == 0);
  CHECK(std::get<std::string>(ClaimExpr::parse("{valeu x} > 1")).find("unknown query") != std::string::npos);
  CHECK(std::get<std::string>(ClaimExpr::parse("(1 < 2")).find("expected )") != std::string::npos);
  const ClaimExpr bare = parse("{lost updates} + 1");
  CHECK(bare.evaluate([](const ClaimTerm&) -> std::variant<gb::inspect::Answer, std::string> {
              return gb::inspect::Answer{"3", 3.0};
            }).error.find("compares nothing") != std::string::npos);
  const ClaimExpr wrong = parse("{output} > 2");
  CHECK(wrong.evaluate([](const ClaimTerm&) -> std::variant<gb::inspect::Answer, std::string> {
               return gb::inspect::Answer{"hello", std::nullopt};
             }).error.find("needs numbers") != std::string::npos);
}

TEST_CASE("lessons: knobs are found with their kind and choices, also in a const block", "[lessons]") {
  const std::string prog =
      "package main\n\nconst padded = false // knob: one line per counter\n"
      "const mode = \"mutex\" // knob: \"atomic\", \"mutex\" or \"channel\"\n"
      "const (\n\tpeak   = 10 // knob: the busiest second\n\tother  = 3\n)\nconst n int = 5 // knob\n";
  const std::vector<Knob> k = find_knobs(prog);
  REQUIRE(k.size() == 4);
  CHECK(k[0].name == "padded");
  CHECK(k[0].kind == Knob::Kind::Bool);
  CHECK(k[0].line == 3);
  CHECK(k[1].kind == Knob::Kind::String);
  CHECK(k[1].choices == std::vector<std::string>{"\"atomic\"", "\"mutex\"", "\"channel\""});
  CHECK(k[2].name == "peak");
  CHECK(k[2].value == "10");
  CHECK(k[2].comment == "the busiest second");
  CHECK(k[3].name == "n");
  CHECK(k[3].kind == Knob::Kind::Number);
  const KnobResult r = set_knobs(prog, {{"peak", "20"}, {"n", "7"}});
  REQUIRE(r.error.empty());
  CHECK(r.text.find("\tpeak   = 20 // knob: the busiest second\n") != std::string::npos);
  CHECK(r.text.find("const n int = 7 // knob\n") != std::string::npos);
  CHECK(find_knobs(r.text).size() == 4);
}

TEST_CASE("lessons: knob lines are read the regex's way, and a 60 000-byte line is no crash", "[lessons]") {
  // The forms std::regex accepted (knobs.cpp's comment), read by hand now.
  const std::string prog =
      "const = 1 // knob\n"                 // a knob named const
      "const x.y = 2 // knob\n"             // const is the name, x.y the type
      "\tconst  big   time.Duration  =  3  //  knob:  fast  \n"
      "x = 4 //knobs\n"                     // `knob` then `s`: the comment is "s"
      "y = 5 // knob\r\n"                   // a CR in the comment is not part of a knob line
      "z = 6 / 2 // knob\n"                 // the value stops at the first '/', which must start the comment
      "w = \"a\" // knob: \"b\" \"c\n";       // an unclosed quote offers no choice
  const std::vector<Knob> k = find_knobs(prog);
  REQUIRE(k.size() == 5);
  CHECK(k[0].name == "const");
  CHECK(k[1].name == "const");
  CHECK(k[1].value == "2");
  CHECK(k[2].name == "big");
  CHECK(k[2].value == "3");
  CHECK(k[2].comment == "fast  ");
  CHECK(k[3].name == "x");
  CHECK(k[3].comment == "s");
  CHECK(k[4].name == "w");
  CHECK(k[4].choices == std::vector<std::string>{"\"a\"", "\"b\""});
  CHECK(set_knobs(prog, {{"big", "9"}}).text.find("\tconst  big   time.Duration  =  9  //  knob:  fast  \n") !=
        std::string::npos);
  // std::regex recursed once per byte: this line overflowed the stack (a segmentation fault at about 50 KB in the
  // Release build; fuzz/regressions/fuzz_lesson/knob_regex_stack_overflow.lesson).
  const std::string table = "package main\n\nvar table = \"" + std::string(60'000, '7') + "\"\n\nconst rounds = 200 // knob\n";
  const std::vector<Knob> found = find_knobs(table);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 5);
  const KnobResult r = set_knobs(table, {{"rounds", "10"}});
  CHECK(r.error.empty());
  CHECK(r.text.find("const rounds = 10 // knob\n") != std::string::npos);
}

// Every input that once crashed fuzz_lesson (fuzz/regressions/fuzz_lesson/, each a lesson's files joined by NULs:
// fuzz/lesson_input.h) goes through the loader as the fuzz target feeds it: it returns, and each problem it found
// is a message.
TEST_CASE("lessons: the inputs that once broke the fuzz target load, their problems reported", "[lessons]") {
  const fs::path dir = fs::path(GB_REPO_DIR) / "fuzz" / "regressions" / "fuzz_lesson";
  std::size_t files = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    INFO(e.path().string());
    const Loaded l = gb::fuzz::load_lesson_input(read(e.path()));
    for (const Problem& p : l.problems) CHECK_FALSE(p.message.empty());
    ++files;
  }
  CHECK(files >= 1);
}

TEST_CASE("lessons: a question's choices translated, one for each", "[lessons]") {
  const Loaded l = load_lesson(kGood);
  REQUIRE(l.lesson.questions.size() == 1);
  const Question& q = l.lesson.questions[0];
  CHECK(q.choices_in(Lang::Zh) == std::vector<std::string>{"400", "少于 400"});
  CHECK(q.choices_in(Lang::En) == std::vector<std::string>{"400", "less than 400"});
  CHECK(q.correct_index() == 1);
  const fs::path dir = broken_copy("choices-count", "lesson.zh.md", "\"少于 400\"]", "\"少于 400\", \"多于\"]");
  const Loaded bad = load_lesson(dir);
  bool found = false;
  for (const Problem& p : bad.problems) found = found || p.message.find("has 2 choices, the translation gives 3") != std::string::npos;
  CHECK(found);
  CHECK(bad.lesson.questions[0].choices_in(Lang::Zh) == bad.lesson.questions[0].choices);  // falls back
  fs::remove_all(dir);
}

TEST_CASE("lessons: a lesson is found by id, folder, number with or without its zero, and stage is checked",
          "[lessons]") {
  const auto root = gb::lessons::default_lessons_root();
  const auto defer = gb::lessons::find_lesson(root, "defer");
  REQUIRE(!defer.empty());
  CHECK(gb::lessons::find_lesson(root, "08") == defer);
  CHECK(gb::lessons::find_lesson(root, "8") == defer);
  CHECK(gb::lessons::find_lesson(root, "08-defer") == defer);
  CHECK(gb::lessons::find_lesson(root, "80").empty());
  CHECK(gb::lessons::find_lesson(root, "no-such").empty());
  // Every lesson of the tree is on the map: its stage is one of the path's.
  for (const auto& f : gb::lessons::lesson_folders(root)) {
    const gb::lessons::Loaded l = gb::lessons::load_lesson(f);
    INFO(f.string());
    const auto& stages = gb::lessons::stage_names();
    CHECK(std::find(stages.begin(), stages.end(), l.lesson.stage) != stages.end());
  }
}
