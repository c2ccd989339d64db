// A run's row of numbers and the history of rows across restarts (run_summary.h).
#include "run_summary.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "coherence/protocol.h"

namespace gb::ui {

namespace {

// The words of a config, one per knob, keyed so two configs compare knob by knob. `shown` is false for a
// knob at its usual value (store buffers off, no bug), which config_words leaves out.
struct Part {
  std::string key, text;
  bool shown = true;
};

std::vector<Part> config_parts(const RunSummary& r, bool with_knobs) {
  const StudioConfig& c = r.config;
  std::vector<Part> out;
  out.push_back({"cores", c.cores == 1 ? std::string("1 core") : fmt::format("{} cores", c.cores)});
  out.push_back({"procs", fmt::format("GOMAXPROCS {}", c.gomaxprocs)});
  out.push_back({"protocol", make_protocol(c.protocol).name});
  out.push_back({"seed", fmt::format("seed {}", c.seed)});
  out.push_back({"sb",
                 c.store_buffers > 0 ? fmt::format("store buffers {}", c.store_buffers)
                                     : std::string("store buffers off"),
                 c.store_buffers > 0});
  out.push_back(
      {"bug", c.bug.empty() ? std::string("no bug") : fmt::format("bug {}", c.bug), !c.bug.empty()});
  out.push_back({"scale", fmt::format("time scale {:g}", c.time_scale), c.time_scale != 1.0});
  out.push_back({"jitter", fmt::format("jitter {:g}", c.jitter), c.jitter != 1.0});
  if (with_knobs)
    for (const auto& [name, value] : r.knobs)
      out.push_back({fmt::format("knob {}", name), fmt::format("{}={}", name, value)});
  return out;
}

// Appends `part` to a comma-separated list (no `"literal" + std::string`: g++ 12's false -Wrestrict).
void join(std::string& out, const std::string& part) {
  if (!out.empty()) out += ", ";
  out += part;
}

std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  const std::size_t nl = text.rfind('\n');
  return std::string(nl == std::string_view::npos ? text : text.substr(nl + 1));
}

}  // namespace

std::string RunSummary::config_words(bool with_knobs) const {
  std::string out;
  for (const Part& p : config_parts(*this, with_knobs))
    if (p.shown) join(out, p.text);
  return out;
}

std::string RunSummary::ending() const {
  if (!finished)
    return last_output.empty() ? std::string("running") : fmt::format("running: {}", last_output);
  const std::string status = exit_code ? fmt::format("exit {}", *exit_code) : std::string("ended");
  return last_output.empty() ? status : fmt::format("{}: {}", status, last_output);
}

RunSummary summarize_run(const StudioModel& model, StatsCache& cache, std::size_t budget) {
  RunSummary r;
  r.config = model.config();
  r.file = model.file();
  for (const lessons::Knob& k : model.knobs()) r.knobs.emplace_back(k.name, k.value);
  if (!model.loaded()) return r;
  const StatsTotals t = stats_totals(model);
  r.bus_rd = t.total.bus_rd;
  r.bus_rdx = t.total.bus_rdx;
  r.bus_upgr = t.total.bus_upgr;
  r.bus_upd = t.total.bus_upd;
  r.flushes = t.total.flushes;
  r.bus_transactions = t.bus_transactions;
  r.misses = t.total.misses();
  r.invalidations = t.total.invalidations;
  r.time_ns = t.now_ns;
  r.instructions = t.instructions;
  r.lost_updates = t.lost_updates;
  cache.update(model, budget);
  r.sema_wait_ns = cache.sema_wait_ns();
  r.sema_complete = cache.complete();
  r.finished = model.finished();
  r.exit_code = model.exit_code();
  r.last_output = last_line(model.stdout_text());
  return r;
}

std::string config_change(const RunSummary& before, const RunSummary& after) {
  const std::vector<Part> a = config_parts(before, true), b = config_parts(after, true);
  std::string out = before.file != after.file ? after.file : std::string();
  for (const Part& p : b) {
    const auto same = std::find_if(a.begin(), a.end(), [&](const Part& q) { return q.key == p.key; });
    if (same == a.end() || same->text != p.text) join(out, p.text);
  }
  return out;
}

void RunHistory::attach(StudioModel& model) {
  model.set_on_replace([this](const StudioModel& m) { record(m); });
}

void RunHistory::record(const StudioModel& model) {
  // Every record of the run, however far it went: the row is final.
  add(summarize_run(model, cache_, std::numeric_limits<std::size_t>::max()));
}

void RunHistory::add(RunSummary row) {
  if (row.instructions == 0) return;
  if (!rows_.empty() && rows_.back() == row) return;  // restarted twice at the same place
  rows_.push_back(std::move(row));
  while (rows_.size() > kMaxRows) rows_.pop_front();
}

RunSummary RunHistory::live(const StudioModel& model) {
  return summarize_run(model, cache_);
}

}  // namespace gb::ui
