// The lost-update rule of scheduler/vm/lost_updates.h on hand-made access streams: a store from a stale load
// over another goroutine's store fires; the same store after a synchronising operation, a store with no load,
// a second store without a new load and a load that saw the other store do not.
#include <catch2/catch.hpp>

#include "scheduler/vm/lost_updates.h"

using namespace gb;
using namespace gb::vm;

namespace {

AccessCause at(GId g, std::uint32_t pc) {
  AccessCause c;
  c.g = g;
  c.func = 3;
  c.pc = pc;
  return c;
}

}  // namespace

TEST_CASE("lost update rule: load, another G's store, then a store from the stale load fires") {
  UpdateWatch w;
  LostUpdateRecord r;
  w.load(7, at(6, 10), 120);
  w.load(7, at(7, 20), 120);
  CHECK_FALSE(w.store(7, at(7, 21), 121, r));
  REQUIRE(w.store(7, at(6, 11), 121, r));
  CHECK(r.g == 6);
  CHECK(r.stored == 121);
  CHECK(r.loaded == 120);
  CHECK(r.over_g == 7);
  CHECK(r.over_value == 121);
  CHECK(r.over_pc == 21);
  CHECK(r.pc == 11);
  CHECK(r.load_pc == 10);
  // The store consumed G6's load: another store by G6 without a new load is not reported again.
  CHECK_FALSE(w.store(7, at(6, 11), 122, r));
}

TEST_CASE("lost update rule: what does not fire") {
  LostUpdateRecord r;
  SECTION("a synchronising operation between the load and the store (a Lock's CAS)") {
    UpdateWatch w;
    w.load(7, at(6, 10), 120);
    w.load(7, at(7, 20), 120);
    CHECK_FALSE(w.store(7, at(7, 21), 121, r));
    w.sync(6);
    CHECK_FALSE(w.store(7, at(6, 11), 121, r));
  }
  SECTION("the load saw the other store") {
    UpdateWatch w;
    w.load(7, at(7, 20), 120);
    CHECK_FALSE(w.store(7, at(7, 21), 121, r));
    w.load(7, at(6, 10), 121);
    CHECK_FALSE(w.store(7, at(6, 11), 122, r));
  }
  SECTION("a store with no load of its own") {
    UpdateWatch w;
    w.load(7, at(7, 20), 120);
    CHECK_FALSE(w.store(7, at(7, 21), 121, r));
    CHECK_FALSE(w.store(7, at(6, 11), 5, r));
  }
  SECTION("the other store wrote the value already loaded (nothing changed under the load)") {
    UpdateWatch w;
    w.load(7, at(6, 10), 120);
    w.load(7, at(7, 20), 120);
    CHECK_FALSE(w.store(7, at(7, 21), 120, r));
    CHECK_FALSE(w.store(7, at(6, 11), 121, r));
  }
  SECTION("another word") {
    UpdateWatch w;
    w.load(7, at(6, 10), 120);
    w.load(8, at(7, 20), 120);
    CHECK_FALSE(w.store(8, at(7, 21), 121, r));
    CHECK_FALSE(w.store(7, at(6, 11), 121, r));
  }
}

TEST_CASE("lost update rule: sweeping stale loads away changes nothing it reports") {
  UpdateWatch w;
  LostUpdateRecord r;
  // Many read-only words loaded by G5, which then synchronises: their marks go in a sweep.
  for (Word i = 0; i < 10'000; ++i) w.load(100 + i, at(5, 1), i);
  w.sync(5);
  w.load(7, at(6, 10), 120);
  for (Word i = 0; i < 10'000; ++i) w.load(20'000 + i, at(5, 1), i);  // sweeps happen meanwhile
  w.load(7, at(7, 20), 120);
  CHECK_FALSE(w.store(7, at(7, 21), 121, r));
  CHECK(w.store(7, at(6, 11), 121, r));
}
