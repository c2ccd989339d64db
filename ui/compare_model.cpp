// Two StudioModels of one program on the two sides of a preset, stepped together (compare_model.h).
#include "compare_model.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "coherence/protocol.h"

namespace gb::ui {

namespace {

std::string cores_words(int n) {
  return n == 1 ? std::string("1 core") : fmt::format("{} cores", n);
}

}  // namespace

std::string ComparePreset::title() const {
  return fmt::format("{} vs {}", a.label, b.label);
}

std::vector<ComparePreset> compare_presets(const StudioConfig& base,
                                           const std::vector<lessons::Knob>& knobs) {
  std::vector<ComparePreset> out;
  {
    // The protocol pair: the E state saves the BusUpgr of a line read then written by one core alone.
    ComparePreset p{"protocol", {base, {}, "MSI"}, {base, {}, "MESI"}};
    p.a.config.protocol = ProtocolKind::MSI;
    p.b.config.protocol = ProtocolKind::MESI;
    p.a.config.bug.clear();  // a planted bug belongs to one protocol
    p.b.config.bug.clear();
    out.push_back(std::move(p));
  }
  {
    ComparePreset p{"cores", {base, {}, cores_words(1)}, {base, {}, cores_words(4)}};
    p.a.config.cores = p.a.config.gomaxprocs = 1;
    p.b.config.cores = p.b.config.gomaxprocs = 4;
    out.push_back(std::move(p));
  }
  for (const lessons::Knob& k : knobs) {
    if (k.kind == lessons::Knob::Kind::Bool) {
      out.push_back({k.name,
                     {base, {{k.name, "false"}}, fmt::format("{}=false", k.name)},
                     {base, {{k.name, "true"}}, fmt::format("{}=true", k.name)}});
    } else if (k.kind == lessons::Knob::Kind::String) {
      for (const std::string& v : k.choices) {
        if (v == k.value) continue;
        out.push_back({fmt::format("{}={}", k.name, v),
                       {base, {{k.name, k.value}}, fmt::format("{}={}", k.name, k.value)},
                       {base, {{k.name, v}}, fmt::format("{}={}", k.name, v)}});
      }
    }
  }
  return out;
}

std::optional<ComparePreset> find_preset(const std::vector<ComparePreset>& presets, const std::string& id) {
  // A string knob's value may be given with or without Go's quotes: mode=atomic or mode="atomic".
  const auto unquoted = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '"'), s.end());
    return s;
  };
  for (const ComparePreset& p : presets)
    if (p.id == id || unquoted(p.id) == unquoted(id) || p.title() == id) return p;
  return std::nullopt;
}

std::string_view metric_name(CompareMetric m) {
  constexpr std::string_view names[] = {"BusRd",
                                        "BusRdX",
                                        "BusUpgr",
                                        "BusUpd",
                                        "Flush",
                                        "bus total",
                                        "misses",
                                        "invalidations",
                                        "simulated ns",
                                        "instructions",
                                        "semaphore wait ns",
                                        "lost updates"};
  static_assert(std::size(names) == static_cast<std::size_t>(CompareMetric::Count));
  return names[static_cast<std::size_t>(m)];
}

std::vector<CompareRow> compare_rows(const RunSummary& a, const RunSummary& b) {
  const auto value = [](const RunSummary& r, CompareMetric m) -> double {
    switch (m) {
      case CompareMetric::BusRd:
        return static_cast<double>(r.bus_rd);
      case CompareMetric::BusRdX:
        return static_cast<double>(r.bus_rdx);
      case CompareMetric::BusUpgr:
        return static_cast<double>(r.bus_upgr);
      case CompareMetric::BusUpd:
        return static_cast<double>(r.bus_upd);
      case CompareMetric::Flush:
        return static_cast<double>(r.flushes);
      case CompareMetric::BusTotal:
        return static_cast<double>(r.bus_transactions);
      case CompareMetric::Misses:
        return static_cast<double>(r.misses);
      case CompareMetric::Invalidations:
        return static_cast<double>(r.invalidations);
      case CompareMetric::Time:
        return static_cast<double>(r.time_ns);
      case CompareMetric::Instructions:
        return static_cast<double>(r.instructions);
      case CompareMetric::SemaWait:
        return static_cast<double>(r.sema_wait_ns);
      case CompareMetric::LostUpdates:
        return static_cast<double>(r.lost_updates);
      case CompareMetric::Count:
        break;
    }
    return 0.0;
  };
  std::vector<CompareRow> out;
  for (int i = 0; i < static_cast<int>(CompareMetric::Count); ++i) {
    const auto m = static_cast<CompareMetric>(i);
    CompareRow row{m, value(a, m), value(b, m), std::nullopt, 0};
    if (m == CompareMetric::BusUpd && row.a == 0 && row.b == 0) continue;
    if (row.a != 0)
      row.ratio = row.b / row.a;
    else if (row.b == 0)
      row.ratio = 1.0;
    row.better = row.a < row.b ? -1 : row.b < row.a ? 1 : 0;
    out.push_back(row);
  }
  return out;
}

