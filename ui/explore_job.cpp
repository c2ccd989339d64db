// The studio's background explorer (explore_job.h).
#include "explore_job.h"

#include <algorithm>
#include <cctype>

#include "sim/explore/condition_watch.h"

namespace gb::ui {

bool ExploreJob::start(const StudioModel& model, const ExploreRequest& request) {
  stop();
  error_.clear();
  if (!model.loaded()) return false;
  request_ = request;
  std::optional<inspect::Condition> until;
  if (!request.until.empty()) {
    const inspect::ParsedCondition parsed = inspect::parse_condition(request.until);
    if (!parsed) {
      error_ = parsed.error.text();
      return false;
    }
    until = parsed.condition;
  }
  lines_ = model.lines();
  {
    std::lock_guard<std::mutex> lock(mu_);
    progress_ = {};
    outcome_.reset();
  }
  const StudioConfig& c = model.config();
  explore::ExploreOptions opts;
  opts.config.seed = c.seed;
  opts.config.gomaxprocs = c.gomaxprocs;
  opts.config.time_scale = c.time_scale;
  opts.config.machine.memory.cores = c.cores;
  opts.config.machine.memory.protocol = c.protocol;
  opts.config.world = c.machine_config().world;
  opts.config.race = request.race;
  opts.preemption_bound = request.preemption_bound;
  opts.max_schedules = request.max_schedules;
  opts.progress = [this](const explore::ExploreProgress& p) {
    std::lock_guard<std::mutex> lock(mu_);
    progress_ = p;
  };
  opts.cancelled = [this] { return cancel_.load(); };
  if (until) {
    opts.config.machine.detect_lost_updates = true;
    opts.watch = explore::condition_watch(until, false, &lines_);
  }
  std::shared_ptr<const vm::Program> program = model.program();
  const std::string text = model.text();
  const std::string file = model.file();
  explore::ScheduleFile shape;
  shape.program_hash = explore::program_hash(text);
  shape.file = file.substr(file.find_last_of('/') + 1);
  shape.cores = c.cores;
  shape.gomaxprocs = c.gomaxprocs;
  shape.protocol = std::string(protocol_name(c.protocol));
  std::transform(shape.protocol.begin(), shape.protocol.end(), shape.protocol.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  shape.seed = c.seed;
  cancel_ = false;
  running_ = true;
  thread_ = std::thread([this, program, opts, shape]() mutable {
    Outcome out;
    out.result = explore::explore_schedules(program, opts);
    if (out.result.found) {
      shape.found = out.result.found->what;
      shape.at = out.result.found->at;
      shape.instructions = out.result.found->finished ? 0 : out.result.found->instructions;
      shape.choices = out.result.found->choices;
      out.schedule = shape;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      progress_ = explore::ExploreProgress{out.result.schedules, out.result.pruned, out.result.bound,
                                           out.result.seconds};
      outcome_ = std::move(out);
    }
    running_ = false;
  });
  return true;
}

explore::ExploreProgress ExploreJob::progress() const {
  std::lock_guard<std::mutex> lock(mu_);
  return progress_;
}

std::optional<ExploreJob::Outcome> ExploreJob::take_outcome() {
  if (running_) return std::nullopt;
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<Outcome> out = std::move(outcome_);
  outcome_.reset();
  return out;
}

void ExploreJob::stop() {
  cancel_ = true;
  if (thread_.joinable()) thread_.join();
  running_ = false;
}

}  // namespace gb::ui
