// The studio's frame on the CPU: building every panel's ImGui draw lists (no GPU, no window) for the README's
// frame-rate figures, at the state `gopherbus --measure` shows: bench/go/studio_load.go (1000 goroutines) on
// 8 cores with more than 64 valid lines in every cache. Also one frame while playing (a tick of the
// simulation within the app's 12 ms budget, then the frame), which is what bounds the frame rate while
// playing.
#include <chrono>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "ui/fonts.h"
#include "ui/studio_frame.h"
#include "ui/theme.h"

using namespace gb;
using namespace gb::ui;

namespace {

std::string read(const char* path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Studio {
  FontSet fonts;
  UiState common;
  StudioUiState ui;
  std::unique_ptr<StudioModel> model;
  Studio(float w, float h) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.0f / 60.0f;
    load_fonts(fonts, 1.0f, "");
    apply_style(1.0f);
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    common.fonts = &fonts;
    ui.common = &common;
    StudioConfig c;
    c.cores = 8;
    c.gomaxprocs = 8;
    model =
        std::make_unique<StudioModel>("studio_load.go", read(GB_SOURCE_DIR "/bench/go/studio_load.go"), c);
    model->seek(3'000'000);  // past main's set-up: 1000 goroutines running, caches full
  }
  ~Studio() { ImGui::DestroyContext(); }
  void frame() {
    ImGui::NewFrame();
    ImGui::PushFont(fonts.ui);
    draw_studio(*model, ui, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    ImGui::PopFont();
    ImGui::Render();
  }
};

void BM_StudioFrame(benchmark::State& state) {
  Studio s(static_cast<float>(state.range(0)), static_cast<float>(state.range(1)));
  for (int i = 0; i < 30; ++i) s.frame();  // tables sized, indices built
  std::size_t lines = 0;
  for (const CoreView& c : s.model->cores()) lines += s.model->cache_lines(c.id).size();
  for (auto _ : state) s.frame();
  state.counters["goroutines"] = static_cast<double>(s.model->goroutines().size());
  state.counters["valid_lines_per_cache"] = static_cast<double>(lines) / 8.0;
  state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_StudioFrame)->Args({1440, 900})->Args({1920, 1080})->Unit(benchmark::kMillisecond);

// The same frame with one panel hidden: what each panel costs (vertices are what a software renderer pays
// for).
void BM_StudioFrameWithout(benchmark::State& state) {
  Studio s(1920, 1080);
  bool PanelVisibility::*const panels[] = {
      &PanelVisibility::source, &PanelVisibility::scheduler, &PanelVisibility::cores, &PanelVisibility::bus,
      &PanelVisibility::output, &PanelVisibility::timeline,  &PanelVisibility::stats};
  const char* names[] = {"source", "scheduler", "cores", "bus", "output", "timeline", "stats"};
  s.ui.panels.*panels[state.range(0)] = false;
  if (state.range(0) == 5) s.ui.bottom_tab = BottomTab::Stats;
  for (int i = 0; i < 30; ++i) s.frame();
  for (auto _ : state) s.frame();
  state.SetLabel(std::string("without ") + names[state.range(0)]);
  state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_StudioFrameWithout)->DenseRange(0, 6)->Unit(benchmark::kMillisecond);

// Playing by machine time: what one frame of the app costs (the tick stops at its 12 ms budget).
void BM_StudioPlayingFrame(benchmark::State& state) {
  Studio s(1920, 1080);
  s.model->set_play_by_time(true);
  s.model->set_time_rate(1e9);
  for (int i = 0; i < 10; ++i) s.frame();
  const std::int64_t ns0 = s.model->now_ns();
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    s.model->set_playing(true);
    const auto start = std::chrono::steady_clock::now();
    s.model->tick(1.0 / 30.0,
                  [&] { return std::chrono::steady_clock::now() - start > std::chrono::milliseconds(12); });
    s.frame();
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  state.counters["sim_cycles_per_s"] = static_cast<double>(s.model->now_ns() - ns0) / wall;
}
BENCHMARK(BM_StudioPlayingFrame)->Unit(benchmark::kMillisecond)->Iterations(120);

}  // namespace

BENCHMARK_MAIN();
