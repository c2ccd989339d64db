// Lesson folders read and checked without running (lesson_loader.h).
#include "lessons/lesson_loader.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "lessons/claim_expr.h"
#include "lessons/lesson_text.h"
#include "lessons/spotlight.h"
#include "sim/inspect/condition.h"
#include "sim/inspect/query.h"

namespace gb::lessons {

namespace fs = std::filesystem;

const std::string& Text::in(Lang lang, bool* fell_back) const {
  const bool english = lang == Lang::En || zh.empty() || zh_stale;
  if (fell_back) *fell_back = lang == Lang::Zh && english;
  return english ? en : zh;
}

MachineSpec MachineSpec::merged(const MachineSpec& over) const {
  MachineSpec m = *this;
  if (over.cores) m.cores = over.cores;
  if (over.gomaxprocs) m.gomaxprocs = over.gomaxprocs;
  if (over.store_buffers) m.store_buffers = over.store_buffers;
  if (over.protocol) m.protocol = over.protocol;
  if (over.time_scale) m.time_scale = over.time_scale;
  if (over.jitter) m.jitter = over.jitter;
  if (over.seed) m.seed = over.seed;
  if (over.payments) m.payments = over.payments;
  if (over.program) m.program = over.program;
  for (const auto& [k, v] : over.knobs) m.knobs[k] = v;
  return m;
}

Problem Problem::at(std::string file, std::uint32_t line, std::string message) {
  Problem p;
  p.origin.file = std::move(file);
  p.origin.line = line;
  p.message = std::move(message);
  return p;
}

int Question::correct_index() const {
  const auto it = std::find(choices.begin(), choices.end(), correct);
  return it == choices.end() ? -1 : static_cast<int>(it - choices.begin());
}

std::string Problem::text() const {
  return origin.line != 0 ? fmt::format("{}:{}: {}", origin.file, origin.line, message)
                          : fmt::format("{}: {}", origin.file, message);
}

bool Loaded::usable() const { return !lesson.id.empty() && !lesson.program.empty() && lesson.format == kFormatVersion; }

const std::vector<std::string>& panel_names() {
  static const std::vector<std::string> names{"source", "scheduler", "cores",  "bus",   "output",
                                              "timeline", "events", "sync", "stats", "variables"};
  return names;
}

namespace {

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Reads a TOML table's fields by name, reporting a wrong type or an unknown key at the key's line.
class Fields {
 public:
  Fields(const toml::table& t, std::string file, std::uint32_t line_offset, std::vector<Problem>& problems,
         std::string where)
      : t_(t), file_(std::move(file)), offset_(line_offset), problems_(problems), where_(std::move(where)) {}

  std::uint32_t line_of(const toml::node& n) const { return n.source().begin.line + offset_ - 1; }
  std::uint32_t line() const { return t_.source().begin.line + offset_ - 1; }
  void problem(std::uint32_t line, std::string message) { problems_.push_back({{file_, line}, std::move(message)}); }

