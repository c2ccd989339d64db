// Lessons run headless (lesson_run.h).
#include "lessons/lesson_run.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "coherence/protocol.h"
#include "lessons/claim_expr.h"
#include "lessons/lesson_loader.h"
#include "sim/inspect/condition_eval.h"
#include "sim/inspect/query.h"

namespace gb::lessons {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(l);
  }
  return out;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

}  // namespace

MachineConfig machine_config(const MachineSpec& spec) {
  MachineConfig c;
  c.seed = spec.seed.value_or(1);
  c.gomaxprocs = spec.gomaxprocs.value_or(spec.cores.value_or(1));
  c.time_scale = spec.time_scale.value_or(1.0);
  c.machine.memory.cores = spec.cores.value_or(c.gomaxprocs);
  c.machine.memory.protocol = parse_protocol(spec.protocol.value_or("MESI")).value_or(ProtocolKind::MESI);
  c.machine.memory.store_buffer_entries = spec.store_buffers.value_or(0);
  c.machine.jitter = spec.jitter.value_or(1.0);
  c.machine.record = true;  // queries read the bus log (`bus BusRdX on balance`) as the studio's do
  // The outside world as gopherbus-cli run and the studio set it: the payment clients draw from the run's seed.
  c.world.payments = spec.payments.value_or(0);
  c.world.clients.rate_per_sec = 5000;
  c.world.clients.accounts = 64;
  c.world.clients.seed = c.seed;
  c.world.ledger.seed = c.seed;
  return c;
}

std::unique_ptr<Machine> build_machine(const Lesson& lesson, const MachineSpec& spec, std::string& error,
                                       std::vector<std::string>* source) {
  const std::string program = spec.program.value_or(lesson.program);
  const std::filesystem::path path = std::filesystem::path(lesson.folder) / program;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    error = fmt::format("cannot read {}", path.string());
    return nullptr;
  }
  std::ostringstream s;
  s << f.rdbuf();
  const KnobResult k = set_knobs(s.str(), spec.knobs);
  if (!k.error.empty()) {
    error = fmt::format("{}: {}", program, k.error);
    return nullptr;
  }
  if (source) *source = lines_of(k.text);
  std::string diagnostics;
  auto m = Machine::load(path.string(), k.text, machine_config(spec), diagnostics);
  if (!m) error = diagnostics;
  return m;
}

std::string render(const std::string& text, const Machine& m, std::vector<std::string>* errors) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", at)) {
    const std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out += text.substr(at, open - at);
    const std::string query = text.substr(open + 2, close - open - 2);
    auto a = inspect::answer(query, m);
    if (const auto* e = std::get_if<std::string>(&a)) {
      out += fmt::format("⟨error: {}⟩", *e);
      if (errors) errors->push_back(fmt::format("`{{{{{}}}}}`: {}", query, *e));
    } else {
      out += std::get<inspect::Answer>(a).text;
    }
    at = close + 2;
  }
  out += text.substr(at);
  return out;
}

bool LessonReport::claims_hold() const {
  for (const ClaimResult& c : claims)
    if (!c.holds) return false;
  return true;
}

// [SECTION] The timeline of checkpoints

std::unique_ptr<LessonTimeline> LessonTimeline::start(const Lesson& lesson, std::string& error,
                                                      std::uint64_t step_limit) {
  auto t = std::make_unique<LessonTimeline>();
  auto m = build_machine(lesson, lesson.machine, error, &t->source_);
  if (!m) return nullptr;
  SessionOptions o;
  o.step_limit = step_limit;
  t->session_ = std::make_unique<Session>(*m, o);
  for (const Checkpoint& c : lesson.checkpoints) {
    std::string bind_error;
    auto bound = inspect::BoundCondition::bind(c.when, t->session_->machine(), &t->source_, bind_error);
    if (!bound) {
      t->failures_.push_back(fmt::format("checkpoint {}: when = \"{}\": {}", c.id, c.when, bind_error));
      break;
    }
    const StepReport r = t->session_->forward_until(*bound);
    if (!r.at_boundary) {
      t->failures_.push_back(
          r.hit_limit ? fmt::format("checkpoint {} is never reached: `{}` did not fire within {} instructions", c.id,
                                    c.when, step_limit)
                      : fmt::format("checkpoint {} is never reached: the program ended before `{}` fired{}", c.id,
                                    c.when, t->positions_.empty() ? "" : " (after the checkpoint before it)"));
      break;
    }
    t->positions_.push_back(t->session_->position());
  }
  t->session_->seek(t->session_->start_position());
  return t;
}

