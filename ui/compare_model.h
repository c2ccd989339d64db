// Compare: one program on two configurations side by side (MSI against MESI, padded against unpadded, 1 core
// against 4, mutex against atomic), both machines stepped to the same point, their run summaries compared
// metric by metric. The pairs on offer come from the program's knobs and the studio's config. No ImGui.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "run_summary.h"
#include "studio_model.h"

namespace gb::ui {

// One side of a pair: the machine's knobs and the program's.
struct CompareSide {
  StudioConfig config;
  std::map<std::string, std::string> knobs;  // program knobs set to these Go literals
  std::string label;                         // "MSI", "padded=false", "1 core", "mode=\"atomic\""
};

struct ComparePreset {
  std::string id;  // what --compare names: "protocol", "cores", a bool knob's name, or "knob=value"
  CompareSide a, b;
  std::string title() const;  // "MSI vs MESI"
};

// The pairs that apply to a program with `knobs` run on `base`: MSI against MESI, 1 core against 4
// (GOMAXPROCS following), each bool knob false against true, and each string knob's value against each other
// value its comment offers. Everything else is `base` on both sides.
std::vector<ComparePreset> compare_presets(const StudioConfig& base, const std::vector<lessons::Knob>& knobs);
// The preset of that id (or of that title), or nullopt.
std::optional<ComparePreset> find_preset(const std::vector<ComparePreset>& presets, const std::string& id);

// The numbers compared, in the table's order. Every one costs something: lower is better.
enum class CompareMetric {
  BusRd,
  BusRdX,
  BusUpgr,
  BusUpd,
  Flush,
  BusTotal,
  Misses,
  Invalidations,
  Time,
  Instructions,
  SemaWait,
  LostUpdates,
  Count
};
std::string_view metric_name(CompareMetric m);  // "BusRdX", "simulated time (ns)"

struct CompareRow {
  CompareMetric metric{};
  double a = 0, b = 0;
  std::optional<double> ratio;  // b / a; nullopt when a is 0 (and b is not)
  int better = 0;               // -1: a is lower, 1: b is lower, 0: equal
};
// Every metric but BusUpd, which only Dragon ever counts (shown when either side has some).
std::vector<CompareRow> compare_rows(const RunSummary& a, const RunSummary& b);

// Where a side stopped on the last "step both".
enum class CompareStop { Start, Fired, Ended, NotYet, Stepped };

class CompareModel {
 public:
  // `file` and `text`: the program (its knobs as the studio had them); false from ok() with error() when a
  // side does not compile (a knob value the program rejects).
  CompareModel(std::string file, std::string text, ComparePreset preset);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const ComparePreset& preset() const { return preset_; }
  const std::string& text() const { return text_; }  // the program as given (before the sides' knobs)
  StudioModel& side(int i) { return *sides_[static_cast<std::size_t>(i)]; }
  const StudioModel& side(int i) const { return *sides_[static_cast<std::size_t>(i)]; }

  // Both forward until `condition` fires (a side that ends first stays at its end), over several of the
  // model's bounded steps up to StudioModel::kRunToEndLimit instructions each. False with `error` when the
  // condition does not parse or names nothing; true when both sides are at the same point (both fired, or
  // both ended).
  bool run_until(const std::string& condition, std::string& error);
  bool run_to_end();                // both to their ends; true when both ended
  void step(StepKind kind, int n);  // each side `n` steps of `kind`
  void restart();
  CompareStop arrival(int i) const { return arrival_[static_cast<std::size_t>(i)]; }
  bool same_point() const;  // both fired the last condition, or both ended

  // The two rows as they stand, and their differences.
  std::array<RunSummary, 2> summaries();
  std::vector<CompareRow> rows() {
    const auto s = summaries();
    return compare_rows(s[0], s[1]);
  }

 private:
  CompareStop run_side(int i, const std::string& condition, std::string& error);
  ComparePreset preset_;
  std::string file_, text_, error_;
  std::array<std::unique_ptr<StudioModel>, 2> sides_;
  std::array<StatsCache, 2> caches_;
  std::array<CompareStop, 2> arrival_{CompareStop::Start, CompareStop::Start};
};

}  // namespace gb::ui