  template <typename T>
  std::optional<T> get(std::string_view key) {
    seen_.insert(std::string(key));
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if constexpr (std::is_same_v<T, double>) {
      if (auto v = n->value<double>()) return *v;  // an integer is a number too
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      if (n->is_integer()) return n->value<std::int64_t>();
    } else {
      if (auto v = n->value_exact<T>()) return *v;
    }
    problem(line_of(*n), fmt::format("{}: `{}` should be {}", where_, key,
                                     std::is_same_v<T, std::string> ? "a string"
                                     : std::is_same_v<T, bool>      ? "true or false"
                                                                    : "a number"));
    return std::nullopt;
  }
  std::string text(std::string_view key, bool required = false) {
    auto v = get<std::string>(key);
    if (!v && required && !t_.get(key)) problem(line(), fmt::format("{}: `{}` is missing", where_, key));
    return v.value_or("");
  }
  std::vector<std::string> texts(std::string_view key) {
    seen_.insert(std::string(key));
    std::vector<std::string> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      problem(line_of(*n), fmt::format("{}: `{}` should be a list of strings", where_, key));
      return out;
    }
    for (const toml::node& e : *a) {
      if (auto s = e.value_exact<std::string>()) out.push_back(*s);
      else problem(line_of(e), fmt::format("{}: `{}` should be a list of strings", where_, key));
    }
    return out;
  }
  // A key's node of any type, marked as read (the caller checks its shape).
  const toml::node* node(std::string_view key) {
    seen_.insert(std::string(key));
    return t_.get(key);
  }
  const toml::table* table(std::string_view key) {
    seen_.insert(std::string(key));
    const toml::node* n = t_.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) problem(line_of(*n), fmt::format("{}: `{}` should be a table", where_, key));
    return n->as_table();
  }
  const toml::array* tables(std::string_view key) {
    seen_.insert(std::string(key));
    const toml::node* n = t_.get(key);
    if (!n) return nullptr;
    if (!n->is_array_of_tables()) {
      problem(line_of(*n), fmt::format("{}: `{}` should be written as [[{}]] tables", where_, key, key));
      return nullptr;
    }
    return n->as_array();
  }
  // Every key not asked for is a mistake (a misspelt key would otherwise be ignored silently).
  void unknown_keys() {
    for (const auto& [k, v] : t_)
      if (!seen_.count(std::string(k.str())))
        problem(line_of(v), fmt::format("{}: unknown key `{}`", where_, k.str()));
  }
  const std::string& file() const { return file_; }
  std::uint32_t offset() const { return offset_; }
  std::vector<Problem>& problems() { return problems_; }

 private:
  const toml::table& t_;
  std::string file_;
  std::uint32_t offset_;
  std::vector<Problem>& problems_;
  std::string where_;
  std::set<std::string> seen_;
};

// A knob's TOML value as the Go literal it stands for: strings quoted, the rest as written.
std::optional<std::string> go_literal(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return fmt::format("\"{}\"", *s);
  if (auto b = n.value_exact<bool>()) return *b ? "true" : "false";
  if (auto i = n.value_exact<std::int64_t>()) return std::to_string(*i);
  if (auto d = n.value_exact<double>()) return fmt::format("{}", *d);
  return std::nullopt;
}

MachineSpec read_machine(Fields& f) {
  MachineSpec m;
  auto int_field = [&](std::string_view key, std::optional<int>& out, int lo, int hi) {
    if (auto v = f.get<std::int64_t>(key)) {
      if (*v < lo || *v > hi) f.problem(f.line(), fmt::format("machine: `{}` = {} is outside {}..{}", key, *v, lo, hi));
      else out = static_cast<int>(*v);
    }
  };
  int_field("cores", m.cores, 1, 8);
  int_field("gomaxprocs", m.gomaxprocs, 1, 8);
  int_field("store_buffers", m.store_buffers, 0, 64);
  if (auto p = f.get<std::string>("protocol")) {
    static const std::set<std::string> known{"MSI", "MESI", "MOESI", "Dragon"};
    if (!known.count(*p)) f.problem(f.line(), fmt::format("machine: unknown protocol '{}' (MSI, MESI, MOESI, Dragon)", *p));
    else m.protocol = *p;
  }
  if (auto v = f.get<double>("time_scale")) m.time_scale = *v;
  if (auto v = f.get<double>("jitter")) m.jitter = *v;
  if (auto v = f.get<std::int64_t>("seed")) m.seed = static_cast<std::uint64_t>(*v);
  if (auto v = f.get<std::int64_t>("payments")) m.payments = static_cast<std::uint64_t>(*v);
  if (auto v = f.get<std::string>("program")) m.program = *v;
  if (const toml::table* knobs = f.table("knobs")) {
    for (const auto& [k, v] : *knobs) {
      if (auto lit = go_literal(v)) m.knobs[std::string(k.str())] = *lit;
      else f.problem(f.line_of(v), fmt::format("machine: knob `{}` should be a string, number or boolean", k.str()));
    }
  }
  f.unknown_keys();
  return m;
}

