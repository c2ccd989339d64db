// Run > Explore: the schedule explorer (sim/explore) on the studio's program and knobs, on a thread of its own so
// the window keeps drawing, with its progress readable every frame and a Cancel. What it finds comes back as a
// schedule for schedule_open.h. No ImGui.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sim/explore/schedule_explorer.h"
#include "sim/explore/schedule_file.h"
#include "studio_model.h"

namespace gb::ui {

struct ExploreRequest {
  int preemption_bound = 2;
  std::uint64_t max_schedules = 10'000;  // interactive: a minute or two at most (the CLI's default is 200 000)
  bool race = false;  // also stop at a data race
  std::string until;  // also stop where this condition fires (a lesson's goal: "lost update on balance")
};

class ExploreJob {
 public:
  ExploreJob() = default;
  ExploreJob(const ExploreJob&) = delete;
  ExploreJob& operator=(const ExploreJob&) = delete;
  ~ExploreJob() { stop(); }

  // Starts exploring `model`'s program with its knobs (cores, GOMAXPROCS, protocol, seed). A search already
  // running is cancelled first. False when the model has no program or `until` does not parse (error() says).
  bool start(const StudioModel& model, const ExploreRequest& request);
  const std::string& error() const { return error_; }
  void cancel() { cancel_ = true; }
  bool running() const { return running_; }
  // The latest progress (schedules run, pruned, the bound, seconds), read while it runs.
  explore::ExploreProgress progress() const;
  std::uint64_t max_schedules() const { return request_.max_schedules; }
  // Once it has stopped: what it found or why it stopped (taken once).
  struct Outcome {
    explore::ExploreResult result;
    std::optional<explore::ScheduleFile> schedule;  // what went wrong, ready for apply_schedule
  };
  std::optional<Outcome> take_outcome();

 private:
  void stop();

  ExploreRequest request_;
  std::thread thread_;
  std::atomic<bool> running_{false};
  std::atomic<bool> cancel_{false};
  mutable std::mutex mu_;
  explore::ExploreProgress progress_;
  std::optional<Outcome> outcome_;
  std::vector<std::string> lines_;  // the program's lines, which `until` may name (read by the thread)
  std::string error_;
};

}  // namespace gb::ui
