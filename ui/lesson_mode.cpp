// A lesson in the studio (lesson_mode.h).
#include "lesson_mode.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "coherence/protocol.h"
#include "lessons/knobs.h"
#include "lessons/lesson_loader.h"
#include "lessons/lesson_run.h"
#include "sim/inspect/query.h"

namespace gb::ui {

StudioConfig lesson_studio_config(const lessons::MachineSpec& spec) {
  // The same defaults as lessons::machine_config: GOMAXPROCS from the cores, the cores from GOMAXPROCS.
  StudioConfig c;
  c.gomaxprocs = spec.gomaxprocs.value_or(spec.cores.value_or(1));
  c.cores = spec.cores.value_or(c.gomaxprocs);
  c.protocol = parse_protocol(spec.protocol.value_or("MESI")).value_or(ProtocolKind::MESI);
  c.seed = spec.seed.value_or(1);
  c.time_scale = spec.time_scale.value_or(1.0);
  c.store_buffers = spec.store_buffers.value_or(0);
  c.jitter = spec.jitter.value_or(1.0);
  c.payments = spec.payments.value_or(0);
  c.record = true;
  return c;
}

std::unique_ptr<LessonMode> LessonMode::open(const std::filesystem::path& folder, StudioModel& model,
                                             lessons::Lang lang, std::string& error) {
  lessons::Loaded loaded = lessons::load_lesson(folder);
  if (!loaded.usable()) {
    error = fmt::format("{} cannot be opened:", folder.string());
    for (const lessons::Problem& p : loaded.problems) error += fmt::format("\n{}", p.text());
    return nullptr;
  }
  auto mode = std::unique_ptr<LessonMode>(new LessonMode());
  mode->lesson_ = std::move(loaded.lesson);
  mode->problems_ = std::move(loaded.problems);
  mode->lang_ = lang;
  const lessons::Lesson& L = mode->lesson_;
  const std::filesystem::path program = folder / L.program;
  std::ifstream in(program, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read {}", program.string());
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const lessons::KnobResult k = lessons::set_knobs(text.str(), L.machine.knobs);
  if (!k.error.empty()) {
    error = fmt::format("{}: {}", program.string(), k.error);
    return nullptr;
  }
  // The checkpoints' positions, found once on a machine of the lesson's own (as `gopherbus-cli lesson` finds
  // them); the studio's run is the same run, so the positions hold there.
  auto timeline = lessons::LessonTimeline::start(L, error);
  if (!timeline) return nullptr;
  mode->positions_ = timeline->positions();
  mode->failures_ = timeline->failures();
  // The name the source panel and Go's messages show: the lesson's folder and file, not where the tree is.
  const std::filesystem::path name = folder.has_filename() ? folder.filename() : folder.parent_path().filename();
  mode->file_ = (name / L.program).string();
  mode->text_ = k.text;
  mode->config_ = lesson_studio_config(L.machine);
  mode->claim_pairs_ = mode->find_claim_pairs();  // the lesson panel asks every frame
  mode->reset(model);
  if (!model.diagnostics().empty()) {
    error = model.diagnostics();
    return nullptr;
  }
  return mode;
}

void LessonMode::reset(StudioModel& model) {
  model.set_config(config_);
  if (model.text() != text_ || model.file() != file_) model.load(file_, text_);
  start_ = model.session() != nullptr ? model.session()->start_position() : 0;
  go_to(model, -1);
}

bool LessonMode::on_track(const StudioModel& model) const {
  return model.loaded() && model.text() == text_ && model.file() == file_ && model.config() == config_;
}

std::uint64_t LessonMode::position(int k) const {
  return k < 0 || k >= reachable() ? start_ : positions_[static_cast<std::size_t>(k)];
}

bool LessonMode::go_to(StudioModel& model, int k) {
  if (k < -1 || k >= reachable() || !on_track(model)) return false;
  at_ = k;
  model.forget_choices();  // the checkpoints were found on the machine's own schedule
  model.seek(position(k));
  if (k > progress_.furthest) progress_.furthest = k;
  render_here(model);
  arm_goal(model);
  return true;
}

void LessonMode::set_lang(lessons::Lang lang, const StudioModel& model) {
  lang_ = lang;
  // The texts are rendered again in the new language on the machine as it is now: at the checkpoint unless
  // the student stepped on (the values then are the present's, which is what the panel shows anyway).
  if (on_track(model)) render_here(model);
}

const lessons::Checkpoint* LessonMode::checkpoint() const {
  return at_ >= 0 && at_ < count() ? &lesson_.checkpoints[static_cast<std::size_t>(at_)] : nullptr;
}

void LessonMode::render_here(const StudioModel& model) {
  fell_back_ = false;
  answers_.clear();
  asks_.clear();
  whys_.clear();
  const lessons::Checkpoint* c = checkpoint();
  const lessons::Text& text = c != nullptr ? c->text : lesson_.intro;
  const std::string& source = text.in(lang_, &fell_back_);
  if (model.machine() == nullptr) {
    narrative_ = source;
    return;
  }
  narrative_ = lessons::render(source, *model.machine());
  for (const lessons::Question* q : questions()) {
    auto a = inspect::answer(q->answer, *model.machine());
    const auto* e = std::get_if<std::string>(&a);
    answers_[q->id] = e != nullptr ? fmt::format("⟨error: {}⟩", *e) : std::get<inspect::Answer>(a).text;
    asks_[q->id] = lessons::render(q->ask.in(lang_), *model.machine());
    whys_[q->id] = lessons::render(q->why.in(lang_), *model.machine());
  }
}

std::vector<const lessons::Question*> LessonMode::questions() const {
  std::vector<const lessons::Question*> out;
  const lessons::Checkpoint* c = checkpoint();
  if (c == nullptr) return out;
  for (const lessons::Question& q : lesson_.questions)
    if (q.at == c->id) out.push_back(&q);
  return out;
}

std::string LessonMode::machine_answer(const lessons::Question& q) const {
  if (const auto it = answers_.find(q.id); it != answers_.end()) return it->second;
  return {};
}

std::string LessonMode::ask(const lessons::Question& q) const {
  const auto it = asks_.find(q.id);
  return it != asks_.end() ? it->second : q.ask.in(lang_);
}

std::string LessonMode::why(const lessons::Question& q) const {
  const auto it = whys_.find(q.id);
  return it != whys_.end() ? it->second : q.why.in(lang_);
}

lessons::Spotlight LessonMode::spotlight() const {
  const lessons::Checkpoint* c = checkpoint();
  if (c == nullptr || c->spotlight.empty()) return {};
  return lessons::parse_spotlight(c->spotlight).spotlight;
}

std::string LessonMode::suggested_step() const {
  const lessons::Checkpoint* c = checkpoint();
  return c != nullptr ? c->step : std::string("statement");
}

std::vector<ComparePreset> LessonMode::find_claim_pairs() const {
  std::vector<ComparePreset> out;
  for (const lessons::Claim& c : lesson_.claims) {
    if (c.runs.size() != 2) continue;
    auto side = [&](const std::string& name, const lessons::MachineSpec& run) -> std::optional<CompareSide> {
      const lessons::MachineSpec spec = lesson_.machine.merged(run);
      if (spec.program && *spec.program != lesson_.program) return std::nullopt;  // another program: not a pair
      return CompareSide{lesson_studio_config(spec), spec.knobs, name};
    };
    const auto a = side(c.runs.begin()->first, c.runs.begin()->second);
    const auto b = side(std::next(c.runs.begin())->first, std::next(c.runs.begin())->second);
    if (!a || !b) continue;
    out.push_back(ComparePreset{fmt::format("claim:{}", c.id), *a, *b});
  }
  return out;
}

const std::string& LessonMode::goal() const {
  static const std::string none;
  const lessons::Checkpoint* c = checkpoint();
  return c != nullptr ? c->goal : none;
}

void LessonMode::arm_goal(StudioModel& model) {
  goal_reached_ = false;
  // One goal breakpoint at a time: the previous checkpoint's goes (the student's own breakpoints stay).
  const auto& bps = model.condition_breakpoints();
  for (std::size_t i = 0; i < bps.size(); ++i)
    if (!armed_goal_.empty() && bps[i].line == 0 && bps[i].condition == armed_goal_) {
      model.remove_condition_breakpoint(i);
      break;
    }
  armed_goal_.clear();
  if (goal().empty()) return;
  std::string error;
  if (model.add_condition_breakpoint(0, goal(), error)) armed_goal_ = goal();
}

void LessonMode::after_step(const StudioModel& model) {
  if (armed_goal_.empty() || goal_reached_ || !model.last_step()) return;
  const std::int32_t hit = model.last_step()->report.condition_breakpoint;
  const auto& bps = model.condition_breakpoints();
  if (hit >= 0 && static_cast<std::size_t>(hit) < bps.size() && bps[static_cast<std::size_t>(hit)].line == 0 &&
      bps[static_cast<std::size_t>(hit)].condition == armed_goal_)
    goal_reached_ = true;
}

void LessonMode::choose(const std::string& question, int choice) {
  // A revealed answer is final: choosing again after seeing the machine's would not be a prediction.
  if (!revealed(question)) progress_.chosen[question] = choice;
}

std::optional<int> LessonMode::chosen(const std::string& question) const {
  if (const auto it = progress_.chosen.find(question); it != progress_.chosen.end()) return it->second;
  return std::nullopt;
}

bool LessonMode::revealed(const std::string& question) const {
  const auto it = progress_.shown.find(question);
  return it != progress_.shown.end() && it->second;
}

}  // namespace gb::ui