// `{{query}}` templates in a text, each checked to parse.
void check_templates(const std::string& text, const Origin& at, std::vector<Problem>& problems) {
  for (std::size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
    const std::size_t close = text.find("}}", open);
    if (close == std::string::npos) {
      problems.push_back({at, "a `{{` template is not closed by `}}`"});
      return;
    }
    auto q = inspect::parse_query(std::string_view(text).substr(open + 2, close - open - 2));
    if (auto* e = std::get_if<inspect::QueryError>(&q))
      problems.push_back({at, fmt::format("template `{}`: {}", text.substr(open, close + 2 - open), e->message)});
  }
}

}  // namespace

Loaded load_lesson(const fs::path& folder) {
  return load_lesson(folder, [&folder](const std::string& name) { return read_file(folder / name); });
}

Loaded load_lesson(const fs::path& folder, const LessonFiles& read_lesson_file) {
  Loaded out;
  Lesson& L = out.lesson;
  std::vector<Problem>& problems = out.problems;
  L.folder = folder.string();
  const std::string file = (folder / "lesson.md").string();
  const std::string zh_file = (folder / "lesson.zh.md").string();
  const std::string name = folder.filename().string();
  L.order = std::atoi(name.c_str());
  const auto text = read_lesson_file("lesson.md");
  if (!text) {
    problems.push_back(Problem::at(file, 0, "cannot read the lesson file"));
    return out;
  }
  const LessonText lt = split_lesson_text(*text);
  if (!lt.error.empty()) {
    problems.push_back({{file, lt.error_line}, lt.error});
    return out;
  }
  toml::table front;
  try {
    front = toml::parse(lt.front, file);
  } catch (const toml::parse_error& e) {
    problems.push_back({{file, e.source().begin.line + lt.front_line - 1}, std::string(e.description())});
    return out;
  }
  Fields top(front, file, lt.front_line, problems, "lesson");
  if (auto v = top.get<std::int64_t>("format")) L.format = static_cast<int>(*v);
  if (L.format != kFormatVersion)
    problems.push_back({{file, lt.front_line},
                        fmt::format("format = {} is not this loader's format {}", L.format, kFormatVersion)});
  L.id = top.text("id", true);
  L.title.en = top.text("title", true);
  L.title.line = lt.front_line;
  L.level = top.text("level");
  if (!L.level.empty() && L.level != "beginner" && L.level != "intermediate" && L.level != "advanced")
    problems.push_back({{file, top.line()}, fmt::format("level '{}' is not beginner, intermediate or advanced", L.level)});
  L.stage = top.text("stage");
  if (!L.stage.empty() && std::find(stage_names().begin(), stage_names().end(), L.stage) == stage_names().end())
    problems.push_back(Problem::at(file, top.line(),
                                   fmt::format("stage '{}' is not one of the path's: {}", L.stage,
                                               fmt::join(stage_names(), ", "))));
  L.prerequisites = top.texts("prerequisites");
  L.program = top.text("program", true);
  L.panels = top.texts("panels");
  for (const std::string& p : L.panels)
    if (std::find(panel_names().begin(), panel_names().end(), p) == panel_names().end())
      problems.push_back({{file, top.line()}, fmt::format("unknown panel '{}' (the panels: {})", p,
                                                          fmt::join(panel_names(), ", "))});
  if (const toml::table* m = top.table("machine")) {
    Fields f(*m, file, lt.front_line, problems, "machine");
    L.machine = read_machine(f);
  }
  std::set<std::string> checkpoint_ids;
  if (const toml::array* cps = top.tables("checkpoint")) {
    for (const toml::node& n : *cps) {
      Fields f(*n.as_table(), file, lt.front_line, problems, "checkpoint");
      Checkpoint c;
      c.origin = {file, f.line()};
      c.id = f.text("id", true);
      c.when = f.text("when", true);
      c.spotlight = f.text("spotlight");
      c.step = f.get<std::string>("step").value_or("statement");
      c.goal = f.text("goal");
      f.unknown_keys();
      for (const auto& [field, cond] : {std::pair<const char*, const std::string&>{"when", c.when}, {"goal", c.goal}}) {
        if (cond.empty()) continue;
        const inspect::ParsedCondition pc = inspect::parse_condition(cond);
        if (!pc) problems.push_back({c.origin, fmt::format("checkpoint {}: {}", c.id, pc.error.text(field))});
      }
      if (!c.spotlight.empty()) {
        const ParsedSpotlight s = parse_spotlight(c.spotlight);
        if (!s.error.empty()) problems.push_back({c.origin, fmt::format("checkpoint {}: {}", c.id, s.error)});
      }
      if (!checkpoint_ids.insert(c.id).second)
        problems.push_back({c.origin, fmt::format("checkpoint id '{}' is used twice", c.id)});
      L.checkpoints.push_back(std::move(c));
    }
  }
  if (const toml::array* qs = top.tables("question")) {
    for (const toml::node& n : *qs) {
      Fields f(*n.as_table(), file, lt.front_line, problems, "question");
      Question q;
      q.origin = {file, f.line()};
      q.id = f.text("id", true);
      q.at = f.text("at", true);
      q.answer = f.text("answer", true);
      q.expect = f.text("expect");
      q.check = f.text("check");
      q.choices = f.texts("choices");
      q.correct = f.get<std::string>("correct").value_or(q.expect);
      f.unknown_keys();
      if (q.expect.empty() && q.check.empty())
        problems.push_back({q.origin, fmt::format("question {}: give `expect` (the answer's text) or `check` (a claim "
                                                  "over this machine) so the machine can confirm the answer", q.id)});
      if (!q.check.empty()) {
        auto e = ClaimExpr::parse(q.check);
        if (const auto* err = std::get_if<std::string>(&e))
          problems.push_back({q.origin, fmt::format("question {}: check: {}", q.id, *err)});
        else
          for (const ClaimTerm& t : std::get<ClaimExpr>(e).terms())
            if (!t.run.empty())
              problems.push_back({q.origin, fmt::format("question {}: check: `{{{}: ...}}`: a question has one "
                                                        "machine, write {{QUERY}}", q.id, t.run)});
      }
      if (!q.at.empty() && !checkpoint_ids.count(q.at))
        problems.push_back({q.origin, fmt::format("question {}: no checkpoint '{}'", q.id, q.at)});
      if (!q.answer.empty()) {
        auto parsed = inspect::parse_query(q.answer);
        if (auto* e = std::get_if<inspect::QueryError>(&parsed))
          problems.push_back({q.origin, fmt::format("question {}: answer `{}`: {}", q.id, q.answer, e->message)});
      }
      if (!q.choices.empty() && std::find(q.choices.begin(), q.choices.end(), q.correct) == q.choices.end())
        problems.push_back({q.origin, fmt::format("question {}: the right choice '{}' is not one of the choices "
                                                  "(set `correct`)", q.id, q.correct)});
      L.questions.push_back(std::move(q));
    }
  }
  if (const toml::array* cs = top.tables("claim")) {
    for (const toml::node& n : *cs) {
      Fields f(*n.as_table(), file, lt.front_line, problems, "claim");
      Claim c;
      c.origin = {file, f.line()};
      c.id = f.text("id", true);
      c.check = f.text("check", true);
      c.any = f.get<bool>("any").value_or(false);
      if (const toml::node* s = f.node("seeds")) {
        const toml::array* a = s->as_array();
        if (a && a->size() == 2 && (*a)[0].is_integer() && (*a)[1].is_integer() &&
            (*a)[0].value<std::int64_t>().value_or(0) >= 1 &&
            (*a)[1].value<std::int64_t>().value_or(0) >= (*a)[0].value<std::int64_t>().value_or(0)) {
          c.seed_from = static_cast<std::uint64_t>(*(*a)[0].value<std::int64_t>());
          c.seed_to = static_cast<std::uint64_t>(*(*a)[1].value<std::int64_t>());
        } else {
          problems.push_back({{file, f.line_of(*s)}, "claim: `seeds` should be [first, last], as [1, 200]"});
        }
      }
      if (const toml::table* runs = f.table("runs")) {
        for (const auto& [k, v] : *runs) {
          if (!v.is_table()) {
            problems.push_back({{file, f.line_of(v)}, fmt::format("claim {}: run `{}` should be a table", c.id, k.str())});
            continue;
          }
          Fields rf(*v.as_table(), file, lt.front_line, problems, fmt::format("claim {} run {}", c.id, k.str()));
          c.runs[std::string(k.str())] = read_machine(rf);
        }
      }
      f.unknown_keys();
      if (!c.check.empty()) {
        auto e = ClaimExpr::parse(c.check);
        if (const auto* err = std::get_if<std::string>(&e)) {
          problems.push_back({c.origin, fmt::format("claim {}: check: {}", c.id, *err)});
        } else {
          for (const ClaimTerm& t : std::get<ClaimExpr>(e).terms()) {
            if (c.runs.empty() && !t.run.empty())
              problems.push_back({c.origin, fmt::format("claim {}: `{{{}: ...}}` names a run, but the claim has no "
                                                        "[claim.runs]", c.id, t.run)});
            if (c.runs.size() > 1 && !c.runs.count(t.run))
              problems.push_back({c.origin, fmt::format("claim {}: `{{{}{}}}` names no run of the claim", c.id,
                                                        t.run.empty() ? "" : t.run + ": ", t.query)});
          }
        }
      }
      L.claims.push_back(std::move(c));
    }
  }
  top.unknown_keys();

  // [SECTION] The body: texts for the entries above.
  auto origin_of = [&](const Section& s) { return Origin{file, s.line}; };
  std::map<std::string, Text*> texts;  // "kind id sub" -> the text it fills
  auto key = [](const std::string& kind, const std::string& id, const std::string& sub) {
    return kind + "\x1f" + id + "\x1f" + sub;
  };
  texts[key("", "", "")] = &L.intro;
  texts[key("notes", "", "")] = &L.notes;
  for (Checkpoint& c : L.checkpoints) texts[key("checkpoint", c.id, "")] = &c.text;
  for (Question& q : L.questions) {
    texts[key("question", q.id, "")] = &q.ask;
    texts[key("question", q.id, "why")] = &q.why;
  }
  for (Claim& c : L.claims) texts[key("claim", c.id, "")] = &c.says;
  // Interview questions are declared by their sections alone.
  for (const Section& s : lt.sections) {
    if (s.kind != "interview" || !s.sub.empty()) continue;
    if (std::none_of(L.interview.begin(), L.interview.end(), [&](const InterviewQuestion& q) { return q.id == s.id; }))
      L.interview.push_back({s.id, {}, {}});
  }
  for (InterviewQuestion& q : L.interview) {
    texts[key("interview", q.id, "")] = &q.ask;
    texts[key("interview", q.id, "answer")] = &q.answer;
  }
  static const std::set<std::string> kinds{"", "checkpoint", "question", "claim", "notes", "interview"};
  for (const Section& s : lt.sections) {
    if (!kinds.count(s.kind)) {
      problems.push_back({origin_of(s), fmt::format("unknown section `## {}` (sections: checkpoint ID, question ID, "
                                                    "claim ID, notes, interview ID)", s.kind)});
      continue;
    }
    const auto it = texts.find(key(s.kind, s.id, s.sub));
    if (it == texts.end()) {
      problems.push_back({origin_of(s), s.sub.empty()
                                            ? fmt::format("`## {} {}` names no {} of the front matter", s.kind, s.id, s.kind)
                                            : fmt::format("`### {}` is not a part of `## {}`", s.sub, s.kind)});
      continue;
    }
    it->second->en = s.text;
    it->second->line = s.line;
    check_templates(s.text, origin_of(s), problems);
    // Claims, notes and interview answers are read away from any checkpoint: nothing to answer a query on.
    if ((s.kind == "claim" || s.kind == "notes" || s.kind == "interview") && s.text.find("{{") != std::string::npos)
      problems.push_back({origin_of(s), fmt::format("a `{{{{query}}}}` in `## {}` has no machine to answer it: only "
                                                    "the introduction, checkpoints and questions are computed", s.kind)});
  }
  for (const Checkpoint& c : L.checkpoints)
    if (c.text.en.empty()) problems.push_back({c.origin, fmt::format("checkpoint {} has no `## checkpoint {}` text", c.id, c.id)});
  for (const Question& q : L.questions)
    if (q.ask.en.empty()) problems.push_back({q.origin, fmt::format("question {} has no `## question {}` text", q.id, q.id)});
  for (const Claim& c : L.claims)
    if (c.says.en.empty()) problems.push_back({c.origin, fmt::format("claim {} has no `## claim {}` text", c.id, c.id)});
  for (const InterviewQuestion& q : L.interview)
    if (q.answer.en.empty())
      problems.push_back({{file, q.ask.line}, fmt::format("interview {} has no `### answer`", q.id)});

  // [SECTION] The Chinese texts: each records the hash of the English text it translates.
  const auto zh = read_lesson_file("lesson.zh.md");
  auto describe = [](const std::string& k) {
    std::string s = k;
    std::replace(s.begin(), s.end(), '\x1f', ' ');
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s.empty() ? std::string("the introduction") : s;
  };
  if (!zh) {
    problems.push_back(Problem::at(zh_file, 0, "no Chinese file: every text needs its translation"));
  } else {
    const LessonText zt = split_lesson_text(*zh);
    if (!zt.error.empty()) {
      problems.push_back({{zh_file, zt.error_line}, zt.error});
    } else {
      try {
        const toml::table zf = toml::parse(zt.front, zh_file);
        Fields f(zf, zh_file, zt.front_line, problems, "lesson.zh");
        L.title.zh = f.text("title");
        // [choices] ID = [...]: a question's choices in Chinese, one for each English choice, in order.
        if (const toml::table* ch = f.table("choices")) {
          for (const auto& [k, v] : *ch) {
            const std::string id(k.str());
            const auto q = std::find_if(L.questions.begin(), L.questions.end(), [&](const Question& x) { return x.id == id; });
            const toml::array* a = v.as_array();
            if (q == L.questions.end()) {
              problems.push_back({{zh_file, f.line_of(v)}, fmt::format("choices: no question '{}'", id)});
              continue;
            }
            std::vector<std::string> zh_choices;
            for (std::size_t i = 0; a && i < a->size(); ++i)
              if (auto str = (*a)[i].value_exact<std::string>()) zh_choices.push_back(*str);
            if (!a || zh_choices.size() != q->choices.size()) {
              problems.push_back({{zh_file, f.line_of(v)}, fmt::format("choices: question {} has {} choices, the "
                                                                       "translation gives {}", id, q->choices.size(),
                                                                       zh_choices.size())});
              continue;
            }
            q->choices_zh = std::move(zh_choices);
          }
        }
        const std::string h = f.text("title_translates");
        if (!L.title.zh.empty() && h != hash_hex(text_hash(L.title.en))) {
          L.title.zh_stale = true;
          problems.push_back({{zh_file, zt.front_line}, fmt::format("stale translation of the title (translates {}, "
                                                                    "the English is now {})", h.empty() ? "nothing" : h,
                                                                    hash_hex(text_hash(L.title.en)))});
        }
        f.unknown_keys();
      } catch (const toml::parse_error& e) {
        problems.push_back({{zh_file, e.source().begin.line + zt.front_line - 1}, std::string(e.description())});
      }
      if (L.title.zh.empty()) problems.push_back({{zh_file, zt.front_line}, "missing translation of the title"});
      std::set<std::string> translated;
      for (const Section& s : zt.sections) {
        const std::string k = key(s.kind, s.id, s.sub);
        const auto it = texts.find(k);
        if (it == texts.end() || it->second->en.empty()) {
          problems.push_back({{zh_file, s.line}, fmt::format("{} translates no English text", describe(k))});
          continue;
        }
        Text& t = *it->second;
        t.zh = s.text;
        translated.insert(k);
        check_templates(s.text, {zh_file, s.line}, problems);
        const std::uint32_t now = text_hash(t.en);
        if (!s.translates) {
          t.zh_stale = true;
          problems.push_back({{zh_file, s.line}, fmt::format("{}: begin the translation with `<!-- en: {} -->`, the "
                                                             "hash of the English it translates", describe(k), hash_hex(now))});
        } else if (*s.translates != now) {
          t.zh_stale = true;
          problems.push_back({{zh_file, s.line}, fmt::format("stale translation of {} (translates {}, the English is "
                                                             "now {})", describe(k), hash_hex(*s.translates), hash_hex(now))});
        }
      }
      for (const auto& [k, t] : texts)
        if (!t->en.empty() && !translated.count(k))
          problems.push_back(Problem::at(zh_file, 0, fmt::format("missing translation of {} (English hash {}, {}:{})",
                                                                 describe(k), hash_hex(text_hash(t->en)), file, t->line)));
    }
  }

  // [SECTION] Programs and knobs
  auto check_program = [&](const std::string& program, const std::map<std::string, std::string>& knobs,
                           const Origin& at) {
    if (program.empty()) return;
    const auto src = read_lesson_file(program);
    if (!src) {
      problems.push_back({at, fmt::format("no program '{}' in {}", program, L.folder)});
      return;
    }
    const KnobResult k = set_knobs(*src, knobs);
    if (!k.error.empty()) problems.push_back({at, fmt::format("{}: {}", program, k.error)});
  };
  const Origin front_origin{file, lt.front_line};
  check_program(L.program, L.machine.knobs, front_origin);
  for (const Claim& c : L.claims)
    for (const auto& [n, m] : c.runs) {
      const MachineSpec spec = L.machine.merged(m);
      check_program(spec.program.value_or(L.program), spec.knobs, c.origin);
    }
  return out;
}

