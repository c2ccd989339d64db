// The studio's background explorer (explore_job.h).
#include "explore_job.h"

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
  cancel_ = false;
  running_ = true;
  thread_ = std::thread([this, program, opts, text, name = file.substr(file.find_last_of('/') + 1)] {
    Outcome out;
    out.result = explore::explore_schedules(program, opts);
    if (out.result.found) out.schedule = explore::schedule_file_of(*out.result.found, text, name, opts.config);
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