void LessonTimeline::go_to(std::size_t checkpoint) {
  if (checkpoint < positions_.size()) session_->seek(positions_[checkpoint]);
}

// [SECTION] Running a lesson

namespace {

ClaimResult check_claim(const Lesson& lesson, const Claim& claim, const RunOptions& options) {
  ClaimResult out;
  out.id = claim.id;
  auto parsed = ClaimExpr::parse(claim.check);
  if (const auto* e = std::get_if<std::string>(&parsed)) {
    out.account = *e;
    return out;
  }
  const ClaimExpr& expr = std::get<ClaimExpr>(parsed);
  std::map<std::string, MachineSpec> runs = claim.runs;
  if (runs.empty()) runs[""] = {};
  const bool seeded = claim.seed_from != 0;
  const std::uint64_t from = seeded ? claim.seed_from : 0, to = seeded ? claim.seed_to : 0;
  std::uint64_t held = 0, ran = 0;
  std::string first_failure, last_explain;
  for (std::uint64_t seed = from; seed <= to; ++seed) {
    std::map<std::string, std::unique_ptr<Machine>> done;
    std::string error;
    for (const auto& [name, over] : runs) {
      MachineSpec spec = lesson.machine.merged(over);
      if (seeded) spec.seed = seed;
      auto m = build_machine(lesson, spec, error);
      if (!m) break;
      m->run(options.step_limit);
      if (!m->runtime().finished()) {
        error = fmt::format("run {} did not end within {} instructions", name.empty() ? "run" : name,
                            options.step_limit);
        break;
      }
      done[name] = std::move(m);
    }
    const std::string where = seeded ? fmt::format("seed {}", seed) : std::string("the lesson's seed");
    if (!error.empty()) {
      out.account = fmt::format("{}: {}", where, error);
      return out;
    }
    const ClaimExpr::Result r = expr.evaluate([&](const ClaimTerm& t) -> std::variant<inspect::Answer, std::string> {
      // A claim with one run: its terms need not name it.
      const auto it = t.run.empty() && done.size() == 1 ? done.begin() : done.find(t.run);
      if (it == done.end()) return fmt::format("no run named '{}'", t.run);
      return inspect::answer(t.query, *it->second);
    });
    if (!r.error.empty()) {
      out.account = fmt::format("{}: {}", where, r.error);
      return out;
    }
    ++ran;
    last_explain = r.explain;
    if (r.holds) {
      ++held;
      if (claim.any) break;  // one is enough
    } else if (!claim.any) {
      first_failure = fmt::format("fails at {}: {}", where, r.explain);
      break;
    }
  }
  out.holds = claim.any ? held > 0 : first_failure.empty();
  if (!out.holds)
    out.account = claim.any ? fmt::format("holds for none of {} seed(s); the last: {}", ran, last_explain)
                            : first_failure;
  else
    out.account = seeded ? fmt::format("{} ({} of {} seed(s) run)", last_explain, ran, to - from + 1) : last_explain;
  return out;
}

}  // namespace