CompareModel::CompareModel(std::string file, std::string text, ComparePreset preset)
    : preset_(std::move(preset)), file_(std::move(file)), text_(std::move(text)) {
  const CompareSide* sides[] = {&preset_.a, &preset_.b};
  for (std::size_t i = 0; i < 2; ++i) {
    const lessons::KnobResult k = lessons::set_knobs(text_, sides[i]->knobs);
    if (!k.error.empty() && error_.empty()) error_ = k.error;
    sides_[i] = std::make_unique<StudioModel>(file_, k.error.empty() ? k.text : text_, sides[i]->config);
    if (!sides_[i]->loaded() && error_.empty()) error_ = sides_[i]->diagnostics();
  }
}

CompareStop CompareModel::run_side(int i, const std::string& condition, std::string& error) {
  StudioModel& m = side(i);
  if (m.finished()) return CompareStop::Ended;
  const std::uint64_t from = m.instructions();
  // Each run_until stops after StudioModel::kStepLimit instructions: go on until it fires, the program ends
  // or the budget of a run to the end is spent.
  while (m.instructions() - from < StudioModel::kRunToEndLimit) {
    const std::uint64_t before = m.instructions();
    if (m.run_until(condition, error)) return CompareStop::Fired;
    if (!error.empty()) return CompareStop::NotYet;
    if (m.finished()) return CompareStop::Ended;
    if (m.instructions() == before) break;
  }
  return CompareStop::NotYet;
}

bool CompareModel::run_until(const std::string& condition, std::string& error) {
  if (!ok()) {
    error = error_;
    return false;
  }
  for (int i = 0; i < 2; ++i) {
    arrival_[static_cast<std::size_t>(i)] = run_side(i, condition, error);
    if (!error.empty()) return false;
  }
  return same_point();
}

bool CompareModel::run_to_end() {
  for (int i = 0; i < 2 && ok(); ++i) {
    side(i).run_to_end();
    arrival_[static_cast<std::size_t>(i)] = side(i).finished() ? CompareStop::Ended : CompareStop::NotYet;
  }
  return same_point();
}

void CompareModel::step(StepKind kind, int n) {
  for (int i = 0; i < 2 && ok(); ++i) {
    for (int s = 0; s < n && !side(i).finished(); ++s) side(i).step(kind);
    arrival_[static_cast<std::size_t>(i)] = side(i).finished() ? CompareStop::Ended : CompareStop::Stepped;
  }
}

void CompareModel::restart() {
  for (int i = 0; i < 2; ++i) {
    side(i).restart();
    arrival_[static_cast<std::size_t>(i)] = CompareStop::Start;
  }
}

bool CompareModel::same_point() const {
  const CompareStop a = arrival_[0], b = arrival_[1];
  return a == b && (a == CompareStop::Fired || a == CompareStop::Ended || a == CompareStop::Start);
}

std::array<RunSummary, 2> CompareModel::summaries() {
  // Both rows complete: a compared number read halfway would mislead.
  return {summarize_run(side(0), caches_[0], std::numeric_limits<std::size_t>::max()),
          summarize_run(side(1), caches_[1], std::numeric_limits<std::size_t>::max())};
}

}  // namespace gb::ui
