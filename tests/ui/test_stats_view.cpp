// The stats panel's model on the built-in mutex example: totals are the sum of the cores' counters, the
// series count every logged transaction once, updating step by step gives what one update from scratch gives
// (also after a step back), a small budget catches up over several updates, and semaphore waits are counted.
#include <numeric>

#include <catch2/catch.hpp>

#include "ui/examples.h"
#include "ui/stats_view.h"
#include "ui/studio_example.h"

using namespace gb;
using namespace gb::ui;

namespace {

StudioModel example(ProtocolKind protocol = ProtocolKind::MESI, int cores = 2) {
  StudioConfig c;
  c.protocol = protocol;
  c.cores = cores;
  c.gomaxprocs = cores;
  return StudioModel(std::string(kExampleFile), std::string(example_program()), c);
}

double sum(const std::vector<float>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

void check_same(const StatsSeries& a, const StatsSeries& b) {
  CHECK(a.bucket_ns == b.bucket_ns);
  CHECK(a.bus == b.bus);
  CHECK(a.misses == b.misses);
  CHECK(a.invalidations == b.invalidations);
  CHECK(a.runnable == b.runnable);
  CHECK(a.running == b.running);
  CHECK(a.load_from == b.load_from);
  CHECK(a.to_present(a.runnable, a.last_runnable) == b.to_present(b.runnable, b.last_runnable));
}

StatsSeries fresh(const StudioModel& m) {
  StatsCache c;
  c.update(m);
  REQUIRE(c.complete());
  return c.series();
}

}  // namespace

TEST_CASE("stats view: totals are the cores' counters summed") {
  for (const ProtocolKind kind : {ProtocolKind::MESI, ProtocolKind::Dragon}) {
    StudioModel m = example(kind, kind == ProtocolKind::Dragon ? 4 : 2);
    for (int i = 0; i < 500; ++i) m.step(StepKind::Statement);
    const StatsTotals t = stats_totals(m);
    const std::vector<CoreView> cores = m.cores();
    REQUIRE(t.per_core.size() == cores.size());
    std::uint64_t misses = 0, invalidations = 0, rdx = 0, accesses = 0, requests = 0;
    for (std::size_t c = 0; c < cores.size(); ++c) {
      CHECK(t.per_core[c].misses() == cores[c].stats.misses());
      misses += cores[c].stats.misses();
      invalidations += cores[c].stats.invalidations;
      rdx += cores[c].stats.bus_rdx;
      accesses += cores[c].stats.accesses();
      requests += cores[c].stats.bus_requests();
    }
    CHECK(t.total.misses() == misses);
    CHECK(t.total.invalidations == invalidations);
    CHECK(t.total.bus_rdx == rdx);
    CHECK(t.hits() == accesses - misses);
    CHECK(t.total.misses() > 0);
    CHECK(t.bus_transactions == m.bus_transactions());
    if (kind == ProtocolKind::MESI) CHECK(t.total.bus_requests() == t.bus_transactions);
    CHECK(requests == t.total.bus_requests());
    CHECK_FALSE(t.payments);  // the example never asks the payment clients for a request
  }
}

TEST_CASE("stats view: the series count every logged transaction, miss and invalidation once") {
  // The regular run (jitter 0), whose two workers overlap for most of the program: over 200 transactions.
  StudioConfig regular;
  regular.jitter = 0;
  StudioModel m(std::string(kExampleFile), std::string(example_program()), regular);
  for (int i = 0; i < 1500 && !m.finished(); ++i) m.step(StepKind::Statement);
  StatsCache c;
  c.update(m);
  REQUIRE(c.complete());
  const StatsSeries& s = c.series();
  const auto& log = m.machine()->runtime().memory().bus_log();
  REQUIRE(log.size() > 100);
  CHECK(sum(s.bus) == Approx(static_cast<double>(log.size())));
  CHECK(c.bus_records_seen() == log.size());
  CHECK(s.bus.size() <= StatsSeries::kMaxBuckets);
  CHECK(s.bus.size() == s.runnable.size());
  // The last bucket holds the present.
  CHECK(static_cast<std::int64_t>(s.bus.size()) * s.bucket_ns > m.now_ns());
  const StatsTotals t = stats_totals(m);
  // Each line fill is one BusRd or BusRdX on the log, and the log has every transaction.
  CHECK(sum(s.misses) == Approx(static_cast<double>(t.total.misses())));
  CHECK(sum(s.invalidations) == Approx(static_cast<double>(t.total.invalidations)));
  CHECK(log.size() == t.bus_transactions);
  // Both workers ran: at some moment a G sat on each P.
  float most_running = 0;
  for (float v : s.to_present(s.running, s.last_running)) most_running = std::max(most_running, v);
  CHECK(most_running >= 2.0f);
}

TEST_CASE("stats view: step by step updates equal one update from scratch, also after stepping back") {
  StudioModel m = example();
  StatsCache c;
  for (int i = 0; i < 300; ++i) {
    m.step(StepKind::Statement);
    c.update(m);
  }
  check_same(c.series(), fresh(m));
  const std::size_t seen = c.bus_records_seen();
  m.step_back(StepKind::SchedulerEvent);
  m.step_back(StepKind::SchedulerEvent);
  c.update(m);
  CHECK(c.bus_records_seen() <= seen);
  CHECK(c.bus_records_seen() == m.machine()->runtime().memory().bus_log().size());
  check_same(c.series(), fresh(m));
  for (int i = 0; i < 50; ++i) m.step(StepKind::Statement);
  c.update(m);
  check_same(c.series(), fresh(m));
  // Another run (a knob changed) starts the series over.
  StudioConfig k = m.config();
  k.protocol = ProtocolKind::MOESI;
  m.set_config(k);
  for (int i = 0; i < 100; ++i) m.step(StepKind::Statement);
  c.update(m);
  check_same(c.series(), fresh(m));
}

TEST_CASE("stats view: a small budget catches up over several updates") {
  StudioModel m = example();
  for (int i = 0; i < 800; ++i) m.step(StepKind::Statement);
  StatsCache c;
  c.update(m, 10);
  CHECK_FALSE(c.complete());
  CHECK(c.bus_records_seen() == 10);
  int updates = 1;
  while (!c.complete() && updates < 10000) {
    c.update(m, 10);
    ++updates;
  }
  CHECK(c.complete());
  CHECK(updates > 5);
  check_same(c.series(), fresh(m));
}

TEST_CASE("stats view: semaphore waits of the mutex example") {
  StudioModel m = example();
  StatsCache c;
  c.update(m);
  CHECK(c.sema_wait_ns() == 0);
  while (!m.finished()) {
    m.step(StepKind::SchedulerEvent);
    c.update(m);
  }
  // main waits in WaitGroup.Wait (semacquire) for almost the whole run.
  CHECK(c.sema_parks() >= 1);
  CHECK(c.sema_wait_ns() > 0);
  CHECK(c.sema_wait_ns() <= m.now_ns() * m.config().gomaxprocs * 4);
  StatsCache again;
  again.update(m);
  CHECK(again.sema_wait_ns() == c.sema_wait_ns());
  CHECK(again.sema_parks() == c.sema_parks());
}

TEST_CASE("stats view: the payment workload counts payments and their rate") {
  const Example* e = find_example("payment.go");
  REQUIRE(e != nullptr);
  StudioModel m("payment.go", std::string(e->text));
  m.set_play_by_time(true);
  m.set_time_rate(1e12);
  m.set_playing(true);
  for (int i = 0; i < 2000 && m.playing(); ++i) m.tick(1.0);
  REQUIRE(m.finished());
  const StatsTotals t = stats_totals(m);
  REQUIRE(t.payments);
  CHECK(*t.payments == 200);
  CHECK(t.payments_per_second > 100.0);
}
