// Counters from the machine and series bucketed from its logs, read incrementally (stats_view.h).
#include "stats_view.h"

#include <algorithm>

namespace gb::ui {

namespace {

constexpr std::int64_t kFirstBucketNs = 8;

bool same_record(const vm::BusRecord& a, const vm::BusRecord& b) {
  return a.start_ns == b.start_ns && a.core == b.core && a.op == b.op && a.addr == b.addr &&
         a.change_count == b.change_count;
}

void add(CacheStats& t, const CacheStats& s) {
  t.reads += s.reads;
  t.read_misses += s.read_misses;
  t.writes += s.writes;
  t.write_misses += s.write_misses;
  t.writebacks += s.writebacks;
  t.c2c_transfers += s.c2c_transfers;
  t.interventions += s.interventions;
  t.invalidations += s.invalidations;
  t.flushes += s.flushes;
  t.bus_rd += s.bus_rd;
  t.bus_rdx += s.bus_rdx;
  t.bus_upgr += s.bus_upgr;
  t.bus_upd += s.bus_upd;
  t.memory_reads += s.memory_reads;
  t.silent_upgrades += s.silent_upgrades;
}

}  // namespace

StatsTotals stats_totals(const StudioModel& model) {
  StatsTotals t;
  const Machine* m = model.machine();
  if (m == nullptr) return t;
  const vm::Vm& vm = m->runtime();
  t.now_ns = vm.now();
  t.instructions = vm.instructions();
  t.gc_cycles = vm.gc_state().cycles;
  t.gc_pause_ns = vm.gc_state().pause_total_ns;
  t.heap_live_bytes = vm.memory().heap().live_bytes();
  t.heap_goal_bytes = vm.gc_state().goal;
  if (vm.memory().machine()) {
    const MemorySystem& sys = vm.memory().system();
    for (int c = 0; c < sys.cores(); ++c) {
      t.per_core.push_back(sys.stats(c));
      add(t.total, t.per_core.back());
    }
    t.bus_transactions = sys.transactions();
    t.bus_wait_ns = vm.memory().bus_wait_ns();
    t.lost_updates = vm.memory().lost_updates().size();
  }
  // Only a program that asks the payment clients for requests (the payment workload) has payments to count;
  // the studio configures the clients for every program.
  const std::uint64_t sent = m->world().payments_sent();
  if (sent > 0) {
    t.payments = sent;
    if (t.now_ns > 0) t.payments_per_second = static_cast<double>(sent) * 1e9 / static_cast<double>(t.now_ns);
  }
  return t;
}

void StatsCache::reset() {
  *this = StatsCache();
}

void StatsCache::widen() {
  auto pairs = [](std::vector<float>& v, bool sum) {
    std::vector<float> out((v.size() + 1) / 2, 0.0f);
    for (std::size_t i = 0; i < v.size(); ++i)
      out[i / 2] = sum ? out[i / 2] + v[i] : std::max(out[i / 2], v[i]);
    v = std::move(out);
  };
  pairs(series_.bus, true);
  pairs(series_.misses, true);
  pairs(series_.invalidations, true);
  pairs(series_.runnable, false);
  pairs(series_.running, false);
  series_.bucket_ns *= 2;
  filled_to_ /= 2;
}

std::size_t StatsCache::bucket(std::int64_t ns) {
  if (series_.bucket_ns == 0) series_.bucket_ns = kFirstBucketNs;
  const std::int64_t t = std::max<std::int64_t>(ns, 0);
  while (static_cast<std::size_t>(t / series_.bucket_ns) >= StatsSeries::kMaxBuckets) widen();
  const auto i = static_cast<std::size_t>(t / series_.bucket_ns);
  if (i >= series_.bus.size()) {
    for (std::vector<float>* v :
         {&series_.bus, &series_.misses, &series_.invalidations, &series_.runnable, &series_.running})
      v->resize(i + 1, 0.0f);
  }
  return i;
}

void StatsCache::carry_load(std::size_t to) {
  // Inclusive: the load before a sample also held at the start of the sample's bucket. So the series do not
  // depend on how wide the buckets were when a sample was read.
  for (std::size_t i = filled_to_; i <= to && i < series_.runnable.size(); ++i) {
    series_.runnable[i] = std::max(series_.runnable[i], static_cast<float>(last_load_.runnable));
    series_.running[i] = std::max(series_.running[i], static_cast<float>(last_load_.running));
  }
  filled_to_ = std::max(filled_to_, to);
}

void StatsCache::update(const StudioModel& model, std::size_t budget) {
  const Machine* m = model.machine();
  if (m == nullptr || !m->runtime().memory().machine()) {
    reset();
    return;
  }
  const vm::Vm& vm = m->runtime();
  const auto& bus = vm.memory().bus_log();
  const auto& load = vm.load_samples();
  const auto& slices = vm.run_slices();
  // The logs only grow along one history: anything else (shorter logs, a different record where the last one
  // read was) means a step back or another run, and the series start over.
  const bool same_history = session_ == model.session() && config_ == model.config() &&
                            bus.size() >= bus_seen_ && load.size() >= load_seen_ &&
                            slices.size() >= slices_seen_ &&
                            (bus_seen_ == 0 || same_record(bus[bus_seen_ - 1], last_bus_));
  if (!same_history) {
    reset();
    session_ = model.session();
    config_ = model.config();
  }

  const std::size_t bus_end = std::min(bus.size(), bus_seen_ + budget);
  for (std::size_t i = bus_seen_; i < bus_end; ++i) {
    const vm::BusRecord& b = bus[i];
    const std::size_t k = bucket(b.start_ns);
    series_.bus[k] += 1.0f;
    if (carries_line(b.op)) series_.misses[k] += 1.0f;
    for (std::uint8_t c = 0; c < b.change_count; ++c) {
      const StateChange& ch = b.changes[c];
      if (ch.core != b.core && is_valid(ch.from) && ch.to == LineState::I) series_.invalidations[k] += 1.0f;
    }
  }
  bus_seen_ = bus_end;
  if (bus_seen_ > 0) last_bus_ = bus[bus_seen_ - 1];

  const std::size_t load_end = std::min(load.size(), load_seen_ + budget);
  for (std::size_t i = load_seen_; i < load_end; ++i) {
    const vm::LoadSample& s = load[i];
    const std::size_t k = bucket(s.ts_ns);
    carry_load(k);  // the previous load held until this sample
    last_load_ = s;
    series_.runnable[k] = std::max(series_.runnable[k], static_cast<float>(s.runnable));
    series_.running[k] = std::max(series_.running[k], static_cast<float>(s.running));
  }
  load_seen_ = load_end;

  // Semaphore waits: a G's stretch that ended in semacquire, until its next stretch began. A stretch still
  // growing has no end reason yet: it is kept aside and looked at again next time.
  auto close = [&](const vm::RunSlice& s) {
    if (s.end_reason != "semacquire") return;
    parked_[s.g] = s.end_ns;
    ++sema_parks_;
  };
  std::vector<std::size_t> still_open;
  for (std::size_t i : open_slices_) {
    if (slices[i].end_reason.empty())
      still_open.push_back(i);
    else
      close(slices[i]);
  }
  const std::size_t slices_end = std::min(slices.size(), slices_seen_ + budget);
  for (std::size_t i = slices_seen_; i < slices_end; ++i) {
    const vm::RunSlice& s = slices[i];
    if (auto it = parked_.find(s.g); it != parked_.end()) {
      sema_wait_ns_ += std::max<std::int64_t>(0, s.start_ns - it->second);
      parked_.erase(it);
    }
    if (s.end_reason.empty())
      still_open.push_back(i);
    else
      close(s);
  }
  slices_seen_ = slices_end;
  open_slices_ = std::move(still_open);

  complete_ = bus_seen_ == bus.size() && load_seen_ == load.size() && slices_seen_ == slices.size();
  const std::int64_t now = vm.now();
  open_sema_ns_ = 0;
  if (complete_)
    for (const auto& [g, since] : parked_) open_sema_ns_ += std::max<std::int64_t>(0, now - since);
  // Every series reaches the present. The last load holds from its sample on, but a later sample may still
  // come with an earlier time than now (each core keeps its own clock): carry it only when drawing.
  bucket(complete_ ? now : (bus_seen_ > 0 ? last_bus_.start_ns : 0));
  series_.load_from = filled_to_;
  series_.last_runnable = static_cast<float>(last_load_.runnable);
  series_.last_running = static_cast<float>(last_load_.running);
}

std::vector<float> StatsSeries::to_present(const std::vector<float>& v, float last) const {
  std::vector<float> out = v;
  for (std::size_t i = load_from; i < out.size(); ++i) out[i] = std::max(out[i], last);
  return out;
}

}  // namespace gb::ui
