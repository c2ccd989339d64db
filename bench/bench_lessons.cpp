// Lessons (issue 13 §6): loading one (reading its files, building its machine and finding every checkpoint by
// running to it: target under 300 ms) and moving to any of its checkpoints, forward or back (target under
// 100 ms), for every lesson of lessons/; with the studio built, also opening it in the studio (the lesson mode's
// own load: the checkpoints found, the program and machine put into a StudioModel, the introduction rendered). Run: build/bench_lessons --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true (README: "Lessons").
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "lessons/lesson_loader.h"
#include "lessons/lesson_run.h"
#ifdef GB_BENCH_STUDIO
#include "ui/lesson_mode.h"
#endif

namespace {

namespace fs = std::filesystem;

void load(benchmark::State& state, fs::path folder) {
  for (auto _ : state) {
    const gb::lessons::Loaded l = gb::lessons::load_lesson(folder);
    std::string error;
    auto t = gb::lessons::LessonTimeline::start(l.lesson, error);
    if (!t) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(t);
  }
}

// Each iteration goes to another checkpoint: first, last, second, second last, ..., so moves go both forward
// and back, short and long.
void go_to(benchmark::State& state, fs::path folder) {
  const gb::lessons::Loaded l = gb::lessons::load_lesson(folder);
  std::string error;
  auto t = gb::lessons::LessonTimeline::start(l.lesson, error);
  if (!t || t->positions().empty()) {
    state.SkipWithError(t ? "no checkpoint reached" : error.c_str());
    return;
  }
  const std::size_t n = t->positions().size();
  std::size_t j = 0;
  for (auto _ : state) {
    const std::size_t half = (j / 2) % n;
    t->go_to(j % 2 == 0 ? half : n - 1 - half);
    ++j;
    benchmark::DoNotOptimize(t->session().position());
  }
  state.counters["checkpoints"] = static_cast<double>(n);
}

#ifdef GB_BENCH_STUDIO
void studio_open(benchmark::State& state, fs::path folder) {
  for (auto _ : state) {
    gb::ui::StudioModel model("x.go", "package main\n\nfunc main() {}\n");
    std::string error;
    auto mode = gb::ui::LessonMode::open(folder, model, gb::lessons::Lang::En, error);
    if (!mode) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(mode);
  }
}
#endif

}  // namespace

int main(int argc, char** argv) {
  for (const fs::path& f : gb::lessons::lesson_folders(gb::lessons::default_lessons_root())) {
    const std::string name = f.filename().string();
    benchmark::RegisterBenchmark(("load/" + name).c_str(), load, f)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("checkpoint/" + name).c_str(), go_to, f)->Unit(benchmark::kMillisecond);
#ifdef GB_BENCH_STUDIO
    benchmark::RegisterBenchmark(("studio/" + name).c_str(), studio_open, f)->Unit(benchmark::kMillisecond);
#endif
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