LessonReport run_lesson(const Lesson& lesson, const RunOptions& options) {
  LessonReport rep;
  const std::string file = (std::filesystem::path(lesson.folder) / "lesson.md").string();
  std::string error;
  auto timeline = LessonTimeline::start(lesson, error, options.step_limit);
  if (!timeline) {
    rep.problems.push_back(Problem::at(file, 0, fmt::format("the lesson's program: {}", error)));
    return rep;
  }
  Session& s = timeline->session();
  std::vector<std::string> errors;
  rep.intro = render(lesson.intro.in(options.lang), s.machine(), &errors);
  for (const std::string& e : errors) rep.problems.push_back(Problem::at(file, lesson.intro.line, e));
  for (std::size_t k = 0; k < lesson.checkpoints.size(); ++k) {
    const Checkpoint& c = lesson.checkpoints[k];
    CheckpointResult cr;
    cr.id = c.id;
    if (k >= timeline->positions().size()) {
      const std::size_t f = k - timeline->positions().size();
      if (f == 0 && !timeline->failures().empty())
        rep.problems.push_back(Problem::at(file, c.origin.line, timeline->failures().front()));
      rep.checkpoints.push_back(std::move(cr));
      continue;
    }
    timeline->go_to(k);
    cr.reached = true;
    cr.position = s.position();
    errors.clear();
    cr.narrative = render(c.text.in(options.lang, &cr.fell_back), s.machine(), &errors);
    for (const std::string& e : errors) rep.problems.push_back(Problem::at(file, c.text.line, e));
    rep.checkpoints.push_back(std::move(cr));
    for (const Question& q : lesson.questions) {
      if (q.at != c.id) continue;
      QuestionResult qr;
      qr.id = q.id;
      errors.clear();
      qr.ask = render(q.ask.in(options.lang), s.machine(), &errors);
      qr.why = render(q.why.in(options.lang), s.machine(), &errors);
      auto a = inspect::answer(q.answer, s.machine());
      if (const auto* e = std::get_if<std::string>(&a)) {
        qr.detail = fmt::format("answer `{}`: {}", q.answer, *e);
      } else {
        qr.machine_answer = std::get<inspect::Answer>(a).text;
        qr.confirmed = true;
        if (!q.expect.empty() && q.expect != qr.machine_answer) {
          qr.confirmed = false;
          qr.detail = fmt::format("the author expects '{}', the machine answers '{}'", q.expect,
                                  one_line(qr.machine_answer));
        }
        if (!q.check.empty()) {
          auto parsed = ClaimExpr::parse(q.check);
          if (const auto* pe = std::get_if<std::string>(&parsed)) {
            qr.confirmed = false;
            qr.detail = *pe;
          } else {
            const ClaimExpr::Result r = std::get<ClaimExpr>(parsed).evaluate(
                [&](const ClaimTerm& t) { return inspect::answer(t.query, s.machine()); });
            if (!r.holds) {
              qr.confirmed = false;
              qr.detail = r.error.empty() ? fmt::format("`{}` does not hold: {}", q.check, r.explain) : r.error;
            } else if (qr.detail.empty()) {
              qr.detail = r.explain;
            }
          }
        }
      }
      for (const std::string& e : errors) rep.problems.push_back(Problem::at(file, q.ask.line, e));
      if (!qr.confirmed)
        rep.problems.push_back(Problem::at(file, q.origin.line, fmt::format("question {}: {}", q.id, qr.detail)));
      rep.questions.push_back(std::move(qr));
    }
  }
  for (const Question& q : lesson.questions) {
    const bool asked = std::any_of(rep.questions.begin(), rep.questions.end(),
                                   [&](const QuestionResult& r) { return r.id == q.id; });
    if (!asked)
      rep.problems.push_back(Problem::at(file, q.origin.line,
                                         fmt::format("question {} is never asked: checkpoint {} is not reached", q.id, q.at)));
  }
  if (options.claims) {
    for (const Claim& c : lesson.claims) {
      ClaimResult r = check_claim(lesson, c, options);
      if (!r.holds) rep.problems.push_back(Problem::at(file, c.origin.line, fmt::format("claim {}: {}", c.id, r.account)));
      rep.claims.push_back(std::move(r));
    }
  }
  return rep;
}

}  // namespace gb::lessons