std::vector<fs::path> lesson_folders(const fs::path& root) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(root, ec))
    if (e.is_directory() && fs::exists(e.path() / "lesson.md")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path find_lesson(const fs::path& root, const std::string& name) {
  if (fs::exists(fs::path(name) / "lesson.md")) return fs::path(name);
  for (const fs::path& p : lesson_folders(root)) {
    const std::string folder = p.filename().string();
    if (folder == name) return p;
    // "15-data-race" is lesson "data-race", and its number finds it too.
    const std::size_t dash = folder.find('-');
    if (dash != std::string::npos && (folder.substr(dash + 1) == name || folder.substr(0, dash) == name)) return p;
    // ... written without its leading zero too: lesson 8 is "08-defer".
    const std::string number = folder.substr(0, dash);
    const std::size_t digits = number.find_first_not_of('0');
    if (dash != std::string::npos && digits != std::string::npos && number.substr(digits) == name) return p;
  }
  return {};
}

const std::vector<std::string>& stage_names() {
  static const std::vector<std::string> names{"concurrency", "goroutines",       "locks",
                                              "message-queue", "single-core",    "multi-core",
                                              "mesi-and-the-bus", "go-classics"};
  return names;
}

fs::path default_lessons_root() {
  if (const char* env = std::getenv("GOPHERBUS_LESSONS"); env && *env) return env;
  return GOPHERBUS_LESSONS_DIR;
}

}  // namespace gb::lessons
